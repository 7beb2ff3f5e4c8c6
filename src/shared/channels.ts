/** Every API channel, `domain-verb`. Kept free of dependencies so the sandboxed preload stays small. */
export const CHANNELS = [
  'app-info',
  'settings-set-locale',
  'demo-load',
  'demo-dismiss',
  'demo-remove',
  'registry-preview',
  'registry-revalidate',
  'registry-import-start',
  'registry-find',
  'registry-errors-xlsx',
  'job-status',
  'job-cancel',
] as const;

export type Channel = (typeof CHANNELS)[number];
