import { InboxOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Modal, Progress, Space, Statistic, Steps, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ImportPreview, JobPhase, RegistryImportResult } from '../../shared/api-contract';
import { RESIDENT_FIELDS, type ColumnMapping, type ResidentField } from '../../shared/registry/fields';
import type { RowError } from '../../shared/types';
import { followJob } from '../api/jobs';
import { useAppInfo } from '../data/app-info';
import { call } from '../data/call';
import { reportError } from '../data/errors';
import { XLSX_MIME, downloadBytes } from '../download';
import { useFormat } from '../format';
import { useT } from '../i18n';
import { ExtractMappingStep } from './ExtractMappingStep';
import { RowErrorTable } from './RowErrorTable';

type Stage =
  | { kind: 'choose'; busy: boolean }
  | { kind: 'mapping'; preview: ImportPreview }
  | { kind: 'running'; jobId: string; phase: JobPhase }
  | { kind: 'result'; result: RegistryImportResult; fileName: string };

const PHASES: readonly JobPhase[] = ['read', 'validate', 'write'];

/**
 * The import wizard: choose a file, check the column mapping (and, over demo data, remove the demo
 * first), watch progress, see the result. Its buttons sit in the footer, always on screen.
 */
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
  const format = useFormat();
  const { message } = AntApp.useApp();
  const { info } = useAppInfo();
  const [stage, setStage] = useState<Stage>({ kind: 'choose', busy: false });
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [removeDemo, setRemoveDemo] = useState(true);
  const [starting, setStarting] = useState(false);
  // The job is followed after the dialog may have closed: its answers are then let go.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const reset = () => {
    setStage({ kind: 'choose', busy: false });
    setRemoveDemo(true);
  };
  const close = () => {
    if (stage.kind === 'running' || starting) return;
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
    // One import at a time: a second click while the first starts does nothing.
    if (starting) return;
    const dropDemo = info.demoResidentCount > 0 && removeDemo;
    setStarting(true);
    const started = await call('registry-import-start', {
      previewId: preview.previewId,
      mapping,
      skipInvalid,
      removeDemo: dropDemo,
    });
    setStarting(false);
    if (!started) return;
    const { jobId } = started;
    setStage({ kind: 'running', jobId, phase: 'validate' });
    const end = await followJob(jobId, (phase) => mounted.current && setStage({ kind: 'running', jobId, phase }));
    // The demo went first: the banner and counts change whatever became of the import.
    if (dropDemo) onImported();
    if (!mounted.current) return;
    switch (end.state) {
      case 'done': {
        if (end.result.kind !== 'registry') return reset();
        const result = end.result.registry;
        setStage({ kind: 'result', result, fileName: preview.fileName });
        // A refused import says so in the dialog itself.
        if (!result.applied) return;
        if (!dropDemo) onImported();
        const counts = { inserted: format.count(result.inserted), updated: format.count(result.updated) };
        void message.success(t(dropDemo ? 'import.doneDemoRemoved' : 'import.doneCounts', counts));
        return;
      }
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

  const mappingPreview = stage.kind === 'mapping' ? stage.preview : null;
  const runningJob = stage.kind === 'running' ? stage.jobId : null;
  const footer =
    stage.kind === 'choose' ? (
      <Button onClick={close}>{t('common.cancel')}</Button>
    ) : mappingPreview !== null ? (
      <Space>
        <Button onClick={reset} disabled={starting}>
          {t('common.back')}
        </Button>
        <Button
          type="primary"
          loading={starting}
          disabled={mappingPreview.validRows === 0}
          onClick={() => void start(mappingPreview, mappingPreview.errors.length > 0)}
        >
          {mappingPreview.errors.length === 0
            ? t('import.start', { rows: format.count(mappingPreview.validRows) })
            : t('import.startSkipping', { count: mappingPreview.errors.length })}
        </Button>
      </Space>
    ) : runningJob !== null ? (
      <Button onClick={() => void call('job-cancel', { jobId: runningJob })}>{t('job.cancel')}</Button>
    ) : (
      <Space>
        <Button onClick={reset}>{t('import.another')}</Button>
        <Button type="primary" onClick={close} data-testid="import-close">
          {t('common.close')}
        </Button>
      </Space>
    );

  return (
    <Modal
      open={open}
      title={t('residents.import')}
      width={960}
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 200px)', overflowY: 'auto' } }}
      onCancel={close}
      footer={footer}
      destroyOnHidden
      maskClosable={false}
    >
      <Steps
        size="small"
        current={stepIndex}
        style={{ marginBottom: 16 }}
        items={[{ title: t('import.step.choose') }, { title: t('import.step.mapping') }, { title: t('import.step.result') }]}
      />
      {stage.kind === 'choose' && (
        <Upload.Dragger
          accept=".xlsx,.xls,.ods,.csv,.txt"
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
        <ExtractMappingStep
          preview={stage.preview}
          mapping={mapping}
          demoCount={info.demoResidentCount}
          removeDemo={removeDemo}
          onRemoveDemo={setRemoveDemo}
          onChange={(column, field) => void changeMapping(stage.preview, column, field)}
          onDownloadErrors={() => void downloadErrors(stage.preview.fileName, stage.preview.errors)}
        />
      )}
      {stage.kind === 'running' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t(`import.phase.${stage.phase}`)}…</Typography.Text>
          <Progress percent={Math.round(((PHASES.indexOf(stage.phase) + 0.5) / PHASES.length) * 100)} status="active" />
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
            <RowErrorTable
              errors={stage.result.errors}
              onDownload={() => void downloadErrors(stage.fileName, stage.result.errors)}
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
