/**
 * What every command needs of its arguments, once: the two kinds of failure (wrong usage → exit 2,
 * bad input → exit 1), required arguments, list ids, dates, files that must exist, Results.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { MessageKey, MessageParams } from '../../shared/i18n';
import { parseDateText, type IsoDate } from '../../shared/dates';
import type { Problem, Result } from '../../shared/result';
import type { Sex } from '../../shared/types';
import type { CliContext } from './command';

/** Wrong usage: exit 2, the message and the usage line on stderr. */
export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params?: MessageParams,
  ) {
    super(key);
  }
}

/** Bad input: exit 1, the problem on stderr, nothing written. */
export class InputError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
  }
}

/** The value of a Result, or the bad-input exit with its problem. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new InputError(result.problem);
  return result.value;
}

/** A required argument or option value; `name` as the message shows it (`--out`, `<tệp>`). */
export function need(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError('cli.missingArgument', { name });
  return value;
}

/** The first positional argument, required. */
export function firstArgument(ctx: CliContext, name: MessageKey): string {
  return need(ctx.args[0], ctx.text(name));
}

/** A required option (`--out DIR`). */
export function requiredOption(ctx: CliContext, name: string): string {
  return need(ctx.option(name), `--${name}`);
}

/** A list number (`list check 3`): a positive integer, else wrong usage. */
export function listIdArgument(ctx: CliContext): number {
  const text = firstArgument(ctx, 'cli.arg.listId');
  const listId = Number(text);
  if (!Number.isInteger(listId) || listId < 1) throw new UsageError('list.notFound', { listId: text });
  return listId;
}

/** A file the command reads: it must exist (bad input otherwise). */
export function existingFile(file: string): string {
  if (!existsSync(file)) throw new InputError({ key: 'cli.fileNotFound', params: { file } });
  return file;
}

/** The bytes of a file that must exist. */
export function readBytes(file: string): Uint8Array {
  const data = readFileSync(existingFile(file));
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** An optional date option (ISO, or partial YYYY / YYYY-MM). */
export function dateOption(ctx: CliContext, name: string): IsoDate | undefined {
  const value = ctx.option(name);
  if (value === undefined) return undefined;
  const date = parseDateText(value);
  if (date === null) throw new UsageError('cli.badDate', { value });
  return date;
}

/** An optional `--sex male|female`. */
export function sexOption(ctx: CliContext, name: string): Sex | undefined {
  const value = ctx.option(name);
  if (value === undefined || value === 'male' || value === 'female') return value;
  throw new UsageError('cli.badSex', { value });
}

/** An option whose value must be one of `allowed` (`fallback` when not given). */
export function choiceOption<T extends string>(
  ctx: CliContext,
  name: string,
  allowed: readonly T[],
  fallback: T | undefined,
  refusal: (value: string) => UsageError,
): T {
  const value = ctx.option(name) ?? fallback ?? '';
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw refusal(value);
  return found;
}

/** A positive integer option (`--version 2`, `--sequence 1`), or undefined when not given. */
export function countOption(ctx: CliContext, name: string, refusal: (value: string) => UsageError): number | undefined {
  const value = ctx.option(name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw refusal(value);
  return n;
}
