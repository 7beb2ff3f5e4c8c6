import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Progress, Select, Space, Spin, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import type { JobPhase, ListPreview } from '../../shared/api-contract';
import { formatDateVi } from '../../shared/dates';
import { LIST_FIELDS, LIST_KINDS, type ListField, type ListKind, type ListMapping } from '../../shared/lists/fields';
import { followJob } from '../api/jobs';
import { call } from '../data/call';
import { reportError } from '../data/errors';
import { ColumnMappingTable } from './ColumnMappingTable';
import { useFormat } from '../format';
import { useT } from '../i18n';

/** Receiving a list: the file, its kind, source and date, then the column mapping, then the check. */
export function ReceiveListDialog({
  open,
  onClose,
  onReceived,
}: {
  open: boolean;
  onClose: () => void;
  onReceived: (listId: number) => void;
}) {
  const t = useT();
  const format = useFormat();
  const [kind, setKind] = useState<ListKind>('registration');
  const [source, setSource] = useState('');
  const [drawnUp, setDrawnUp] = useState('');
  const [preview, setPreview] = useState<ListPreview | null>(null);
  const [mapping, setMapping] = useState<ListMapping>({});
  const [busy, setBusy] = useState(false);
  const [phase, setPhase] = useState<JobPhase>('write');
  const [jobId, setJobId] = useState<string | null>(null);

  const reset = () => {
    setPreview(null);
    setMapping({});
    setBusy(false);
  };
  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };

  const choose = async (file: File) => {
    setBusy(true);
    const data = new Uint8Array(await file.arrayBuffer());
    const previewed = await call('lists-preview', { fileName: file.name, data, source: source.trim() || file.name });
    setBusy(false);
    if (!previewed) return;
    if (source.trim() === '') setSource(file.name.replace(/\.[^.]*$/, ''));
    setMapping(previewed.mapping);
    setPreview(previewed);
  };

  const remap = async (column: number, field: ListField | null) => {
    if (!preview) return;
    const next: ListMapping = { ...mapping };
    for (const f of LIST_FIELDS) if (next[f] === column) delete next[f];
    if (field !== null) next[field] = column;
    setMapping(next);
    const revalidated = await call('lists-revalidate', { previewId: preview.previewId, mapping: next });
    if (revalidated) setPreview(revalidated);
  };

  const receive = async () => {
    if (!preview) return;
    setBusy(true);
    setPhase('write');
    const started = await call('lists-import', {
      previewId: preview.previewId,
      mapping,
      kind,
      source: source.trim() || preview.fileName,
      drawnUp: /^\d{4}-\d{2}-\d{2}$/.test(drawnUp) ? drawnUp : undefined,
    });
    if (!started) return setBusy(false);
    setJobId(started.jobId);
    const end = await followJob(started.jobId, setPhase);
    setBusy(false);
    setJobId(null);
    if (end.state === 'failed') return reportError(end.error);
    if (end.state === 'cancelled') return void message.info(t('job.cancelled'));
    if (end.result.kind !== 'list') return;
    const { list } = end.result;
    if (list.errors.length > 0) void message.warning(t('lists.importErrors', { count: list.errors.length }));
    reset();
    onReceived(list.listId);
  };

  return (
    <Modal open={open} title={t('lists.receive')} width={980} onCancel={close} footer={null} destroyOnHidden maskClosable={false}>
      {jobId !== null && (
        <Space style={{ marginBottom: 12 }}>
          <Progress type="circle" size={28} percent={phase === 'check' ? 66 : 33} status="active" />
          <Typography.Text>{t(phase === 'check' ? 'lists.checking' : 'import.phase.write')}</Typography.Text>
          <Button size="small" onClick={() => void call('job-cancel', { jobId })}>
            {t('common.cancel')}
          </Button>
        </Space>
      )}
      <Spin spinning={busy}>
        <Form layout="vertical">
          <Space wrap size="large">
            <Form.Item label={t('lists.kind')}>
              <Select
                style={{ width: 260 }}
                value={kind}
                onChange={setKind}
                options={LIST_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                aria-label={t('lists.kind')}
              />
            </Form.Item>
            <Form.Item label={t('lists.source')}>
              <Input
                style={{ width: 320 }}
                value={source}
                onChange={(e) => setSource(e.target.value)}
                aria-label={t('lists.source')}
              />
            </Form.Item>
            <Form.Item
              label={t('lists.drawnUp')}
              extra={t('lists.drawnUpHint', {
                date: preview?.drawnUpInSheet ? formatDateVi(preview.drawnUpInSheet) : t('lists.drawnUpNone'),
              })}
            >
              <Input
                type="date"
                style={{ width: 180 }}
                value={drawnUp}
                onChange={(e) => setDrawnUp(e.target.value)}
                aria-label={t('lists.drawnUp')}
              />
            </Form.Item>
          </Space>
        </Form>
        {preview === null ? (
          <Upload.Dragger
            accept=".xlsx,.csv,.txt"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void choose(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('lists.chooseFile')}</p>
          </Upload.Dragger>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              {t('lists.mappingIntro', { file: preview.fileName, row: preview.headerRow, rows: format.count(preview.entries) })}
            </Typography.Paragraph>
            <ColumnMappingTable
              columns={preview.columns}
              sample={preview.sample}
              fieldOptions={LIST_FIELDS.map((f) => ({ value: f, label: t(`field.${f}`) }))}
              onChange={(column, field) => void remap(column, field)}
              testId="list-mapping-table"
            />
            {mapping.fullName === undefined && (
              <Alert type="error" showIcon message={t('list.noNameColumn', { file: preview.fileName })} />
            )}
            <Space>
              <Button type="primary" disabled={mapping.fullName === undefined} onClick={() => void receive()}>
                {t('lists.importAndCheck', { rows: format.count(preview.entries) })}
              </Button>
              <Button onClick={reset}>{t('common.back')}</Button>
            </Space>
          </Space>
        )}
      </Spin>
    </Modal>
  );
}
