import { App as AntApp, Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useAppInfo } from '../data/app-info';
import { call } from '../data/call';
import { useFormat } from '../format';
import { useT } from '../i18n';

/** While demo residents are in the database: a warning that says how to leave demo mode, and the button that does. */
export function DemoBanner({ count }: { count: number }) {
  const t = useT();
  const format = useFormat();
  const { refresh } = useAppInfo();
  const { modal, message } = AntApp.useApp();
  const [removing, setRemoving] = useState(false);
  const remove = () =>
    modal.confirm({
      title: t('demo.remove'),
      content: t('demo.removeConfirm', { count: format.count(count) }),
      okButtonProps: { danger: true },
      onOk: async () => {
        setRemoving(true);
        const removed = await call('demo-remove', {});
        if (removed) void message.success(t('demo.removedCount', { count: format.count(removed.count) }));
        await refresh();
        setRemoving(false);
      },
    });
  return (
    <Alert
      type="warning"
      banner
      data-testid="demo-banner"
      message={
        <Space direction="vertical" size={0}>
          <span>{t('demo.banner')}</span>
          <span style={{ fontSize: 12 }}>{t('demo.howToLeave')}</span>
        </Space>
      }
      action={
        <Button size="small" danger loading={removing} onClick={remove}>
          {t('demo.remove')}
        </Button>
      }
    />
  );
}
