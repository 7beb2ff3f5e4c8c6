/** The CSCA certificates the administrator installed, kept in the settings (DER, base64, JSON). */
import type { CscaView } from '../../shared/api/chip';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import type { Db } from '../db/open-database';
import { getSetting, setSetting } from '../settings/settings';
import { parseCscaFile, summarizeCsca } from './csca-file';

const SETTING = 'chip-csca';

/** The installed CSCA certificates (DER). */
export function installedCscas(db: Db): Uint8Array[] {
  const stored = getSetting(db, SETTING);
  if (stored === null) return [];
  try {
    return (JSON.parse(stored) as string[]).map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
  } catch {
    return [];
  }
}

/** The installed certificates as Settings lists them, by country then validity. */
export function cscaViews(db: Db): CscaView[] {
  return installedCscas(db)
    .map(summarizeCsca)
    .sort((a, b) => (a.country ?? '').localeCompare(b.country ?? '') || a.validTo.localeCompare(b.validTo));
}

/** Adds the CSCA certificates of a file (certificate or master list) to those installed. */
export function installCsca(db: Db, file: Uint8Array): Result<{ added: number; csca: CscaView[] }> {
  const parsed = parseCscaFile(file);
  if (!parsed.ok) return parsed;
  const current = installedCscas(db);
  const known = new Set(current.map((der) => summarizeCsca(der).fingerprint));
  const fresh = parsed.value.filter((der) => !known.has(summarizeCsca(der).fingerprint));
  const all = [...current, ...fresh];
  setSetting(db, SETTING, JSON.stringify(all.map((der) => Buffer.from(der).toString('base64'))));
  return ok({ added: fresh.length, csca: cscaViews(db) });
}
