/** The help page's sections: their titles, paragraphs and pictures (taken from the app by `npm run screenshots`). */
import type { MessageKey } from '../../../shared/i18n';
import type { EntryStatus } from '../../../shared/verification/vocabulary';

export const HELP_SECTIONS = [
  'workflow',
  'receive',
  'worklist',
  'statuses',
  'keys',
  'residents',
  'lookup',
  'scanner',
  'vaccination',
  'packages',
  'accounts',
] as const;
export type HelpSection = (typeof HELP_SECTIONS)[number];

/** The hash that opens the help at a section: `#/help/<section>`. */
export function helpHash(section: HelpSection): string {
  return `#/help/${section}`;
}

/** The section a hash names, if it opens the help. */
export function sectionFromHash(hash: string): HelpSection | null {
  const name = hash.replace(/^#\/?help\/?/, '');
  return HELP_SECTIONS.find((s) => s === name) ?? null;
}

export const HELP_TITLES: Readonly<Record<HelpSection, MessageKey>> = {
  workflow: 'help.workflow.title',
  receive: 'help.receive.title',
  worklist: 'help.worklist.title',
  statuses: 'help.statuses.title',
  keys: 'help.keys.title',
  residents: 'help.residents.title',
  lookup: 'help.lookup.title',
  scanner: 'help.scanner.title',
  vaccination: 'help.vaccination.title',
  packages: 'help.packages.title',
  accounts: 'help.accounts.title',
};

/** The paragraphs of each section (the workflow, statuses and keys sections also have their own tables). */
export const HELP_TEXT: Readonly<Record<HelpSection, readonly MessageKey[]>> = {
  workflow: ['help.workflow.intro'],
  receive: ['help.receive.1', 'help.receive.2', 'help.receive.3', 'help.receive.4'],
  worklist: ['help.worklist.1', 'help.worklist.2', 'help.worklist.3', 'help.worklist.4'],
  statuses: ['help.statuses.intro'],
  keys: ['help.keys.intro'],
  residents: ['help.residents.1', 'help.residents.2', 'help.residents.3'],
  lookup: ['help.lookup.1', 'help.lookup.2'],
  scanner: ['help.scanner.1', 'help.scanner.2'],
  vaccination: ['help.vaccination.1', 'help.vaccination.2'],
  packages: ['help.packages.1', 'help.packages.2'],
  accounts: ['help.accounts.1', 'help.accounts.2', 'help.accounts.3', 'help.accounts.4'],
};

/** Numbered steps shown after a section's paragraphs. */
export const HELP_STEPS: Readonly<Partial<Record<HelpSection, readonly MessageKey[]>>> = {
  scanner: [
    'help.scanner.step1',
    'help.scanner.step2',
    'help.scanner.step3',
    'help.scanner.step4',
    'help.scanner.step5',
    'help.scanner.step6',
  ],
};

/** The pictures of each section: files under `help/` beside the page (PNG, made from the app itself). */
export const HELP_PICTURES: Readonly<Partial<Record<HelpSection, readonly { file: string; caption: MessageKey }[]>>> = {
  receive: [{ file: 'receive-list.png', caption: 'help.picture.receive' }],
  worklist: [{ file: 'worklist.png', caption: 'help.picture.worklist' }],
  residents: [
    { file: 'residents-search.png', caption: 'help.picture.search' },
    { file: 'resident-card.png', caption: 'help.picture.card' },
  ],
  scanner: [{ file: 'devices.png', caption: 'help.picture.devices' }],
  packages: [{ file: 'packages.png', caption: 'help.picture.packages' }],
};

/** The steps of the day's work, each with the page it happens on. */
export const WORKFLOW_STEPS: readonly { title: MessageKey; text: MessageKey }[] = [
  { title: 'help.flow.1.title', text: 'help.flow.1.text' },
  { title: 'help.flow.2.title', text: 'help.flow.2.text' },
  { title: 'help.flow.3.title', text: 'help.flow.3.text' },
  { title: 'help.flow.4.title', text: 'help.flow.4.text' },
  { title: 'help.flow.5.title', text: 'help.flow.5.text' },
  { title: 'help.flow.6.title', text: 'help.flow.6.text' },
];

/** What each status means, and what to do about it. */
export const STATUS_HELP: Readonly<Record<EntryStatus, { meaning: MessageKey; todo: MessageKey }>> = {
  matched: { meaning: 'help.status.matched.meaning', todo: 'help.status.matched.todo' },
  mismatched: { meaning: 'help.status.mismatched.meaning', todo: 'help.status.mismatched.todo' },
  not_found: { meaning: 'help.status.not_found.meaning', todo: 'help.status.not_found.todo' },
  foreign: { meaning: 'help.status.foreign.meaning', todo: 'help.status.foreign.todo' },
  duplicate: { meaning: 'help.status.duplicate.meaning', todo: 'help.status.duplicate.todo' },
  ambiguous: { meaning: 'help.status.ambiguous.meaning', todo: 'help.status.ambiguous.todo' },
  invalid: { meaning: 'help.status.invalid.meaning', todo: 'help.status.invalid.todo' },
};

/** The keyboard shortcuts: the keys as printed, and what they do. */
export const SHORTCUTS: readonly { keys: string; what: MessageKey }[] = [
  { keys: '1', what: 'help.key.1' },
  { keys: '2', what: 'help.key.2' },
  { keys: '3', what: 'help.key.3' },
  { keys: '4', what: 'help.key.4' },
  { keys: '5', what: 'help.key.5' },
  { keys: '↑ / ↓', what: 'help.key.arrows' },
  { keys: 'Ctrl+Z', what: 'help.key.undo' },
  { keys: 'Ctrl+Enter', what: 'help.key.record' },
  { keys: 'Esc', what: 'help.key.escape' },
  { keys: 'Ctrl+F', what: 'help.key.find' },
  { keys: 'Ctrl+O', what: 'help.key.import' },
];
