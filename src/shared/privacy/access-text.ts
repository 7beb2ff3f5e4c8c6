/** The access log in words (issue 21): a context and a time as the screen, the papers and the workbook show them. */
import type { DataKind } from '../api/privacy';
import { formatDateVi } from '../dates';
import type { MessageKey, MessageParams } from '../i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** "27/11/2026 15:00" in Vietnam's time (UTC+7), from an ISO instant. */
export function vietnamDateTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${formatDateVi(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** An access log context (`desk:Trụ sở`, `list:12`, `search:ma van`…) in words. */
export function accessContextText(context: string, t: Translate): string {
  const colon = context.indexOf(':');
  const kind = colon < 0 ? context : context.slice(0, colon);
  const detail = colon < 0 ? '' : context.slice(colon + 1);
  switch (kind) {
    case 'search':
      return detail === '' ? t('access.context.search') : t('access.context.searchText', { text: detail });
    case 'card':
      return t('access.context.card');
    case 'list':
      return t('access.context.list', { listId: detail });
    case 'desk':
      return detail === '' ? t('access.context.desk') : t('access.context.deskAt', { place: detail });
    case 'package':
      return t('access.context.package', { sequence: detail });
    case 'visits':
      return t('access.context.visits');
    case 'citizen-request':
      return t('access.context.citizen');
    default:
      return context;
  }
}

/** How long a kind of data is kept, in words: days (after the list's return, for lists and doses), or the kind's own rule. */
export function keptText(kind: DataKind, days: number | null, t: Translate): string {
  if (days === null) return t(`privacy.kept.${kind}`);
  return kind === 'lists' || kind === 'vaccinations'
    ? t('privacy.keptDaysAfterReturn', { days })
    : t('privacy.keptDays', { days });
}
