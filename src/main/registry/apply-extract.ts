import type { RegistryImportResult } from '../../shared/api-contract';
import { audit } from '../audit/audit';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import type { ResidentRecord, RowError } from '../../shared/types';
import { yearOf } from '../../shared/dates';
import { fail, ok, type Problem, type Result } from '../../shared/result';
import {
  INSERT_NEW_RESIDENT_SQL,
  RECORD_COLUMNS,
  RECORD_FIELDS,
  insertParams,
  nameKeys,
  type ResidentRow,
} from './resident-rows';

export interface ApplyOptions {
  /** Import the valid rows even when others were rejected (otherwise nothing is written). */
  readonly skipInvalid: boolean;
  readonly now: Date;
}

/** The import refused because rows were rejected: nothing written. */
export function refused(errors: readonly RowError[]): RegistryImportResult {
  return { inserted: 0, updated: 0, unchanged: 0, rejected: errors.length, held: 0, errors, applied: false };
}

/** The extract being written: its file, its rows under the header, the rows its validating pass rejected. */
export interface ExtractToApply {
  readonly fileName: string;
  readonly sha256: string;
  readonly dataRows: number;
  readonly errors: readonly RowError[];
}

/** The valid residents in batches, as the reading worker sends them; its answer when done. */
export type ResidentBatches = Generator<readonly ResidentRecord[], Result<void>>;

/** Ends the transaction (rolled back) when the reader fails halfway. */
class ReadFailed extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
  }
}

/**
 * Writes an extract in one transaction, its residents pulled batch by batch from the reader: new
 * residents inserted, changed ones updated with the extract recorded per changed field, residents
 * with local changes awaiting export held back. A reader that fails leaves nothing written.
 */
export function applyExtract(
  db: Db,
  parsed: ExtractToApply,
  batches: ResidentBatches,
  options: ApplyOptions,
): Result<RegistryImportResult> {
  const { errors } = parsed;

  const selectResident = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE personal_id = ?');
  const insertResident = db.prepare(INSERT_NEW_RESIDENT_SQL);
  const hasPendingChange = db.prepare<[number], { one: number }>(
    "SELECT 1 AS one FROM resident_changes WHERE resident_id = ? AND status = 'pending' LIMIT 1",
  );
  const insertHeld = db.prepare('INSERT INTO registry_held_values (resident_id, extract_id, fields) VALUES (?, ?, ?)');
  const insertExtract = db.prepare(
    `INSERT INTO registry_extracts (file_name, file_sha256, imported_at, data_rows, inserted, updated, unchanged, rejected, held)
     VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0)`,
  );
  const finishExtract = db.prepare(
    'UPDATE registry_extracts SET inserted = ?, updated = ?, unchanged = ?, rejected = ?, held = ? WHERE id = ?',
  );
  const deleteExtract = db.prepare('DELETE FROM registry_extracts WHERE id = ?');
  const updateStatements = new Map<string, ReturnType<Db['prepare']>>();
  const allSources = (extractId: number) => JSON.stringify(Object.fromEntries(RECORD_FIELDS.map((f) => [f, extractId])));

  const write = (): RegistryImportResult => {
    const extractId = Number(
      insertExtract.run(parsed.fileName, parsed.sha256, options.now.toISOString(), parsed.dataRows).lastInsertRowid,
    );
    const newSources = allSources(extractId);
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    let held = 0;
    for (let next = batches.next(); ; next = batches.next()) {
      if (next.done) {
        if (!next.value.ok) throw new ReadFailed(next.value.problem);
        break;
      }
      for (const resident of next.value) {
        // Insert first: for a new resident (most rows of a first import) that is the only statement.
        if (insertResident.run(...insertParams(resident, extractId, newSources, false)).changes === 1) {
          inserted++;
          continue;
        }
        const existing = selectResident.get(resident.personalId)!;
        const changed = RECORD_FIELDS.filter((f) => existing[RECORD_COLUMNS[f]] !== resident[f]);
        if (changed.length === 0) {
          unchanged++;
          continue;
        }
        if (hasPendingChange.get(existing.id) !== undefined) {
          const incoming = Object.fromEntries(changed.map((f) => [f, resident[f]]));
          insertHeld.run(existing.id, extractId, JSON.stringify(incoming));
          held++;
          continue;
        }
        updateChanged(existing, resident, changed, extractId);
        updated++;
      }
    }
    if (inserted + updated + held === 0) {
      // Nothing new: the extract leaves no trace, so importing the same file twice changes nothing.
      deleteExtract.run(extractId);
    } else {
      finishExtract.run(inserted, updated, unchanged, errors.length, held, extractId);
    }
    audit(
      db,
      'registry.import',
      `extract:${extractId}`,
      { inserted, updated, unchanged, rejected: errors.length, held },
      options.now,
    );
    return { inserted, updated, unchanged, rejected: errors.length, held, errors, applied: true };
  };

  function updateChanged(existing: ResidentRow, resident: ResidentRecord, changed: (keyof ResidentRecord)[], extractId: number) {
    const sqlKey = changed.join(',');
    let statement = updateStatements.get(sqlKey);
    if (statement === undefined) {
      // Column names come from the fixed RECORD_COLUMNS table, never from input.
      const sets = changed.map((f) => `${RECORD_COLUMNS[f]} = @${f}`);
      statement = db.prepare(
        `UPDATE residents SET ${sets.join(', ')}, name_key = @nameKey, reversed_key = @reversedKey, birth_year = @birthYear,
           extract_id = @extractId, field_sources = @fieldSources WHERE id = @id`,
      );
      updateStatements.set(sqlKey, statement);
    }
    const sources = JSON.parse(existing.field_sources) as Record<string, number>;
    for (const f of changed) sources[f] = extractId;
    const bound: Record<string, unknown> = {
      id: existing.id,
      ...nameKeys(resident.fullName),
      birthYear: resident.birthDate === null ? null : yearOf(resident.birthDate),
      extractId,
      fieldSources: JSON.stringify(sources),
    };
    for (const f of changed) bound[f] = resident[f];
    statement.run(bound);
  }

  try {
    return ok(writeTransaction(db, write));
  } catch (error) {
    if (error instanceof ReadFailed) return fail(error.problem.key, error.problem.params);
    throw error;
  } finally {
    // A write that failed halfway leaves the reader waiting: it is ended.
    batches.return(ok(undefined));
  }
}
