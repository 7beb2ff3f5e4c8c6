import { Button, Modal, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { useAppInfo } from '../data/app-info';
import { call } from '../data/call';
import { useT } from '../i18n';

/** The first run with no residents: load the demo data, or start empty. */
export function DemoWelcome() {
  const t = useT();
  const { refresh } = useAppInfo();
  const [busy, setBusy] = useState(false);
  const choose = async (load: boolean) => {
    setBusy(true);
    if (load) {
      const loaded = await call('demo-load', {});
      if (loaded) void message.success(t('demo.loaded', { count: loaded.count }));
    } else await call('demo-dismiss', {});
    await refresh();
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
