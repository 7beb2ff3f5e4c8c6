import type { reformVi } from './reform-vi';

/** English text of the administrative units since 1 July 2025, key for key with `reformVi`. */
export const reformEn: Record<keyof typeof reformVi, string> = {
  'commune.title': "The office's commune or ward",
  'commune.current': '{name}, {province}',
  'commune.formerly': 'Merged from: {names}',
  'commune.change': 'Choose the commune or ward',
  'commune.foundAs': '(found by its old name: {name})',
  'commune.applyLetterhead': 'Use for the letterhead',
  'commune.applied': 'The letterhead now names the chosen commune or ward.',
  'commune.hint':
    'The app uses this commune or ward to recognise addresses written with old commune or town names (before 1 July 2025) as the same place.',
};
