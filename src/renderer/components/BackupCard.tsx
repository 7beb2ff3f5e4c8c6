import { HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Card, Input, List, Modal, Space, Typography, message } from 'antd';
import { useState } from 'react';
import type { BackupPreview } from '../../shared/api-contract';
import { AUTH_REQUIRED_EVENT } from '../api/client';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { useFormat } from '../format';
import { useT } from '../i18n';

/**
 * Where the daily backup goes, when it last ran, and a backup on demand (checked whole each time);
 * the backups in that folder, each previewed (checked whole) before it may replace the data.
 */
export function BackupCard() {
  const t = useT();
  const format = useFormat();
  const count = format.count;
  const backupState = useQuery('backup-state', {});
  const state = backupState.data ?? null;
  // The folder as typed; until the user types, the one saved.
  const [typedFolder, setFolder] = useState<string | null>(null);
  const folder = typedFolder ?? state?.folder ?? '';
  const backupList = useQuery('backup-list', {}, { enabled: Boolean(state?.folder) });
  const backups = backupList.data ?? [];
  const [previews, setPreviews] = useState<Readonly<Record<string, BackupPreview>>>({});
  const saveFolder = async () => {
    const saved = await call('backup-set-folder', { folder });
    if (!saved) return;
    backupState.setData(saved);
    void backupList.reload();
  };
  const backUp = async () => {
    const done = await call('backup-now', {});
    if (!done) return;
    backupState.setData(done);
    void backupList.reload();
    void message.success(t('settings.backupDone'));
  };
  const preview = async (name: string) => {
    const previewed = await call('backup-preview', { name });
    if (previewed) setPreviews((p) => ({ ...p, [name]: previewed }));
  };
  const restore = (name: string) =>
    Modal.confirm({
      title: t('backup.restoreTitle'),
      content: t('backup.restoreConfirm'),
      okText: t('backup.restoreButton'),
      okButtonProps: { danger: true },
      onOk: async () => {
        if (!(await call('backup-restore', { name }))) return;
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
            ? t('settings.backupLast', { at: format.dateTime(state.lastBackupAt), file: state.lastFile ?? '' })
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
                            lastChange: p.lastChange ? format.dateTime(p.lastChange) : '—',
                          })
                        : `${format.dateTime(b.createdAt)} · ${Math.round(b.bytes / 1024)} KB`
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
