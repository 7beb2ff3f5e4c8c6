import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Modal, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { ListSummary, VaccinationView } from '../../../shared/api-contract';
import { StatusTag } from '../../components/StatusTag';
import { useAppInfo } from '../../data/app-info';
import { call } from '../../data/call';
import { useQuery } from '../../data/useQuery';
import { showDate, useFormat } from '../../format';
import { useT } from '../../i18n';
import { Infections } from './Infections';
import { ManualEntry } from './ManualEntry';
import { Products } from './Products';
import { HelpLink } from '../../components/HelpLink';

/**
 * Tiêm chủng: the results lists and their doses with the problems each rule found, the chairman's
 * confirmation, results typed in by hand, F0 records, and the editable vaccine table.
 */
export function VaccinationPage() {
  const t = useT();
  const format = useFormat();
  const allLists = useQuery('lists-all', {});
  const lists = (allLists.data ?? []).filter((l) => l.kind === 'results');
  const [open, setOpen] = useState<ListSummary | null>(null);
  const doses = useQuery('vaccination-doses', { listId: open?.id ?? 0 }, { enabled: open !== null });
  const [confirming, setConfirming] = useState<ListSummary | null>(null);
  const [saving, setSaving] = useState(false);
  // Only the chairman confirms, as themself: main records the signed-in account and refuses anyone else.
  const { user } = useAppInfo();
  const mayConfirm = user.role === 'chairman';

  const confirm = async () => {
    if (!confirming || saving) return;
    setSaving(true);
    const confirmed = await call('vaccination-confirm', { listId: confirming.id });
    setSaving(false);
    if (!confirmed) return;
    setConfirming(null);
    void message.success(t('vacc.confirmed'));
    void allLists.reload();
  };
  const shownDoses = open ? (doses.data ?? []) : [];
  const problemCount = shownDoses.filter((d) => d.problems.length > 0).length;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.vaccination')}
        </Typography.Title>
        <HelpLink section="vaccination" />
      </Space>
      <Card title={t('vacc.lists')}>
        <Table
          size="small"
          rowKey="id"
          data-testid="results-lists"
          dataSource={lists}
          pagination={false}
          locale={{ emptyText: t('vacc.noLists') }}
          onRow={(l) => ({ onClick: () => setOpen(l), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('lists.colFile'), dataIndex: 'fileName' },
            { title: t('lists.colSource'), dataIndex: 'source' },
            { title: t('lists.colDrawnUp'), render: (_, l: ListSummary) => showDate(l.drawnUp) },
            { title: t('vacc.colRows'), dataIndex: 'rows' },
            {
              title: t('vacc.colConfirmed'),
              render: (_, l: ListSummary) =>
                l.confirmedBy ? (
                  <Tag icon={<CheckCircleOutlined />} color="green">
                    {l.confirmedBy} · {l.confirmedAt ? format.dateTime(l.confirmedAt) : ''}
                  </Tag>
                ) : mayConfirm ? (
                  <Button
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      setOpen(l);
                      setConfirming(l);
                    }}
                  >
                    {t('vacc.confirm')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{t('vacc.notConfirmed')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      {open && (
        <Card title={`${t('vacc.doses')}: ${open.fileName}`} data-testid="doses">
          <Table
            size="small"
            rowKey="id"
            dataSource={[...shownDoses]}
            pagination={{ pageSize: 50 }}
            columns={[
              { title: t('col.row'), dataIndex: 'row', width: 60 },
              { title: t('col.fullName'), dataIndex: 'fullName' },
              { title: t('col.personalId'), dataIndex: 'personalId' },
              { title: t('package.col.vaccinationDate'), render: (_, d: VaccinationView) => showDate(d.vaccinationDate) },
              { title: t('package.col.vaccine'), render: (_, d: VaccinationView) => d.productCode ?? d.vaccine },
              { title: t('package.col.lot'), dataIndex: 'lot' },
              { title: t('package.col.dose'), dataIndex: 'dose', width: 60 },
              {
                title: '',
                render: (_, d: VaccinationView) => (
                  <Space direction="vertical" size={2}>
                    {d.status && d.status !== 'matched' && <StatusTag status={d.status} />}
                    {d.problems.map((p) => (
                      <Tag key={p} color="red" style={{ whiteSpace: 'normal' }}>
                        {p}
                      </Tag>
                    ))}
                    {d.problems.length === 0 && d.status === 'matched' && <Tag color="green">{t('vacc.ok')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <ManualEntry onSaved={() => void allLists.reload()} />
      <Infections />
      <Products />
      <Modal
        open={confirming !== null}
        title={confirming ? t('vacc.confirmTitle', { file: confirming.fileName }) : ''}
        okText={t('vacc.confirm')}
        okButtonProps={{ loading: saving }}
        onOk={() => void confirm()}
        onCancel={() => setConfirming(null)}
      >
        <Typography.Paragraph>{t('vacc.confirmBody')}</Typography.Paragraph>
        {problemCount > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('vacc.confirmProblems', { count: problemCount })}
            style={{ marginBottom: 12 }}
          />
        )}
        <Typography.Paragraph data-testid="confirmer-account">
          {t('vacc.confirmAs', { name: user.displayName, account: user.username })}
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}
