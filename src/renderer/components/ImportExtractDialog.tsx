import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Statistic, Steps, Table, Typography, Upload, message } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ImportPreview, JobPhase, RegistryImportResult } from '../../shared/api-contract';
import { RESIDENT_FIELDS, type ColumnMapping, type ResidentField } from '../../shared/registry/fields';
import type { RowError } from '../../shared/types';
import { followJob } from '../api/jobs';
import { call } from '../data/call';
import { reportError } from '../data/errors';
import { ColumnMappingTable } from './ColumnMappingTable';
import { XLSX_MIME, downloadBytes } from '../download';
import { useFormat } from '../format';
import { useT } from '../i18n';

type Stage =
  | { kind: 'choose'; busy: boolean }
  | { kind: 'mapping'; preview: ImportPreview }
  | { kind: 'running'; jobId: string; phase: JobPhase }
  | { kind: 'result'; result: RegistryImportResult; fileName: string };

const PHASES: readonly JobPhase[] = ['read', 'validate', 'write'];
const ERRORS_SHOWN = 200;

/** The import wizard: choose a file, check the column mapping, watch progress, see the result. */
export function ImportExtractDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const t = useT();
  const [stage, setStage] = useState<Stage>({ kind: 'choose', busy: false });
  const [mapping, setMapping] = useState<ColumnMapping>({});
  // The job is followed after the dialog may have closed: its answers are then let go.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const reset = () => setStage({ kind: 'choose', busy: false });
  const close = () => {
    if (stage.kind === 'running') return;
    reset();
    onClose();
  };

  const choose = async (file: File) => {
    setStage({ kind: 'choose', busy: true });
    const data = new Uint8Array(await file.arrayBuffer());
    const preview = await call('registry-preview', { fileName: file.name, data });
    if (!preview) return reset();
    setMapping(preview.mapping);
    setStage({ kind: 'mapping', preview });
  };

  const changeMapping = async (preview: ImportPreview, column: number, field: ResidentField | null) => {
    const next: ColumnMapping = { ...mapping };
    for (const f of RESIDENT_FIELDS) if (next[f] === column) delete next[f];
    if (field !== null) next[field] = column;
    setMapping(next);
    const revalidated = await call('registry-revalidate', { previewId: preview.previewId, mapping: next });
    if (revalidated) setStage({ kind: 'mapping', preview: revalidated });
  };

  const start = async (preview: ImportPreview, skipInvalid: boolean) => {
    const started = await call('registry-import-start', { previewId: preview.previewId, mapping, skipInvalid });
    if (!started) return;
    const { jobId } = started;
    setStage({ kind: 'running', jobId, phase: 'validate' });
    const end = await followJob(jobId, (phase) => mounted.current && setStage({ kind: 'running', jobId, phase }));
    if (!mounted.current) return;
    switch (end.state) {
      case 'done':
        if (end.result.kind !== 'registry') return reset();
        setStage({ kind: 'result', result: end.result.registry, fileName: preview.fileName });
        if (end.result.registry.applied) onImported();
        return;
      case 'failed':
        reportError(end.error);
        return reset();
      case 'cancelled':
        void message.info(t('job.cancelled'));
        return reset();
    }
  };

  const downloadErrors = async (fileName: string, errors: readonly RowError[]) => {
    const file = await call('registry-errors-xlsx', { fileName, errors: [...errors] });
    if (file) downloadBytes(file.fileName, file.data, XLSX_MIME);
  };

  const groupSeparator = t('format.groupSeparator');
  const stepIndex = { choose: 0, mapping: 1, running: 2, result: 2 }[stage.kind];

  return (
    <Modal
      open={open}
      title={t('residents.import')}
      width={960}
      onCancel={close}
      footer={null}
      destroyOnHidden
      maskClosable={false}
    >
      <Steps
        size="small"
        current={stepIndex}
        style={{ marginBottom: 24 }}
        items={[{ title: t('import.step.choose') }, { title: t('import.step.mapping') }, { title: t('import.step.result') }]}
      />
      {stage.kind === 'choose' && (
        <Upload.Dragger
          accept=".xlsx,.csv,.txt"
          multiple={false}
          showUploadList={false}
          disabled={stage.busy}
          beforeUpload={(file) => {
            void choose(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{stage.busy ? t('import.phase.read') + '…' : t('residents.importHint')}</p>
        </Upload.Dragger>
      )}
      {stage.kind === 'mapping' && (
        <MappingStep
          preview={stage.preview}
          mapping={mapping}
          onChange={(column, field) => void changeMapping(stage.preview, column, field)}
          onStart={(skip) => void start(stage.preview, skip)}
          onDownloadErrors={() => void downloadErrors(stage.preview.fileName, stage.preview.errors)}
          onCancel={reset}
        />
      )}
      {stage.kind === 'running' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t(`import.phase.${stage.phase}`)}…</Typography.Text>
          <Progress percent={Math.round(((PHASES.indexOf(stage.phase) + 0.5) / PHASES.length) * 100)} status="active" />
          <Button onClick={() => void call('job-cancel', { jobId: stage.jobId })}>{t('job.cancel')}</Button>
        </Space>
      )}
      {stage.kind === 'result' && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Alert
            type={stage.result.applied ? (stage.result.rejected > 0 ? 'warning' : 'success') : 'error'}
            showIcon
            message={stage.result.applied ? t('import.done') : t('import.refused')}
          />
          <Space size="large" wrap data-testid="import-result">
            <Statistic title={t('import.inserted')} value={stage.result.inserted} groupSeparator={groupSeparator} />
            <Statistic title={t('import.updated')} value={stage.result.updated} groupSeparator={groupSeparator} />
            <Statistic title={t('import.unchanged')} value={stage.result.unchanged} groupSeparator={groupSeparator} />
            <Statistic title={t('import.rejected')} value={stage.result.rejected} groupSeparator={groupSeparator} />
            {stage.result.held > 0 && (
              <Statistic title={t('import.held')} value={stage.result.held} groupSeparator={groupSeparator} />
            )}
          </Space>
          {stage.result.errors.length > 0 && (
            <ErrorTable
              errors={stage.result.errors}
              onDownload={() => void downloadErrors(stage.fileName, stage.result.errors)}
            />
          )}
          <Space>
            <Button type="primary" onClick={close} data-testid="import-close">
              {t('common.close')}
            </Button>
            <Button onClick={reset}>{t('import.another')}</Button>
          </Space>
        </Space>
      )}
    </Modal>
  );
}

function MappingStep(props: {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onChange: (column: number, field: ResidentField | null) => void;
  onStart: (skipInvalid: boolean) => void;
  onDownloadErrors: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const { preview } = props;
  const invalid = preview.errors.length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph>
        {t('import.mappingIntro', {
          file: preview.fileName,
          sheet: preview.sheetName,
          row: preview.headerRow,
          rows: format.count(preview.dataRows),
        })}
      </Typography.Paragraph>
      <ColumnMappingTable
        columns={preview.columns}
        sample={preview.sample}
        fieldOptions={RESIDENT_FIELDS.map((f) => ({ value: f, label: t(`col.${f}`) }))}
        onChange={props.onChange}
        testId="mapping-table"
      />
      {invalid > 0 && (
        <>
          <Alert type="warning" showIcon message={t('import.previewErrors', { count: invalid })} />
          <ErrorTable errors={preview.errors} onDownload={props.onDownloadErrors} />
        </>
      )}
      <Space>
        {invalid === 0 ? (
          <Button type="primary" onClick={() => props.onStart(false)}>
            {t('import.start', { rows: format.count(preview.validRows) })}
          </Button>
        ) : (
          <Button type="primary" disabled={preview.validRows === 0} onClick={() => props.onStart(true)}>
            {t('import.startSkipping', { count: invalid })}
          </Button>
        )}
        <Button onClick={props.onCancel}>{t('common.back')}</Button>
      </Space>
    </Space>
  );
}

function ErrorTable({ errors, onDownload }: { errors: readonly RowError[]; onDownload: () => void }) {
  const t = useT();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey={(e) => `${e.row}:${e.message}`}
        pagination={false}
        scroll={{ y: 200 }}
        dataSource={errors.slice(0, ERRORS_SHOWN)}
        columns={[
          { title: t('col.row'), dataIndex: 'row', width: 80 },
          { title: t('col.message'), dataIndex: 'message' },
        ]}
      />
      <Button onClick={onDownload}>{t('import.downloadErrors')}</Button>
    </Space>
  );
}
