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
  fieldSourcesOf,
  insertParams,
  type ResidentRow,
} from './resident-rows';
import type { ResidentToWrite } from '../spreadsheet/read-protocol';

export interface ApplyOptions {
  /** Import the valid rows even when others were rejected (otherwise nothing is written). */
  readonly skipInvalid: boolean;
  readonly now: Date;
}

/** The import refused because rows were rejected: nothing written. */
export function refused(errors: readonly RowError[]): RegistryImportResult {
  return { inserted: 0, updated: 0, unchanged: 0, rejected: errors.length, held: 0, errors, applied: false };
}

/** The extract being written: its file, its hash, its rows under the header, the rows rejected. */
export interface ExtractToApply {
  readonly fileName: string;
  readonly sha256: string;
  readonly dataRows: number;
  readonly errors: readonly RowError[];
}

/** What the one-pass reader tells at its end: the same facts, and the IDs it found repeated. */
export interface ExtractFoundWhileWriting extends ExtractToApply {
  readonly repeatedIds: readonly string[];
}

/** The valid residents in batches, as the reading worker sends them; its answer when done. */
export type ResidentBatches<T = void> = Generator<readonly ResidentToWrite[], Result<T>>;

/** Ends the transaction (rolled back) when the reader fails halfway. */
class ReadFailed extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
  }
}

/** Ends the transaction (rolled back) when the one-pass reader found what a survey would have refused. */
class Undone extends Error {
  constructor(readonly outcome: RegistryImportResult | 'repeated-ids') {
    super('undone');
  }
}

/** The one-pass import found IDs repeated inside the file: written nothing, it must be read twice. */
export const REPEATED_IDS = 'repeated-ids';

/** Decides a file read once at its end: kept, or undone as a survey before it would have. */
function settleOnePass(found: ExtractFoundWhileWriting, options: ApplyOptions): ExtractToApply {
  if (found.repeatedIds.length > 0) throw new Undone(REPEATED_IDS);
  if (found.errors.length > 0 && !options.skipInvalid) throw new Undone(refused(found.errors));
  return found;
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
): Result<RegistryImportResult>;
/**
 * The same for a file read once (the CLI's import): what a survey would have found comes with the last
 * batch, and decides then. A rejected row (without `skipInvalid`) undoes everything: `applied: false`,
 * nothing written, as when a survey refuses the file first. An ID repeated inside the file undoes
 * everything too, and answers REPEATED_IDS: the caller reads the file twice.
 */
export function applyExtract(
  db: Db,
  fileName: string,
  batches: ResidentBatches<ExtractFoundWhileWriting>,
  options: ApplyOptions,
): Result<RegistryImportResult | typeof REPEATED_IDS>;
export function applyExtract(
  db: Db,
  known: ExtractToApply | string,
  batches: ResidentBatches<ExtractFoundWhileWriting | void>,
  options: ApplyOptions,
): Result<RegistryImportResult | typeof REPEATED_IDS> {
  const fileName = typeof known === 'string' ? known : known.fileName;

  const selectResident = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE personal_id = ?');
  const insertResident = db.prepare(INSERT_NEW_RESIDENT_SQL);
  const hasPendingChange = db.prepare<[number], { one: number }>(
    "SELECT 1 AS one FROM resident_changes WHERE resident_id = ? AND status = 'pending' LIMIT 1",
  );
  const insertHeld = db.prepare('INSERT INTO registry_held_values (resident_id, extract_id, fields) VALUES (?, ?, ?)');
  // The file's hash and row count are filled in at the end (a file read once knows them only then).
  const insertExtract = db.prepare(
    `INSERT INTO registry_extracts (file_name, file_sha256, imported_at, data_rows, inserted, updated, unchanged, rejected, held)
     VALUES (?, '', ?, 0, 0, 0, 0, 0, 0)`,
  );
  const finishExtract = db.prepare(
    `UPDATE registry_extracts SET file_sha256 = ?, data_rows = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, held = ?
     WHERE id = ?`,
  );
  const deleteExtract = db.prepare('DELETE FROM registry_extracts WHERE id = ?');
  const updateStatements = new Map<string, ReturnType<Db['prepare']>>();

  const write = (): RegistryImportResult => {
    const extractId = Number(insertExtract.run(fileName, options.now.toISOString()).lastInsertRowid);
    let facts: ExtractToApply | null = typeof known === 'string' ? null : known;
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    let held = 0;
    for (let next = batches.next(); ; next = batches.next()) {
      if (next.done) {
        if (!next.value.ok) throw new ReadFailed(next.value.problem);
        facts ??= settleOnePass(next.value.value as ExtractFoundWhileWriting, options);
        break;
      }
      for (const resident of next.value) {
        // Insert first: for a new resident (most rows of a first import) that is the only statement.
        // Every field of a new row comes from this extract: its sources are `{}` beside `extract_id`.
        if (insertResident.run(...insertParams(resident, extractId, '{}', false, resident)).changes === 1) {
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
    const { errors } = facts!;
    if (inserted + updated + held === 0) {
      // Nothing new: the extract leaves no trace, so importing the same file twice changes nothing.
      deleteExtract.run(extractId);
    } else {
      finishExtract.run(facts!.sha256, facts!.dataRows, inserted, updated, unchanged, errors.length, held, extractId);
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

  function updateChanged(existing: ResidentRow, resident: ResidentToWrite, changed: (keyof ResidentRecord)[], extractId: number) {
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
    // `extract_id` becomes this extract: the unchanged fields keep the extracts they came from, by name.
    const sources = fieldSourcesOf(existing);
    for (const f of changed) sources[f] = extractId;
    const bound: Record<string, unknown> = {
      id: existing.id,
      nameKey: resident.nameKey,
      reversedKey: resident.reversedKey,
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
    if (error instanceof Undone) return ok(error.outcome);
    throw error;
  } finally {
    // A write that failed halfway leaves the reader waiting: it is ended.
    batches.return(ok(undefined));
  }
}
