import type { MessageKey, MessageParams } from '../../shared/i18n';
import type { SignForm } from '../../shared/documents/letterhead';

/** The title each signature form usually carries (the paper is in Vietnamese whatever the app's language). */
const TITLE_KEYS: Readonly<Record<SignForm, MessageKey>> = {
  TM: 'signer.titleTM',
  KT: 'signer.titleKT',
  direct: 'signer.titleDirect',
};

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The default title for a signature form: TM → CHỦ TỊCH, KT → PHÓ CHỦ TỊCH, direct → the facility head. */
export function defaultSignerTitle(t: Translate, form: SignForm): string {
  return t(TITLE_KEYS[form]);
}

/** The title after the form changed: the new form's default, unless the officer had typed their own. */
export function titleForForm(t: Translate, form: SignForm, current: string | undefined): string {
  const typed = (current ?? '').trim();
  const isDefault = typed === '' || Object.values(TITLE_KEYS).some((key) => t(key) === typed.toUpperCase());
  return isDefault ? defaultSignerTitle(t, form) : typed;
}
