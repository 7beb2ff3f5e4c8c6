import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography, Upload, message } from 'antd';
import type { CscaView } from '../../shared/api-contract';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { showDate } from '../format';
import { useT } from '../i18n';

/**
 * The CSCA certificates the chip check verifies cards against (administrator): a certificate file or
 * ICAO's master list picked and installed, and those installed listed.
 */
export function CscaCard() {
  const t = useT();
  const readers = useQuery('chip-readers', {});
  const installed = readers.data?.csca ?? [];
  const install = async (file: File) => {
    const data = new Uint8Array(await file.arrayBuffer());
    const done = await call('chip-csca-install', { fileName: file.name, data });
    if (!done) return;
    void message.success(t('chip.csca.installed', { added: done.added }));
    void readers.reload();
  };
  return (
    <Card
      title={t('chip.csca.title')}
      data-testid="csca"
      extra={
        <Upload
          accept=".cer,.crt,.der,.pem,.ml"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void install(file);
            return false;
          }}
        >
          <Button icon={<SafetyCertificateOutlined />}>{t('chip.csca.install')}</Button>
        </Upload>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('chip.csca.hint')}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="fingerprint"
          loading={readers.loading}
          dataSource={[...installed]}
          pagination={false}
          locale={{ emptyText: t('chip.csca.empty') }}
          columns={[
            { title: t('chip.csca.colSubject'), dataIndex: 'subject' },
            { title: t('chip.csca.colCountry'), dataIndex: 'country', width: 80 },
            { title: t('chip.csca.colValidTo'), width: 120, render: (_, c: CscaView) => showDate(c.validTo.slice(0, 10)) },
            {
              title: t('chip.csca.colFingerprint'),
              render: (_, c: CscaView) => <Typography.Text code>{c.fingerprint.slice(0, 23)}…</Typography.Text>,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
