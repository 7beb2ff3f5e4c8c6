/**
 * Retention (issue 21): how long each kind of data is kept (Settings), and the daily run that
 * deletes what has expired — checkpoint visits, lists returned long enough ago (with their entries,
 * results and doses), the oldest access log entries — in one transaction, audited with its counts.
 * The next backup no longer holds what was deleted (`VACUUM INTO` copies only live rows), and
 * `secure_delete` overwrites the freed pages of the database file itself.
 */
import type { RetentionCounts, RetentionSettings, RetentionState } from '../../shared/api-contract';
import { RETENTION_LIMITS } from '../../shared/api/privacy';
import { audit } from '../audit/audit';
import type { Db } from '../db/open-database';
import { getSetting, setSetting } from '../settings/settings';
import { accessHead, cutAccessLog } from './access-log';
import { purgeExpiredLists } from './purge-lists';

export const DEFAULT_RETENTION: RetentionSettings = { visitsDays: 30, listsDays: 365, accessDays: 730 };

const SETTINGS_KEY = 'retention';
const LAST_RUN_KEY = 'retention-last-run';
const DAY_MS = 86_400_000;

/** The retention periods the settings hold (the defaults where never set, or out of bounds). */
export function readRetention(db: Db): RetentionSettings {
  const saved = getSetting(db, SETTINGS_KEY);
  const stored = saved ? (JSON.parse(saved) as Partial<RetentionSettings>) : {};
  const pick = (key: keyof RetentionSettings): number => {
    const value = stored[key];
    const { min, max } = RETENTION_LIMITS[key];
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : DEFAULT_RETENTION[key];
  };
  return { visitsDays: pick('visitsDays'), listsDays: pick('listsDays'), accessDays: pick('accessDays') };
}

/** The settings and the last run's counts, as Settings shows them. */
export function retentionState(db: Db): RetentionState {
  const last = getSetting(db, LAST_RUN_KEY);
  return { settings: readRetention(db), lastRun: last ? (JSON.parse(last) as RetentionState['lastRun']) : null };
}

/** Changes the periods (audited); the next run applies them. */
export function saveRetention(db: Db, settings: RetentionSettings, now: Date): RetentionState {
  db.transaction(() => {
    setSetting(db, SETTINGS_KEY, JSON.stringify(settings));
    audit(db, 'retention.settings', null, { ...settings }, now);
  }).immediate();
  return retentionState(db);
}

/** Whether the daily run is due: never run, or a day has passed since the last. */
export function retentionDue(db: Db, now: Date): boolean {
  const last = retentionState(db).lastRun;
  return last === null || now.getTime() - new Date(last.at).getTime() >= DAY_MS;
}

/** Deletes everything past its period, in one transaction, and records the run in the audit trail. */
export function runRetention(db: Db, now: Date): RetentionState {
  const settings = readRetention(db);
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.transaction(() => {
      const visits = db.prepare('DELETE FROM checkpoint_visits WHERE at < ?').run(before(settings.visitsDays)).changes;
      const { lists, entries } = purgeExpiredLists(db, before(settings.listsDays), now);
      const cut = cutAccessLog(db, before(settings.accessDays), now);
      const deleted: RetentionCounts = { visits, lists, entries, accessEntries: cut?.removed ?? 0 };
      // The access log's head goes into the audit trail: a later removal from its end is found there.
      const head = accessHead(db);
      audit(
        db,
        'retention.delete',
        null,
        { ...deleted, cutTo: cut?.upTo ?? null, cutHash: cut?.hash ?? null, accessSeq: head.seq, accessHash: head.hash },
        now,
      );
      setSetting(db, LAST_RUN_KEY, JSON.stringify({ at: now.toISOString(), deleted }));
    }).immediate();
  } finally {
    db.pragma(secureDelete ? 'secure_delete = ON' : 'secure_delete = OFF');
  }
  return retentionState(db);
}

/** The daily run as the host's timer calls it: only when due; a failure is logged, never thrown. */
export function runRetentionIfDue(db: Db, now: Date, onError: (error: unknown) => void): void {
  try {
    if (retentionDue(db, now)) runRetention(db, now);
  } catch (error) {
    onError(error);
  }
}
