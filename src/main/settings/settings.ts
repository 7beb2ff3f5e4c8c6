import type { Locale } from '../../shared/i18n';
import type { Db } from '../db/open-database';

/** Reads one setting, or null when it was never set. */
export function getSetting(db: Db, key: string): string | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row?.value ?? null;
}

/** Writes one setting. */
export function setSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** The language the user chose (Vietnamese until they choose). */
export function getLocale(db: Db): Locale {
  return getSetting(db, 'locale') === 'en' ? 'en' : 'vi';
}

/** Forgets one setting. */
export function deleteSetting(db: Db, key: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(key);
}
