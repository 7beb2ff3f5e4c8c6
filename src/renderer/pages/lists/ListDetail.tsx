import { ArrowLeftOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Row, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EntryView } from '../../../shared/api-contract';
import { RESOLUTION_FITS, type EntryStatus, type Resolution } from '../../../shared/verification/vocabulary';
import { DeadlineTag } from '../../components/DeadlineTag';
import { DocumentsCard } from '../../components/DocumentsCard';
import { StatusTag } from '../../components/StatusTag';
import { call } from '../../data/call';
import { useQuery } from '../../data/useQuery';
import { XLSX_MIME, downloadBytes } from '../../download';
import { showDate } from '../../format';
import { useT } from '../../i18n';
import { EntryPanel } from './EntryPanel';
import { RESOLUTION_KEYS } from './resolution-keys';

type Tab = EntryStatus | 'all';

const WORKLIST_ORDER: readonly EntryStatus[] = [
  'mismatched',
  'not_found',
  'ambiguous',
  'invalid',
  'duplicate',
  'foreign',
  'matched',
];

/** One list: its deadline, a worklist per status, each row beside the registry's record, and the resolutions. */
export function ListDetail({ listId, onBack }: { listId: number; onBack: () => void }) {
  const t = useT();
  const detail = useQuery('lists-get', { listId });
  const { update, reload } = detail;
  const list = detail.data?.list ?? null;
  const entries = useMemo(() => detail.data?.entries ?? [], [detail.data]);
  const [tab, setTab] = useState<Tab>('mismatched');
  const [selected, setSelected] = useState<number | null>(null);
  // Bumped after each export, so the printed documents are listed again.
  const [printed, setPrinted] = useState(0);
  const [note, setNote] = useState('');

  const shown = useMemo(() => (tab === 'all' ? entries : entries.filter((e) => e.status === tab)), [entries, tab]);
  const current = shown.find((e) => e.id === selected) ?? null;

  const replaceEntry = useCallback(
    (entry: EntryView) => update((d) => ({ ...d, entries: d.entries.map((e) => (e.id === entry.id ? entry : e)) })),
    [update],
  );

  const resolve = useCallback(
    async (entry: EntryView, resolution: Resolution, candidateId?: number) => {
      // The resolution is recorded under the signed-in user's name (main knows who that is).
      const resolved = await call('lists-resolve', { entryId: entry.id, resolution, note: note || undefined, candidateId });
      if (!resolved) return;
      replaceEntry(resolved);
      setNote('');
      // Move on to the next row of the worklist.
      const index = shown.findIndex((e) => e.id === entry.id);
      const next = shown[index + 1];
      if (next) setSelected(next.id);
      const all = await call('lists-all', {});
      const summary = all?.find((l) => l.id === listId);
      if (summary) update((d) => ({ ...d, list: summary }));
    },
    [note, shown, listId, replaceEntry, update],
  );

  const undo = useCallback(
    async (entry: EntryView) => {
      const restored = await call('lists-unresolve', { entryId: entry.id });
      if (restored) replaceEntry(restored);
    },
    [replaceEntry],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      const index = shown.findIndex((x) => x.id === selected);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = shown[Math.min(shown.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)))];
        if (next) setSelected(next.id);
        return;
      }
      if (!current || current.status === null) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void undo(current);
        return;
      }
      const action = RESOLUTION_KEYS.find((r) => r.key === e.key && RESOLUTION_FITS[r.resolution].includes(current.status!));
      if (action && (!action.needsNote || note.trim() !== '')) {
        e.preventDefault();
        void resolve(current, action.resolution);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, selected, current, note, resolve, undo]);

  const exportResult = async () => {
    const exported = await call('lists-export', { listId });
    if (!exported) return;
    for (const file of exported.files)
      downloadBytes(file.fileName, file.data, file.fileName.endsWith('.pdf') ? 'application/pdf' : XLSX_MIME);
    void message.success(t('lists.exported'));
    setPrinted((n) => n + 1);
    void reload();
  };

  const recheck = async () => {
    if (await call('lists-check', { listId })) void reload();
  };

  if (!list) return null;
  const tabs: readonly Tab[] = [...WORKLIST_ORDER.filter((s) => list.summary[s] > 0), 'all'];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            {t('lists.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {list.fileName}
          </Typography.Title>
          <DeadlineTag list={list} />
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void recheck()}>
            {t('lists.recheck')}
          </Button>
          <Button type="primary" icon={<DownloadOutlined />} onClick={() => void exportResult()}>
            {t('lists.export')}
          </Button>
        </Space>
      </Space>
      <Typography.Text type="secondary">
        {t('lists.colSource')}: {list.source} · {t('lists.colDrawnUp')}: {showDate(list.drawnUp)} · {t('lists.colDue')}:{' '}
        {showDate(list.dueDate)}
      </Typography.Text>
      <DocumentsCard listId={listId} refreshKey={printed} />
      <Tabs
        activeKey={tabs.includes(tab) ? tab : tabs[0]}
        onChange={(key) => {
          setTab(tabs.find((k) => k === key) ?? 'all');
          setSelected(null);
        }}
        items={tabs.map((key) => ({
          key,
          label: key === 'all' ? `${t('lists.tabAll')} (${list.rows})` : `${t(`status.${key}`)} (${list.summary[key]})`,
        }))}
      />
      <Row gutter={16}>
        <Col span={12}>
          <Table<EntryView>
            size="small"
            rowKey="id"
            dataSource={[...shown]}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            rowClassName={(e) => (e.id === selected ? 'ant-table-row-selected' : '')}
            onRow={(e) => ({ onClick: () => setSelected(e.id), style: { cursor: 'pointer' } })}
            data-testid="worklist"
            columns={[
              { title: t('col.row'), dataIndex: 'row', width: 60 },
              { title: t('col.fullName'), dataIndex: 'fullName' },
              { title: t('col.birthDate'), dataIndex: 'birthDate', width: 100, render: showDate },
              { title: t('lists.colResult'), width: 150, render: (_, e) => e.status && <StatusTag status={e.status} /> },
              {
                title: '',
                width: 40,
                render: (_, e) => (e.resolution ? <Tag color="green">✓</Tag> : null),
              },
            ]}
          />
        </Col>
        <Col span={12} style={{ position: 'sticky', top: 16, alignSelf: 'flex-start' }}>
          {current === null ? (
            <Empty description={t('lists.selectEntry')} />
          ) : (
            <EntryPanel entry={current} note={note} onNote={setNote} onResolve={resolve} onUndo={undo} />
          )}
        </Col>
      </Row>
    </Space>
  );
}
