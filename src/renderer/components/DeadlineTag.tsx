import { Tag } from 'antd';
import type { ListSummary } from '../../shared/api-contract';
import { useT } from '../i18n';

/**
 * The countdown to a list's return date (2 days after it was drawn up). A list returned with entries
 * still being verified says so, and keeps its countdown until the rest is returned.
 */
export function DeadlineTag({ list }: { list: ListSummary }) {
  const t = useT();
  if (list.returnState === 'returned') return <Tag color="green">{t('lists.returned')}</Tag>;
  const partial = list.returnState === 'partial' && <Tag color="gold">{t('lists.returnedPartial')}</Tag>;
  const countdown =
    list.daysLeft < 0 ? (
      <Tag color="red">{t('lists.overdue', { days: -list.daysLeft })}</Tag>
    ) : list.daysLeft === 0 ? (
      <Tag color="orange">{t('lists.dueToday')}</Tag>
    ) : (
      <Tag color="blue">{t('lists.daysLeft', { days: list.daysLeft })}</Tag>
    );
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {partial}
      {countdown}
    </span>
  );
}
