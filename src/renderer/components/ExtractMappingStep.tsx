import { Alert, Checkbox, Space, Typography } from 'antd';
import type { ImportPreview } from '../../shared/api-contract';
import { RESIDENT_FIELDS, type ColumnMapping, type ResidentField } from '../../shared/registry/fields';
import { useFormat } from '../format';
import { useT } from '../i18n';
import { ColumnMappingTable } from './ColumnMappingTable';
import { RowErrorTable } from './RowErrorTable';

/**
 * The extract's columns and what they were matched to, the rows that will be refused, and — while
 * demo residents are loaded — the offer to remove them first (checked: demo and real data never mix).
 */
export function ExtractMappingStep(props: {
  preview: ImportPreview;
  mapping: ColumnMapping;
  demoCount: number;
  removeDemo: boolean;
  onRemoveDemo: (remove: boolean) => void;
  onChange: (column: number, field: ResidentField | null) => void;
  onDownloadErrors: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const { preview } = props;
  const invalid = preview.errors.length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph style={{ margin: 0 }}>
        {t('import.mappingIntro', {
          file: preview.fileName,
          sheet: preview.sheetName,
          row: preview.headerRow,
          rows: format.count(preview.dataRows),
        })}
      </Typography.Paragraph>
      {props.demoCount > 0 && (
        <Alert
          type={props.removeDemo ? 'info' : 'warning'}
          showIcon
          data-testid="remove-demo"
          message={
            <Checkbox checked={props.removeDemo} onChange={(e) => props.onRemoveDemo(e.target.checked)}>
              {t('import.removeDemo', { count: format.count(props.demoCount) })}
            </Checkbox>
          }
          description={t(props.removeDemo ? 'import.removeDemoHint' : 'import.keepDemoWarning')}
        />
      )}
      <ColumnMappingTable
        columns={preview.columns}
        sample={preview.sample}
        fieldOptions={RESIDENT_FIELDS.map((f) => ({ value: f, label: t(`col.${f}`) }))}
        onChange={props.onChange}
        testId="mapping-table"
      />
      {invalid > 0 && (
        <>
          <Alert type="warning" showIcon message={t('import.previewErrors', { count: invalid })} />
          <RowErrorTable errors={preview.errors} onDownload={props.onDownloadErrors} />
        </>
      )}
    </Space>
  );
}
