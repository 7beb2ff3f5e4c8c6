import { Alert, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** The deadline warnings: lists overdue, and lists returned with entries still being verified. */
export function ReturnAlerts({
  overdue,
  partial,
  banner = false,
  action,
}: {
  overdue: number;
  partial: number;
  /** Across the top of the window (the shell), or inside a page. */
  banner?: boolean;
  action?: ReactNode;
}) {
  const t = useT();
  if (overdue === 0 && partial === 0) return null;
  return (
    <Space direction="vertical" size={0} style={{ width: '100%' }} data-testid="return-alerts">
      {overdue > 0 && (
        <Alert type="error" showIcon banner={banner} message={t('lists.overdueAlert', { count: overdue })} action={action} />
      )}
      {partial > 0 && (
        <Alert
          type="warning"
          showIcon
          banner={banner}
          message={t('lists.partialAlert', { count: partial })}
          action={overdue > 0 ? undefined : action}
        />
      )}
    </Space>
  );
}
