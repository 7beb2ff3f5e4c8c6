import { formatDateVi } from '../shared/dates';
import type { MessageKey } from '../shared/i18n';
import type { Sex } from '../shared/types';

/** A date for display, day first. */
export function showDate(date: string | null): string {
  return date === null ? '' : formatDateVi(date);
}

/** The message key for a sex. */
export function sexKey(sex: Sex): MessageKey {
  return sex === 'male' ? 'sex.male' : 'sex.female';
}
