import { createContext, useContext, useEffect, useEffectEvent, useState } from 'react';
import type { ChipScan, ScanEvent, ScannerStatus } from '../../shared/api-contract';
import { isScannerBurst, SCANNER_KEY_GAP_MS } from '../../shared/scanner/keyboard-burst';
import { api } from '../api/client';
import { reportError } from '../data/errors';

export interface IncomingScan {
  readonly text: string;
  readonly complete: boolean;
  readonly source: ScanEvent['source'] | 'keyboard';
  /** What the chip reader's background reading says (source 'chip'). */
  readonly chip?: ChipScan | undefined;
}

/** How long one `scanner-next` call waits for a scan before asking again. */
const WAIT_MS = 20_000;
/** A pause longer than this starts a new keystroke burst. */
const BURST_RESET_MS = 300;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Scans from anywhere in the app: those the chosen scanner (HID POS, virtual COM) or the demo mode
 * delivers through main, and keyboard-mode scans typed while no text box has the focus (a burst of
 * keystrokes faster than a person types, ending in Enter). Keys of a burst are kept from the page's
 * own shortcuts. Returns the chosen scanner's status.
 */
export function useScanner(onScan: (scan: IncomingScan) => void): ScannerStatus | null {
  const emit = useEffectEvent(onScan);
  const [status, setStatus] = useState<ScannerStatus | null>(null);

  useEffect(() => {
    let stopped = false;
    void (async () => {
      // Scans read before this screen opened are not this screen's.
      const first = await api['scanner-next']({ after: 0, waitMs: 0 });
      let after = first.ok ? Math.max(0, ...first.value.scans.map((s) => s.seq)) : 0;
      if (first.ok) setStatus(first.value.status);
      // A failing poll is shown once, not every two seconds while it keeps failing.
      let failing = !first.ok;
      if (!first.ok && !stopped) reportError(first.error);
      while (!stopped) {
        const response = await api['scanner-next']({ after, waitMs: WAIT_MS });
        if (stopped) return;
        if (!response.ok) {
          if (!failing) reportError(response.error);
          failing = true;
          await new Promise((resolve) => setTimeout(resolve, 2000));
          continue;
        }
        failing = false;
        setStatus(response.value.status);
        for (const scan of response.value.scans) {
          after = Math.max(after, scan.seq);
          emit({ text: scan.text, complete: scan.complete, source: scan.source, chip: scan.chip });
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, []);

  useEffect(() => {
    let keys = '';
    let times: number[] = [];
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target) || event.ctrlKey || event.altKey || event.metaKey) return;
      const now = performance.now();
      const previous = times[times.length - 1];
      if (previous !== undefined && now - previous > BURST_RESET_MS) {
        keys = '';
        times = [];
      }
      if (event.key === 'Enter') {
        if (isScannerBurst(times)) {
          event.preventDefault();
          event.stopPropagation();
          emit({ text: keys, complete: true, source: 'keyboard' });
        }
        keys = '';
        times = [];
        return;
      }
      if (event.key.length !== 1) return;
      // A key hard on the heels of the last one is a scanner's: it must not trigger a shortcut.
      if (previous !== undefined && now - previous < SCANNER_KEY_GAP_MS) {
        event.preventDefault();
        event.stopPropagation();
      }
      keys += event.key;
      times.push(now);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return status;
}

type ScanListener = (scan: IncomingScan) => void;

/**
 * Hands each scan to the screen that takes scans (lookup, devices). With no such screen open, the
 * scan waits and `onUnclaimed` opens the lookup screen, which takes it when it subscribes (a chip
 * read waits with the "reading" notice before it, so the screen shows both in turn).
 */
export class ScanRouter {
  private listener: ScanListener | null = null;
  private pending: IncomingScan[] = [];

  constructor(private readonly onUnclaimed: () => void) {}

  deliver(scan: IncomingScan): void {
    if (this.listener) {
      this.listener(scan);
      return;
    }
    // A chip's "reading…" and its outcome belong together; any other scan replaces what waits.
    this.pending = scan.source === 'chip' && this.pending.every((p) => p.source === 'chip') ? [...this.pending, scan] : [scan];
    this.onUnclaimed();
  }

  subscribe(listener: ScanListener): () => void {
    this.listener = listener;
    const waiting = this.pending;
    this.pending = [];
    if (waiting.length > 0) queueMicrotask(() => waiting.forEach((scan) => listener(scan)));
    return () => {
      if (this.listener === listener) this.listener = null;
    };
  }
}

export const ScanRouterContext = createContext<ScanRouter | null>(null);

/** Takes the scans while the calling screen is open. */
export function useScans(handler: ScanListener): void {
  const router = useContext(ScanRouterContext);
  const onScan = useEffectEvent(handler);
  useEffect(() => router?.subscribe((scan) => onScan(scan)), [router]);
}
