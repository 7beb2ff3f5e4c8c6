/**
 * Turning scanner input reports into scans (DESIGN.md §7). HID POS reports are reassembled first and
 * decoded as UTF-8 once, because a multi-byte letter may be cut between two reports; a scan whose
 * next report does not come in time is incomplete. Keyboard-mode boot reports are read with the US
 * layout and end at Enter.
 */

export interface Scan {
  readonly text: string;
  readonly complete: boolean;
}

export type ScanFormat = 'hidpos' | 'hidpos-newland' | 'keyboard' | 'serial';
export const SCAN_FORMATS: readonly ScanFormat[] = ['hidpos', 'hidpos-newland', 'keyboard', 'serial'];

/** A scan still waiting for its next report after this long is incomplete. */
export const REPORT_GAP_MS = 300;
/** A virtual COM scanner set without a suffix ends its frame by falling silent this long. */
export const SERIAL_IDLE_MS = 100;

export interface ScanDecoder {
  /** Feeds one input report; returns the scans it completed (or found incomplete). */
  push(report: Uint8Array, atMs: number): Scan[];
  /** Ends the input (or the wait): a scan still open is returned as incomplete. */
  flush(): Scan[];
  /** Called by a live transport's timer: what the silence since the last report has ended. */
  expire(nowMs: number): Scan[];
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

interface ReportLayout {
  /** Where this report's data starts, and how many bytes of it there are. */
  data(report: Uint8Array): { start: number; length: number } | null;
  /** Whether another report of the same scan follows. */
  more(report: Uint8Array): boolean;
}

const REPORT_ID = 0x02;

/** Honeywell-style: [0x02, n, ']', c, m, data(56), codeId, 0, more]. */
const HONEYWELL: ReportLayout = {
  data: (r) => (r.length >= 64 && r[0] === REPORT_ID ? { start: 5, length: Math.min(r[1]!, 56) } : null),
  more: (r) => (r[63]! & 1) === 1,
};

/** Newland-style: [0x02, n, data(56), 4 reserved, symbology, more]. */
const NEWLAND: ReportLayout = {
  data: (r) => (r.length >= 64 && r[0] === REPORT_ID ? { start: 2, length: Math.min(r[1]!, 56) } : null),
  more: (r) => (r[63]! & 1) === 1,
};

function hidPosDecoder(layout: ReportLayout, gapMs: number): ScanDecoder {
  let parts: Uint8Array[] = [];
  let lastAt = 0;
  const take = (complete: boolean): Scan[] => {
    if (parts.length === 0) return [];
    const length = parts.reduce((n, p) => n + p.length, 0);
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const p of parts) {
      bytes.set(p, offset);
      offset += p.length;
    }
    parts = [];
    return [{ text: utf8.decode(bytes).normalize('NFC'), complete }];
  };
  return {
    push(report, atMs) {
      const out: Scan[] = [];
      // The previous scan's next report never came: it is incomplete.
      if (parts.length > 0 && atMs - lastAt > gapMs) out.push(...take(false));
      const data = layout.data(report);
      if (data === null) return out;
      parts.push(report.slice(data.start, data.start + data.length));
      lastAt = atMs;
      if (!layout.more(report)) out.push(...take(true));
      return out;
    },
    flush: () => take(false),
    expire: (nowMs) => (parts.length > 0 && nowMs - lastAt > gapMs ? take(false) : []),
  };
}

// USB HID usage IDs of the US layout: [unshifted, shifted].
const KEYS: Readonly<Record<number, readonly [string, string]>> = (() => {
  const map: Record<number, readonly [string, string]> = {};
  for (let i = 0; i < 26; i++) map[0x04 + i] = [String.fromCharCode(97 + i), String.fromCharCode(65 + i)];
  const digits = '1234567890';
  const shifted = '!@#$%^&*()';
  for (let i = 0; i < 10; i++) map[0x1e + i] = [digits[i]!, shifted[i]!];
  const others: [number, string, string][] = [
    [0x2c, ' ', ' '],
    [0x2d, '-', '_'],
    [0x2e, '=', '+'],
    [0x2f, '[', '{'],
    [0x30, ']', '}'],
    [0x31, '\\', '|'],
    [0x33, ';', ':'],
    [0x34, "'", '"'],
    [0x35, '`', '~'],
    [0x36, ',', '<'],
    [0x37, '.', '>'],
    [0x38, '/', '?'],
    [0x2b, '\t', '\t'],
  ];
  for (const [code, plain, shift] of others) map[code] = [plain, shift];
  return map;
})();
const ENTER = [0x28, 0x58];
const SHIFT = 0x02 | 0x20;

function keyboardDecoder(): ScanDecoder {
  let text = '';
  let held = new Set<number>();
  return {
    push(report) {
      if (report.length < 8) return [];
      const shift = (report[0]! & SHIFT) !== 0;
      const pressed = new Set<number>();
      const out: Scan[] = [];
      for (const code of report.slice(2, 8)) {
        if (code === 0) continue;
        pressed.add(code);
        if (held.has(code)) continue;
        if (ENTER.includes(code)) {
          out.push({ text, complete: true });
          text = '';
        } else {
          const key = KEYS[code];
          if (key) text += shift ? key[1] : key[0];
        }
      }
      held = pressed;
      return out;
    },
    flush() {
      const out = text === '' ? [] : [{ text, complete: false }];
      text = '';
      return out;
    },
    // A person may pause mid-scan on a keyboard; only Enter ends a keyboard-mode scan.
    expire: () => [],
  };
}

/**
 * USB virtual COM: a byte stream. A frame ends at the scanner's suffix (CR, LF or CR LF) or, for a
 * scanner set without one, when the line falls silent; bytes are decoded as UTF-8 per frame.
 */
function serialDecoder(idleMs: number): ScanDecoder {
  let bytes: number[] = [];
  let lastAt = 0;
  const take = (): Scan[] => {
    if (bytes.length === 0) return [];
    const text = utf8.decode(Uint8Array.from(bytes)).normalize('NFC');
    bytes = [];
    return text.trim() === '' ? [] : [{ text, complete: true }];
  };
  return {
    push(chunk, atMs) {
      const out: Scan[] = [];
      if (bytes.length > 0 && atMs - lastAt > idleMs) out.push(...take());
      lastAt = atMs;
      for (const byte of chunk) {
        if (byte === 0x0d || byte === 0x0a) out.push(...take());
        else bytes.push(byte);
      }
      return out;
    },
    flush: () => take(),
    expire: (nowMs) => (bytes.length > 0 && nowMs - lastAt > idleMs ? take() : []),
  };
}

/** A decoder for one of the supported report formats. */
export function createScanDecoder(format: ScanFormat, gapMs = REPORT_GAP_MS): ScanDecoder {
  switch (format) {
    case 'hidpos':
      return hidPosDecoder(HONEYWELL, gapMs);
    case 'hidpos-newland':
      return hidPosDecoder(NEWLAND, gapMs);
    case 'keyboard':
      return keyboardDecoder();
    case 'serial':
      return serialDecoder(SERIAL_IDLE_MS);
  }
}

/** Decodes a whole sequence of reports, as a replay of a capture. */
export function decodeReports(reports: readonly { atMs: number; bytes: Uint8Array }[], format: ScanFormat): Scan[] {
  const decoder = createScanDecoder(format);
  const scans = reports.flatMap((r) => decoder.push(r.bytes, r.atMs));
  return [...scans, ...decoder.flush()];
}
