import { Alert, Button, Form, Input, Space } from 'antd';
import type { ChipScan } from '../../shared/api-contract';
import { call } from '../data/call';
import { useT } from '../i18n';

interface TypedKey {
  readonly documentNumber: string;
  /** As typed (dd/mm/yyyy or yyyy-mm-dd): main reads it. */
  readonly birthDate: string;
  readonly expiryDate: string;
}

/** The key typed at the desk (card number, birth and expiry dates) for the card on the reader. */
function ChipKeyForm({ onSent }: { onSent: (reading: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm<TypedKey>();
  const send = async (typed: TypedKey) => {
    const answer = await call('chip-key', {
      key: {
        kind: 'typed',
        documentNumber: typed.documentNumber,
        birthDate: typed.birthDate,
        expiryDate: typed.expiryDate,
      },
    });
    if (answer) onSent(answer.reading);
  };
  return (
    <Form form={form} layout="inline" onFinish={(v) => void send(v)} data-testid="chip-key-form" style={{ rowGap: 8 }}>
      <Form.Item name="documentNumber" rules={[{ required: true }]}>
        <Input placeholder={t('chip.desk.docNumber')} aria-label={t('chip.desk.docNumber')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="birthDate" rules={[{ required: true }]}>
        <Input placeholder={t('col.birthDate')} aria-label={t('col.birthDate')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="expiryDate" rules={[{ required: true }]}>
        <Input placeholder={t('col.expiryDate')} aria-label={t('col.expiryDate')} style={{ width: 140 }} />
      </Form.Item>
      <Button htmlType="submit">{t('chip.desk.useKey')}</Button>
    </Form>
  );
}

/**
 * What the chip reader at the desk is doing: reading a card, waiting for the card's key (scan its QR
 * code or MRZ, or type it here), or why a read failed (a wrong key can be typed again).
 */
export function ChipDeskNotice({ scan, onKeySent }: { scan: ChipScan; onKeySent: (reading: boolean) => void }) {
  const t = useT();
  if (scan.state === 'read') return null;
  if (scan.state === 'reading') {
    return <Alert type="info" showIcon data-testid="chip-notice" message={t('chip.desk.reading', { reader: scan.reader })} />;
  }
  const message =
    scan.state === 'failed' ? t(scan.problem.key, scan.problem.params) : t('chip.desk.needsKey', { reader: scan.reader });
  return (
    <Alert
      type={scan.state === 'failed' ? 'error' : 'warning'}
      showIcon
      data-testid="chip-notice"
      message={message}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <strong>{t('chip.desk.keyTitle')}</strong>
          <ChipKeyForm onSent={onKeySent} />
        </Space>
      }
    />
  );
}
