import { Alert, Button, Typography } from 'antd';
import { useEffect } from 'react';
import { useQuery } from '../data/useQuery';
import { useFormat } from '../format';
import { useT } from '../i18n';

/** How often the state is asked: soon while the background check runs, rarely once it has answered. */
const POLL_CHECKING_MS = 1_500;
const POLL_SETTLED_MS = 30_000;

/** Opens Settings and brings its backup section (the list of backups to restore) into view. */
function openRestore(): void {
  window.location.hash = '/settings';
  const started = Date.now();
  const scroll = () => {
    const section = document.querySelector('[data-testid="backup"]');
    if (section) section.scrollIntoView({ behavior: 'smooth', block: 'start' });
    else if (Date.now() - started < 3_000) window.setTimeout(scroll, 100);
  };
  window.setTimeout(scroll, 50);
}

/**
 * The damaged-database banner (issue 18): shown once the background check (or a query) finds the
 * file damaged; says that the app is read-only, what to do, the latest backup, and — for the
 * administrator — the way to the restore section in Settings.
 */
export function DatabaseHealthBanner({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const format = useFormat();
  const health = useQuery('db-health', {});
  const state = health.data?.state;
  const { reload } = health;
  useEffect(() => {
    if (state === 'damaged') return;
    const settled = state === 'ok';
    const timer = window.setInterval(() => void reload(), settled ? POLL_SETTLED_MS : POLL_CHECKING_MS);
    return () => window.clearInterval(timer);
  }, [state, reload]);

  if (health.data?.state !== 'damaged') return null;
  const { lastBackup, detail } = health.data;
  return (
    <Alert
      type="error"
      banner
      showIcon
      role="alert"
      data-testid="db-damaged"
      message={<Typography.Text strong>{t('health.bannerTitle')}</Typography.Text>}
      description={
        <>
          <div>{t('health.bannerText')}</div>
          <div>
            {lastBackup
              ? t('health.lastBackup', { name: lastBackup.name, at: format.dateTime(lastBackup.createdAt) })
              : t('health.noBackup')}
            {!isAdmin && ` ${t('health.askAdmin')}`}
          </div>
          {detail && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('health.detail', { detail: detail.replace('*** in database main ***', '').trim().split('\n')[0] ?? '' })}
            </Typography.Text>
          )}
        </>
      }
      action={
        isAdmin && (
          <Button danger type="primary" onClick={openRestore}>
            {t('health.restoreButton')}
          </Button>
        )
      }
    />
  );
}
