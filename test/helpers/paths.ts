import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The shared fixtures beside the project (../shared/fixtures). */
export const SHARED_FIXTURES = resolve(PROJECT_ROOT, '..', 'shared', 'fixtures');
export const REGISTRY_CSV = join(SHARED_FIXTURES, 'verification', 'registry.csv');

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'doichieu-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
