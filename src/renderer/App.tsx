import { App as AntApp, Button, ConfigProvider, Layout, Menu, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { Suspense, useEffect, useMemo, useState } from 'react';
import type { UserView } from '../shared/api-contract';
import { translate, type Locale, type MessageKey, type MessageParams } from '../shared/i18n';
import { DatabaseHealthBanner } from './components/DatabaseHealthBanner';
import { DemoBanner } from './components/DemoBanner';
import { DemoWelcome } from './components/DemoWelcome';
import { LazyFatalError } from './components/LazyFatalError';
import { ReturnAlerts } from './components/ReturnAlerts';
import { AppInfoContext, type AppInfoState } from './data/app-info';
import { ErrorSurface } from './data/ErrorSurface';
import { useQuery } from './data/useQuery';
import { LocaleContext } from './i18n';
import { PageView, PAGES, type Page } from './pages/PageView';
import { ScanRouter, ScanRouterContext, useScanner } from './scanner/useScanner';
import { THEME } from './theme';

function pageFromHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, '').split('/')[0];
  return PAGES.find((p) => p === name) ?? 'residents';
}

/** The app shell: navigation, first-run demo choice, language; the signed-in user and sign-out. */
export function App({ user, onSignOut }: { user: UserView; onSignOut: () => void }) {
  const appInfo = useQuery('app-info', {});
  const [page, setPage] = useState<Page>(pageFromHash);
  const info = appInfo.data;
  const locale: Locale = info?.locale ?? 'vi';
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  // A scan brings up the person wherever the officer is; on the devices page it is a test scan.
  const [router] = useState(
    () =>
      new ScanRouter(() => {
        window.location.hash = '/lookup';
        setPage('lookup');
      }),
  );
  const scannerStatus = useScanner((scan) => router.deliver(scan));
  const { reload, setData } = appInfo;
  const infoState = useMemo<AppInfoState | null>(
    () => (info ? { info, user, refresh: reload, setInfo: setData } : null),
    [info, user, reload, setData],
  );

  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const navigate = (next: Page) => {
    window.location.hash = `/${next}`;
    setPage(next);
    void reload();
  };

  if (appInfo.error && !info) return <LazyFatalError message={appInfo.error.message} />;
  if (!info || !infoState) return <Spin style={{ margin: 64 }} />;

  return (
    <LocaleContext.Provider value={locale}>
      <AppInfoContext.Provider value={infoState}>
        <ScanRouterContext.Provider value={router}>
          <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={THEME}>
            <AntApp>
              <ErrorSurface />
              <Layout style={{ minHeight: '100vh' }}>
                {/* The menu stays where it is while a long page scrolls. */}
                <Layout.Sider
                  width={210}
                  theme="light"
                  breakpoint="lg"
                  collapsedWidth={0}
                  style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
                >
                  <div style={{ padding: '16px 16px 8px' }}>
                    <Typography.Title level={4} style={{ margin: 0 }}>
                      {t('app.name')}
                    </Typography.Title>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('app.tagline')}
                    </Typography.Text>
                    <div style={{ marginTop: 8 }} data-testid="signed-in">
                      <Typography.Text strong>{user.displayName}</Typography.Text>{' '}
                      <Typography.Text type="secondary">({t(`auth.role.${user.role}`)})</Typography.Text>
                      <br />
                      <Button size="small" type="link" style={{ padding: 0 }} onClick={onSignOut}>
                        {t('auth.signOut')}
                      </Button>
                    </div>
                  </div>
                  <Menu
                    mode="inline"
                    selectedKeys={[page]}
                    onClick={(e) => navigate(PAGES.find((p) => p === e.key) ?? page)}
                    items={PAGES.map((p) => ({ key: p, label: t(`nav.${p}`) }))}
                  />
                </Layout.Sider>
                <Layout>
                  <DatabaseHealthBanner isAdmin={user.role === 'admin'} />
                  {info.demoResidentCount > 0 && <DemoBanner count={info.demoResidentCount} />}
                  {page !== 'lists' && (
                    <ReturnAlerts
                      banner
                      overdue={info.overdueLists}
                      partial={info.partialLists}
                      action={
                        <Button size="small" onClick={() => navigate('lists')}>
                          {t('nav.lists')}
                        </Button>
                      }
                    />
                  )}
                  <Layout.Content style={{ padding: '12px 20px' }}>
                    <Suspense fallback={<Spin style={{ margin: 64 }} />}>
                      <PageView page={page} scannerStatus={scannerStatus} isAdmin={user.role === 'admin'} />
                    </Suspense>
                  </Layout.Content>
                </Layout>
              </Layout>
              {!info.demoChoiceMade && info.residentCount === 0 && <DemoWelcome />}
            </AntApp>
          </ConfigProvider>
        </ScanRouterContext.Provider>
      </AppInfoContext.Provider>
    </LocaleContext.Provider>
  );
}
