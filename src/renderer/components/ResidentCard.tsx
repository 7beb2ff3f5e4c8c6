import {
  Alert,
  Descriptions,
  Drawer,
  Empty,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import type { ReactNode } from 'react';
import type { ResidentCard as Card, FieldSource } from '../../shared/api-contract';
import { POLICE } from '../../shared/auth/roles';
import { useAppInfo } from '../data/app-info';
import { useQuery } from '../data/useQuery';
import { CitizenRequestButton } from './privacy/CitizenRequestButton';
import { useFormat } from '../format';
import { useT } from '../i18n';
import { recordValue, RECORD_LABELS, useCardColumns } from './resident-card-columns';

/**
 * A resident's card (opened from search, a list or the desk): the registry record with where each
 * field came from, the lists the person is on and what became of each row, doses, F0 records,
 * checkpoint visits, registry changes about them, and for administrators who looked at them.
 * Opening it is a look-up the access log records.
 */
export function ResidentCard({
  residentId,
  from,
  listId,
  onClose,
}: {
  residentId: string | null;
  from: 'search' | 'list' | 'desk';
  listId?: number;
  onClose: () => void;
}) {
  const t = useT();
  const { user } = useAppInfo();
  const format = useFormat();
  const columns = useCardColumns();
  const card = useQuery('residents-card', { residentId: residentId ?? '', from, listId }, { enabled: residentId !== null });
  const data: Card | undefined = card.data?.resident.personalId === residentId ? card.data : undefined;

  // Where most fields came from is said once; a field from elsewhere says so beside its value.
  type Extract = FieldSource['extract'];
  const sourceKey = (e: Extract) => (e ? `${e.fileName}|${e.importedAt}` : '');
  const sourceText = (e: Extract) =>
    e
      ? t('card.sourceExtract', { file: e.fileName, at: format.dateTime(e.importedAt) })
      : t(data?.resident.isDemo ? 'card.sourceDemo' : 'card.sourceUnknown');
  const common = data
    ? mostCommon(
        data.sources.map((s) => s.extract),
        sourceKey,
      )
    : null;

  const section = (title: string, count: number | null, body: ReactNode) => (
    <section style={{ marginTop: 20 }}>
      <Typography.Title level={5} style={{ marginBottom: 8 }}>
        {title}
        {count !== null && <Typography.Text type="secondary"> ({count})</Typography.Text>}
      </Typography.Title>
      {body}
    </section>
  );
  const empty = (key: Parameters<typeof t>[0]) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(key)} />;
  // A section of rows: its count in the title, a table of them, or what to say when there are none.
  const rowsSection = <R extends object>(
    title: string,
    rows: readonly R[],
    emptyKey: Parameters<typeof t>[0],
    rowKey: TableProps<R>['rowKey'],
    rowColumns: TableColumnsType<R>,
    testId?: string,
  ) => {
    if (rows.length === 0) return section(title, 0, empty(emptyKey));
    const table = <Table size="small" pagination={false} rowKey={rowKey} dataSource={[...rows]} columns={rowColumns} />;
    return section(title, rows.length, testId === undefined ? table : <div data-testid={testId}>{table}</div>);
  };

  return (
    <Drawer
      open={residentId !== null}
      onClose={onClose}
      width={820}
      destroyOnHidden
      title={
        data ? (
          <Space>
            <span data-testid="card-name">{data.resident.fullName}</span>
            <Typography.Text type="secondary">{data.resident.personalId}</Typography.Text>
            {data.resident.isDemo && <Tag color="orange">{t('demo.tag')}</Tag>}
          </Space>
        ) : (
          t('card.title')
        )
      }
      data-testid="resident-card"
      // A citizen asking what the commune holds about them: printed here, visits deletable (police).
      extra={
        data && POLICE.includes(user.role) ? (
          <CitizenRequestButton residentId={data.resident.personalId} onDeleted={() => void card.reload()} />
        ) : null
      }
    >
      {!data ? (
        card.error ? (
          <Alert type="error" showIcon message={card.error.message} />
        ) : (
          <Spin style={{ margin: 48 }} />
        )
      ) : (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('card.record')}
          </Typography.Title>
          <div data-testid="card-record">
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('card.sourceAll', { source: sourceText(common) })}
            </Typography.Paragraph>
            <Descriptions bordered size="small" column={1} styles={{ label: { width: 170 } }}>
              {data.sources.map((s) => (
                <Descriptions.Item key={s.field} label={t(RECORD_LABELS[s.field])}>
                  {recordValue(t, s.field, data.resident[s.field]) || '—'}
                  {sourceKey(s.extract) !== sourceKey(common) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                      ({sourceText(s.extract)})
                    </Typography.Text>
                  )}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </div>
          {rowsSection(t('card.lists'), data.lists, 'card.noLists', (e) => `${e.listId}:${e.row}`, columns.lists, 'card-lists')}
          {rowsSection(t('card.doses'), data.doses, 'card.noDoses', (d, i) => `${d.listId}:${i}`, columns.doses)}
          {rowsSection(t('card.infections'), data.infections, 'card.noInfections', 'confirmedOn', columns.infections)}
          {section(
            t('card.visits'),
            data.visits?.length ?? null,
            data.visits === null ? (
              <Typography.Text type="secondary">{t('card.visitsHidden')}</Typography.Text>
            ) : data.visits.length === 0 ? (
              empty('card.noVisits')
            ) : (
              <Table
                size="small"
                pagination={data.visits.length > 10 ? { pageSize: 10, size: 'small' } : false}
                rowKey="id"
                dataSource={[...data.visits]}
                columns={columns.visits}
              />
            ),
          )}
          {rowsSection(t('card.changes'), data.changes, 'card.noChanges', 'changeId', columns.changes, 'card-changes')}
          {data.access !== null &&
            section(
              t('card.access'),
              data.access.length,
              <Table
                size="small"
                pagination={data.access.length > 10 ? { pageSize: 10, size: 'small' } : false}
                rowKey="seq"
                dataSource={[...data.access]}
                columns={columns.access}
              />,
            )}
        </>
      )}
    </Drawer>
  );
}

/** The value most items share (by `key`), or null for none. */
function mostCommon<V>(values: readonly V[], key: (value: V) => string): V | null {
  const counts = new Map<string, { value: V; count: number }>();
  for (const value of values) {
    const seen = counts.get(key(value));
    counts.set(key(value), { value, count: (seen?.count ?? 0) + 1 });
  }
  let best: { value: V; count: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best ? best.value : null;
}
