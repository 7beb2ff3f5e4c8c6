import { useContext, useMemo } from 'react';
import { formatDateVi } from '../shared/dates';
import type { Locale, MessageKey } from '../shared/i18n';
import type { Sex } from '../shared/types';
import { LocaleContext } from './i18n';

// Day first in both languages (dd/mm/yyyy): en-GB, not en-US, for English.
const INTL: Readonly<Record<Locale, { readonly count: string; readonly dateTime: string }>> = {
  vi: { count: 'vi-VN', dateTime: 'vi-VN' },
  en: { count: 'en-US', dateTime: 'en-GB' },
};

/** A count with the language's digit grouping (3.016 in Vietnamese, 3,016 in English). */
export function formatCount(locale: Locale, n: number): string {
  return n.toLocaleString(INTL[locale].count);
}

/** A moment (ISO timestamp) as the language writes it, day before month. */
export function formatDateTime(locale: Locale, iso: string): string {
  return new Date(iso).toLocaleString(INTL[locale].dateTime);
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
