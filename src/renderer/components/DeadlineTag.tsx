import { Tag } from 'antd';
import type { ListSummary } from '../../shared/api-contract';
import { useT } from '../i18n';

/** The countdown to a list's return date (2 days after it was drawn up). */
export function DeadlineTag({ list }: { list: ListSummary }) {
  const t = useT();
  if (list.returnedAt !== null) return <Tag color="green">{t('lists.returned')}</Tag>;
  if (list.daysLeft < 0) return <Tag color="red">{t('lists.overdue', { days: -list.daysLeft })}</Tag>;
  if (list.daysLeft === 0) return <Tag color="orange">{t('lists.dueToday')}</Tag>;
  return <Tag color="blue">{t('lists.daysLeft', { days: list.daysLeft })}</Tag>;
}
