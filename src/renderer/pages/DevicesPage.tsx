import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChipScan, HidDeviceView, ScannerStatus, SerialPortView } from '../../shared/api-contract';
import { api } from '../api/client';
import { ChipReadersCard } from '../components/ChipReadersCard';
import { ScannerStatusTag } from '../components/ScannerStatusTag';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { useT } from '../i18n';
import { useScans } from '../scanner/useScanner';
import { HelpLink } from '../components/HelpLink';

const BAUD_RATES = [9600, 19200, 38400, 57600, 115200];

const hex = (n: number | null) => (n === null ? '' : `0x${n.toString(16).padStart(4, '0')}`);

/**
 * Thiết bị: the USB scanners attached (HID devices and virtual COM ports), which one to use, how to
 * set HID POS mode, a live test scan from the chosen scanner or typed by a keyboard-mode one, and the
 * chip readers (PC/SC).
 */
export function DevicesPage({ scannerStatus }: { scannerStatus: ScannerStatus | null }) {
  const t = useT();
  const devices = useQuery('devices-list', {});
  const state = devices.data ?? null;
  const setState = devices.setData;
  const [baudRate, setBaudRate] = useState(9600);
  const [test, setTest] = useState('');
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string; warnings: readonly string[] } | null>(null);

  const choose = async (d: HidDeviceView) => {
    const next = await call('devices-choose', { vendorId: d.vendorId, productId: d.productId, name: d.name });
    if (next) setState(next);
  };

  const chooseSerial = async (p: SerialPortView) => {
    const next = await call('devices-choose-serial', { path: p.path, name: p.name, baudRate });
    if (next) setState(next);
  };

  const forget = async () => {
    const forgotten = await call('devices-forget', {});
    if (forgotten) setState(forgotten);
  };

  const tryScan = async (value: string) => {
    if (value.trim() === '') return;
    const r = await api['qr-parse']({ text: value });
    setTest('');
    setTestResult(
      r.ok
        ? { ok: true, text: t('devices.testOk', { name: r.value.fullName }), warnings: r.value.warnings }
        : { ok: false, text: r.error.message, warnings: [] },
    );
  };

  const chipTest = (chip: ChipScan) => {
    if (chip.state === 'reading') return;
    if (chip.state === 'failed') setTestResult({ ok: false, text: t(chip.problem.key, chip.problem.params), warnings: [] });
    if (chip.state === 'needsKey')
      setTestResult({ ok: false, text: t('chip.desk.needsKey', { reader: chip.reader }), warnings: [] });
    if (chip.state === 'read') setTestResult({ ok: true, text: t('chip.devices.read', { reader: chip.reader }), warnings: [] });
  };

  useScans((scan) => {
    if (scan.chip) chipTest(scan.chip);
    else if (scan.complete) void tryScan(scan.text);
    else setTestResult({ ok: false, text: t('scanner.incompleteScan'), warnings: [] });
  });

  const chosen = state?.chosen ?? null;
  const isChosen = (key: { kind: 'hid'; vendorId: number; productId: number } | { kind: 'serial'; path: string }) =>
    chosen !== null &&
    (chosen.kind === 'hid' && key.kind === 'hid'
      ? chosen.vendorId === key.vendorId && chosen.productId === key.productId
      : chosen.kind === 'serial' && key.kind === 'serial' && chosen.path === key.path);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('devices.title')}
          </Typography.Title>
          <HelpLink section="scanner" />
          <ScannerStatusTag status={scannerStatus} />
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void devices.reload()}>
          {t('devices.refresh')}
        </Button>
      </Space>
      {state?.error && <Alert type="warning" showIcon message={state.error} />}
      {chosen && (
        <Alert
          type="success"
          showIcon
          message={t('devices.chosen', { name: chosen.name })}
          action={
            <Button size="small" onClick={() => void forget()}>
              {t('devices.forget')}
            </Button>
          }
        />
      )}
      <Table
        rowKey={(d) => d.path ?? `${d.vendorId}:${d.productId}:${d.usagePage}`}
        dataSource={[...(state?.devices ?? [])]}
        loading={devices.loading}
        pagination={false}
        locale={{ emptyText: <Empty description={t('devices.none')} /> }}
        columns={[
          {
            title: t('devices.colName'),
            render: (_, d: HidDeviceView) => (
              <Space>
                {d.name}
                {d.hidPos && <Tag color="green">{t('devices.hidPos')}</Tag>}
                {!d.hidPos && d.likelyScanner && <Tag color="gold">{t('devices.likely')}</Tag>}
              </Space>
            ),
          },
          { title: t('devices.colIds'), render: (_, d: HidDeviceView) => `${hex(d.vendorId)}:${hex(d.productId)}` },
          {
            // In words a clerk knows; the usage page stays beside it for the IT officer.
            title: t('devices.colUsage'),
            render: (_, d: HidDeviceView) => (
              <Space direction="vertical" size={0}>
                {t(
                  d.hidPos
                    ? 'devices.kind.hidPos'
                    : d.usagePage === 0x01 && d.usage === 0x06
                      ? 'devices.kind.keyboard'
                      : 'devices.kind.other',
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('devices.kind.code', { code: hex(d.usagePage) })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '',
            render: (_, d: HidDeviceView) =>
              d.hidPos && !isChosen({ kind: 'hid', vendorId: d.vendorId, productId: d.productId }) ? (
                <Button size="small" onClick={() => void choose(d)}>
                  {t('devices.choose')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Card
        title={t('devices.serialTitle')}
        extra={
          <Space>
            {t('devices.baud')}
            <Select
              size="small"
              value={baudRate}
              onChange={setBaudRate}
              options={BAUD_RATES.map((b) => ({ value: b, label: String(b) }))}
              aria-label={t('devices.baud')}
              style={{ width: 110 }}
            />
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="path"
          data-testid="serial-ports"
          dataSource={[...(state?.serialPorts ?? [])]}
          loading={devices.loading}
          pagination={false}
          locale={{ emptyText: <Empty description={t('devices.serialNone')} /> }}
          columns={[
            {
              title: t('devices.colPort'),
              render: (_, p: SerialPortView) => (
                <Space>
                  {p.name}
                  {p.usb && <Tag>{t('devices.usb')}</Tag>}
                  {p.likelyScanner && <Tag color="gold">{t('devices.likely')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('devices.colIds'),
              render: (_, p: SerialPortView) => (p.vendorId ? `${p.vendorId}:${p.productId ?? ''}` : ''),
            },
            {
              title: '',
              render: (_, p: SerialPortView) =>
                isChosen({ kind: 'serial', path: p.path }) ? null : (
                  <Button size="small" onClick={() => void chooseSerial(p)}>
                    {t('devices.choose')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <ChipReadersCard />
      <Card title={t('devices.guideTitle')} data-testid="hidpos-guide">
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          <li>{t('devices.guide1')}</li>
          <li>{t('devices.guide2')}</li>
          <li>{t('devices.guide3')}</li>
        </ol>
      </Card>
      <Card title={t('devices.testTitle')}>
        <Typography.Paragraph type="secondary">{t('devices.liveHint')}</Typography.Paragraph>
        <Input
          size="large"
          value={test}
          placeholder={t('devices.testHint')}
          aria-label={t('devices.testHint')}
          onChange={(e) => setTest(e.target.value)}
          onPressEnter={() => void tryScan(test)}
        />
        {testResult && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="test-scan-result">
            <Alert type={testResult.ok ? 'success' : 'error'} showIcon message={testResult.text} />
            {testResult.warnings.map((w) => (
              <Alert key={w} type="warning" showIcon message={w} />
            ))}
          </Space>
        )}
      </Card>
    </Space>
  );
}
