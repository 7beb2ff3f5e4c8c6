import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { AuthStatus } from '../../shared/api-contract';
import type { MessageKey, MessageParams } from '../../shared/i18n';
import { api } from '../api/client';
import { NewPasswordFields } from './NewPasswordFields';
import { Recover } from './Recover';

type T = (key: MessageKey, params?: MessageParams) => string;

/** The sign-in form, or on the first run the form that creates the administrator. Errors show in the card. */
export function SignIn({
  setup,
  canRecover,
  t,
  onDone,
}: {
  setup: boolean;
  canRecover: boolean;
  t: T;
  onDone: (status: AuthStatus) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);
  const [busy, setBusy] = useState(false);
  if (recovering) return <Recover t={t} onDone={onDone} onBack={() => setRecovering(false)} />;
  const submit = async (values: { username: string; password: string; displayName?: string }) => {
    if (busy) return;
    setBusy(true);
    const r = setup
      ? await api['auth-setup']({
          username: values.username,
          displayName: values.displayName ?? values.username,
          password: values.password,
        })
      : await api['auth-login']({ username: values.username, password: values.password });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error.message);
  };
  return (
    <Card style={{ width: 420 }} data-testid="sign-in">
      <Typography.Title level={3}>{t('app.name')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(setup ? 'auth.setupHint' : 'auth.signInHint')}</Typography.Paragraph>
      {/* The whole message: a wrong password that starts a wait says how long ("Hãy đợi N giây"). */}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
      <Form layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
        </Form.Item>
        {setup && (
          <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
        )}
        {setup ? (
          <NewPasswordFields t={t} />
        ) : (
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordNeeded') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t(setup ? 'auth.createAdmin' : 'auth.signIn')}
        </Button>
      </Form>
      {!setup && canRecover && (
        <Button type="link" onClick={() => setRecovering(true)} style={{ marginTop: 8, paddingLeft: 0 }}>
          {t('auth.forgot')}
        </Button>
      )}
    </Card>
  );
}
