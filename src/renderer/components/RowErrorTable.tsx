import { Button, Space, Table } from 'antd';
import type { RowError } from '../../shared/types';
import { useT } from '../i18n';

const ERRORS_SHOWN = 200;

/** The rows an import refused, the first 200 on screen and all of them in a workbook. */
export function RowErrorTable({ errors, onDownload }: { errors: readonly RowError[]; onDownload: () => void }) {
  const t = useT();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey={(e) => `${e.row}:${e.message}`}
        pagination={false}
        scroll={{ y: 200 }}
        dataSource={errors.slice(0, ERRORS_SHOWN)}
        columns={[
          { title: t('col.row'), dataIndex: 'row', width: 80 },
          { title: t('col.message'), dataIndex: 'message' },
        ]}
      />
      <Button onClick={onDownload}>{t('import.downloadErrors')}</Button>
    </Space>
  );
}
