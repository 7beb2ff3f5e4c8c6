/**
 * Issue 18: the set-based check (IDs fetched up front, names and birth dates fetched in batches while
 * matching, results written in one statement) decides every entry exactly as the matcher did with
 * one statement per look-up (the previous `registryLookups`, kept here as the reference) — on a
 * generated list of 3,000 rows over 12,000 residents with every path of DESIGN.md §4: exact rows,
 * misspelt and upper-case names, no ID, IDs that lost their zeros, old CMND numbers (some shared),
 * another person's ID, unknown people, partial birth dates, twins, foreigners, blank names and
 * repeated rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkList,
  matchEntry,
  type EntryOutcome,
  type EntryRow,
  type MatchRow,
  type RegistryLookups,
} from '../../src/main/lists/check-list';
import { generateDemoResidents } from '../../src/main/demo/demo-residents';
import type { Db } from '../../src/main/db/open-database';
import { INSERT_RESIDENT_SQL, insertParams } from '../../src/main/registry/resident-rows';
import { datesConsistent, formatDateVi, yearOf } from '../../src/shared/dates';
import { normalizeIdCell } from '../../src/shared/lists/normalize-entry';
import { matchKey } from '../../src/shared/text/normalize';
import type { ResidentRecord } from '../../src/shared/types';
import { tempDatabase } from '../helpers/db';
import { importAndCheck, listWorkbook } from '../helpers/lists';

const COLUMNS = 'id, personal_id, old_id, full_name, birth_date, sex, permanent_address, current_address';

/** The previous look-ups: one prepared statement per question. */
function singleRowLookups(db: Db): RegistryLookups {
  const byPersonalId = db.prepare<[string], MatchRow>(`SELECT ${COLUMNS} FROM residents WHERE personal_id = ?`);
  const byOldId = db.prepare<[string], MatchRow>(`SELECT ${COLUMNS} FROM residents WHERE old_id = ? LIMIT 20`);
  const nameCandidates = db.prepare<[string, number], Pick<MatchRow, 'id' | 'birth_date' | 'sex'>>(
    'SELECT id, birth_date, sex FROM residents WHERE name_key = ? AND birth_year = ? LIMIT 500',
  );
  const byRowId = db.prepare<[number], MatchRow>(`SELECT ${COLUMNS} FROM residents WHERE id = ?`);
  const byBirth = db.prepare<[string, string], MatchRow>(
    `SELECT ${COLUMNS} FROM residents WHERE birth_date = ? AND sex = ? LIMIT 5000`,
  );
  return {
    byId(id) {
      if (id.length === 12) {
        const r = byPersonalId.get(id);
        return r ? [r] : [];
      }
      return byOldId.all(id);
    },
    byName: (key, birthDate, sex) =>
      nameCandidates
        .all(key, yearOf(birthDate))
        .filter(
          (r) =>
            r.birth_date !== null &&
            datesConsistent(birthDate, r.birth_date) &&
            (sex === null || r.sex === null || sex === r.sex),
        )
        .map((r) => byRowId.get(r.id)!),
    byBirth: (date, sex) => byBirth.all(date, sex),
  };
}

/** The previous check loop: each entry decided in row order, duplicates marked as they come. */
function referenceCheck(db: Db, listId: number) {
  const entries = db
    .prepare<[number], EntryRow>(
      'SELECT id, row, full_name, birth_date, sex, id_number, nationality, address FROM list_entries WHERE list_id = ? ORDER BY row',
    )
    .all(listId);
  const lookups = singleRowLookups(db);
  const linked = new Map<number, number>();
  const unlinked = new Map<string, number>();
  return entries.map((entry) => {
    let outcome: EntryOutcome = matchEntry(entry, lookups);
    let first: number | undefined;
    if (outcome.resident !== null) {
      first = linked.get(outcome.resident.id);
      if (first !== undefined) outcome = { status: 'duplicate', resident: outcome.resident, differences: [], candidates: [] };
      else linked.set(outcome.resident.id, entry.row);
    } else if (outcome.status === 'not_found') {
      const id = entry.id_number === null ? null : normalizeIdCell(entry.id_number);
      const key =
        id !== null
          ? `id:${id}`
          : entry.full_name === null || entry.birth_date === null
            ? null
            : `name:${matchKey(entry.full_name)}|${entry.birth_date}|${entry.sex ?? ''}`;
      first = key === null ? undefined : unlinked.get(key);
      if (first !== undefined) outcome = { ...outcome, status: 'duplicate' };
      else if (key !== null) unlinked.set(key, entry.row);
    }
    return {
      entryId: entry.id,
      status: outcome.status,
      residentId: outcome.resident?.id ?? null,
      differences: JSON.stringify(outcome.differences),
      candidates: JSON.stringify(outcome.candidates),
      duplicateOf: first ?? null,
    };
  });
}

type Cell = string | number | null;

/** One list row per path of the matcher, drawn from the registry in turn. */
function listRows(registry: readonly ResidentRecord[]): Cell[][] {
  const rows: Cell[][] = [];
  const row = (r: ResidentRecord, name: string | null, id: Cell, birth = r.birthDate, nationality = 'Việt Nam'): Cell[] => [
    name,
    birth ? formatDateVi(birth) : '',
    r.sex === 'male' ? 'Nam' : 'Nữ',
    id,
    nationality,
    r.permanentAddress,
  ];
  for (let i = 0; i < 3000; i++) {
    const r = registry[(i * 37) % registry.length]!;
    const other = registry[(i * 53 + 11) % registry.length]!;
    switch (i % 16) {
      case 1:
        rows.push(row(r, r.fullName.slice(0, -1), r.personalId));
        break;
      case 2:
        rows.push(row(r, r.fullName.toUpperCase(), r.personalId));
        break;
      case 3:
        rows.push(row(r, r.fullName, ''));
        break;
      case 4:
        rows.push(row(r, r.fullName, Number(r.personalId)));
        break;
      case 5:
        rows.push(row(r, r.fullName, r.oldId ?? r.personalId));
        break;
      // Another person's ID beside this person's name and birth date.
      case 6:
        rows.push(row(r, r.fullName, other.personalId));
        break;
      case 7:
        rows.push(row(r, `Lò Văn Khách ${i}`, `0089${String(i).padStart(8, '0')}`, '1977-07-07'));
        break;
      case 8:
        rows.push(row(r, r.fullName.replace(/a/, 'o'), '', r.birthDate));
        break;
      case 9:
        rows.push(row(r, r.fullName, '', r.birthDate?.slice(0, 4) ?? null));
        break;
      case 10:
        rows.push(row(r, r.fullName, r.personalId, r.birthDate, 'Lào'));
        break;
      case 11:
        rows.push(row(r, null, r.personalId));
        break;
      case 12:
        rows.push(rows[rows.length - 5]!.slice());
        break;
      case 13:
        rows.push(row(r, `Hà Thị Lạ`, '', '1990-01-01'));
        break;
      case 14:
        rows.push(row(other, other.fullName, r.oldId ?? '', other.birthDate));
        break;
      default:
        rows.push(row(r, r.fullName, r.personalId));
    }
  }
  return rows;
}

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDatabase()));
afterEach(() => cleanup());

describe('the set-based check', () => {
  it('decides every entry as the single-row look-ups did, on a generated list', async () => {
    const registry = generateDemoResidents(12_000, 5);
    // Twins (same name, birth date and sex) and two residents sharing an old CMND number.
    const twin = { ...registry[100]!, personalId: '008190000001', oldId: null };
    const shared = {
      ...registry[200]!,
      personalId: '008190000002',
      fullName: 'Đỗ Thị Hạnh',
      oldId: registry[201]!.oldId ?? '079000111',
    };
    // A brother and sister of the same name and birth date: the list's fourth row, without an ID, names
    // registry[111], and only its sex tells which of the two.
    const sibling: ResidentRecord = {
      ...registry[111]!,
      personalId: '008190000003',
      oldId: null,
      sex: registry[111]!.sex === 'male' ? 'female' : 'male',
    };
    const all = [...registry, twin, shared, sibling];
    const insert = db.prepare(INSERT_RESIDENT_SQL);
    db.transaction(() => {
      for (const r of all) insert.run(...insertParams(r, null, '{}', false));
    }).immediate();

    const { imported } = await importAndCheck(db, await listWorkbook(listRows(all)));
    const storedResults = () =>
      db
        .prepare(
          `SELECT r.entry_id AS entryId, r.status, r.resident_id AS residentId, r.differences, r.candidates, r.duplicate_of AS duplicateOf
           FROM entry_results r JOIN list_entries e ON e.id = r.entry_id WHERE e.list_id = ? ORDER BY e.row`,
        )
        .all(imported.listId);
    const stored = storedResults();
    const reference = referenceCheck(db, imported.listId);
    expect(stored).toHaveLength(3000);
    expect(stored).toEqual(reference);
    // Every path was taken.
    const statuses = new Set(reference.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['ambiguous', 'duplicate', 'foreign', 'invalid', 'matched', 'mismatched', 'not_found']);

    // A re-check rewrites the same results in place.
    checkList(db, imported.listId, new Date('2026-11-28T08:00:00Z'));
    expect(storedResults()).toEqual(reference);
  });
});
