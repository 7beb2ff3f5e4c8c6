/** The human-readable output shared by several commands (with --json, the value itself is printed). */
import type { CliContext } from './command';

/** Label–value lines. */
export function describe(rows: readonly (readonly [string, string])[]): string {
  return rows.map(([label, value]) => `${label}: ${value}`).join('\n');
}

/** A summary line followed by one indented line per refused row. */
export function withRowErrors(ctx: CliContext, summary: string, errors: readonly { row: number; message: string }[]): string {
  return [summary, ...errors.map((e) => `  ${ctx.text('col.row')} ${e.row}: ${e.message}`)].join('\n');
}
