import { matchKey } from './text/normalize';
import type { Sex } from './types';

const SEX_WORDS: ReadonlyMap<string, Sex> = new Map([
  ['NAM', 'male'],
  ['NU', 'female'],
  ['MALE', 'male'],
  ['FEMALE', 'female'],
  ['M', 'male'],
  ['F', 'female'],
]);

/** "Nam"/"Nữ" (any case or accent form) and male/female; null when unreadable. */
export function parseSex(raw: string): Sex | null {
  return SEX_WORDS.get(matchKey(raw)) ?? null;
}
