import { CloudUploadOutlined, DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Statistic, Table, Tag, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import type { PackageRecordType, PackagesState, PackageView } from '../../shared/api-contract';
import { ProposalsTable } from '../components/ProposalsTable';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { downloadBytes } from '../download';
import { useFormat } from '../format';
import { useT } from '../i18n';
import { HelpLink } from '../components/HelpLink';
import { RegistryKeyCard } from '../components/RegistryKeyCard';
import { UnsignedAckButton } from '../components/UnsignedAckButton';
import { useAppInfo } from '../data/app-info';

const TYPES: readonly PackageRecordType[] = ['vaccination', 'correction', 'new_resident', 'infection'];
const ZIP_MIME = 'application/zip';

/**
 * Gói cập nhật: what waits to go to the national registry, exporting the next package (saved where
 * the officer chooses, a USB drive), the packages sent and the registry's answers, and a check of any
 * package file.
 */
export function PackagesPage() {
  const t = useT();
  const { user } = useAppInfo();
  const format = useFormat();
  const query = useQuery('packages-state', {});
  const state: PackagesState | undefined = query.data;
  const [verdict, setVerdict] = useState<{ valid: boolean; text: string[] } | null>(null);
  const load = query.reload;

  const [exporting, setExporting] = useState(false);
  const exportNext = async () => {
    if (exporting) return;
    setExporting(true);
    const exported = await call('packages-export', {});
    setExporting(false);
    if (!exported) return;
    downloadBytes(exported.file.fileName, exported.file.data, ZIP_MIME);
    void message.success(t('pkg.exported', { sequence: exported.package.sequence }));
    void load();
  };
  const downloadAgain = async (p: PackageView) => {
    const file = await call('packages-file', { sequence: p.sequence });
    if (file) downloadBytes(file.fileName, file.data, ZIP_MIME);
  };
  const importAck = async (file: File) => {
    const acked = await call('packages-ack', { fileName: file.name, text: await file.text() });
    if (!acked) return;
    void message.success(t('pkg.acked', acked));
    void load();
  };
  const verify = async (file: File) => {
    const checked = await call('packages-verify', { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
    if (!checked) return;
    setVerdict({
      valid: checked.valid,
      text: checked.valid ? [t('pkg.valid', { sequence: checked.sequence ?? '' })] : [...checked.problems],
    });
  };
  const waitingTotal = state ? TYPES.reduce((n, k) => n + state.waiting[k], 0) : 0;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.packages')}
        </Typography.Title>
        <HelpLink section="packages" />
      </Space>
      <Card title={t('pkg.waiting')}>
        <Space size="large" wrap data-testid="waiting">
          {TYPES.map((k) => (
            <Statistic key={k} title={t(`package.type.${k}`)} value={state?.waiting[k] ?? 0} />
          ))}
        </Space>
        {/* Corrections and collected people are shown as reviewed before they leave in a package. */}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('pkg.proposals')}
        </Typography.Title>
        <ProposalsTable proposals={state?.proposals ?? []} />
        <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 12 }} wrap>
          <Typography.Text type="secondary">
            {state && (
              <>
                <SafetyCertificateOutlined /> {t('pkg.key', { fingerprint: state.keyFingerprint })}
              </>
            )}
          </Typography.Text>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            disabled={waitingTotal === 0}
            loading={exporting}
            onClick={() => void exportNext()}
          >
            {t('pkg.export')}
          </Button>
        </Space>
      </Card>
      <Card
        title={t('pkg.history')}
        extra={
          <Space>
            <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => (void importAck(f), false)}>
              <Button icon={<CloudUploadOutlined />}>{t('pkg.importAck')}</Button>
            </Upload>
            <UnsignedAckButton onTaken={() => void load()} />
            <Upload accept=".zip,application/zip" showUploadList={false} beforeUpload={(f) => (void verify(f), false)}>
              <Button icon={<SafetyCertificateOutlined />}>{t('pkg.verify')}</Button>
            </Upload>
          </Space>
        }
      >
        {verdict && (
          <Alert
            data-testid="package-verdict"
            type={verdict.valid ? 'success' : 'error'}
            showIcon
            message={verdict.text.join(' ')}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table
          size="small"
          rowKey="sequence"
          data-testid="packages"
          dataSource={[...(state?.packages ?? [])]}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('pkg.colSequence'), dataIndex: 'sequence', width: 80 },
            { title: t('pkg.colCreated'), render: (_, p: PackageView) => format.dateTime(p.createdAt) },
            {
              title: t('pkg.colRecords'),
              render: (_, p: PackageView) =>
                TYPES.filter((k) => p.counts[k] > 0)
                  .map((k) => `${t(`package.type.${k}`)}: ${p.counts[k]}`)
                  .join(' · '),
            },
            { title: t('pkg.colSize'), render: (_, p: PackageView) => `${Math.max(1, Math.round(p.bytes / 1024))} KB` },
            { title: 'SHA-256', render: (_, p: PackageView) => <Typography.Text code>{p.sha256.slice(0, 12)}</Typography.Text> },
            {
              title: t('pkg.colAck'),
              render: (_, p: PackageView) =>
                p.acknowledgedAt ? (
                  <Tag color={p.rejected > 0 ? 'orange' : 'green'}>
                    {t('pkg.ackSummary', { accepted: p.accepted, rejected: p.rejected })}
                  </Tag>
                ) : (
                  <Tag>{t('pkg.noAck')}</Tag>
                ),
            },
            {
              title: '',
              render: (_, p: PackageView) => (
                <Button size="small" onClick={() => void downloadAgain(p)}>
                  {t('pkg.download')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {user.role === 'admin' && state && <RegistryKeyCard keys={state.registryKeys} onChanged={() => void load()} />}
    </Space>
  );
}
