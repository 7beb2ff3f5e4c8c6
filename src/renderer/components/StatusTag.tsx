import { Tag } from 'antd';
import type { EntryStatus } from '../../shared/verification/vocabulary';
import { useT } from '../i18n';

export const STATUS_COLORS: Readonly<Record<EntryStatus, string>> = {
  matched: 'green',
  mismatched: 'orange',
  not_found: 'red',
  foreign: 'default',
  duplicate: 'purple',
  ambiguous: 'gold',
  invalid: 'volcano',
};

/** A verification status as a coloured label. */
export function StatusTag({ status, count }: { status: EntryStatus; count?: number }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]}>
      {t(`status.${status}`)}
      {count !== undefined ? `: ${count}` : ''}
    </Tag>
  );
}
