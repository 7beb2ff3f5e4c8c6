import type { MessageKey, MessageParams } from './i18n';

/** An expected problem, to be shown to the user in their language. */
export interface Problem {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** The outcome of work that can fail in expected ways. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result carrying a user-facing problem. */
export function fail<T = never>(key: MessageKey, params?: MessageParams): Result<T> {
  return { ok: false, problem: { key, params } };
}

/** Exhaustiveness check for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
