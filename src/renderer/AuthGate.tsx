import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, ConfigProvider, Form, Input, Spin, Typography } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AuthStatus, UserView } from '../shared/api-contract';
import { translate, type Locale, type MessageKey } from '../shared/i18n';
import { App } from './App';
import { RecoveryCode } from './components/RecoveryCode';
import { AUTH_REQUIRED_EVENT, api } from './api/client';
import { LocaleContext } from './i18n';

const ACTIVITY_EVENTS = ['mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Nobody works without signing in: the first run creates the administrator, then each person signs
 * in; a session idle too long locks (the page signs out, and main refuses calls by itself anyway).
 */
export function AuthGate() {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [locale, setLocale] = useState<Locale>('vi');
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params), [locale]);

  const load = useCallback(
    () =>
      api['auth-status']({}).then((r) => {
        if (r.ok) setStatus(r.value);
      }),
    [],
  );
  useEffect(() => {
    void load();
    void api['app-info']({}).then((r) => r.ok && setLocale(r.value.locale));
    const onAuth = () => void load();
    window.addEventListener(AUTH_REQUIRED_EVENT, onAuth);
    return () => window.removeEventListener(AUTH_REQUIRED_EVENT, onAuth);
  }, [load]);

  // The idle lock: no key or click for the set time signs out.
  const user = status?.user ?? null;
  const idleMinutes = status?.idleMinutes ?? 15;
  useEffect(() => {
    if (!user) return;
    let last = Date.now();
    const seen = () => (last = Date.now());
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, seen, true);
    const timer = setInterval(() => {
      if (Date.now() - last > idleMinutes * 60_000) void api['auth-logout']({}).then((r) => r.ok && setStatus(r.value));
    }, 15_000);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, seen, true);
    };
  }, [user, idleMinutes]);

  if (status === null) return <Spin style={{ margin: 64 }} />;
  // Right after the first administrator is made: the recovery code, once, before anything else.
  if (status.user && status.recoveryCode)
    return (
      <Centered locale={locale}>
        <RecoveryCode code={status.recoveryCode} t={t} onKept={() => setStatus({ ...status, recoveryCode: undefined })} />
      </Centered>
    );
  if (status.user)
    return <App user={status.user} onSignOut={() => void api['auth-logout']({}).then((r) => r.ok && setStatus(r.value))} />;
  return (
    <Centered locale={locale}>
      <SignIn setup={status.needsSetup} canRecover={status.canRecover} t={t} onDone={setStatus} />
    </Centered>
  );
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

function Centered({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <LocaleContext.Provider value={locale}>
      <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: '#b71c1c', fontSize: 15 } }}>
        <AntApp>
          <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 96 }}>{children}</div>
        </AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

function SignIn({
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
  if (recovering) return <Recover t={t} onDone={onDone} onBack={() => setRecovering(false)} />;
  const submit = async (values: { username: string; password: string; displayName?: string }) => {
    const r = setup
      ? await api['auth-setup']({
          username: values.username,
          displayName: values.displayName ?? values.username,
          password: values.password,
        })
      : await api['auth-login']({ username: values.username, password: values.password });
    if (r.ok) onDone(r.value);
    else setError(r.error.message);
  };
  return (
    <Card style={{ width: 420 }} data-testid="sign-in">
      <Typography.Title level={3}>{t('app.name')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(setup ? 'auth.setupHint' : 'auth.signInHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
        </Form.Item>
        {setup && (
          <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete={setup ? 'new-password' : 'current-password'} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
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

/** A forgotten administrator password: the recovery code written down at installation sets a new one. */
function Recover({ t, onDone, onBack }: { t: T; onDone: (status: AuthStatus) => void; onBack: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: { code: string; username: string; password: string }) => {
    const r = await api['auth-recover'](values);
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
        <Form.Item name="password" label={t('auth.newPassword')} rules={[{ required: true, min: 8 }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          {t('auth.recover')}
        </Button>
      </Form>
      <Button type="link" onClick={onBack} style={{ marginTop: 8, paddingLeft: 0 }}>
        {t('auth.back')}
      </Button>
    </Card>
  );
}

export type { UserView };
