/** The tables of a resident's card: their columns, in the app's language, dates day first. */
import { Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type {
  AccessEntryView,
  CardChange,
  CardDose,
  CardInfection,
  CardListEntry,
  CheckpointVisit,
} from '../../shared/api-contract';
import type { MessageKey, MessageParams } from '../../shared/i18n';
import type { ResidentRecord } from '../../shared/types';
import { showDate, sexKey, useFormat } from '../format';
import { useT } from '../i18n';
import { StatusTag } from './StatusTag';

type T = (key: MessageKey, params?: MessageParams) => string;

/** The label of each registry field. */
export const RECORD_LABELS: Readonly<Record<keyof ResidentRecord, MessageKey>> = {
  personalId: 'col.personalId',
  oldId: 'col.oldId',
  fullName: 'col.fullName',
  birthDate: 'col.birthDate',
  sex: 'col.sex',
  ethnicity: 'col.ethnicity',
  nationality: 'col.nationality',
  permanentAddress: 'col.permanentAddress',
  currentAddress: 'col.currentAddress',
  householdCode: 'col.householdCode',
};

const CHANGE_STATUS: Readonly<Record<CardChange['status'], { key: MessageKey; color: string }>> = {
  pending: { key: 'card.change.pending', color: 'gold' },
  exported: { key: 'card.change.exported', color: 'blue' },
  accepted: { key: 'card.change.accepted', color: 'green' },
  rejected: { key: 'card.change.rejected', color: 'red' },
};

function isRecordField(name: string): name is keyof ResidentRecord {
  return name in RECORD_LABELS;
}

/** A registry value for display: dates day first, sex in words. */
export function recordValue(t: T, field: keyof ResidentRecord, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (field === 'birthDate' && typeof value === 'string') return showDate(value);
  if (field === 'sex' && (value === 'male' || value === 'female')) return t(sexKey(value));
  return String(value);
}

function changedFields(t: T, fields: Readonly<Record<string, unknown>>): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => (isRecordField(k) ? `${t(RECORD_LABELS[k])}: ${recordValue(t, k, v)}` : `${k}: ${String(v)}`))
    .join('; ');
}

export interface CardColumns {
  readonly lists: TableColumnsType<CardListEntry>;
  readonly doses: TableColumnsType<CardDose>;
  readonly infections: TableColumnsType<CardInfection>;
  readonly visits: TableColumnsType<CheckpointVisit>;
  readonly changes: TableColumnsType<CardChange>;
  readonly access: TableColumnsType<AccessEntryView>;
}

/** The columns of the card's tables. */
export function useCardColumns(): CardColumns {
  const t = useT();
  const format = useFormat();
  return useMemo(
    () => ({
      lists: [
        {
          title: t('card.list'),
          render: (_, e) => (
            <>
              <div>{e.fileName}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`kind.${e.kind}`)} · {e.source}
              </Typography.Text>
            </>
          ),
        },
        { title: t('lists.colDrawnUp'), dataIndex: 'drawnUp', width: 100, render: showDate },
        { title: t('col.row'), dataIndex: 'row', width: 60 },
        {
          title: t('export.status'),
          dataIndex: 'status',
          width: 150,
          render: (s: CardListEntry['status']) => <StatusTag status={s} />,
        },
        {
          title: t('export.resolution'),
          render: (_, e) => (
            <>
              {e.resolution ? t(`resolution.${e.resolution}`) : '—'}
              {e.returnedAt && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('card.returnedAt', { at: format.dateTime(e.returnedAt) })}
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
      ],
      doses: [
        { title: t('field.vaccinationDate'), dataIndex: 'vaccinationDate', width: 110, render: showDate },
        { title: t('field.dose'), dataIndex: 'dose', width: 70 },
        { title: t('field.vaccine'), dataIndex: 'vaccine' },
        { title: t('field.lot'), dataIndex: 'lot', width: 100 },
        { title: t('field.facility'), dataIndex: 'facility' },
      ],
      infections: [
        { title: t('card.confirmedOn'), dataIndex: 'confirmedOn', render: showDate },
        { title: t('card.recoveredOn'), dataIndex: 'recoveredOn', render: (d: string | null) => showDate(d) || '—' },
        { title: t('card.test'), dataIndex: 'test', render: (v: string | null) => v ?? '—' },
      ],
      visits: [
        { title: t('col.at'), dataIndex: 'at', width: 170, render: (at: string) => format.dateTime(at) },
        { title: t('col.place'), dataIndex: 'place' },
        {
          title: t('col.direction'),
          dataIndex: 'direction',
          width: 90,
          render: (d: CheckpointVisit['direction']) => t(`direction.${d}`),
        },
      ],
      changes: [
        {
          title: t('card.changeKind'),
          dataIndex: 'kind',
          width: 130,
          render: (k: CardChange['kind']) => t(k === 'new' ? 'card.change.new' : 'card.change.correction'),
        },
        { title: t('card.changeFields'), render: (_, c) => changedFields(t, c.fields) },
        {
          title: t('export.status'),
          dataIndex: 'status',
          width: 130,
          render: (s: CardChange['status']) => <Tag color={CHANGE_STATUS[s].color}>{t(CHANGE_STATUS[s].key)}</Tag>,
        },
        { title: t('card.changeAt'), dataIndex: 'createdAt', width: 170, render: (at: string) => format.dateTime(at) },
      ],
      access: [
        { title: t('col.at'), dataIndex: 'at', width: 170, render: (at: string) => format.dateTime(at) },
        { title: t('card.accessUser'), dataIndex: 'user', render: (u: string | null) => u ?? '—' },
        { title: t('card.accessAction'), dataIndex: 'action', render: (a: AccessEntryView['action']) => t(`access.action.${a}`) },
      ],
    }),
    [t, format],
  );
}
