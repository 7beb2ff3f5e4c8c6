import { Alert, Button, Card, Col, Descriptions, Input, Row, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import type { Ref } from 'react';
import type { EntryView, ResidentRef } from '../../../shared/api-contract';
import type { MessageKey } from '../../../shared/i18n';
import { RESOLUTION_FITS, type ComparedField, type Resolution } from '../../../shared/verification/vocabulary';
import { StatusTag } from '../../components/StatusTag';
import { sexKey, showDate } from '../../format';
import { useT } from '../../i18n';
import { CandidateList } from './CandidateList';
import { EntryResolved } from './EntryResolved';
import { RESOLUTION_KEYS } from './resolution-keys';

/** What the worklist's buttons say: a dialog's resolution says what it opens. */
const BUTTON_LABELS: Partial<Record<Resolution, MessageKey>> = { collected: 'collect.open' };

/**
 * One entry of the worklist beside the registry's record, with its differences marked, and its way
 * forward: the resolutions that fit, the candidates to choose from, or why nothing is needed.
 */
export function EntryPanel(props: {
  entry: EntryView;
  note: string;
  onNote: (note: string) => void;
  noteBox: Ref<TextAreaRef>;
  /** Ctrl+Enter in the note box records (true); Esc leaves it (false). */
  onNoteDone: (record: boolean) => void;
  /** A resolution chosen by its button (those with a dialog open it). */
  onResolve: (entry: EntryView, resolution: Resolution) => void;
  onChoose: (entry: EntryView, candidate: ResidentRef) => void;
  onUndo: (entry: EntryView) => void;
  onGoToRow: (row: number) => void;
}) {
  const t = useT();
  const { entry, noteBox, note, onNote, onNoteDone } = props;
  const differs = (field: ComparedField) => entry.differences.includes(field);
  const mark = (field: ComparedField, text: string) =>
    differs(field) ? <Typography.Text mark>{text || '—'}</Typography.Text> : text;
  const r = entry.resident;
  const foreign = entry.status === 'foreign';
  const sexText = (sex: EntryView['sex']) => (sex ? t(sexKey(sex)) : '');
  const rows = [
    ['fullName', entry.fullName ?? '', r?.fullName ?? ''],
    ['birthDate', showDate(entry.birthDate), showDate(r?.birthDate ?? null)],
    ['sex', sexText(entry.sex), sexText(r?.sex ?? null)],
    ['personalId', entry.idNumber ?? '', r ? [r.personalId, r.oldId].filter(Boolean).join(' / ') : ''],
    ['address', entry.address ?? '', r?.permanentAddress ?? ''],
  ] as const;
  const fits = RESOLUTION_KEYS.filter((a) => entry.status !== null && RESOLUTION_FITS[a.resolution].includes(entry.status));
  return (
    <Card
      size="small"
      title={
        <Space>
          {`${t('col.row')} ${entry.row}`}
          {entry.status && <StatusTag status={entry.status} />}
          {entry.duplicateOfRow !== null && <Tag color="purple">{t('handling.duplicate', { row: entry.duplicateOfRow })}</Tag>}
        </Space>
      }
      data-testid="entry-panel"
    >
      {entry.status === 'duplicate' && entry.duplicateOfRow !== null && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          data-testid="entry-guidance"
          message={t('handling.duplicate', { row: entry.duplicateOfRow })}
          description={t('entry.duplicateHint', { row: entry.duplicateOfRow })}
          action={
            <Button size="small" onClick={() => props.onGoToRow(entry.duplicateOfRow!)}>
              {t('entry.goToRow', { row: entry.duplicateOfRow })}
            </Button>
          }
        />
      )}
      {foreign && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          data-testid="entry-guidance"
          message={t('handling.foreign')}
          description={t('entry.foreignHint')}
        />
      )}
      {/* Several residents fit: the candidates' table shows the list's values beside each of them. */}
      {(r !== null || entry.candidates.length === 0) && (
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 130 } }}>
          <Descriptions.Item label="">
            <Row gutter={12}>
              <Col span={12}>
                <strong>{t('lists.listSide')}</strong>
              </Col>
              <Col span={12}>
                <strong>{t('lists.registrySide')}</strong>
              </Col>
            </Row>
          </Descriptions.Item>
          {rows.map(([field, listValue, registryValue]) => (
            <Descriptions.Item
              key={field}
              label={field === 'personalId' && foreign ? t('entry.passportNumber') : t(`field.${field}`)}
            >
              <Row gutter={12}>
                <Col span={12}>{mark(field, listValue)}</Col>
                <Col span={12}>
                  {r ? mark(field, registryValue) : <Typography.Text type="secondary">{t('lists.noRegistry')}</Typography.Text>}
                </Col>
              </Row>
              {field === 'address' &&
                entry.addressNotes?.map((n) => (
                  <Typography.Text key={`${n.former}-${n.now}`} type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('address.formerUnit', { former: n.former, now: n.now })}
                  </Typography.Text>
                ))}
            </Descriptions.Item>
          ))}
          {foreign && <Descriptions.Item label={t('field.nationality')}>{entry.nationality ?? ''}</Descriptions.Item>}
        </Descriptions>
      )}
      {entry.candidates.length > 0 && (
        <CandidateList entry={entry} chosen={r?.id ?? null} onChoose={(c) => props.onChoose(entry, c)} />
      )}
      {entry.resolution ? (
        <EntryResolved entry={entry} onUndo={() => props.onUndo(entry)} />
      ) : (
        fits.length > 0 && (
          // The note and the actions stay at the panel's bottom edge while the comparison scrolls above.
          <Space
            direction="vertical"
            style={{
              width: '100%',
              marginTop: 12,
              position: 'sticky',
              bottom: 0,
              background: '#fff',
              paddingBottom: 4,
              zIndex: 1,
            }}
          >
            <Input.TextArea
              ref={noteBox}
              rows={2}
              placeholder={t('lists.note')}
              aria-label={t('lists.note')}
              value={note}
              onChange={(e) => onNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  onNoteDone(true);
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  onNoteDone(false);
                }
              }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('worklist.noteHelp')}
            </Typography.Text>
            <Space wrap>
              {fits.map((a) => {
                const label = t(BUTTON_LABELS[a.resolution] ?? `resolution.${a.resolution}`);
                return (
                  <Button
                    key={a.resolution}
                    style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
                    onClick={() => props.onResolve(entry, a.resolution)}
                  >
                    {a.dialog ? t('entry.openDialog', { key: a.key, label }) : `${a.key}. ${label}`}
                  </Button>
                );
              })}
            </Space>
          </Space>
        )
      )}
    </Card>
  );
}
