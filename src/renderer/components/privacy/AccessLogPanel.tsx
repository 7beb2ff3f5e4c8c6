import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AccessEntryView, AccessVerification } from '../../../shared/api-contract';
import { accessContextText } from '../../../shared/privacy/access-text';
import { call } from '../../data/call';
import { useQuery } from '../../data/useQuery';
import { XLSX_MIME, downloadBytes } from '../../download';
import { useFormat } from '../../format';
import { useT } from '../../i18n';
import { CitizenRequestButton } from './CitizenRequestButton';

/** The access log's rows: when, who, what, whom, where. */
export function AccessTable({ entries, showResident = true }: { entries: readonly AccessEntryView[]; showResident?: boolean }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table
      size="small"
      rowKey="seq"
      data-testid="access-log"
      dataSource={[...entries]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('col.at'), render: (_, e: AccessEntryView) => format.dateTime(e.at), width: 170 },
        { title: t('privacy.col.user'), dataIndex: 'user' },
        { title: t('privacy.col.action'), render: (_, e: AccessEntryView) => t(`access.action.${e.action}`) },
        ...(showResident ? [{ title: t('col.personalId'), dataIndex: 'residentId' }] : []),
        { title: t('privacy.col.context'), render: (_, e: AccessEntryView) => accessContextText(e.context, t) },
      ]}
    />
  );
}

/**
 * The administrator's access log (issue 21): who looked at whom and why — per resident, since a
 * day — exported for an inspection, its chain verified; with one resident chosen, that citizen's
 * request (their data printed, their visits deleted).
 */
export function AccessLogPanel({ residentId }: { residentId?: string }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [since, setSince] = useState<Dayjs | null>(null);
  const [verification, setVerification] = useState<AccessVerification | null>(null);
  const chosen = residentId ?? (/^\d{9}(\d{3})?$/.test(typed.trim()) ? typed.trim() : undefined);
  const query = { residentId: chosen, since: since?.format('YYYY-MM-DD') };
  const log = useQuery('access-log', query);
  const exportLog = async () => {
    const file = await call('access-export', query);
    if (file) downloadBytes(file.fileName, file.data, XLSX_MIME);
  };
  const verify = async () => setVerification((await call('access-verify', {})) ?? null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {residentId === undefined && (
        <Space wrap>
          <Input
            style={{ width: 220 }}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={t('access.residentFilter')}
            aria-label={t('access.residentFilter')}
            allowClear
          />
          <DatePicker value={since} onChange={setSince} format="DD/MM/YYYY" placeholder={t('access.since')} />
          <Button icon={<DownloadOutlined />} onClick={() => void exportLog()}>
            {t('access.export')}
          </Button>
          <Button icon={<SafetyCertificateOutlined />} onClick={() => void verify()}>
            {t('access.verify')}
          </Button>
        </Space>
      )}
      {verification && (
        <Alert
          type={verification.valid ? 'success' : 'error'}
          showIcon
          message={verification.valid ? t('access.valid', { entries: verification.entries }) : verification.problems.join(' ')}
        />
      )}
      {residentId === undefined && chosen !== undefined && chosen.length === 12 && (
        <Space>
          <Typography.Text strong>{t('citizen.title', { id: chosen })}</Typography.Text>
          <CitizenRequestButton residentId={chosen} onDeleted={() => void log.reload()} />
        </Space>
      )}
      <AccessTable entries={log.data ?? []} showResident={residentId === undefined} />
    </Space>
  );
}
