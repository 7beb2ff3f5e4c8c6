import { FileProtectOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';
import { AccessLogPanel } from './AccessLogPanel';
import { ProcessingRecordPage } from './ProcessingRecordPage';
import { RetentionSettings } from './RetentionSettings';

/** Settings → personal data protection (issue 21): retention, the access log, the processing record. */
export function PrivacyCard() {
  const t = useT();
  const [recordOpen, setRecordOpen] = useState(false);
  return (
    <Card
      title={t('privacy.title')}
      data-testid="privacy"
      extra={
        <Button icon={<FileProtectOutlined />} onClick={() => setRecordOpen(true)}>
          {t('record.title')}
        </Button>
      }
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={5}>{t('retention.title')}</Typography.Title>
        <RetentionSettings />
        <Typography.Title level={5}>{t('access.title')}</Typography.Title>
        <AccessLogPanel />
      </Space>
      <Drawer open={recordOpen} onClose={() => setRecordOpen(false)} width="90%" title={t('record.title')} destroyOnHidden>
        <ProcessingRecordPage />
      </Drawer>
    </Card>
  );
}
