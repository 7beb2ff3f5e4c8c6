import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../src/main/db/migrate';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { openDatabase } from '../../src/main/db/open-database';
import { tempDir } from '../helpers/paths';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function memoryDb() {
  const db = new Database(':memory:');
  cleanups.push(() => db.close());
  return db;
}

describe('migrations', () => {
  it('are numbered 1..n and bring a new database to the latest user_version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const db = memoryDb();
    expect(migrate(db, MIGRATIONS)).toEqual({ kind: 'ok', from: 0, to: MIGRATIONS.length });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(migrate(db, MIGRATIONS)).toEqual({ kind: 'ok', from: MIGRATIONS.length, to: MIGRATIONS.length });
  });

  it('roll back a failing step whole, leaving user_version where it was', () => {
    const db = memoryDb();
    const broken: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up(d) {
          d.exec('CREATE TABLE half_done (x INTEGER)');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
  });

  it('refuse a database made by a newer version, untouched', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const opened = openDatabase(file);
    expect(opened.ok).toBe(false);
    if (!opened.ok)
      expect(opened.problem).toMatchObject({ key: 'db.newer', params: { found: 999, supported: MIGRATIONS.length } });
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(999);
    expect(again.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    again.close();
  });

  it('open a file in WAL mode with foreign keys enforced', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const opened = openDatabase(join(dir, 'wal.sqlite'));
    if (!opened.ok) throw new Error(opened.problem.key);
    const db = opened.value;
    cleanups.push(() => db.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db.prepare("INSERT INTO registry_held_values (resident_id, extract_id, fields) VALUES (12345, 678, '{}')").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('migration 1: registry', () => {
  const insert = `INSERT INTO residents (personal_id, full_name, name_key, reversed_key, sex) VALUES (?, 'A', 'A', 'A', ?)`;

  it('keeps personal IDs unique and 12 characters long, and sex to two values', () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare(insert).run('008090012345', 'male');
    expect(() => db.prepare(insert).run('008090012345', 'female')).toThrow(/UNIQUE/);
    expect(() => db.prepare(insert).run('8090012345', 'male')).toThrow(/CHECK/);
    expect(() => db.prepare(insert).run('008090012346', 'Nam')).toThrow(/CHECK/);
  });

  it('step 4 keeps the checkpoint log and its indexes, and lets a visit come from an MRZ', () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare(
      "INSERT INTO checkpoint_visits (at, place, direction, personal_id, source) VALUES ('2026-11-27T01:00:00Z', 'Chốt A', 'in', '008090012345', 'qr')",
    ).run();
    expect(() =>
      db.prepare("INSERT INTO checkpoint_visits (at, place, direction, source) VALUES ('x', 'A', 'in', 'mrz')").run(),
    ).toThrow();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT place, personal_id AS id, source FROM checkpoint_visits').all()).toEqual([
      { place: 'Chốt A', id: '008090012345', source: 'qr' },
    ]);
    db.prepare("INSERT INTO checkpoint_visits (at, place, direction, source) VALUES ('x', 'A', 'in', 'mrz')").run();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM checkpoint_visits WHERE place = 'A' AND at >= 'x'").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('checkpoint_visits_place_time');
  });

  it('answers the search queries from indexes, not by scanning residents', () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS.slice(0, 1));
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM residents WHERE personal_id = '008090012345'")).toMatch(
      /USING INDEX sqlite_autoindex_residents_1/,
    );
    expect(plan("SELECT * FROM residents WHERE old_id = '070123456'")).toMatch(/USING INDEX residents_old_id/);
    expect(
      plan("SELECT * FROM residents WHERE name_key >= 'MA VAN' AND name_key < 'MA VAN\uffff' AND birth_year = 1990"),
    ).toMatch(/USING INDEX residents_name_key/);
    expect(plan("SELECT * FROM residents WHERE reversed_key >= 'TUONG VAN' AND reversed_key < 'TUONG VAN\uffff'")).toMatch(
      /USING INDEX residents_reversed_key/,
    );
  });
});
