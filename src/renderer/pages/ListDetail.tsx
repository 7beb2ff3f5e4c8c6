import { ArrowLeftOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Modal,
  Row,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  message,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo, EntryView, ListSummary, ResidentRef } from '../../shared/api-contract';
import type { MessageKey } from '../../shared/i18n';
import {
  RESOLUTION_FITS,
  RESOLUTIONS_NEEDING_NOTE,
  type ComparedField,
  type EntryStatus,
  type Resolution,
} from '../../shared/verification/vocabulary';
import { api } from '../api/client';
import { DeadlineTag } from '../components/DeadlineTag';
import { StatusTag } from '../components/StatusTag';
import { DocumentsCard } from '../components/DocumentsCard';
import { XLSX_MIME, downloadBytes } from '../download';
import { sexKey, showDate } from '../format';
import { useT } from '../i18n';

/** Resolutions with their keyboard keys, in the order the worklist offers them. */
const RESOLUTION_KEYS: readonly { resolution: Resolution; key: string; needsNote: boolean }[] = (
  ['list_corrected', 'registry_corrected', 'collected', 'referred', 'unresolved'] as const
).map((resolution, i) => ({ resolution, key: String(i + 1), needsNote: RESOLUTIONS_NEEDING_NOTE.has(resolution) }));

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
export function ListDetail({
  listId,
  info,
  onInfo,
  onBack,
}: {
  listId: number;
  info: AppInfo;
  onInfo: (info: AppInfo) => void;
  onBack: () => void;
}) {
  const t = useT();
  const [list, setList] = useState<ListSummary | null>(null);
  const [entries, setEntries] = useState<readonly EntryView[]>([]);
  const [tab, setTab] = useState<string>('mismatched');
  const [selected, setSelected] = useState<number | null>(null);
  // Bumped after each export, so the printed documents are listed again.
  const [printed, setPrinted] = useState(0);
  const [note, setNote] = useState('');
  const [askOfficer, setAskOfficer] = useState(false);
  const [officer, setOfficer] = useState(info.officerName ?? '');

  const load = useCallback(
    () =>
      api['lists-get']({ listId }).then((response) => {
        if (!response.ok) return void message.error(response.error.message);
        setList(response.value.list);
        setEntries(response.value.entries);
      }),
    [listId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => (tab === 'all' ? entries : entries.filter((e) => e.status === tab)), [entries, tab]);
  const current = shown.find((e) => e.id === selected) ?? null;

  const replaceEntry = (entry: EntryView) => setEntries((all) => all.map((e) => (e.id === entry.id ? entry : e)));

  const resolve = useCallback(
    async (entry: EntryView, resolution: Resolution, candidateId?: number) => {
      if (!info.officerName) {
        setAskOfficer(true);
        return;
      }
      const response = await api['lists-resolve']({
        entryId: entry.id,
        resolution,
        note: note || undefined,
        candidateId,
        by: info.officerName,
      });
      if (!response.ok) return void message.warning(response.error.message);
      replaceEntry(response.value);
      setNote('');
      // Move on to the next row of the worklist.
      const index = shown.findIndex((e) => e.id === entry.id);
      const next = shown[index + 1];
      if (next) setSelected(next.id);
      void api['lists-all']({}).then((r) => r.ok && setList(r.value.find((l) => l.id === listId) ?? null));
    },
    [info.officerName, note, shown, listId],
  );

  const undo = useCallback(async (entry: EntryView) => {
    const response = await api['lists-unresolve']({ entryId: entry.id });
    if (response.ok) replaceEntry(response.value);
  }, []);

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
    const response = await api['lists-export']({ listId });
    if (!response.ok) return void message.error(response.error.message);
    for (const file of response.value.files)
      downloadBytes(file.fileName, file.data, file.fileName.endsWith('.pdf') ? 'application/pdf' : XLSX_MIME);
    void message.success(t('lists.exported'));
    setPrinted((n) => n + 1);
    void load();
  };

  const recheck = async () => {
    const response = await api['lists-check']({ listId });
    if (response.ok) void load();
    else void message.error(response.error.message);
  };

  if (!list) return null;
  const tabs = [...WORKLIST_ORDER.filter((s) => list.summary[s] > 0), 'all'];

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
          setTab(key);
          setSelected(null);
        }}
        items={tabs.map((key) => ({
          key,
          label:
            key === 'all'
              ? `${t('lists.tabAll')} (${list.rows})`
              : `${t(`status.${key}` as MessageKey)} (${list.summary[key as EntryStatus]})`,
        }))}
      />
      <Row gutter={16}>
        <Col span={12}>
          <Table
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
      <Modal
        open={askOfficer}
        title={t('lists.officerTitle')}
        okText={t('lists.officerSave')}
        onCancel={() => setAskOfficer(false)}
        okButtonProps={{ disabled: officer.trim() === '' }}
        onOk={async () => {
          const response = await api['settings-set-officer']({ name: officer });
          if (response.ok) onInfo(response.value);
          setAskOfficer(false);
        }}
      >
        <Typography.Paragraph>{t('lists.officerHint')}</Typography.Paragraph>
        <Input autoFocus value={officer} onChange={(e) => setOfficer(e.target.value)} aria-label={t('lists.officerTitle')} />
      </Modal>
    </Space>
  );
}

function EntryPanel(props: {
  entry: EntryView;
  note: string;
  onNote: (note: string) => void;
  onResolve: (entry: EntryView, resolution: Resolution, candidateId?: number) => Promise<void>;
  onUndo: (entry: EntryView) => Promise<void>;
}) {
  const t = useT();
  const { entry } = props;
  const differs = (field: ComparedField) => entry.differences.includes(field);
  const mark = (field: ComparedField, text: string) =>
    differs(field) ? <Typography.Text mark>{text || '—'}</Typography.Text> : text;
  const r = entry.resident;
  const sexText = (sex: EntryView['sex']) => (sex ? t(sexKey(sex)) : '');
  return (
    <Card
      size="small"
      title={
        <Space>
          {`${t('col.row')} ${entry.row}`}
          {entry.status && <StatusTag status={entry.status} />}
        </Space>
      }
      data-testid="entry-panel"
    >
      <Descriptions size="small" column={1} bordered labelStyle={{ width: 130 }}>
        <Descriptions.Item label="">
          <Row>
            <Col span={12}>
              <strong>{t('lists.listSide')}</strong>
            </Col>
            <Col span={12}>
              <strong>{t('lists.registrySide')}</strong>
            </Col>
          </Row>
        </Descriptions.Item>
        {(
          [
            ['fullName', entry.fullName ?? '', r?.fullName ?? ''],
            ['birthDate', showDate(entry.birthDate), showDate(r?.birthDate ?? null)],
            ['sex', sexText(entry.sex), sexText(r?.sex ?? null)],
            ['personalId', entry.idNumber ?? '', r ? [r.personalId, r.oldId].filter(Boolean).join(' / ') : ''],
            ['address', entry.address ?? '', r?.permanentAddress ?? ''],
          ] as const
        ).map(([field, listValue, registryValue]) => (
          <Descriptions.Item key={field} label={t(`field.${field}` as MessageKey)}>
            <Row>
              <Col span={12}>{mark(field, listValue)}</Col>
              <Col span={12}>
                {r ? mark(field, registryValue) : <Typography.Text type="secondary">{t('lists.noRegistry')}</Typography.Text>}
              </Col>
            </Row>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {entry.candidates.length > 0 && (
        <CandidateList
          candidates={entry.candidates}
          chosen={r?.id ?? null}
          onChoose={(c) => void props.onResolve(entry, 'candidate_chosen', c.id)}
        />
      )}
      {entry.resolution ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          message={t('lists.resolvedBy', {
            resolution: t(`resolution.${entry.resolution}` as MessageKey),
            by: entry.resolvedBy ?? '',
            at: entry.resolvedAt ? new Date(entry.resolvedAt).toLocaleString('vi-VN') : '',
          })}
          description={entry.resolutionNote}
          action={<Button onClick={() => void props.onUndo(entry)}>{t('lists.undo')}</Button>}
        />
      ) : (
        entry.status !== null &&
        RESOLUTION_KEYS.some((a) => RESOLUTION_FITS[a.resolution].includes(entry.status!)) && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Input.TextArea
              rows={2}
              placeholder={t('lists.note')}
              aria-label={t('lists.note')}
              value={props.note}
              onChange={(e) => props.onNote(e.target.value)}
            />
            <Space wrap>
              {RESOLUTION_KEYS.filter((a) => RESOLUTION_FITS[a.resolution].includes(entry.status!)).map((a) => (
                <Button
                  key={a.resolution}
                  disabled={a.needsNote && props.note.trim() === ''}
                  onClick={() => void props.onResolve(entry, a.resolution)}
                >
                  {a.key}. {t(`resolution.${a.resolution}` as MessageKey)}
                </Button>
              ))}
            </Space>
          </Space>
        )
      )}
    </Card>
  );
}

function CandidateList({
  candidates,
  chosen,
  onChoose,
}: {
  candidates: readonly ResidentRef[];
  chosen: number | null;
  onChoose: (c: ResidentRef) => void;
}) {
  const t = useT();
  return (
    <Card size="small" type="inner" title={t('lists.candidates')} style={{ marginTop: 12 }}>
      {candidates.map((c) => (
        <Row key={c.id} align="middle" style={{ marginBottom: 6 }}>
          <Col span={18}>
            <strong>{c.fullName}</strong> · {showDate(c.birthDate)} · {c.personalId} · {c.permanentAddress}
          </Col>
          <Col span={6}>
            <Button size="small" type={chosen === c.id ? 'primary' : 'default'} onClick={() => onChoose(c)}>
              {t('lists.choose')}
            </Button>
          </Col>
        </Row>
      ))}
    </Card>
  );
}
