import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/vi';
import { useState } from 'react';
import type { JobPhase, ListPreview } from '../../shared/api-contract';
import { formatDateVi } from '../../shared/dates';
import { LIST_FIELDS, LIST_KINDS, type ListField, type ListKind, type ListMapping } from '../../shared/lists/fields';
import { followJob } from '../api/jobs';
import { call } from '../data/call';
import { reportError } from '../data/errors';
import { useFormat } from '../format';
import { useT } from '../i18n';
import { ColumnMappingTable } from './ColumnMappingTable';

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Receiving a list: the file; its title, sender and date drawn up (read from the sheet's heading,
 * editable); a warning when the same file was received before; the column mapping; then the check.
 */
export function ReceiveListDialog({
  open,
  onClose,
  onReceived,
}: {
  open: boolean;
  onClose: () => void;
  /** The list received, or the earlier list the same file already is. */
  onReceived: (listId: number) => void;
}) {
  const t = useT();
  const format = useFormat();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<ListKind>('registration');
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [drawnUp, setDrawnUp] = useState<Dayjs | null>(null);
  const [preview, setPreview] = useState<ListPreview | null>(null);
  const [mapping, setMapping] = useState<ListMapping>({});
  const [reading, setReading] = useState(false);
  const [receiving, setReceiving] = useState(false);
  const [phase, setPhase] = useState<JobPhase>('write');
  const [jobId, setJobId] = useState<string | null>(null);

  const reset = () => {
    setPreview(null);
    setMapping({});
    setTitle('');
    setDrawnUp(null);
    setReading(false);
    setReceiving(false);
  };
  const close = () => {
    if (receiving) return;
    reset();
    setSource('');
    onClose();
  };

  const choose = async (file: File) => {
    setReading(true);
    const data = new Uint8Array(await file.arrayBuffer());
    const previewed = await call('lists-preview', { fileName: file.name, data, source: source.trim() || file.name });
    setReading(false);
    if (!previewed) return;
    // What the officer typed stays; otherwise the sheet's own heading, else the file's name.
    if (title.trim() === '') setTitle(previewed.suggestedTitle ?? file.name.replace(/\.[^.]*$/, ''));
    if (source.trim() === '' && previewed.suggestedSource) setSource(previewed.suggestedSource);
    if (drawnUp === null && previewed.drawnUpInSheet && FULL_DATE.test(previewed.drawnUpInSheet))
      setDrawnUp(dayjs(previewed.drawnUpInSheet));
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
    // One receipt at a time: a second click while the first runs does nothing.
    if (!preview || receiving) return;
    setReceiving(true);
    setPhase('write');
    const listTitle = title.trim() || preview.fileName;
    const started = await call('lists-import', {
      previewId: preview.previewId,
      mapping,
      kind,
      source: source.trim(),
      title: listTitle,
      drawnUp: drawnUp ? drawnUp.format('YYYY-MM-DD') : undefined,
    });
    if (!started) return setReceiving(false);
    setJobId(started.jobId);
    const end = await followJob(started.jobId, setPhase);
    setReceiving(false);
    setJobId(null);
    if (end.state === 'failed') return reportError(end.error);
    if (end.state === 'cancelled') return void message.info(t('job.cancelled'));
    if (end.result.kind !== 'list') return;
    const { list } = end.result;
    void message.success(t('lists.receivedOk', { title: listTitle, rows: format.count(preview.entries) }));
    if (list.errors.length > 0) void message.warning(t('lists.importErrors', { count: list.errors.length }));
    reset();
    setSource('');
    onReceived(list.listId);
  };

  const openEarlier = (listId: number) => {
    reset();
    setSource('');
    onReceived(listId);
  };

  const missingSource = preview !== null && source.trim() === '';
  const footer = (
    <Space>
      {preview !== null && (
        <Button onClick={reset} disabled={receiving}>
          {t('common.back')}
        </Button>
      )}
      <Button onClick={close} disabled={receiving}>
        {t('common.cancel')}
      </Button>
      {preview !== null && (
        <Button
          type="primary"
          loading={receiving}
          disabled={mapping.fullName === undefined || missingSource}
          onClick={() => void receive()}
        >
          {t('lists.importAndCheck', { rows: format.count(preview.entries) })}
        </Button>
      )}
    </Space>
  );

  return (
    <Modal
      open={open}
      title={t('lists.receive')}
      width={980}
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 200px)', overflowY: 'auto', overflowX: 'hidden' } }}
      onCancel={close}
      footer={footer}
      destroyOnHidden
      maskClosable={false}
    >
      {jobId !== null && (
        <Space style={{ marginBottom: 12 }}>
          <Progress type="circle" size={28} percent={phase === 'check' ? 66 : 33} status="active" />
          <Typography.Text>{t(phase === 'check' ? 'lists.checking' : 'import.phase.write')}</Typography.Text>
          <Button size="small" onClick={() => void call('job-cancel', { jobId })}>
            {t('common.cancel')}
          </Button>
        </Space>
      )}
      {preview?.sameAs && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="same-file"
          message={t('lists.sameFile', {
            title: preview.sameAs.title,
            at: format.dateTime(preview.sameAs.createdAt),
          })}
          description={t('lists.sameFileHint')}
          action={
            <Button size="small" onClick={() => openEarlier(preview.sameAs!.listId)}>
              {t('lists.openEarlier')}
            </Button>
          }
        />
      )}
      <Form layout="vertical" disabled={receiving}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={t('lists.listTitle')} style={{ marginBottom: 12 }}>
              <Input
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                placeholder={t('lists.listTitleHint')}
                aria-label={t('lists.listTitle')}
                maxLength={200}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={t('lists.source')}
              style={{ marginBottom: 12 }}
              validateStatus={missingSource ? 'error' : undefined}
              help={missingSource ? t('lists.sourceNeeded') : undefined}
            >
              <Input value={source} onChange={(e) => setSource(e.target.value)} aria-label={t('lists.source')} maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('lists.kind')} style={{ marginBottom: 12 }}>
              <Select
                value={kind}
                onChange={setKind}
                options={LIST_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                aria-label={t('lists.kind')}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              label={t('lists.drawnUp')}
              style={{ marginBottom: 12 }}
              extra={t('lists.drawnUpHint', {
                date: preview?.drawnUpInSheet ? formatDateVi(preview.drawnUpInSheet) : t('lists.drawnUpNone'),
              })}
            >
              <DatePicker
                value={drawnUp}
                onChange={(d: Dayjs | null) => setDrawnUp(d)}
                format="DD/MM/YYYY"
                placeholder="dd/mm/yyyy"
                maxDate={dayjs()}
                aria-label={t('lists.drawnUp')}
                data-testid="drawn-up"
                style={{ width: 170 }}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {preview === null ? (
        <Upload.Dragger
          accept=".xlsx,.xls,.ods,.csv,.txt"
          multiple={false}
          showUploadList={false}
          disabled={reading}
          beforeUpload={(file) => {
            void choose(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{reading ? `${t('import.phase.read')}…` : t('lists.chooseFile')}</p>
        </Upload.Dragger>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('lists.mappingIntro', { file: preview.fileName, row: preview.headerRow, rows: format.count(preview.entries) })}
          </Typography.Paragraph>
          {mapping.fullName === undefined && (
            <Alert type="error" showIcon message={t('list.noNameColumn', { file: preview.fileName })} />
          )}
          <ColumnMappingTable
            columns={preview.columns}
            sample={preview.sample}
            fieldOptions={LIST_FIELDS.map((f) => ({ value: f, label: t(`field.${f}`) }))}
            onChange={(column, field) => void remap(column, field)}
            testId="list-mapping-table"
          />
        </Space>
      )}
    </Modal>
  );
}
