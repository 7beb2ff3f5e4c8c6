import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Row, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { EntryView, NewResidentFields, RequestOf, ResidentRef } from '../../../shared/api-contract';
import { LISTS } from '../../../shared/auth/roles';
import { RESOLUTION_FITS, type EntryStatus, type Resolution } from '../../../shared/verification/vocabulary';
import { DeadlineTag } from '../../components/DeadlineTag';
import { DocumentsCard } from '../../components/DocumentsCard';
import { StatusTag } from '../../components/StatusTag';
import { useAppInfo } from '../../data/app-info';
import { call } from '../../data/call';
import { useQuery } from '../../data/useQuery';
import { showDate } from '../../format';
import { useT } from '../../i18n';
import { CollectDialog } from './CollectDialog';
import { CorrectionDialog, type Proposed } from './CorrectionDialog';
import { EntryPanel } from './EntryPanel';
import { ExportResultButton } from './ExportResultButton';
import { RESOLUTION_KEYS } from './resolution-keys';
import { useFitToViewport } from './useFitToViewport';
import { useWorklistKeys } from './useWorklistKeys';
import { HelpLink } from '../../components/HelpLink';

type Tab = EntryStatus | 'all';
type Extra = Omit<RequestOf<'lists-resolve'>, 'entryId' | 'resolution'>;
type Dialog = { readonly kind: 'correct' | 'collect'; readonly entry: EntryView };

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
  const { user } = useAppInfo();
  const detail = useQuery('lists-get', { listId });
  const { update, reload } = detail;
  const list = detail.data?.list ?? null;
  const panelBox = useRef<HTMLDivElement>(null);
  useFitToViewport(panelBox, list !== null);
  const entries = useMemo(() => detail.data?.entries ?? [], [detail.data]);
  const [tab, setTab] = useState<Tab>('mismatched');
  const [selected, setSelected] = useState<number | null>(null);
  // The officer's choices of a row (click, keys, tab, undo, go to row), counted: a decision whose save
  // comes back after another choice does not move the selection away from the row chosen.
  const picks = useRef(0);
  const pick = useCallback((id: number | null) => {
    picks.current++;
    setSelected(id);
  }, []);
  // Bumped after each export, so the printed documents are listed again.
  const [printed, setPrinted] = useState(0);
  const [note, setNote] = useState('');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // A resolution waiting for its reason (its key was pressed with an empty note box).
  const [pending, setPending] = useState<Resolution | null>(null);
  const noteBox = useRef<TextAreaRef>(null);
  // The entries resolved here, newest last: Ctrl+Z takes back the last one wherever the selection is.
  const history = useRef<number[]>([]);

  // A tab whose last entry was resolved into another status goes; the worklist then shows the first one left.
  const tabs = useMemo<readonly Tab[]>(() => [...WORKLIST_ORDER.filter((s) => (list?.summary[s] ?? 0) > 0), 'all'], [list]);
  const activeTab = tabs.includes(tab) ? tab : tabs[0]!;
  const shown = useMemo(
    () => (activeTab === 'all' ? entries : entries.filter((e) => e.status === activeTab)),
    [entries, activeTab],
  );
  // The entry chosen stays in the panel when its resolution moved it to another tab (a candidate chosen).
  const current = entries.find((e) => e.id === selected) ?? null;

  const replaceEntry = useCallback(
    (entry: EntryView) => update((d) => ({ ...d, entries: d.entries.map((e) => (e.id === entry.id ? entry : e)) })),
    [update],
  );

  /** Records a resolution (under the signed-in user's name: main knows who that is), then moves on. */
  const resolve = useCallback(
    async (entry: EntryView, resolution: Resolution, extra: Extra = {}): Promise<boolean> => {
      const picksBefore = picks.current;
      const resolved = await call('lists-resolve', { entryId: entry.id, resolution, ...extra });
      if (!resolved) return false;
      replaceEntry(resolved);
      history.current.push(entry.id);
      setNote('');
      setPending(null);
      setDialog(null);
      const index = shown.findIndex((e) => e.id === entry.id);
      const next = shown[index + 1];
      if (next && picks.current === picksBefore) setSelected(next.id);
      const all = await call('lists-all', {});
      const summary = all?.find((l) => l.id === listId);
      if (summary) update((d) => ({ ...d, list: summary }));
      return true;
    },
    [shown, listId, replaceEntry, update],
  );

  // A correction and a collected person are reviewed in their own dialog; the rest record at once.
  const choose = useCallback(
    (entry: EntryView, resolution: Resolution) => {
      if (resolution === 'registry_corrected') setDialog({ kind: 'correct', entry });
      else if (resolution === 'collected') setDialog({ kind: 'collect', entry });
      else {
        const needsNote = RESOLUTION_KEYS.find((k) => k.resolution === resolution)?.needsNote ?? false;
        if (needsNote && note.trim() === '') {
          // The reason first: the cursor goes to the note box, and the officer is told how to go on.
          setPending(resolution);
          noteBox.current?.focus();
          void message.info(t('worklist.noteFirst', { resolution: t(`resolution.${resolution}`) }));
          return;
        }
        void resolve(entry, resolution, { note: note.trim() || undefined });
      }
    },
    [note, resolve, t],
  );

  const undo = useCallback(
    async (entry: EntryView) => {
      const restored = await call('lists-unresolve', { entryId: entry.id });
      if (!restored) return;
      replaceEntry(restored);
      history.current = history.current.filter((id) => id !== entry.id);
      if (entry.resolution)
        void message.success(t('worklist.undone', { resolution: t(`resolution.${entry.resolution}`), row: entry.row }));
    },
    [replaceEntry, t],
  );

  /** Ctrl+Z: the last decision taken on this list (again and again further back), else the selected one's. */
  const undoLast = useCallback(() => {
    const resolvedNow = (id: number) => entries.find((e) => e.id === id && e.resolution !== null);
    while (history.current.length > 0 && !resolvedNow(history.current.at(-1)!)) history.current.pop();
    const last = history.current.length > 0 ? resolvedNow(history.current.at(-1)!) : undefined;
    const target = last ?? (current?.resolution ? current : undefined);
    if (!target) {
      void message.info(t('worklist.nothingToUndo'));
      return;
    }
    pick(target.id);
    void undo(target);
  }, [entries, current, undo, pick, t]);

  const goToRow = (row: number) => {
    const target = entries.find((e) => e.row === row);
    if (!target) return;
    setTab('all');
    pick(target.id);
  };

  useWorklistKeys({
    shown,
    selected,
    current,
    paused: dialog !== null,
    select: pick,
    choose,
    undoLast,
  });

  const recheck = async () => {
    if (await call('lists-check', { listId })) void reload();
  };

  if (!list) return null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            {t('lists.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0, maxWidth: 460 }} ellipsis={{ tooltip: list.title }}>
            {list.title}
          </Typography.Title>
          <HelpLink section="worklist" />
          <DeadlineTag list={list} />
        </Space>
        {/* The chairman reads and signs; checking and printing are the officers'. */}
        {LISTS.includes(user.role) && (
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void recheck()}>
              {t('lists.recheck')}
            </Button>
            <ExportResultButton
              list={list}
              onExported={() => {
                setPrinted((n) => n + 1);
                void reload();
              }}
            />
          </Space>
        )}
      </Space>
      <Typography.Text type="secondary">
        {t('lists.colSource')}: {list.source} · {t('lists.colDrawnUp')}: {showDate(list.drawnUp)} · {t('lists.colDue')}:{' '}
        {showDate(list.dueDate)}
      </Typography.Text>
      <Tabs
        activeKey={activeTab}
        onChange={(key) => {
          setTab(tabs.find((k) => k === key) ?? 'all');
          pick(null);
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
            onRow={(e) => ({ onClick: () => pick(e.id), style: { cursor: 'pointer' } })}
            data-testid="worklist"
            columns={[
              { title: t('col.row'), dataIndex: 'row', width: 60 },
              { title: t('col.fullName'), dataIndex: 'fullName' },
              { title: t('col.birthDate'), dataIndex: 'birthDate', width: 100, render: showDate },
              {
                title: t('lists.colResult'),
                width: 160,
                render: (_, e) =>
                  e.duplicateOfRow !== null ? (
                    <Tag color="purple">{t('handling.duplicate', { row: e.duplicateOfRow })}</Tag>
                  ) : (
                    e.status && <StatusTag status={e.status} />
                  ),
              },
              {
                title: '',
                width: 40,
                render: (_, e) => (e.resolution ? <Tag color="green">✓</Tag> : null),
              },
            ]}
          />
        </Col>
        {/* The selected entry and its actions stay in view while the worklist scrolls (1366×768). */}
        <Col ref={panelBox} span={12} style={{ position: 'sticky', top: 8, alignSelf: 'flex-start', overflowY: 'auto' }}>
          {current === null ? (
            <Empty description={t('lists.selectEntry')} />
          ) : (
            <EntryPanel
              entry={current}
              note={note}
              onNote={setNote}
              noteBox={noteBox}
              onNoteDone={(record) => {
                // Ctrl+Enter records the resolution whose key asked for the reason (else "chưa xử lý được").
                const waiting = pending ?? (RESOLUTION_FITS.unresolved.includes(current.status!) ? 'unresolved' : null);
                if (record && waiting && note.trim() !== '') choose(current, waiting);
                if (!record) {
                  setPending(null);
                  noteBox.current?.blur();
                }
              }}
              onResolve={choose}
              onChoose={(entry: EntryView, c: ResidentRef) => void resolve(entry, 'candidate_chosen', { candidateId: c.id })}
              onUndo={(entry) => void undo(entry)}
              onGoToRow={goToRow}
            />
          )}
        </Col>
      </Row>
      <DocumentsCard listId={listId} refreshKey={printed} />
      <CorrectionDialog
        entry={dialog?.kind === 'correct' ? dialog.entry : null}
        onRecord={(entry: EntryView, proposed: Proposed, basis: string) =>
          resolve(entry, 'registry_corrected', { proposed, note: basis })
        }
        onCancel={() => setDialog(null)}
      />
      <CollectDialog
        entry={dialog?.kind === 'collect' ? dialog.entry : null}
        onRecord={(entry: EntryView, newResident: NewResidentFields, collectedNote: string | undefined) =>
          resolve(entry, 'collected', { newResident, note: collectedNote })
        }
        onCancel={() => setDialog(null)}
      />
    </Space>
  );
}
