import { KeyOutlined } from '@ant-design/icons';
import { Button, Card, Input, List, Space, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import type { RegistryKeyView } from '../../shared/api-contract';
import { call } from '../data/call';
import { useFormat } from '../format';
import { useT } from '../i18n';

/**
 * The public keys whose signature an acknowledgement must carry (administrator): the national
 * registry's, or the provincial police's, installed from the file they hand over.
 */
export function RegistryKeyCard({ keys, onChanged }: { keys: readonly RegistryKeyView[]; onChanged: () => void }) {
  const t = useT();
  const format = useFormat();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const install = async (file: File) => {
    if (name.trim() === '') {
      void message.warning(t('pkg.registryKeyNameFirst'));
      return;
    }
    setSaving(true);
    const installed = await call('packages-registry-key-set', { name: name.trim(), publicKey: (await file.text()).trim() });
    setSaving(false);
    if (!installed) return;
    void message.success(t('pkg.registryKeyInstalled', { name: name.trim() }));
    setName('');
    onChanged();
  };
  return (
    <Card title={t('pkg.registryKeysTitle')} size="small" data-testid="registry-keys">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('pkg.registryKeysHint')}</Typography.Text>
        <List
          size="small"
          dataSource={[...keys]}
          locale={{ emptyText: t('pkg.registryKeysNone') }}
          renderItem={(k) => (
            <List.Item>
              {t('package.registryKeyLine', {
                name: k.name,
                fingerprint: k.fingerprint,
                installedAt: format.dateTime(k.installedAt),
              })}
            </List.Item>
          )}
        />
        <Space wrap>
          <Input
            style={{ width: 320 }}
            placeholder={t('pkg.registryKeyName')}
            aria-label={t('pkg.registryKeyName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Upload accept=".pem,.pub,.txt,.key" showUploadList={false} beforeUpload={(f) => (void install(f), false)}>
            <Button icon={<KeyOutlined />} loading={saving}>
              {t('pkg.registryKeyInstall')}
            </Button>
          </Upload>
        </Space>
      </Space>
    </Card>
  );
}
