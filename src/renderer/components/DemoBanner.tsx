import { App as AntApp, Alert, Button, message } from 'antd';
import { useAppInfo } from '../data/app-info';
import { call } from '../data/call';
import { useT } from '../i18n';

/** While demo residents are in the database: a warning, and the button that removes them. */
export function DemoBanner({ count }: { count: number }) {
  const t = useT();
  const { refresh } = useAppInfo();
  const { modal } = AntApp.useApp();
  const remove = () =>
    modal.confirm({
      title: t('demo.remove'),
      content: t('demo.removeConfirm', { count }),
      okButtonProps: { danger: true },
      onOk: async () => {
        if (await call('demo-remove', {})) void message.success(t('demo.removed'));
        await refresh();
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
