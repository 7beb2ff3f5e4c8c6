import { SaveOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import type { BackupState } from '../../shared/api-contract';
import { api } from '../api/client';
import { useT } from '../i18n';

/** Where the daily backup goes, when it last ran, and a backup on demand (checked whole each time). */
export function BackupCard() {
  const t = useT();
  const [state, setState] = useState<BackupState | null>(null);
  const [folder, setFolder] = useState('');
  useEffect(() => {
    void api['backup-state']({}).then((r) => {
      if (!r.ok) return;
      setState(r.value);
      setFolder(r.value.folder ?? '');
    });
  }, []);
  const saveFolder = async () => {
    const r = await api['backup-set-folder']({ folder });
    if (r.ok) setState(r.value);
    else void message.error(r.error.message);
  };
  const backUp = async () => {
    const r = await api['backup-now']({});
    if (!r.ok) return void message.error(r.error.message);
    setState(r.value);
    void message.success(t('settings.backupDone'));
  };
  return (
    <Card title={t('settings.backup')} data-testid="backup">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
          <Input
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder={t('settings.backupFolder')}
            aria-label={t('settings.backupFolder')}
          />
          <Button onClick={() => void saveFolder()} disabled={folder.trim() === ''}>
            {t('settings.backupSave')}
          </Button>
        </Space.Compact>
        <Button type="primary" icon={<SaveOutlined />} disabled={!state?.folder} onClick={() => void backUp()}>
          {t('settings.backupNow')}
        </Button>
        <Typography.Text type="secondary">
          {state?.lastBackupAt
            ? t('settings.backupLast', { at: new Date(state.lastBackupAt).toLocaleString('vi-VN'), file: state.lastFile ?? '' })
            : t('settings.backupNever')}
        </Typography.Text>
      </Space>
    </Card>
  );
}
