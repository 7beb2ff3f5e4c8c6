import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DevicesState, HidDeviceView } from '../../shared/api-contract';
import { api } from '../api/client';
import { useT } from '../i18n';

const hex = (n: number | null) => (n === null ? '' : `0x${n.toString(16).padStart(4, '0')}`);

/** Thiết bị: the USB scanners attached, which one to use, how to set HID POS mode, a test scan. */
export function DevicesPage() {
  const t = useT();
  const [state, setState] = useState<DevicesState | null>(null);
  const [test, setTest] = useState('');
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string; warnings: readonly string[] } | null>(null);

  const load = useCallback(
    () =>
      api['devices-list']({}).then((r) => {
        if (r.ok) setState(r.value);
      }),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const choose = async (d: HidDeviceView) => {
    const r = await api['devices-choose']({ vendorId: d.vendorId, productId: d.productId, name: d.name });
    if (r.ok) setState(r.value);
  };

  const tryScan = async () => {
    if (test.trim() === '') return;
    const r = await api['qr-parse']({ text: test });
    setTest('');
    setTestResult(
      r.ok
        ? { ok: true, text: t('devices.testOk', { name: r.value.fullName }), warnings: r.value.warnings }
        : { ok: false, text: r.error.message, warnings: [] },
    );
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('devices.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {t('devices.refresh')}
        </Button>
      </Space>
      {state?.error && <Alert type="warning" showIcon message={state.error} />}
      {state?.chosen && <Alert type="success" showIcon message={t('devices.chosen', { name: state.chosen.name })} />}
      <Table
        rowKey={(d) => d.path ?? `${d.vendorId}:${d.productId}:${d.usagePage}`}
        dataSource={[...(state?.devices ?? [])]}
        loading={state === null}
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
          { title: t('devices.colUsage'), render: (_, d: HidDeviceView) => hex(d.usagePage) },
          {
            title: '',
            render: (_, d: HidDeviceView) =>
              d.hidPos ? (
                <Button size="small" onClick={() => void choose(d)}>
                  {t('devices.choose')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Card title={t('devices.guideTitle')} data-testid="hidpos-guide">
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          <li>{t('devices.guide1')}</li>
          <li>{t('devices.guide2')}</li>
          <li>{t('devices.guide3')}</li>
        </ol>
      </Card>
      <Card title={t('devices.testTitle')}>
        <Input
          size="large"
          value={test}
          placeholder={t('devices.testHint')}
          aria-label={t('devices.testHint')}
          onChange={(e) => setTest(e.target.value)}
          onPressEnter={() => void tryScan()}
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
