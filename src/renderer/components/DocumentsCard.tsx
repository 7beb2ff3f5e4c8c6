import { CheckCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import type { DocumentVersionView } from '../../shared/api-contract';
import { useAppInfo } from '../data/app-info';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { downloadBytes } from '../download';
import { showDate, useFormat } from '../format';
import { useT } from '../i18n';
import { openPdfInNewTab } from '../open-pdf';
import { SignOffDialog } from './SignOffDialog';

/**
 * The printed versions of a list's result: each can be opened to print again exactly as it was. The
 * chairman, signed in, records their own signature on a version, after which it never changes;
 * everyone else sees who signed, and under which account.
 */
export function DocumentsCard({ listId, refreshKey }: { listId: number; refreshKey: number }) {
  const t = useT();
  const format = useFormat();
  const { user } = useAppInfo();
  const documents = useQuery('documents-list', { listId });
  const { reload } = documents;
  const [signing, setSigning] = useState<DocumentVersionView | null>(null);
  const [opening, setOpening] = useState<number | null>(null);
  const maySign = user.role === 'chairman';

  // A new export prints a new version: list them again.
  useEffect(() => {
    if (refreshKey > 0) void reload();
  }, [reload, refreshKey]);

  // The desktop app opens the system's print dialog itself; a browser gets the file and opens it in a tab.
  const open = async (d: DocumentVersionView) => {
    setOpening(d.id);
    const opened = await call('documents-open', { documentId: d.id });
    setOpening(null);
    if (!opened) return;
    if (!opened.file) {
      void message.info(t('docs.openedDesktop'));
    } else if (openPdfInNewTab(opened.file.data)) {
      void message.info(t('docs.opened'));
    } else {
      downloadBytes(opened.file.fileName, opened.file.data, 'application/pdf');
      void message.info(t('docs.popupBlocked'));
    }
  };

  const signedText = (d: DocumentVersionView) =>
    t('docs.signedByAccount', {
      name: d.signedBy ?? '',
      account: d.signedAccount ?? '—',
      at: d.signedAt ? format.dateTime(d.signedAt) : '',
    });

  return (
    <Card size="small" title={t('docs.title')} data-testid="documents">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...(documents.data ?? [])]}
        locale={{ emptyText: t('docs.none') }}
        columns={[
          { title: t('docs.colNumber'), dataIndex: 'number' },
          {
            title: t('docs.colVersion'),
            render: (_, d: DocumentVersionView) => (
              <Space>
                {d.version}
                {!d.latest && <Tag>{t('docs.outdated')}</Tag>}
              </Space>
            ),
          },
          { title: t('docs.colIssued'), render: (_, d: DocumentVersionView) => showDate(d.issuedOn) },
          {
            title: t('docs.colHash'),
            render: (_, d: DocumentVersionView) => <Typography.Text code>{d.hash.slice(0, 16)}</Typography.Text>,
          },
          {
            title: t('docs.colSigned'),
            render: (_, d: DocumentVersionView) =>
              d.signedBy ? (
                <Tag icon={<CheckCircleOutlined />} color="green" style={{ whiteSpace: 'normal' }}>
                  {signedText(d)}
                </Tag>
              ) : maySign ? (
                <Button size="small" onClick={() => setSigning(d)}>
                  {t('docs.signOff')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('docs.notSigned')}</Typography.Text>
              ),
          },
          {
            title: '',
            render: (_, d: DocumentVersionView) => (
              <Button size="small" icon={<PrinterOutlined />} loading={opening === d.id} onClick={() => void open(d)}>
                {t('docs.open')}
              </Button>
            ),
          },
        ]}
      />
      <SignOffDialog
        document={signing}
        onSigned={() => {
          setSigning(null);
          void message.success(t('docs.signedOk'));
          void reload();
        }}
        onCancel={() => setSigning(null)}
      />
    </Card>
  );
}
