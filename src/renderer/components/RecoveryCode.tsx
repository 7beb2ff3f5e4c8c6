import { Button, Card, Checkbox, Typography } from 'antd';
import { useState } from 'react';
import type { MessageKey, MessageParams } from '../../shared/i18n';

type T = (key: MessageKey, params?: MessageParams) => string;

/** The recovery code, shown once: the administrator confirms it is written down before going on. */
export function RecoveryCode({ code, t, onKept }: { code: string; t: T; onKept: () => void }) {
  const [kept, setKept] = useState(false);
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
      <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
        {t('auth.recoveryKept')}
      </Checkbox>
      <Button type="primary" block disabled={!kept} onClick={onKept} style={{ marginTop: 16 }}>
        {t('auth.continue')}
      </Button>
    </Card>
  );
}
