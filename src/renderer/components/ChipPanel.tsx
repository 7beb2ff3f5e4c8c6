import { Alert, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { LookupChip } from '../../shared/api-contract';
import type { AuthenticityStatus } from '../../shared/chip/chip-read';
import type { FaceImage } from '../../shared/chip/lds-files';
import { showDate } from '../format';
import { useT } from '../i18n';

const STATUS_LOOK: Record<AuthenticityStatus, { color: string; alert: 'success' | 'warning' | 'error' }> = {
  genuine: { color: 'green', alert: 'success' },
  intact_no_csca: { color: 'gold', alert: 'warning' },
  not_genuine: { color: 'red', alert: 'error' },
};

/** The image as a data: URL (the page's CSP allows `img-src data:`). */
function dataUrl(photo: FaceImage): string {
  let binary = '';
  for (let i = 0; i < photo.bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...photo.bytes.subarray(i, i + 0x8000));
  }
  return `data:${photo.mime};base64,${btoa(binary)}`;
}

/** The chip's verdict as a tag (the checkpoint log, the result's title). */
export function ChipStatusTag({ status }: { status: AuthenticityStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_LOOK[status].color} data-testid="chip-status-tag">
      {t(`chip.status.${status}`)}
    </Tag>
  );
}

/**
 * What the card's chip says beyond the compared fields: its verdict (and which check failed), the
 * portrait, the other DG13 fields, the key that opened it, and whether the QR code scanned agrees.
 */
export function ChipPanel({ chip }: { chip: LookupChip }) {
  const t = useT();
  const { read, qrDifferences } = chip;
  const { status, problems } = read.authenticity;
  const photo = read.photo;
  const src = useMemo(() => (photo?.mime === 'image/jpeg' ? dataUrl(photo) : null), [photo]);
  const opened = read.openedWith;
  const openedText =
    opened.source === 'qr'
      ? t('chip.desk.openedWith.qr', { attempt: opened.attempt, candidates: opened.candidates })
      : t(`chip.desk.openedWith.${opened.source}`);
  const value = (text: string | null) => text ?? '—';
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="chip-panel">
      <Alert
        type={STATUS_LOOK[status].alert}
        showIcon
        data-testid="chip-status"
        message={<strong>{t(`chip.status.${status}`)}</strong>}
        description={
          <>
            {t(`chip.desk.help.${status}`)}
            {problems.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {problems.map((p) => (
                  <li key={`${p.key}${JSON.stringify(p.params ?? {})}`}>{t(p.key, p.params)}</li>
                ))}
              </ul>
            )}
          </>
        }
      />
      {qrDifferences !== null && (
        <Alert
          type={qrDifferences.length === 0 ? 'info' : 'error'}
          showIcon
          data-testid="qr-vs-chip"
          message={
            qrDifferences.length === 0
              ? t('chip.desk.qrAgrees')
              : t('chip.desk.qrDiffers', { fields: qrDifferences.map((f) => t(`field.${f}`)).join(', ') })
          }
        />
      )}
      <Row gutter={16} wrap={false}>
        <Col flex="none" style={{ width: 150 }}>
          {src !== null ? (
            <img
              src={src}
              alt={t('chip.desk.portrait')}
              data-testid="chip-portrait"
              style={{ width: 140, border: '1px solid #d9d9d9', borderRadius: 4 }}
            />
          ) : (
            <Typography.Text type="secondary">{t(photo ? 'chip.desk.jpeg2000' : 'chip.desk.noPhoto')}</Typography.Text>
          )}
        </Col>
        <Col flex="auto">
          <Descriptions size="small" column={2} bordered title={t('chip.desk.title')}>
            <Descriptions.Item label={t('col.nationality')}>{value(read.nationality)}</Descriptions.Item>
            <Descriptions.Item label={t('col.ethnicity')}>{value(read.ethnicity)}</Descriptions.Item>
            <Descriptions.Item label={t('chip.field.religion')}>{value(read.religion)}</Descriptions.Item>
            <Descriptions.Item label={t('col.oldId')}>{value(read.oldId)}</Descriptions.Item>
            <Descriptions.Item label={t('chip.field.placeOfOrigin')} span={2}>
              {value(read.placeOfOrigin)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chip.field.identifyingMarks')} span={2}>
              {value(read.identifyingMarks)}
            </Descriptions.Item>
            <Descriptions.Item label={t('col.issueDate')}>{showDate(read.issueDate) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.expiryDate')}>
              {read.expiresNever ? t('chip.field.noExpiry') : showDate(read.expiryDate) || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('chip.field.fatherName')}>{value(read.fatherName)}</Descriptions.Item>
            <Descriptions.Item label={t('chip.field.motherName')}>{value(read.motherName)}</Descriptions.Item>
            <Descriptions.Item label={t('chip.field.spouseName')}>{value(read.spouseName)}</Descriptions.Item>
            <Descriptions.Item label={t('chip.desk.openedWith')}>{openedText}</Descriptions.Item>
          </Descriptions>
        </Col>
      </Row>
    </Space>
  );
}
