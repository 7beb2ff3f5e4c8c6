import { Alert, Card, Col, Descriptions, List, Row, Space, Tag, Typography } from 'antd';
import type { LookupResult, LookupSource } from '../../shared/api-contract';
import type { MessageKey } from '../../shared/i18n';
import type { ComparedField } from '../../shared/verification/vocabulary';
import { sexKey, showDate } from '../format';
import { useT } from '../i18n';
import { ChipPanel, ChipStatusTag } from './ChipPanel';
import { StatusTag } from './StatusTag';

/** How the person was identified, as the result and the checkpoint log name it. */
export const SOURCE_KEYS: Record<LookupSource, MessageKey> = {
  qr: 'lookup.scanned',
  mrz: 'lookup.mrz',
  typed: 'lookup.typed',
  chip: 'chip.desk.source',
};

/**
 * One look-up: the card (QR code, MRZ or chip) beside the registry record with the differences
 * marked, the chip's verdict and portrait when the chip was read, the ID number's checks, and the
 * lists still waiting on this person.
 */
export function LookupResultCard({ result, scanned }: { result: LookupResult; scanned: boolean }) {
  const t = useT();
  const { card, resident, chip } = result;
  const differs = (field: ComparedField) => result.differences.includes(field);
  const mark = (field: ComparedField, value: string) =>
    differs(field) ? <Typography.Text mark>{value || '—'}</Typography.Text> : value;
  const sexText = (sex: 'male' | 'female' | null | undefined) => (sex ? t(sexKey(sex)) : '');
  const rows: [ComparedField, string, string, string][] = [
    ['fullName', t('col.fullName'), card?.fullName ?? '', resident?.fullName ?? ''],
    ['birthDate', t('col.birthDate'), showDate(card?.birthDate ?? null), showDate(resident?.birthDate ?? null)],
    ['sex', t('col.sex'), sexText(card?.sex), sexText(resident?.sex)],
    [
      'personalId',
      t('col.personalId'),
      card?.personalId ?? result.number,
      resident ? [resident.personalId, resident.oldId].filter(Boolean).join(' / ') : '',
    ],
    ['address', t('col.permanentAddress'), card?.address ?? '', resident?.permanentAddress ?? ''],
  ];
  const expiry = card?.expiryDate && result.source !== 'chip' ? showDate(card.expiryDate) : null;
  const lostAccents = result.warnings.some((w) => w.includes('HID POS'));
  const { idCheck } = result;
  return (
    <Card
      data-testid="lookup-result"
      title={resident?.fullName ?? card?.fullName ?? result.number}
      extra={
        <Space>
          {chip && <ChipStatusTag status={chip.read.authenticity.status} />}
          <Tag>{t(SOURCE_KEYS[result.source])}</Tag>
        </Space>
      }
    >
      {result.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} />
      ))}
      {scanned && lostAccents && <Alert type="info" showIcon message={t('lookup.keyboardHint')} style={{ marginBottom: 8 }} />}
      {!resident && <Alert type="error" showIcon message={t('lookup.notInRegistry')} style={{ marginBottom: 8 }} />}
      {chip && <ChipPanel chip={chip} />}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="">
          <Row>
            <Col span={12}>
              <strong>{card ? t(result.source === 'chip' ? 'chip.desk.onChip' : 'lookup.card') : ''}</strong>
            </Col>
            <Col span={12}>
              <strong>{t('lookup.registry')}</strong>
            </Col>
          </Row>
        </Descriptions.Item>
        {rows.map(([field, label, cardValue, registryValue]) => (
          <Descriptions.Item key={field} label={label}>
            <Row>
              <Col span={12}>{card || field === 'personalId' ? mark(field, cardValue) : ''}</Col>
              <Col span={12}>{resident ? mark(field, registryValue) : ''}</Col>
            </Row>
          </Descriptions.Item>
        ))}
        {result.addressNotes?.map((n) => (
          <Descriptions.Item key={`${n.former}${n.now}`} label="">
            <Typography.Text type="secondary">{t('address.formerUnit', { former: n.former, now: n.now })}</Typography.Text>
          </Descriptions.Item>
        ))}
        {expiry && <Descriptions.Item label={t('lookup.expiryDate')}>{expiry}</Descriptions.Item>}
        {idCheck.provinceName && (
          <Descriptions.Item label={t('id.province')}>
            <span data-testid="id-province">
              {idCheck.provinceName}
              {idCheck.provinceNow && idCheck.provinceNow !== idCheck.provinceName
                ? ` — ${t('id.provinceNow')}: ${idCheck.provinceNow}`
                : ''}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {!idCheck.valid && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t('lookup.idInvalid')} />}
      {result.openEntries.length > 0 && (
        <List
          style={{ marginTop: 12 }}
          size="small"
          header={<strong>{t('lookup.openEntries')}</strong>}
          dataSource={[...result.openEntries]}
          renderItem={(e) => (
            <List.Item>
              {e.fileName} · {t('col.row')} {e.row} · <StatusTag status={e.status} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
