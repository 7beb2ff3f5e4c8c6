/**
 * Scanner capture files (DESIGN.md §7): one input report per line, milliseconds since the capture
 * began, a space, then the report's bytes in hex as node-hid delivers them (report ID first).
 */

export interface CapturedReport {
  readonly atMs: number;
  readonly bytes: Uint8Array;
}

export type CaptureParse =
  { readonly ok: true; readonly reports: readonly CapturedReport[] } | { readonly ok: false; readonly line: number };

/** Parses a capture; blank lines and `#` comments are skipped; a malformed line is reported by number. */
export function parseCapture(text: string): CaptureParse {
  const reports: CapturedReport[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [time, ...hex] = line.split(/\s+/);
    if (!/^\d+$/.test(time!) || hex.length === 0 || !hex.every((h) => /^[0-9a-fA-F]{2}$/.test(h)))
      return { ok: false, line: i + 1 };
    reports.push({ atMs: Number(time), bytes: Uint8Array.from(hex.map((h) => parseInt(h, 16))) });
  }
  return { ok: true, reports };
}
