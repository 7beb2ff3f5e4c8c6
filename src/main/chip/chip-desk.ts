/**
 * The chip reader at the desk, read like a scanner (issue 20). Once a screen first asks for scans,
 * the watched reader (the chosen one, else every reader) is looked at a few times a second; a card
 * placed on it is read in the background with the key the desk last gave — the QR code or MRZ
 * scanned at the lookup desk, or numbers typed there — and what happens goes through the scan queue
 * (reading, read, failed, waiting for a key). Reads stay in memory a few minutes for the lookup desk
 * to fetch; nothing of them is logged or stored here.
 */
import type { ChipScan } from '../../shared/api/chip';
import type { KeySource } from '../../shared/chip/bac-key';
import type { ChipRead } from '../../shared/chip/chip-read';
import type { Result } from '../../shared/result';
import type { ChipService } from './chip-service';

/** A key belongs to the person at the desk now: it goes after this long, or once a card opened with it. */
export const KEY_KEPT_MS = 5 * 60_000;
/** How long a read stays for the lookup desk (and a later QR scan of the same card) to use. */
export const READ_KEPT_MS = 10 * 60_000;
const READS_KEPT = 5;
const POLL_MS = 400;
/** Without PC/SC (no library, no service) look again this much later. */
const RETRY_MS = 5_000;

/** A card read at the desk, with the key that opened it. */
export interface KeptRead {
  readonly read: ChipRead;
  readonly key: KeySource;
  readonly at: number;
}

export interface ChipDeskDeps {
  readonly service: ChipService;
  /** Queues what happened (the scanner service's queue). */
  readonly publish: (chip: ChipScan) => void;
  readonly clock: () => Date;
  /** Someone is signed in at this computer: no card is read otherwise. */
  readonly active: () => boolean;
  /** Logs an unexpected failure (never a card's content). */
  readonly onError: (error: unknown) => void;
  readonly pollMs?: number;
}

/** What became of the card on a reader (a reader without a card has none). */
type CardState = 'reading' | 'read' | 'failed' | 'waitingForKey';

export class ChipDesk {
  private key: { source: KeySource; at: number } | null = null;
  private reads = new Map<number, KeptRead>();
  private nextId = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private watching = false;
  private cards = new Map<string, CardState>();

  constructor(private readonly deps: ChipDeskDeps) {}

  /** The reader layer (the devices page, `chip-read`). */
  get service(): ChipService {
    return this.deps.service;
  }

  /** Starts watching the reader (once; later calls do nothing). */
  watch(): void {
    if (this.watching) return;
    this.watching = true;
    this.schedule(0);
  }

  /**
   * The key for the person at the desk: a card waiting for one (or refused with the last one) is read
   * with it now; otherwise the next card placed is. Says whether a read started.
   */
  offerKey(source: KeySource): boolean {
    this.key = { source, at: this.now() };
    let reading = false;
    for (const [reader, state] of this.cards) {
      if (state !== 'waitingForKey' && state !== 'failed') continue;
      void this.attempt(reader);
      reading = true;
    }
    return reading;
  }

  /** A read kept for the desk, unless it has gone. */
  kept(readId: number): KeptRead | null {
    this.expire();
    return this.reads.get(readId) ?? null;
  }

  /** The latest read of the card with this ID, if one is still kept (a QR scan of the same card compares with it). */
  keptFor(personalId: string): KeptRead | null {
    this.expire();
    const found = [...this.reads.values()].filter((r) => r.read.personalId === personalId);
    return found[found.length - 1] ?? null;
  }

  close(): void {
    this.watching = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.reads.clear();
    this.key = null;
  }

  private now(): number {
    return this.deps.clock().getTime();
  }

  private expire(): void {
    const now = this.now();
    for (const [id, kept] of this.reads) if (now - kept.at > READ_KEPT_MS) this.reads.delete(id);
    if (this.key !== null && now - this.key.at > KEY_KEPT_MS) this.key = null;
  }

  private schedule(ms: number): void {
    if (!this.watching) return;
    this.timer = setTimeout(() => void this.poll(), ms);
    this.timer.unref?.();
  }

  private async poll(): Promise<void> {
    let next = this.deps.pollMs ?? POLL_MS;
    try {
      const busy = [...this.cards.values()].includes('reading');
      if (this.deps.active() && !busy) {
        const slots = await this.deps.service.presence();
        if (slots.ok) this.track(slots.value);
        else {
          this.cards.clear();
          next = RETRY_MS;
        }
      }
    } catch (error) {
      this.deps.onError(error);
      next = RETRY_MS;
    }
    this.schedule(next);
  }

  /** A card newly on a reader is read; a reader whose card went forgets it. */
  private track(slots: readonly { reader: string; present: boolean }[]): void {
    const holding = new Set(slots.filter((s) => s.present).map((s) => s.reader));
    for (const reader of [...this.cards.keys()]) if (!holding.has(reader)) this.cards.delete(reader);
    for (const reader of holding) if (!this.cards.has(reader)) void this.attempt(reader);
  }

  private async attempt(reader: string): Promise<void> {
    this.expire();
    const key = this.key?.source ?? null;
    if (key === null) {
      this.cards.set(reader, 'waitingForKey');
      this.deps.publish({ state: 'needsKey', reader });
      return;
    }
    this.cards.set(reader, 'reading');
    this.deps.publish({ state: 'reading', reader });
    let outcome: Result<ChipRead>;
    try {
      outcome = await this.deps.service.read(key, reader);
    } catch (error) {
      this.deps.onError(error);
      outcome = { ok: false, problem: { key: 'common.internalError' } };
    }
    if (!outcome.ok) {
      this.cards.set(reader, 'failed');
      this.deps.publish({ state: 'failed', reader, problem: outcome.problem });
      return;
    }
    const readId = this.nextId++;
    this.reads.set(readId, { read: outcome.value, key, at: this.now() });
    for (const id of [...this.reads.keys()].slice(0, Math.max(0, this.reads.size - READS_KEPT))) this.reads.delete(id);
    // The key opened this card: the next card is another person's.
    if (this.key?.source === key) this.key = null;
    this.cards.set(reader, 'read');
    this.deps.publish({ state: 'read', reader, readId });
  }
}
