/** Every API channel, `domain-verb`. Kept free of dependencies so the sandboxed preload stays small. */
export const CHANNELS = [
  'app-info',
  'settings-set-locale',
  'settings-set-officer',
  'demo-load',
  'demo-dismiss',
  'demo-remove',
  'registry-preview',
  'registry-revalidate',
  'registry-import-start',
  'registry-find',
  'registry-errors-xlsx',
  'lists-preview',
  'lists-revalidate',
  'lists-import',
  'lists-all',
  'lists-get',
  'lists-check',
  'lists-resolve',
  'lists-unresolve',
  'lists-export',
  'job-status',
  'job-cancel',
] as const;

export type Channel = (typeof CHANNELS)[number];
