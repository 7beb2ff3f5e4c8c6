import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../src/main/db/migrate';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { openDatabase } from '../../src/main/db/open-database';
import { SEED_PRODUCTS } from '../../src/shared/vaccination/rules';
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

/** The query plan's details, joined (EXPLAIN QUERY PLAN). */
function queryPlan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
}

/** A database migrated up to `version`, with foreign keys enforced as the app opens it. */
function migratedTo(version: number) {
  const db = memoryDb();
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, version));
  return db;
}

function addResident(db: Database.Database, personalId = '008090012345'): number {
  return Number(
    db
      .prepare(
        `INSERT INTO residents (personal_id, full_name, name_key, reversed_key, birth_date, birth_year, sex)
         VALUES (?, 'Ma Văn Tường', 'MA VAN TUONG', 'TUONG VAN MA', '1990-05-12', 1990, 'male')`,
      )
      .run(personalId).lastInsertRowid,
  );
}

function addList(db: Database.Database, kind = 'registration'): number {
  return Number(
    db
      .prepare(
        `INSERT INTO lists (kind, source, file_name, file_sha256, file_data, sheet_name, header_row, columns, mapping, drawn_up, drawn_up_from, created_at)
         VALUES (?, 'Trạm y tế', 'list.xlsx', ?, x'00', 'Sheet1', 1, '[]', '{}', '2021-11-10', 'option', '2021-11-10T00:00:00Z')`,
      )
      .run(kind, '0'.repeat(64)).lastInsertRowid,
  );
}

function addEntry(db: Database.Database, listId: number, row: number): number {
  return Number(
    db.prepare(`INSERT INTO list_entries (list_id, row, cells, full_name) VALUES (?, ?, '[]', 'Ma Văn Tường')`).run(listId, row)
      .lastInsertRowid,
  );
}

const count = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migration 1: the other registry tables', () => {
  it('keeps resident changes to their kinds and statuses, and held values tied to a resident and an extract', () => {
    const db = migratedTo(1);
    const resident = addResident(db);
    const change = db.prepare(
      `INSERT INTO resident_changes (resident_id, kind, fields, status, created_at) VALUES (?, ?, '{}', ?, '2021-11-10')`,
    );
    change.run(resident, 'correction', 'pending');
    expect(() => change.run(resident, 'edit', 'pending')).toThrow(/CHECK/);
    expect(() => change.run(resident, 'new', 'done')).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO registry_held_values (resident_id, extract_id, fields) VALUES (?, 999, '{}')").run(resident),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO residents (personal_id, full_name, name_key, reversed_key, is_demo) VALUES ('008090012399', 'A', 'A', 'A', 2)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT field_sources, is_demo FROM residents WHERE id = ?').get(resident)).toEqual({
      field_sources: '{}',
      is_demo: 0,
    });
  });

  it('finds pending changes of a resident from their partial index', () => {
    const db = migratedTo(1);
    expect(queryPlan(db, "SELECT * FROM resident_changes WHERE resident_id = 1 AND status = 'pending'")).toMatch(
      /USING INDEX resident_changes_pending/,
    );
  });

  it('filters name candidates on the covering index without reading the table', () => {
    const db = migratedTo(1);
    expect(
      queryPlan(db, "SELECT id, birth_date, sex FROM residents WHERE name_key = 'MA VAN TUONG' AND birth_year = 1990"),
    ).toMatch(/USING COVERING INDEX residents_name_key/);
  });
});

describe('migration 2: lists', () => {
  it('keeps list kinds, entry rows unique per list, statuses and resolutions to the vocabulary', () => {
    const db = migratedTo(2);
    expect(() => addList(db, 'other')).toThrow(/CHECK/);
    const list = addList(db);
    addEntry(db, list, 1);
    expect(() => addEntry(db, list, 1)).toThrow(/UNIQUE/);
    const entry = addEntry(db, list, 2);
    const result = db.prepare('INSERT INTO entry_results (entry_id, status) VALUES (?, ?)');
    expect(() => result.run(entry, 'found')).toThrow(/CHECK/);
    result.run(entry, 'matched');
    expect(db.prepare('SELECT differences, candidates FROM entry_results').get()).toEqual({
      differences: '[]',
      candidates: '[]',
    });
    expect(() => db.prepare("UPDATE list_entries SET resolution = 'fixed' WHERE id = ?").run(entry)).toThrow(/CHECK/);
    db.prepare("UPDATE list_entries SET resolution = 'referred' WHERE id = ?").run(entry);
    expect(() =>
      db
        .prepare(
          "INSERT INTO lists (kind, source, file_name, file_sha256, file_data, sheet_name, header_row, columns, mapping, drawn_up, drawn_up_from, created_at) VALUES ('results', 's', 'f', 'h', x'00', 'S', 1, '[]', '{}', '2021-11-10', 'guess', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('deletes a list with its entries and results; a deleted resident leaves the result unlinked', () => {
    const db = migratedTo(2);
    const resident = addResident(db);
    const list = addList(db);
    const entry = addEntry(db, list, 1);
    db.prepare("INSERT INTO entry_results (entry_id, status, resident_id) VALUES (?, 'matched', ?)").run(entry, resident);
    db.prepare('DELETE FROM residents WHERE id = ?').run(resident);
    expect(db.prepare('SELECT resident_id FROM entry_results').get()).toEqual({ resident_id: null });
    db.prepare('DELETE FROM lists WHERE id = ?').run(list);
    expect([count(db, 'list_entries'), count(db, 'entry_results')]).toEqual([0, 0]);
  });

  it('links a resident change to the list entry it came from', () => {
    const db = migratedTo(2);
    const entry = addEntry(db, addList(db), 1);
    db.prepare(
      "INSERT INTO resident_changes (kind, fields, created_at, list_entry_id) VALUES ('new', '{}', '2021-11-10', ?)",
    ).run(entry);
    expect(() =>
      db.prepare("INSERT INTO resident_changes (kind, fields, created_at, list_entry_id) VALUES ('new', '{}', 'x', 999)").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('answers its queries from indexes', () => {
    const db = migratedTo(2);
    expect(queryPlan(db, "SELECT * FROM residents WHERE birth_date = '1990-05-12' AND sex = 'male'")).toMatch(
      /USING INDEX residents_birth_date/,
    );
    expect(queryPlan(db, 'SELECT * FROM list_entries WHERE list_id = 1 ORDER BY row')).toMatch(
      /USING INDEX sqlite_autoindex_list_entries_1/,
    );
    expect(queryPlan(db, 'SELECT entry_id FROM entry_results WHERE resident_id = 5')).toMatch(/entry_results_resident/);
    expect(queryPlan(db, "SELECT mapping FROM list_mappings WHERE source = 's' AND signature = 'x'")).toMatch(
      /USING INDEX sqlite_autoindex_list_mappings_1/,
    );
    expect(queryPlan(db, 'SELECT * FROM list_entries WHERE list_id = 1 ORDER BY row')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('migration 3: checkpoints', () => {
  it('keeps directions and sources to their values (no MRZ before step 4)', () => {
    const db = migratedTo(3);
    const visit = db.prepare(
      "INSERT INTO checkpoint_visits (at, place, direction, source) VALUES ('2021-11-10T01:00:00Z', 'Chốt A', ?, ?)",
    );
    visit.run('in', 'qr');
    visit.run('visit', 'typed');
    expect(() => visit.run('across', 'qr')).toThrow(/CHECK/);
    expect(() => visit.run('in', 'mrz')).toThrow(/CHECK/);
  });

  it('unlinks a visit from a deleted resident, keeping the visit', () => {
    const db = migratedTo(3);
    const resident = addResident(db);
    db.prepare(
      "INSERT INTO checkpoint_visits (at, place, direction, personal_id, resident_id, source) VALUES ('x', 'A', 'in', '008090012345', ?, 'qr')",
    ).run(resident);
    db.prepare('DELETE FROM residents WHERE id = ?').run(resident);
    expect(db.prepare('SELECT personal_id, resident_id FROM checkpoint_visits').get()).toEqual({
      personal_id: '008090012345',
      resident_id: null,
    });
  });

  it('traces visits by place and time, and by person, from indexes', () => {
    const db = migratedTo(3);
    expect(queryPlan(db, "SELECT * FROM checkpoint_visits WHERE place = 'A' AND at BETWEEN 'a' AND 'b'")).toMatch(
      /USING INDEX checkpoint_visits_place_time/,
    );
    expect(queryPlan(db, "SELECT * FROM checkpoint_visits WHERE personal_id = '008090012345' ORDER BY at")).toMatch(
      /USING INDEX checkpoint_visits_person/,
    );
  });
});

describe('migration 4: MRZ visits (table rebuilt)', () => {
  it('keeps the person index after the rebuild', () => {
    const db = migratedTo(4);
    expect(queryPlan(db, "SELECT * FROM checkpoint_visits WHERE personal_id = '008090012345' ORDER BY at")).toMatch(
      /USING INDEX checkpoint_visits_person/,
    );
    expect(() =>
      db.prepare("INSERT INTO checkpoint_visits (at, place, direction, source) VALUES ('x', 'A', 'in', 'nfc')").run(),
    ).toThrow(/CHECK/);
  });
});

describe('migration 5: documents', () => {
  function addDocument(db: Database.Database, listId: number, version = 1, number = '1/DS-UBND') {
    return Number(
      db
        .prepare(
          `INSERT INTO documents (list_id, number, year, sequence, version, content, content_hash, created_at)
           VALUES (?, ?, 2021, 1, ?, '{}', ?, '2021-11-10T00:00:00Z')`,
        )
        .run(listId, number, version, 'a'.repeat(64)).lastInsertRowid,
    );
  }

  it('numbers versions from 1, once per number and per list, with a SHA-256 hash', () => {
    const db = migratedTo(5);
    const list = addList(db);
    addDocument(db, list);
    expect(() => addDocument(db, list, 0, '2/DS-UBND')).toThrow(/CHECK/);
    expect(() => addDocument(db, addList(db), 1)).toThrow(/UNIQUE/);
    expect(() => addDocument(db, list, 1, '2/DS-UBND')).toThrow(/UNIQUE/);
    addDocument(db, list, 2);
    expect(() =>
      db
        .prepare(
          "INSERT INTO documents (list_id, number, year, sequence, version, content, content_hash, created_at) VALUES (?, '3/DS-UBND', 2021, 3, 1, '{}', 'abc', 'x')",
        )
        .run(addList(db)),
    ).toThrow(/CHECK/);
  });

  it("never changes a version's content; a signature needs who and when, then freezes it whole", () => {
    const db = migratedTo(5);
    const doc = addDocument(db, addList(db));
    expect(() => db.prepare('UPDATE documents SET content = \'{"x":1}\' WHERE id = ?').run(doc)).toThrow(/frozen/);
    expect(() => db.prepare('UPDATE documents SET content_hash = ? WHERE id = ?').run('b'.repeat(64), doc)).toThrow(/frozen/);
    expect(() => db.prepare("UPDATE documents SET signed_at = 'x' WHERE id = ?").run(doc)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE documents SET signed_role = 'clerk' WHERE id = ?").run(doc)).toThrow(/CHECK/);
    db.prepare(
      "UPDATE documents SET signed_at = '2021-11-11', signed_by = 'Hoàng Văn Chủ', signed_role = 'chairman' WHERE id = ?",
    ).run(doc);
    expect(() => db.prepare("UPDATE documents SET signed_by = 'Người khác' WHERE id = ?").run(doc)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM documents WHERE id = ?').run(doc)).toThrow(/immutable/);
  });

  it('lets an unsigned version go, but not the list a version was printed from', () => {
    const db = migratedTo(5);
    const list = addList(db);
    const doc = addDocument(db, list);
    expect(() => db.prepare('DELETE FROM lists WHERE id = ?').run(list)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM documents WHERE id = ?').run(doc);
    db.prepare('DELETE FROM lists WHERE id = ?').run(list);
  });

  it("finds the year's next number from its index", () => {
    const db = migratedTo(5);
    expect(queryPlan(db, 'SELECT max(sequence) FROM documents WHERE year = 2021')).toMatch(/documents_year_sequence/);
    expect(queryPlan(db, 'SELECT * FROM documents WHERE list_id = 1 ORDER BY version DESC')).toMatch(
      /USING INDEX sqlite_autoindex_documents_2/,
    );
    expect(queryPlan(db, "SELECT * FROM documents WHERE number = '1/DS-UBND' AND version = 1")).toMatch(
      /USING INDEX sqlite_autoindex_documents_1/,
    );
  });
});

describe('migration 6: vaccinations and packages', () => {
  it('seeds the product table from the rules module', () => {
    const db = migratedTo(6);
    const rows = db.prepare('SELECT * FROM vaccine_products ORDER BY code').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(SEED_PRODUCTS.length);
    for (const p of SEED_PRODUCTS)
      expect(rows.find((r) => r.code === p.code)).toEqual({
        code: p.code,
        name: p.name,
        aliases: JSON.stringify(p.aliases),
        primary_doses: p.primaryDoses,
        min_interval_days: p.minIntervalDays,
        booster_after_days: p.boosterAfterDays,
        approved_on: p.approvedOn,
        mixes_with: JSON.stringify(p.mixesWith),
      });
    expect(() => db.prepare("UPDATE vaccine_products SET primary_doses = 0 WHERE code = 'AZD1222'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE vaccine_products SET min_interval_days = -1 WHERE code = 'AZD1222'").run()).toThrow(/CHECK/);
  });

  it('keeps one dose per list entry, gone with the list', () => {
    const db = migratedTo(6);
    const list = addList(db, 'results');
    const entry = addEntry(db, list, 1);
    const insert = db.prepare(
      "INSERT INTO vaccinations (list_entry_id, personal_id, vaccination_date, dose) VALUES (?, '008090012345', '2021-11-01', 1)",
    );
    insert.run(entry);
    expect(() => insert.run(entry)).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT problems FROM vaccinations').get()).toEqual({ problems: '[]' });
    db.prepare("UPDATE lists SET confirmed_at = 'x', confirmed_by = 'Chủ tịch' WHERE id = ?").run(list);
    db.prepare('DELETE FROM lists WHERE id = ?').run(list);
    expect(count(db, 'vaccinations')).toBe(0);
  });

  it('refuses a recovery before the infection was confirmed', () => {
    const db = migratedTo(6);
    const insert = db.prepare(
      "INSERT INTO infections (personal_id, confirmed_on, recovered_on, created_at) VALUES ('008090012345', '2022-01-10', ?, 'x')",
    );
    insert.run(null);
    insert.run('2022-01-20');
    expect(() => insert.run('2022-01-09')).toThrow(/CHECK/);
  });

  it('never changes an exported package; records point to a package and keep to their statuses', () => {
    const db = migratedTo(6);
    const add = db.prepare(
      "INSERT INTO packages (sequence, package_id, created_at, file_name, file_sha256, data, counts) VALUES (?, ?, 'x', 'p.zip', 'h', x'00', '{}')",
    );
    add.run(1, 'pkg-1');
    expect(() => add.run(0, 'pkg-0')).toThrow(/CHECK/);
    expect(() => add.run(1, 'pkg-2')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE packages SET data = x'01' WHERE sequence = 1").run()).toThrow(/never changes/);
    db.prepare("UPDATE packages SET acknowledged_at = 'y' WHERE sequence = 1").run();
    const record = db.prepare('INSERT INTO package_records (record_id, package_sequence, status) VALUES (?, ?, ?)');
    record.run('r1', 1, 'exported');
    expect(() => record.run('r2', 2, 'exported')).toThrow(/FOREIGN KEY/);
    expect(() => record.run('r3', 1, 'lost')).toThrow(/CHECK/);
    expect(() => record.run('r1', 1, 'accepted')).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('answers the per-person and latest-package queries from indexes', () => {
    const db = migratedTo(6);
    expect(queryPlan(db, "SELECT * FROM vaccinations WHERE personal_id = '008090012345' ORDER BY vaccination_date")).toMatch(
      /USING INDEX vaccinations_person/,
    );
    expect(queryPlan(db, "SELECT * FROM infections WHERE personal_id = '008090012345' ORDER BY confirmed_on")).toMatch(
      /USING INDEX infections_person/,
    );
    expect(
      queryPlan(db, "SELECT status FROM package_records WHERE record_id = 'r1' ORDER BY package_sequence DESC LIMIT 1"),
    ).toMatch(/package_records_latest|sqlite_autoindex_package_records_1/);
    expect(
      queryPlan(db, "SELECT status FROM package_records WHERE record_id = 'r1' ORDER BY package_sequence DESC LIMIT 1"),
    ).not.toMatch(/TEMP B-TREE/);
  });
});

describe('migration 7: audit', () => {
  it('only ever appends to the audit log', () => {
    const db = migratedTo(7);
    const add = db.prepare("INSERT INTO audit_log (at, action, prev_hash, hash) VALUES ('x', 'list.check', ?, ?)");
    add.run('0'.repeat(64), 'a'.repeat(64));
    expect(() => add.run('0'.repeat(63), 'b'.repeat(64))).toThrow(/CHECK/);
    expect(() => add.run('a'.repeat(64), 'short')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT details, actor FROM audit_log').get()).toEqual({ details: '{}', actor: null });
    db.prepare("INSERT INTO audit_anchors (seq, hash, signature, carried_by, at) VALUES (1, ?, 'sig', 'package:1', 'x')").run(
      'a'.repeat(64),
    );
    expect(count(db, 'audit_anchors')).toBe(1);
  });
});

describe('migration 8: users', () => {
  it('keeps user names unique whatever their case, roles to four, and disabled to a flag', () => {
    const db = migratedTo(8);
    const add = db.prepare(
      "INSERT INTO users (username, display_name, role, password_hash, created_at, disabled) VALUES (?, 'Tên', ?, 'scrypt$…', 'x', ?)",
    );
    add.run('quantri', 'admin', 0);
    expect(() => add.run('QuanTri', 'police', 0)).toThrow(/UNIQUE/);
    expect(() => add.run('canbo', 'clerk', 0)).toThrow(/CHECK/);
    expect(() => add.run('canbo', 'police', 2)).toThrow(/CHECK/);
    for (const role of ['police', 'health', 'chairman']) add.run(`user-${role}`, role, 0);
    expect(queryPlan(db, "SELECT * FROM users WHERE username = 'QUANTRI'")).toMatch(/USING INDEX sqlite_autoindex_users_1/);
  });
});

describe('migration 13: visits identified by the chip (table rebuilt)', () => {
  it('keeps the visits, every index made before it, and takes a chip visit only with its verdict', () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS.slice(0, 12));
    db.prepare(
      "INSERT INTO checkpoint_visits (at, place, direction, personal_id, source) VALUES ('2026-11-27T01:00:00Z', 'Chốt A', 'in', '008090012345', 'mrz')",
    ).run();
    const indexes = () =>
      db
        .prepare<[], string>(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'checkpoint_visits' ORDER BY name",
        )
        .pluck()
        .all();
    const before = indexes();
    expect(before).toContain('checkpoint_visits_person');
    migrate(db, MIGRATIONS.slice(0, 13));
    expect(indexes()).toEqual(before);
    expect(db.prepare('SELECT place, source, chip_status AS chipStatus FROM checkpoint_visits').all()).toEqual([
      { place: 'Chốt A', source: 'mrz', chipStatus: null },
    ]);
    const insert = (source: string, status: string | null) =>
      db
        .prepare("INSERT INTO checkpoint_visits (at, place, direction, source, chip_status) VALUES ('x', 'A', 'in', ?, ?)")
        .run(source, status);
    insert('chip', 'genuine');
    insert('chip', 'not_genuine');
    expect(() => insert('chip', null)).toThrow(/CHECK/);
    expect(() => insert('qr', 'genuine')).toThrow(/CHECK/);
    expect(() => insert('chip', 'maybe')).toThrow(/CHECK/);
    expect(queryPlan(db, "SELECT * FROM checkpoint_visits WHERE personal_id = '008090012345' ORDER BY at")).toMatch(
      /USING INDEX checkpoint_visits_person/,
    );
  });
});
