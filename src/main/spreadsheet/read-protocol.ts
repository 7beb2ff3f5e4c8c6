/**
 * What the reading worker is asked and what it answers (read-worker.ts, read-worker-client.ts).
 * Batches of residents travel on their own port with a shared counter each way, so the writer can
 * pull them synchronously inside its transaction and the worker never runs more than a few ahead.
 */
import type { Locale } from '../../shared/i18n';
import type { ColumnMapping } from '../../shared/registry/fields';
import type { Result } from '../../shared/result';
import type { ResidentRecord } from '../../shared/types';
import type { SourceRef } from './source';

export type ReadTask =
  | {
      readonly kind: 'survey-extract';
      readonly fileName: string;
      readonly mapping: ColumnMapping | null;
      readonly locale: Locale;
    }
  | {
      readonly kind: 'extract-rows';
      readonly fileName: string;
      readonly mapping: ColumnMapping;
      readonly skipIds: readonly string[];
    }
  /** Validates and sends in one pass (the CLI's import, no preview before it): answers with what it found. */
  | { readonly kind: 'import-extract'; readonly fileName: string; readonly locale: Locale }
  | { readonly kind: 'read-list'; readonly fileName: string };

/** A valid resident as the worker sends it to be written: its record and its name's search keys. */
export interface ResidentToWrite extends ResidentRecord {
  readonly nameKey: string;
  readonly reversedKey: string;
}

export interface WorkerInput {
  readonly task: ReadTask;
  readonly source: SourceRef;
  /** [messages sent by the worker, messages taken by main]. */
  readonly counters: SharedArrayBuffer;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly bytes: number; readonly rows: number }
  | { readonly type: 'batch'; readonly residents: readonly ResidentToWrite[] }
  | { readonly type: 'end'; readonly result: Result<unknown> }
  | { readonly type: 'crash'; readonly message: string };

export const SENT = 0;
export const TAKEN = 1;
/** Batches the worker may send before main has taken them. */
export const BATCHES_AHEAD = 3;
export const BATCH_SIZE = 2000;
