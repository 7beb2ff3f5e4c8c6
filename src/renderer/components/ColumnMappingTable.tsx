import { Select, Table, Typography } from 'antd';
import { useT } from '../i18n';

export interface MappedColumn<F extends string> {
  readonly index: number;
  readonly title: string;
  readonly field: F | null;
}

/** The file's columns, the field each is read as (editable), and a few sample values. */
export function ColumnMappingTable<F extends string>(props: {
  columns: readonly MappedColumn<F>[];
  sample: readonly (readonly string[])[];
  fieldOptions: readonly { value: F; label: string }[];
  onChange: (column: number, field: F | null) => void;
  testId: string;
}) {
  const t = useT();
  const options = [{ value: '', label: t('import.unmapped') }, ...props.fieldOptions];
  return (
    <Table
      size="small"
      rowKey="index"
      pagination={false}
      scroll={{ y: 300 }}
      dataSource={[...props.columns]}
      data-testid={props.testId}
      columns={[
        { title: t('col.sourceColumn'), dataIndex: 'title', width: 220, render: (title: string) => <strong>{title}</strong> },
        {
          title: t('col.field'),
          width: 220,
          render: (_, column: MappedColumn<F>) => (
            <Select
              style={{ width: 200 }}
              aria-label={column.title}
              value={column.field ?? ''}
              options={options}
              onChange={(value: string) => props.onChange(column.index, value === '' ? null : (value as F))}
            />
          ),
        },
        {
          title: '',
          render: (_, column: MappedColumn<F>) => (
            <Typography.Text type="secondary" ellipsis>
              {props.sample
                .map((row) => row[column.index] ?? '')
                .filter(Boolean)
                .slice(0, 3)
                .join(' · ')}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
