import { CheckCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import type { DocumentVersionView, SignRole } from '../../shared/api-contract';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { downloadBytes } from '../download';
import { showDate, useFormat } from '../format';
import { useT } from '../i18n';

/**
 * The printed versions of a list's result: each can be opened to print again exactly as it was, and
 * the chairman's (or facility head's) signature on a version is recorded here, after which it never changes.
 */
export function DocumentsCard({ listId, refreshKey }: { listId: number; refreshKey: number }) {
  const t = useT();
  const format = useFormat();
  const documents = useQuery('documents-list', { listId });
  const { reload } = documents;
  const [signing, setSigning] = useState<DocumentVersionView | null>(null);
  const [form] = Form.useForm<{ by: string; role: SignRole }>();

  // A new export prints a new version: list them again.
  useEffect(() => {
    if (refreshKey > 0) void reload();
  }, [reload, refreshKey]);

  const open = async (d: DocumentVersionView) => {
    const opened = await call('documents-open', { documentId: d.id });
    if (opened?.file) {
      downloadBytes(opened.file.fileName, opened.file.data, 'application/pdf');
      void message.info(t('docs.downloaded'));
    }
  };

  const startSigning = async (d: DocumentVersionView) => {
    const letterhead = await call('letterhead-get', {});
    form.setFieldsValue({
      by: letterhead?.signerName ?? '',
      role: letterhead?.signForm === 'direct' ? 'facility_head' : 'chairman',
    });
    setSigning(d);
  };

  const sign = async () => {
    if (!signing) return;
    const values = await form.validateFields();
    if (!(await call('documents-signoff', { documentId: signing.id, role: values.role }))) return;
    setSigning(null);
    void message.success(t('docs.signedOk'));
    void reload();
  };

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
                <Tag icon={<CheckCircleOutlined />} color="green">
                  {d.signedBy} · {d.signedAt ? format.dateTime(d.signedAt) : ''}
                </Tag>
              ) : (
                <Button size="small" onClick={() => void startSigning(d)}>
                  {t('docs.signOff')}
                </Button>
              ),
          },
          {
            title: '',
            render: (_, d: DocumentVersionView) => (
              <Button size="small" icon={<PrinterOutlined />} onClick={() => void open(d)}>
                {t('docs.open')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={signing !== null}
        title={signing ? t('docs.signOffTitle', { number: signing.number, version: signing.version }) : ''}
        okText={t('docs.signOff')}
        onOk={() => void sign()}
        onCancel={() => setSigning(null)}
      >
        <Alert type="warning" showIcon message={t('docs.signOffWarning')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical">
          <Form.Item name="by" label={t('docs.signer')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('docs.role')}>
            <Select
              options={[
                { value: 'chairman', label: t('doc.role.chairman') },
                { value: 'facility_head', label: t('doc.role.facility_head') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
