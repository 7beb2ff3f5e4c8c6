import { createContext, useCallback, useContext } from 'react';
import { translate, type Locale, type MessageKey, type MessageParams } from '../shared/i18n';

export const LocaleContext = createContext<Locale>('vi');

/** The translate function for the current language. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useContext(LocaleContext);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
