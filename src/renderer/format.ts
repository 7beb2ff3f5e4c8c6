import { useContext, useMemo } from 'react';
import { formatDateVi } from '../shared/dates';
import type { Locale, MessageKey } from '../shared/i18n';
import type { Sex } from '../shared/types';
import type { ComparedField } from '../shared/verification/vocabulary';
import { LocaleContext } from './i18n';

// Digit grouping by language; dates and times are day first and 24-hour in every language.
const INTL: Readonly<Record<Locale, { readonly count: string }>> = {
  vi: { count: 'vi-VN' },
  en: { count: 'en-US' },
};

/** A count with the language's digit grouping (3.016 in Vietnamese, 3,016 in English). */
export function formatCount(locale: Locale, n: number): string {
  return n.toLocaleString(INTL[locale].count);
}

/** A moment (ISO timestamp) on this computer's clock, dd/mm/yyyy HH:mm (24-hour) in every language. */
export function formatDateTime(_locale: Locale, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A date (ISO, possibly partial) for display, day first: dd/mm/yyyy in every language. */
export function showDate(date: string | null): string {
  return date === null ? '' : formatDateVi(date);
}

export interface Formatter {
  readonly count: (n: number) => string;
  readonly dateTime: (iso: string) => string;
  readonly date: (date: string | null) => string;
}

/** The formatters for the app's current language. */
export function useFormat(): Formatter {
  const locale = useContext(LocaleContext);
  return useMemo(
    () => ({ count: (n) => formatCount(locale, n), dateTime: (iso) => formatDateTime(locale, iso), date: showDate }),
    [locale],
  );
}

/** The message key for a sex. */
export function sexKey(sex: Sex): MessageKey {
  return sex === 'male' ? 'sex.male' : 'sex.female';
}

/** A compared field's value as the API holds it, for display: dates day first, sex in words, a dash for nothing. */
export function fieldText(t: (key: MessageKey) => string, field: ComparedField, value: string | null): string {
  if (value === null || value === '') return '—';
  if (field === 'birthDate') return showDate(value);
  if (field === 'sex' && (value === 'male' || value === 'female')) return t(sexKey(value));
  return value;
}
