import { Alert, Card, Table, Typography } from 'antd';
import type { ResponseMap, StoredPaperRow } from '../../shared/api-contract';
import { useFormat } from '../format';
import { useT } from '../i18n';
import { StatusTag } from './StatusTag';

/**
 * A scanned paper's check (issue 19): what its code names, and the stored content beside it, row by
 * row, for the officer to compare with the paper in hand — the code cannot say what the paper shows.
 */
export function PaperCheckCard({ paper }: { paper: ResponseMap['documents-verify'] }) {
  const t = useT();
  const format = useFormat();
  const { stored } = paper;
  return (
    <Card title={t('lookup.documentTitle')} data-testid="document-verdict">
      <Alert type={paper.valid ? 'info' : 'error'} showIcon message={paper.message} />
      {stored && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('doc.storedTitle', {
              number: stored.number,
              version: stored.version,
              issuedOn: format.date(stored.issuedOn),
              listName: stored.listName,
            })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('doc.compareHint')}</Typography.Paragraph>
          <Table<StoredPaperRow>
            size="small"
            rowKey="row"
            data-testid="stored-paper"
            dataSource={[...stored.rows]}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('col.row'), dataIndex: 'row', width: 70 },
              { title: t('col.fullName'), dataIndex: 'fullName' },
              {
                title: t('col.birthDate'),
                dataIndex: 'birthDate',
                width: 120,
                render: (d: string | null) => (d ? format.date(d) : ''),
              },
              { title: t('col.personalId'), dataIndex: 'idNumber', width: 140 },
              {
                title: t('export.status'),
                dataIndex: 'status',
                width: 170,
                render: (s: StoredPaperRow['status']) => (s ? <StatusTag status={s} /> : null),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
