/** Step 11 (issue 21): the access log's table, its append-only triggers and the indexes the retention run and the card use. */
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/db/migrate';
import { MIGRATIONS } from '../../src/main/db/migrations';

const opened: Database.Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function migrated(upTo: number): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= upTo),
  );
  return db;
}

const plan = (db: Database.Database, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

const HASH = 'a'.repeat(64);

describe('migration 11 (access log)', () => {
  it('keeps existing lists and visits, and adds the purge mark', () => {
    const db = migrated(10);
    db.exec(`INSERT INTO lists (kind, source, file_name, file_sha256, file_data, sheet_name, header_row, columns, mapping, drawn_up, drawn_up_from, created_at)
             VALUES ('registration', 'Trạm Y tế', 'ds.xlsx', '${HASH}', X'00', 'Sheet1', 1, '[]', '{}', '2026-01-01', 'option', '2026-01-01T00:00:00Z')`);
    db.exec(
      "INSERT INTO checkpoint_visits (at, place, direction, personal_id, source) VALUES ('2026-01-01T00:00:00Z', 'A', 'in', '008090012345', 'qr')",
    );
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 11),
    );
    expect(db.prepare('SELECT file_name, purged_at FROM lists').all()).toEqual([{ file_name: 'ds.xlsx', purged_at: null }]);
    expect(db.prepare('SELECT count(*) AS n FROM checkpoint_visits').get()).toEqual({ n: 1 });
  });

  it('lets entries go only up to a recorded cut, and never changes one', () => {
    const db = migrated(11);
    const insert = db.prepare(
      "INSERT INTO access_log (seq, at, actor, action, personal_id, context, prev_hash, hash) VALUES (?, '2026-01-01T00:00:00Z', 'A', 'find', NULL, 'search', ?, ?)",
    );
    for (const seq of [1, 2, 3]) insert.run(seq, HASH, HASH);
    expect(() => db.prepare("UPDATE access_log SET actor = 'B' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM access_log WHERE seq = 1').run()).toThrow(/append-only/);
    db.prepare("INSERT INTO access_log_cuts (up_to, hash, removed, at) VALUES (2, ?, 2, '2028-01-01T00:00:00Z')").run(HASH);
    expect(db.prepare('DELETE FROM access_log WHERE seq <= 2').run().changes).toBe(2);
    expect(() => db.prepare('DELETE FROM access_log WHERE seq = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM access_log_cuts').run()).toThrow(/append-only/);
  });

  it('answers a person’s log, the retention run and the card from indexes', () => {
    const db = migrated(11);
    expect(plan(db, "SELECT * FROM access_log WHERE personal_id = '008090012345' AND at >= '' ORDER BY seq")).toMatch(
      /access_log_person/,
    );
    expect(plan(db, "SELECT * FROM checkpoint_visits WHERE at < '2026'")).toMatch(/checkpoint_visits_at/);
    expect(plan(db, 'SELECT * FROM vaccinations WHERE resident_id = 1')).toMatch(/vaccinations_resident/);
    expect(plan(db, 'SELECT * FROM resident_changes WHERE resident_id = 1')).toMatch(
      /resident_changes_resident|resident_changes_pending/,
    );
  });
});
