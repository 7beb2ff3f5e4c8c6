import { Tag } from 'antd';
import type { ScannerStatus } from '../../shared/api-contract';
import { useT } from '../i18n';

/** Whether the chosen scanner is being read, waited for, or none is chosen. */
export function ScannerStatusTag({ status }: { status: ScannerStatus | null }) {
  const t = useT();
  if (status === null) return null;
  const name = status.name ?? '';
  if (status.state === 'open')
    return (
      <Tag color="green" data-testid="scanner-status">
        {t('scanner.statusOpen', { name })}
      </Tag>
    );
  if (status.state === 'waiting')
    return (
      <Tag color="orange" data-testid="scanner-status">
        {t('scanner.statusWaiting', { name })}
      </Tag>
    );
  return <Tag data-testid="scanner-status">{t('scanner.statusOff')}</Tag>;
}
