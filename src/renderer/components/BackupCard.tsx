import { HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Card, Input, List, Modal, Space, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupFile, BackupPreview, BackupState } from '../../shared/api-contract';
import { AUTH_REQUIRED_EVENT } from '../api/client';
import { api } from '../api/client';
import { useFormatCount, useT } from '../i18n';

/**
 * Where the daily backup goes, when it last ran, and a backup on demand (checked whole each time);
 * the backups in that folder, each previewed (checked whole) before it may replace the data.
 */
export function BackupCard() {
  const t = useT();
  const count = useFormatCount();
  const [state, setState] = useState<BackupState | null>(null);
  const [folder, setFolder] = useState('');
  const [backups, setBackups] = useState<readonly BackupFile[]>([]);
  const [previews, setPreviews] = useState<Readonly<Record<string, BackupPreview>>>({});
  const loadBackups = useCallback(() => {
    void api['backup-list']({}).then((r) => setBackups(r.ok ? r.value : []));
  }, []);
  useEffect(() => {
    void api['backup-state']({}).then((r) => {
      if (!r.ok) return;
      setState(r.value);
      setFolder(r.value.folder ?? '');
      if (r.value.folder) loadBackups();
    });
  }, [loadBackups]);
  const saveFolder = async () => {
    const r = await api['backup-set-folder']({ folder });
    if (!r.ok) return void message.error(r.error.message);
    setState(r.value);
    loadBackups();
  };
  const backUp = async () => {
    const r = await api['backup-now']({});
    if (!r.ok) return void message.error(r.error.message);
    setState(r.value);
    loadBackups();
    void message.success(t('settings.backupDone'));
  };
  const preview = async (name: string) => {
    const r = await api['backup-preview']({ name });
    if (!r.ok) return void message.error(r.error.message);
    setPreviews((p) => ({ ...p, [name]: r.value }));
  };
  const restore = (name: string) =>
    Modal.confirm({
      title: t('backup.restoreTitle'),
      content: t('backup.restoreConfirm'),
      okText: t('backup.restoreButton'),
      okButtonProps: { danger: true },
      onOk: async () => {
        const r = await api['backup-restore']({ name });
        if (!r.ok) return void message.error(r.error.message);
        void message.success(t('backup.restoredSignIn'));
        // The restored database has no session: back to the sign-in screen.
        window.dispatchEvent(new Event(AUTH_REQUIRED_EVENT));
      },
    });
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
        {state?.folder && (
          <List
            size="small"
            header={<Typography.Text strong>{t('backup.restoreTitle')}</Typography.Text>}
            locale={{ emptyText: t('backup.none') }}
            dataSource={[...backups]}
            data-testid="backup-list"
            renderItem={(b) => {
              const p = previews[b.name];
              return (
                <List.Item
                  actions={[
                    <Button key="preview" size="small" onClick={() => void preview(b.name)}>
                      {t('backup.previewButton')}
                    </Button>,
                    <Button
                      key="restore"
                      size="small"
                      danger
                      icon={<HistoryOutlined />}
                      disabled={!p}
                      onClick={() => restore(b.name)}
                    >
                      {t('backup.restoreButton')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={b.name}
                    description={
                      p
                        ? t('backup.previewText', {
                            residents: count(p.residents),
                            lists: count(p.lists),
                            documents: count(p.documents),
                            packages: count(p.packages),
                            lastChange: p.lastChange ? new Date(p.lastChange).toLocaleString('vi-VN') : '—',
                          })
                        : `${new Date(b.createdAt).toLocaleString('vi-VN')} · ${Math.round(b.bytes / 1024)} KB`
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
      </Space>
    </Card>
  );
}
