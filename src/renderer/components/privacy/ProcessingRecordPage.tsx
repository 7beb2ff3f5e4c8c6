import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Spin, Table, Typography } from 'antd';
import type { ProcessingRecord } from '../../../shared/api-contract';
import { keptText } from '../../../shared/privacy/access-text';
import { call } from '../../data/call';
import { useQuery } from '../../data/useQuery';
import { useFormat } from '../../format';
import { useT } from '../../i18n';
import { showPrinted } from './printed';

type Kind = ProcessingRecord['kinds'][number];

/**
 * Hồ sơ xử lý dữ liệu cá nhân (issue 21): what the app holds, from where, why, who may see it, how
 * long it is kept, where backups go and who received data — generated from the app's own state —
 * and its printable paper.
 */
export function ProcessingRecordPage() {
  const t = useT();
  const format = useFormat();
  const query = useQuery('processing-record', {});
  const record = query.data;
  const print = async () => {
    const printed = await call('processing-record-pdf', {});
    if (printed) showPrinted(printed, t);
  };
  if (!record) return <Spin />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="processing-record">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text>{t('privacy.record.subtitle', { body: record.controller.issuingBody })}</Typography.Text>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => void print()}>
          {t('record.print')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        dataSource={[...record.kinds]}
        data-testid="record-kinds"
        columns={[
          { title: t('privacy.col.kind'), render: (_, k: Kind) => t(`privacy.kind.${k.kind}`) },
          { title: t('privacy.col.count'), render: (_, k: Kind) => format.count(k.count), align: 'right' },
          { title: t('privacy.col.purpose'), render: (_, k: Kind) => t(`privacy.purpose.${k.kind}`) },
          { title: t('privacy.col.from'), render: (_, k: Kind) => t(`privacy.from.${k.kind}`) },
          { title: t('privacy.col.kept'), render: (_, k: Kind) => keptText(k.kind, k.keptDays, t) },
          { title: t('privacy.col.roles'), render: (_, k: Kind) => k.roles.map((r) => t(`auth.role.${r}`)).join(', ') },
        ]}
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('privacy.record.extracts')}>
          {record.extracts.map((e) => `${e.fileName} (${format.dateTime(e.importedAt)}, ${format.count(e.rows)})`).join('; ') ||
            t('privacy.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('privacy.record.senders')}>
          {record.senders.map((s) => `${s.source} (${format.count(s.lists)})`).join('; ') || t('privacy.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('privacy.record.users')}>
          <div data-testid="record-users">
            {record.usersByRole.map((u) => (
              <div key={u.role}>
                <Typography.Text strong>{t(`auth.role.${u.role}`)}:</Typography.Text> {u.users.join(', ') || t('privacy.nobody')}
              </div>
            ))}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('privacy.record.backups')}>
          {record.backups.folder
            ? t('privacy.record.backupFolder', { folder: record.backups.folder })
            : t('privacy.record.noBackupFolder')}
        </Descriptions.Item>
        <Descriptions.Item label={t('privacy.record.packages')}>
          {record.packages.map((p) => `${p.sequence}: ${format.dateTime(p.createdAt)} (${format.count(p.records)})`).join('; ') ||
            t('privacy.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('privacy.record.returned')}>
          {record.returnedLists.map((s) => `${s.source} (${format.count(s.lists)})`).join('; ') || t('privacy.none')}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}
