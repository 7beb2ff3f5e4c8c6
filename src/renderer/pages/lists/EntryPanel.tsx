import { Alert, Button, Card, Col, Descriptions, Input, Row, Space, Typography } from 'antd';
import type { EntryView } from '../../../shared/api-contract';
import { RESOLUTION_FITS, type ComparedField, type Resolution } from '../../../shared/verification/vocabulary';
import { StatusTag } from '../../components/StatusTag';
import { sexKey, showDate, useFormat } from '../../format';
import { useT } from '../../i18n';
import { CandidateList } from './CandidateList';
import { RESOLUTION_KEYS } from './resolution-keys';

/** One entry of the worklist beside the registry's record, with its differences marked and the resolutions that fit. */
export function EntryPanel(props: {
  entry: EntryView;
  note: string;
  onNote: (note: string) => void;
  onResolve: (entry: EntryView, resolution: Resolution, candidateId?: number) => Promise<void>;
  onUndo: (entry: EntryView) => Promise<void>;
}) {
  const t = useT();
  const format = useFormat();
  const { entry } = props;
  const differs = (field: ComparedField) => entry.differences.includes(field);
  const mark = (field: ComparedField, text: string) =>
    differs(field) ? <Typography.Text mark>{text || '—'}</Typography.Text> : text;
  const r = entry.resident;
  const sexText = (sex: EntryView['sex']) => (sex ? t(sexKey(sex)) : '');
  const rows = [
    ['fullName', entry.fullName ?? '', r?.fullName ?? ''],
    ['birthDate', showDate(entry.birthDate), showDate(r?.birthDate ?? null)],
    ['sex', sexText(entry.sex), sexText(r?.sex ?? null)],
    ['personalId', entry.idNumber ?? '', r ? [r.personalId, r.oldId].filter(Boolean).join(' / ') : ''],
    ['address', entry.address ?? '', r?.permanentAddress ?? ''],
  ] as const;
  return (
    <Card
      size="small"
      title={
        <Space>
          {`${t('col.row')} ${entry.row}`}
          {entry.status && <StatusTag status={entry.status} />}
        </Space>
      }
      data-testid="entry-panel"
    >
      <Descriptions size="small" column={1} bordered labelStyle={{ width: 130 }}>
        <Descriptions.Item label="">
          <Row>
            <Col span={12}>
              <strong>{t('lists.listSide')}</strong>
            </Col>
            <Col span={12}>
              <strong>{t('lists.registrySide')}</strong>
            </Col>
          </Row>
        </Descriptions.Item>
        {rows.map(([field, listValue, registryValue]) => (
          <Descriptions.Item key={field} label={t(`field.${field}`)}>
            <Row>
              <Col span={12}>{mark(field, listValue)}</Col>
              <Col span={12}>
                {r ? mark(field, registryValue) : <Typography.Text type="secondary">{t('lists.noRegistry')}</Typography.Text>}
              </Col>
            </Row>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {entry.candidates.length > 0 && (
        <CandidateList
          candidates={entry.candidates}
          chosen={r?.id ?? null}
          onChoose={(c) => void props.onResolve(entry, 'candidate_chosen', c.id)}
        />
      )}
      {entry.resolution ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          message={t('lists.resolvedBy', {
            resolution: t(`resolution.${entry.resolution}`),
            by: entry.resolvedBy ?? '',
            at: entry.resolvedAt ? format.dateTime(entry.resolvedAt) : '',
          })}
          description={entry.resolutionNote}
          action={<Button onClick={() => void props.onUndo(entry)}>{t('lists.undo')}</Button>}
        />
      ) : (
        entry.status !== null &&
        RESOLUTION_KEYS.some((a) => RESOLUTION_FITS[a.resolution].includes(entry.status!)) && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Input.TextArea
              rows={2}
              placeholder={t('lists.note')}
              aria-label={t('lists.note')}
              value={props.note}
              onChange={(e) => props.onNote(e.target.value)}
            />
            <Space wrap>
              {RESOLUTION_KEYS.filter((a) => RESOLUTION_FITS[a.resolution].includes(entry.status!)).map((a) => (
                <Button
                  key={a.resolution}
                  disabled={a.needsNote && props.note.trim() === ''}
                  onClick={() => void props.onResolve(entry, a.resolution)}
                >
                  {a.key}. {t(`resolution.${a.resolution}`)}
                </Button>
              ))}
            </Space>
          </Space>
        )
      )}
    </Card>
  );
}
