import { UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { AuthStatus } from '../../shared/api-contract';
import type { MessageKey, MessageParams } from '../../shared/i18n';
import { api } from '../api/client';
import { NewPasswordFields } from './NewPasswordFields';

type T = (key: MessageKey, params?: MessageParams) => string;

/** A forgotten administrator password: the recovery code written down at installation sets a new one. */
export function Recover({ t, onDone, onBack }: { t: T; onDone: (status: AuthStatus) => void; onBack: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ code, username, password }: { code: string; username: string; password: string }) => {
    if (busy) return;
    setBusy(true);
    const r = await api['auth-recover']({ code, username, password });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error.message);
  };
  return (
    <Card style={{ width: 460 }} data-testid="recover">
      <Typography.Title level={3}>{t('auth.forgot')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.recoverHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="code" label={t('auth.recoveryTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input autoFocus autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" />
        </Form.Item>
        <NewPasswordFields t={t} label="auth.newPassword" />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.recover')}
        </Button>
      </Form>
      <Button type="link" onClick={onBack} style={{ marginTop: 8, paddingLeft: 0 }}>
        {t('auth.back')}
      </Button>
    </Card>
  );
}
