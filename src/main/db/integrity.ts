/**
 * Checking a database file whole, away from the start path (issue 18): SQLite's `quick_check` (every
 * page read, about 1 s per 100,000 residents here) or `integrity_check` (indexes against their
 * tables too). The app runs it on a read-only connection of its own in a worker thread, so the
 * first screen never waits for it; the CLI runs it in line when asked (`--check`).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { Worker } from 'node:worker_threads';
import { fail, ok, type Result } from '../../shared/result';
import { packageFile } from '../package-file';
import { keyPragmas } from './open-database';

export type CheckMode = 'quick' | 'full';

/** What a check found: `ok`, `damaged` (with SQLite's first lines), or `failed` (it could not run: not a verdict). */
export type CheckOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'damaged'; readonly detail: string }
  | { readonly kind: 'failed'; readonly detail: string };

const PRAGMA: Readonly<Record<CheckMode, string>> = { quick: 'quick_check(20)', full: 'integrity_check(20)' };

/** SQLite's codes for a file that is not what it should be (as opposed to busy, out of memory…). */
const DAMAGE_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];

/** Whether an error thrown by a query says the file is damaged. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE_CODES.some((c) => code.startsWith(c));
}

interface CheckRequest {
  readonly file: string;
  readonly pragmas: readonly string[];
  readonly check: string;
}

/** What the check's connection answered: SQLite's lines, or the error it threw. */
type RawAnswer = { readonly lines: readonly string[] } | { readonly error: { readonly code: string; readonly message: string } };

function verdict(answer: RawAnswer): CheckOutcome {
  if ('error' in answer) {
    const damaged = isDamageError(answer.error);
    return { kind: damaged ? 'damaged' : 'failed', detail: answer.error.message.slice(0, 500) };
  }
  if (answer.lines.length === 1 && answer.lines[0] === 'ok') return { kind: 'ok' };
  return { kind: 'damaged', detail: answer.lines.join('\n').slice(0, 500) };
}

// The worker runs from a string (no file to find in a bundle, under tsx or in tests): it only opens,
// runs the pragma and answers; `verdict` reads the answer on this side, as for the check in line.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { file, pragmas, check } = workerData.request;
let db = null;
try {
  db = new Database(file, { readonly: true, fileMustExist: true });
  for (const pragma of pragmas) db.pragma(pragma);
  parentPort.postMessage({ lines: db.pragma(check).map((row) => String(Object.values(row)[0])) });
} catch (error) {
  parentPort.postMessage({ error: { code: String(error && error.code), message: String(error && error.message) } });
} finally {
  if (db !== null) db.close();
}
`;

function request(file: string, key: string | null, mode: CheckMode): CheckRequest {
  return { file, pragmas: key === null ? [] : keyPragmas(key), check: PRAGMA[mode] };
}

/** Checks a database file now, on a connection of its own (the CLI's `--check`). */
export function checkDatabaseFile(file: string, key: string | null, mode: CheckMode): CheckOutcome {
  const { pragmas, check } = request(file, key, mode);
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    for (const pragma of pragmas) db.pragma(pragma);
    const rows = db.pragma(check) as Record<string, unknown>[];
    return verdict({ lines: rows.map((row) => String(Object.values(row)[0])) });
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return verdict({ error: { code: String(code), message: String(message) } });
  } finally {
    db?.close();
  }
}

/** A check running in a worker thread; `cancel` stops it (the app is closing). */
export interface BackgroundCheck {
  readonly outcome: Promise<CheckOutcome>;
  cancel(): void;
}

/**
 * Checks a database file in a worker thread, on its own read-only connection (WAL lets it read
 * while the app writes). An encrypted file's key goes to the worker in memory, never to disk.
 */
export function checkInBackground(file: string, key: string | null, mode: CheckMode): BackgroundCheck {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: packageFile('better-sqlite3-multiple-ciphers'), request: request(file, key, mode) },
    });
  } catch (error) {
    return { outcome: Promise.resolve({ kind: 'failed', detail: (error as Error).message }), cancel: () => {} };
  }
  // The check must not keep a finished CLI or test process alive.
  worker.unref();
  const outcome = new Promise<CheckOutcome>((resolve) => {
    worker.once('message', (answer: RawAnswer) => resolve(verdict(answer)));
    worker.once('error', (error) => resolve({ kind: 'failed', detail: error.message }));
    worker.once('exit', (code) => resolve({ kind: 'failed', detail: `worker exited (${code})` }));
  });
  return { outcome, cancel: () => void worker.terminate() };
}

/** The check in line as a Result: `db.damaged` with SQLite's first line, or `db.checkFailed` when it could not run. */
export function soundFile(file: string, key: string | null, mode: CheckMode = 'quick'): Result<void> {
  const outcome = checkDatabaseFile(file, key, mode);
  if (outcome.kind === 'ok') return ok(undefined);
  const detail = outcome.detail.replace('*** in database main ***', '').trim().split('\n')[0] ?? '';
  return fail(outcome.kind === 'damaged' ? 'db.damaged' : 'health.checkFailed', { file, detail });
}
