import { App as AntApp, ConfigProvider, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { Suspense, lazy, useCallback, useEffect, useState, type ReactNode } from 'react';
import { translate, type Locale, type MessageKey, type MessageParams } from '../shared/i18n';
import { AUTH_REQUIRED_EVENT } from './api/client';
import { SignIn } from './auth/SignIn';
import { LazyFatalError } from './components/LazyFatalError';
import { RecoveryCode } from './components/RecoveryCode';
import { call } from './data/call';
import { ErrorSurface } from './data/ErrorSurface';
import { useQuery } from './data/useQuery';
import { LocaleContext } from './i18n';
import { THEME } from './theme';

// The shell and its pages load after the sign-in screen is up.
const App = lazy(() => import('./App').then((m) => ({ default: m.App })));

const ACTIVITY_EVENTS = ['mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Nobody works without signing in: the first run creates the administrator, then each person signs
 * in; a session idle too long locks (the page signs out, and main refuses calls by itself anyway).
 */
export function AuthGate() {
  const auth = useQuery('auth-status', {});
  const { reload, setData: setStatus } = auth;
  const status = auth.data ?? null;
  const [locale, setLocale] = useState<Locale>('vi');
  const t = useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);

  useEffect(() => {
    void call('app-info', {}).then((info) => info && setLocale(info.locale));
    const onAuth = () => void reload();
    window.addEventListener(AUTH_REQUIRED_EVENT, onAuth);
    return () => window.removeEventListener(AUTH_REQUIRED_EVENT, onAuth);
  }, [reload]);

  const signOut = useCallback(() => void call('auth-logout', {}).then((s) => s && setStatus(s)), [setStatus]);

  // The idle lock: no key or click for the set time signs out.
  const user = status?.user ?? null;
  const idleMinutes = status?.idleMinutes ?? 15;
  useEffect(() => {
    if (!user) return;
    let last = Date.now();
    const seen = () => (last = Date.now());
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, seen, true);
    const timer = setInterval(() => {
      if (Date.now() - last > idleMinutes * 60_000) signOut();
    }, 15_000);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, seen, true);
    };
  }, [user, idleMinutes, signOut]);

  if (status === null) return auth.error ? <LazyFatalError message={auth.error.message} /> : <Spin style={{ margin: 64 }} />;
  // Right after the first administrator is made: the recovery code, once, before anything else.
  if (status.user && status.recoveryCode)
    return (
      <Centered locale={locale}>
        <RecoveryCode code={status.recoveryCode} t={t} onKept={() => setStatus({ ...status, recoveryCode: undefined })} />
      </Centered>
    );
  if (status.user)
    return (
      <Suspense fallback={<Spin style={{ margin: 64 }} />}>
        <App user={status.user} onSignOut={signOut} />
      </Suspense>
    );
  return (
    <Centered locale={locale}>
      <SignIn setup={status.needsSetup} canRecover={status.canRecover} t={t} onDone={setStatus} />
    </Centered>
  );
}

function Centered({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <LocaleContext.Provider value={locale}>
      <ConfigProvider locale={viVN} theme={THEME}>
        <AntApp>
          <ErrorSurface />
          <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 96 }}>{children}</div>
        </AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
