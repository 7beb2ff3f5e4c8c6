import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Locale, MessageKey, MessageParams } from '../../shared/i18n';
import { formatDateTime } from '../format';
import { RecoveryPrintSheet } from './RecoveryPrintSheet';

type T = (key: MessageKey, params?: MessageParams) => string;

/** The recovery code, shown once: printed on its sheet or written down, confirmed before going on. */
export function RecoveryCode({ code, t, onKept, locale = 'vi' }: { code: string; t: T; onKept: () => void; locale?: Locale }) {
  const [kept, setKept] = useState(false);
  const [madeAt] = useState(() => formatDateTime(locale, new Date().toISOString()));
  return (
    <Card style={{ width: 520 }} data-testid="recovery-code">
      <Typography.Title level={3}>{t('auth.recoveryTitle')}</Typography.Title>
      <Typography.Paragraph>{t('auth.recoveryShow')}</Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: code }}
        style={{ fontFamily: 'monospace', fontSize: 22, letterSpacing: 1, textAlign: 'center' }}
        data-testid="recovery-code-text"
      >
        {code}
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} block>
          {t('recoverySheet.print')}
        </Button>
        <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
          {t('auth.recoveryKept')}
        </Checkbox>
      </Space>
      <Button type="primary" block disabled={!kept} onClick={onKept} style={{ marginTop: 16 }}>
        {t('auth.continue')}
      </Button>
      <RecoveryPrintSheet code={code} t={t} madeAt={madeAt} />
    </Card>
  );
}
