/**
 * Reading a registry extract in the reading worker, a row at a time: the survey (header, mapping,
 * every row validated, IDs repeated inside the extract, a few sample rows) and, once the import is
 * decided, the valid residents in batches. Nothing here holds more than a row, a batch, and one
 * number per ID seen.
 */
import { translate, type Locale } from '../../shared/i18n';
import { MAX_EXTRACT_CELLS, MAX_NAME_CHARS, MAX_REJECTED_ROWS } from '../../shared/limits';
import { detectHeader, type ColumnMapping } from '../../shared/registry/fields';
import { validateResidentRow, type RowOutcome } from '../../shared/registry/validate-row';
import { fail, ok, type Result } from '../../shared/result';
import { cellText } from '../../shared/text/cell-text';
import type { CellValue, ResidentRecord, RowError } from '../../shared/types';
import { nameKeys } from './resident-rows';
import type { ResidentToWrite } from '../spreadsheet/read-protocol';
import { readHeaderedRows } from '../spreadsheet/read-table';
import { sourceSha256, type ByteSource } from '../spreadsheet/source';

/** Where the header is and how its columns map, as found in the file. */
export interface ExtractHeader {
  readonly sheetName: string;
  readonly headerRow: number;
  readonly columnTitles: readonly string[];
  /** The mapping read from the titles. */
  readonly mapping: ColumnMapping;
  readonly date1904: boolean;
}

/** What one validating pass learned about an extract under one mapping. */
export interface ExtractSurvey {
  readonly header: ExtractHeader;
  readonly mapping: ColumnMapping;
  readonly sha256: string;
  /** Rows under the header (blank ones included). */
  readonly dataRows: number;
  readonly validRows: number;
  /** One entry per rejected row, in row order. */
  readonly errors: readonly RowError[];
  /** IDs found on more than one row: every row carrying one is rejected. */
  readonly repeatedIds: readonly string[];
  readonly sample: readonly (readonly string[])[];
}

const SAMPLE_ROWS = 5;

/** A row validated, with the name's length bounded (a name is never longer than MAX_NAME_CHARS). */
export function validateExtractRow(cells: readonly CellValue[], mapping: ColumnMapping, date1904: boolean): RowOutcome {
  const outcome = validateResidentRow(cells, mapping, date1904);
  const name = mapping.fullName === undefined ? '' : cellText(cells[mapping.fullName]);
  if (name.length <= MAX_NAME_CHARS || outcome.kind === 'blank') return outcome;
  const tooLong = { key: 'row.nameTooLong' as const, params: { length: name.length, max: MAX_NAME_CHARS } };
  return { kind: 'invalid', problems: [...(outcome.kind === 'invalid' ? outcome.problems : []), tooLong] };
}

/** A rejected row's message, every problem of the row in one sentence each. */
function rowError(row: number, outcome: Extract<RowOutcome, { kind: 'invalid' }>, locale: Locale): RowError {
  return { row, message: outcome.problems.map((p) => translate(locale, p.key, p.params)).join(' ') };
}

/** The header's own problems: no ID or name column. */
function headerProblem(mapping: ColumnMapping, file: string): Result<never> | null {
  if (mapping.personalId === undefined) return fail('error.noIdColumn', { file });
  if (mapping.fullName === undefined) return fail('error.noNameColumn', { file });
  return null;
}

interface Progress {
  (bytes: number, rows: number): void;
}

/** Reads the extract's rows under its header into `onRow` (given the header and the mapping in force). */
async function readExtractRows(
  source: ByteSource,
  fileName: string,
  chosen: ColumnMapping | null,
  onRow: (cells: readonly CellValue[], rowNumber: number, header: ExtractHeader, mapping: ColumnMapping) => boolean,
  progress: Progress,
): Promise<Result<ExtractHeader>> {
  let header: ExtractHeader | null = null;
  let mapping: ColumnMapping = {};
  let rows = 0;
  let stopped: Result<never> | null = null;
  const read = await readHeaderedRows(source, fileName, MAX_EXTRACT_CELLS, detectHeader, {
    onHeader: (found) => {
      header = {
        sheetName: found.name,
        headerRow: found.headerRow,
        columnTitles: found.texts[found.header.index]!,
        mapping: found.header.mapping,
        date1904: found.date1904,
      };
      mapping = chosen ?? found.header.mapping;
      stopped = headerProblem(found.header.mapping, fileName);
    },
    onRow: (row) => {
      if (stopped) return 'stop';
      rows++;
      return onRow(row.cells, row.rowNumber, header!, mapping) ? 'more' : 'stop';
    },
    onProgress: (bytes) => progress(bytes, rows),
  });
  if (!read.ok) return read;
  if (stopped) return stopped;
  if (read.value.found === null) return fail('error.noHeader', { file: fileName });
  return ok(header!);
}

/** How a validating pass ended: read whole, stopped at too many rejected rows, or nothing under the header. */
function passEnded(
  read: Result<ExtractHeader>,
  tooMany: Result<never> | null,
  fileName: string,
  dataRows: number,
  nonBlankRows: number,
): Result<ExtractHeader> {
  if (!read.ok) return read;
  if (tooMany) return tooMany;
  if (dataRows === 0 || nonBlankRows === 0) return fail('error.noDataRows', { file: fileName, row: read.value.headerRow });
  return read;
}

/** The validating pass: every row checked under `chosen` (or the mapping the titles give). */
export async function surveyExtract(
  source: ByteSource,
  fileName: string,
  chosen: ColumnMapping | null,
  locale: Locale,
  progress: Progress,
): Promise<Result<ExtractSurvey>> {
  const errors: RowError[] = [];
  const firstRowById = new Map<number, number>();
  const repeated = new Map<number, number[]>();
  const sample: string[][] = [];
  let dataRows = 0;
  let residents = 0;
  let rejected = 0;
  let tooMany: Result<never> | null = null;
  let usedMapping: ColumnMapping = {};
  const read = await readExtractRows(
    source,
    fileName,
    chosen,
    (cells, row, header, mapping) => {
      usedMapping = mapping;
      dataRows++;
      if (sample.length < SAMPLE_ROWS) sample.push(cells.map((c) => cellText(c)));
      const outcome = validateExtractRow(cells, mapping, header.date1904);
      if (outcome.kind === 'blank') return true;
      if (outcome.kind === 'invalid') {
        rejected++;
        errors.push(rowError(row, outcome, locale));
      } else {
        residents++;
        // A 12-digit ID is exactly a number: a map of numbers holds a million of them in little room.
        const id = Number(outcome.resident.personalId);
        const first = firstRowById.get(id);
        if (first === undefined) firstRowById.set(id, row);
        else {
          const rows = repeated.get(id);
          rejected += rows ? 1 : 2;
          if (rows) rows.push(row);
          else repeated.set(id, [first, row]);
        }
      }
      if (rejected <= MAX_REJECTED_ROWS) return true;
      tooMany = fail('input.tooManyRejected', { file: fileName, max: MAX_REJECTED_ROWS, row });
      return false;
    },
    progress,
  );
  const ended = passEnded(read, tooMany, fileName, dataRows, residents + errors.length);
  if (!ended.ok) return ended;
  const repeatedIds: string[] = [];
  let repeatedRows = 0;
  for (const [id, rows] of repeated) {
    const value = String(id).padStart(12, '0');
    repeatedIds.push(value);
    repeatedRows += rows.length;
    const message = translate(locale, 'row.idDuplicate', { value, rows: rows.join(', ') });
    for (const row of rows) errors.push({ row, message });
  }
  if (repeated.size > 0) errors.sort((a, b) => a.row - b.row);
  return ok({
    header: ended.value,
    mapping: chosen ?? usedMapping,
    sha256: sourceSha256(source),
    dataRows,
    validRows: residents - repeatedRows,
    errors,
    repeatedIds,
    sample,
  });
}

/** A valid resident ready to be written: its record and its name's search keys (made here, off the writer's thread). */
function toWrite(resident: ResidentRecord): ResidentToWrite {
  return { ...resident, ...nameKeys(resident.fullName) };
}

/** Collects residents into batches of `size`, each handed to `onBatch` once full (the last one by `flush`). */
function batcher(size: number, onBatch: (residents: ResidentToWrite[]) => void) {
  let batch: ResidentToWrite[] = [];
  return {
    add(resident: ResidentRecord): void {
      batch.push(toWrite(resident));
      if (batch.length < size) return;
      onBatch(batch);
      batch = [];
    },
    flush(): void {
      if (batch.length > 0) onBatch(batch);
      batch = [];
    },
  };
}

/** The writing pass: the valid residents, in sheet order and in batches, leaving out `skipIds`. */
export async function extractResidents(
  source: ByteSource,
  fileName: string,
  mapping: ColumnMapping,
  skipIds: ReadonlySet<string>,
  batchSize: number,
  onBatch: (residents: ResidentToWrite[]) => void,
  progress: Progress,
): Promise<Result<void>> {
  const batches = batcher(batchSize, onBatch);
  const read = await readExtractRows(
    source,
    fileName,
    mapping,
    (cells, _row, header) => {
      const outcome = validateExtractRow(cells, mapping, header.date1904);
      if (outcome.kind === 'resident' && !skipIds.has(outcome.resident.personalId)) batches.add(outcome.resident);
      return true;
    },
    progress,
  );
  if (!read.ok) return read;
  batches.flush();
  return ok(undefined);
}

/** What a single reading-and-writing pass learned, told once every valid row has been sent. */
export interface ExtractPassFacts {
  readonly sha256: string;
  /** Rows under the header (blank ones included). */
  readonly dataRows: number;
  /** The rejected rows, in row order (rows of a repeated ID not among them). */
  readonly errors: readonly RowError[];
  /** IDs found on more than one row: their rows were sent, and the import must not keep them. */
  readonly repeatedIds: readonly string[];
}

/** The 12-digit IDs seen, as numbers in a growing array: sorted once at the end to find repeats. */
class SeenIds {
  private ids = new Float64Array(1 << 16);
  private count = 0;

  add(id: string): void {
    if (this.count === this.ids.length) {
      const grown = new Float64Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.count++] = Number(id);
  }

  repeated(): string[] {
    const sorted = this.ids.subarray(0, this.count).sort();
    const repeated: string[] = [];
    for (let i = 1; i < sorted.length; i++) {
      // Once per run of equal IDs, at its second.
      if (sorted[i] === sorted[i - 1] && (i === 1 || sorted[i] !== sorted[i - 2]))
        repeated.push(String(sorted[i]).padStart(12, '0'));
    }
    return repeated;
  }
}

/**
 * The CLI's import in one pass (no preview before it): the header's own mapping, every row
 * validated as the survey does, the valid residents sent in batches as they come, and the survey's
 * findings at the end. An ID repeated inside the file is known only then: the writer undoes what it
 * wrote and reads the file twice (survey, then writing pass), as an import after a preview does.
 */
export async function readExtractOnce(
  source: ByteSource,
  fileName: string,
  locale: Locale,
  batchSize: number,
  onBatch: (residents: ResidentToWrite[]) => void,
  progress: Progress,
): Promise<Result<ExtractPassFacts>> {
  const errors: RowError[] = [];
  const seen = new SeenIds();
  const batches = batcher(batchSize, onBatch);
  let dataRows = 0;
  let residents = 0;
  let tooMany: Result<never> | null = null;
  const read = await readExtractRows(
    source,
    fileName,
    null,
    (cells, row, header, mapping) => {
      dataRows++;
      const outcome = validateExtractRow(cells, mapping, header.date1904);
      if (outcome.kind === 'resident') {
        residents++;
        seen.add(outcome.resident.personalId);
        batches.add(outcome.resident);
      } else if (outcome.kind === 'invalid') {
        errors.push(rowError(row, outcome, locale));
        if (errors.length > MAX_REJECTED_ROWS) {
          tooMany = fail('input.tooManyRejected', { file: fileName, max: MAX_REJECTED_ROWS, row });
          return false;
        }
      }
      return true;
    },
    progress,
  );
  const ended = passEnded(read, tooMany, fileName, dataRows, residents + errors.length);
  if (!ended.ok) {
    // Where it stopped, and why, can depend on rows of a repeated ID (the survey counts them as
    // rejected): then the file is read twice, and the survey says it as two passes always did.
    const repeatedIds = seen.repeated();
    return repeatedIds.length === 0 ? ended : ok({ sha256: '', dataRows, errors, repeatedIds });
  }
  batches.flush();
  return ok({ sha256: sourceSha256(source), dataRows, errors, repeatedIds: seen.repeated() });
}
