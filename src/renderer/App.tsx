import {
  App as AntApp,
  Alert,
  Button,
  ConfigProvider,
  Layout,
  Menu,
  Modal,
  Result as AntResult,
  Space,
  Spin,
  Typography,
  message,
} from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, UserView } from '../shared/api-contract';
import { translate, type Locale, type MessageKey } from '../shared/i18n';
import { api } from './api/client';
import { LocaleContext, useT } from './i18n';
import { DevicesPage } from './pages/DevicesPage';
import { ListsPage } from './pages/ListsPage';
import { LookupPage } from './pages/LookupPage';
import { ResidentsPage } from './pages/ResidentsPage';
import { PackagesPage } from './pages/PackagesPage';
import { SettingsPage } from './pages/SettingsPage';
import { VaccinationPage } from './pages/VaccinationPage';
import { ScanRouter, ScanRouterContext, useScanner } from './scanner/useScanner';

const PAGES = ['lookup', 'lists', 'residents', 'vaccination', 'packages', 'devices', 'settings'] as const;
type Page = (typeof PAGES)[number];

function pageFromHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'residents';
}

/** The app shell: navigation, first-run demo choice, language; the signed-in user and sign-out. */
export function App({ user, onSignOut }: { user: UserView; onSignOut: () => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [page, setPage] = useState<Page>(pageFromHash);
  const locale: Locale = info?.locale ?? 'vi';
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params), [locale]);
  // A scan brings up the person wherever the officer is; on the devices page it is a test scan.
  const [router] = useState(
    () =>
      new ScanRouter(() => {
        window.location.hash = '/lookup';
        setPage('lookup');
      }),
  );
  const scannerStatus = useScanner((scan) => router.deliver(scan));

  const refresh = useCallback(
    () =>
      api['app-info']({}).then((response) => {
        if (response.ok) setInfo(response.value);
        else setFatal(response.error.message);
      }),
    [],
  );

  useEffect(() => {
    void refresh();
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [refresh]);

  const navigate = (next: Page) => {
    window.location.hash = `/${next}`;
    setPage(next);
    void refresh();
  };

  if (fatal) return <AntResult status="error" title={fatal} />;
  if (!info) return <Spin style={{ margin: 64 }} />;

  return (
    <LocaleContext.Provider value={locale}>
      <ScanRouterContext.Provider value={router}>
        <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={{ token: { colorPrimary: '#b71c1c', fontSize: 15 } }}>
          <AntApp>
            <Layout style={{ minHeight: '100vh' }}>
              <Layout.Sider width={210} theme="light" breakpoint="lg" collapsedWidth={0}>
                <div style={{ padding: '16px 16px 8px' }}>
                  <Typography.Title level={4} style={{ margin: 0 }}>
                    {t('app.name')}
                  </Typography.Title>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('app.tagline')}
                  </Typography.Text>
                  <div style={{ marginTop: 8 }} data-testid="signed-in">
                    <Typography.Text strong>{user.displayName}</Typography.Text>{' '}
                    <Typography.Text type="secondary">({t(`auth.role.${user.role}` as MessageKey)})</Typography.Text>
                    <br />
                    <Button size="small" type="link" style={{ padding: 0 }} onClick={onSignOut}>
                      {t('auth.signOut')}
                    </Button>
                  </div>
                </div>
                <Menu
                  mode="inline"
                  selectedKeys={[page]}
                  onClick={(e) => navigate(e.key as Page)}
                  items={PAGES.map((p) => ({ key: p, label: t(`nav.${p}` as MessageKey) }))}
                />
              </Layout.Sider>
              <Layout>
                {info.demoResidentCount > 0 && <DemoBanner count={info.demoResidentCount} onRemoved={refresh} />}
                {info.overdueLists > 0 && page !== 'lists' && (
                  <Alert
                    type="error"
                    banner
                    message={t('lists.overdueAlert', { count: info.overdueLists })}
                    action={
                      <Button size="small" onClick={() => navigate('lists')}>
                        {t('nav.lists')}
                      </Button>
                    }
                  />
                )}
                <Layout.Content style={{ padding: 24 }}>
                  {page === 'residents' && <ResidentsPage info={info} onChanged={refresh} />}
                  {page === 'lists' && <ListsPage info={info} onInfo={setInfo} />}
                  {page === 'lookup' && <LookupPage scannerStatus={scannerStatus} />}
                  {page === 'devices' && <DevicesPage scannerStatus={scannerStatus} />}
                  {page === 'settings' && <SettingsPage info={info} onChanged={setInfo} isAdmin={user.role === 'admin'} />}
                  {page === 'vaccination' && <VaccinationPage />}
                  {page === 'packages' && <PackagesPage />}
                </Layout.Content>
              </Layout>
            </Layout>
            {!info.demoChoiceMade && info.residentCount === 0 && <DemoWelcome onDone={refresh} />}
          </AntApp>
        </ConfigProvider>
      </ScanRouterContext.Provider>
    </LocaleContext.Provider>
  );
}

function DemoWelcome({ onDone }: { onDone: () => Promise<void> }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const choose = async (load: boolean) => {
    setBusy(true);
    const response = load ? await api['demo-load']({}) : await api['demo-dismiss']({});
    if (!response.ok) void message.error(response.error.message);
    else if (load && 'count' in response.value) void message.success(t('demo.loaded', { count: response.value.count }));
    await onDone();
    setBusy(false);
  };
  return (
    <Modal open title={t('demo.title')} closable={false} maskClosable={false} footer={null}>
      <Typography.Paragraph>{t('demo.body')}</Typography.Paragraph>
      <Space>
        <Button type="primary" loading={busy} onClick={() => void choose(true)}>
          {t('demo.load')}
        </Button>
        <Button disabled={busy} onClick={() => void choose(false)}>
          {t('demo.skip')}
        </Button>
      </Space>
    </Modal>
  );
}

function DemoBanner({ count, onRemoved }: { count: number; onRemoved: () => Promise<void> }) {
  const t = useT();
  const { modal } = AntApp.useApp();
  const remove = () =>
    modal.confirm({
      title: t('demo.remove'),
      content: t('demo.removeConfirm', { count }),
      okButtonProps: { danger: true },
      onOk: async () => {
        const response = await api['demo-remove']({});
        if (response.ok) void message.success(t('demo.removed'));
        await onRemoved();
      },
    });
  return (
    <Alert
      type="warning"
      banner
      message={t('demo.banner')}
      action={
        <Button size="small" danger onClick={remove}>
          {t('demo.remove')}
        </Button>
      }
    />
  );
}
