/**
 * The scanner the officer chose, read in the background: its reports are decoded into scans and
 * queued, and the screens ask for the scans after the last one they saw (a long poll that works the
 * same through Electron's IPC and the web host). The demo mode plays scans through the same path.
 */
import type { ChipScan, ScanEvent, ScannerChoice, ScannerStatus } from '../../shared/api-contract';
import { createScanDecoder } from '../../shared/scanner/decoders';
import { hidPosReports } from '../../shared/scanner/encode';
import { hidPosTransport, type HidModule } from './hid-transport';
import { replayTransport } from './replay-transport';
import { serialTransport, type SerialModule } from './serial-transport';
import type { ScannerTransport } from './transport';

/** How many scans are kept for screens that ask late. */
const KEPT = 50;
/** How often a live transport's silence is checked (an incomplete HID POS scan, a COM frame without suffix). */
const EXPIRE_EVERY_MS = 50;
/** Newland's USB vendor ID: its HID POS reports carry no AIM prefix. */
const NEWLAND_VENDOR = 0x1eab;

export interface ScannerServiceDeps {
  readonly hid: HidModule;
  readonly serial: SerialModule;
  readonly clock: () => Date;
  /** Logs a transport failure (never a scan's content). */
  readonly onError: (error: unknown) => void;
}

export class ScannerService {
  private events: ScanEvent[] = [];
  private seq = 0;
  private waiters = new Set<() => void>();
  private live: { transport: ScannerTransport; timer: ReturnType<typeof setInterval> } | null = null;
  private status: ScannerStatus = { source: 'none', state: 'off', name: null };
  private choice: ScannerChoice | null = null;
  private started = false;

  constructor(private readonly deps: ScannerServiceDeps) {}

  /** Remembers which scanner to read; reading starts when a screen first asks for scans. */
  choose(choice: ScannerChoice | null): void {
    this.choice = choice;
    if (this.started) this.restart();
  }

  /** Scans after `after` (a sequence number), waiting up to `waitMs` for one to come. */
  async next(after: number, waitMs: number): Promise<{ scans: ScanEvent[]; status: ScannerStatus }> {
    if (!this.started) {
      this.started = true;
      this.restart();
    }
    const pending = () => this.events.filter((e) => e.seq > after);
    if (pending().length === 0 && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        this.waiters.add(done);
      });
    }
    return { scans: pending(), status: this.status };
  }

  /** The latest sequence number: a screen opened now starts from here. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Plays a card's QR text as a Honeywell HID POS scanner would send it, through the replay transport. */
  async playDemo(qrText: string): Promise<void> {
    await this.read(replayTransport(hidPosReports(qrText, 'honeywell'), 'hidpos', true), 'demo');
  }

  /** Queues what the chip reader's background reading says, like a scan, so the lookup desk opens. */
  publishChip(chip: ChipScan): void {
    this.events.push({ seq: ++this.seq, at: this.deps.clock().toISOString(), text: '', complete: true, source: 'chip', chip });
    this.events = this.events.slice(-KEPT);
    this.wakeAll();
  }

  close(): void {
    this.stopLive();
    this.started = false;
    for (const wake of [...this.waiters]) wake();
  }

  private restart(): void {
    this.stopLive();
    const choice = this.choice;
    if (choice === null) {
      this.setStatus({ source: 'none', state: 'off', name: null });
      return;
    }
    const onState = (state: 'open' | 'waiting') => this.setStatus({ source: choice.kind, state, name: choice.name });
    const now = () => this.deps.clock().getTime();
    const transport =
      choice.kind === 'hid'
        ? hidPosTransport(this.deps.hid, {
            vendorId: choice.vendorId,
            productId: choice.productId,
            format: choice.vendorId === NEWLAND_VENDOR ? 'hidpos-newland' : 'hidpos',
            now,
            onState,
          })
        : serialTransport(this.deps.serial, { path: choice.path, baudRate: choice.baudRate, now, onState });
    this.setStatus({ source: choice.kind, state: 'waiting', name: choice.name });
    const decoder = createScanDecoder(transport.format);
    const timer = setInterval(() => this.publish(decoder.expire(now()), choice.kind), EXPIRE_EVERY_MS);
    this.live = { transport, timer };
    transport
      .start((report, atMs) => this.publish(decoder.push(report, atMs), choice.kind))
      .catch((error: unknown) => this.deps.onError(error))
      .finally(() => clearInterval(timer));
  }

  private stopLive(): void {
    if (!this.live) return;
    clearInterval(this.live.timer);
    this.live.transport.close();
    this.live = null;
  }

  private async read(transport: ScannerTransport, source: ScanEvent['source']): Promise<void> {
    const decoder = createScanDecoder(transport.format);
    await transport.start((report, atMs) => this.publish(decoder.push(report, atMs), source));
    this.publish(decoder.flush(), source);
  }

  private publish(scans: readonly { text: string; complete: boolean }[], source: ScanEvent['source']): void {
    if (scans.length === 0) return;
    const at = this.deps.clock().toISOString();
    for (const scan of scans) this.events.push({ seq: ++this.seq, at, text: scan.text, complete: scan.complete, source });
    this.events = this.events.slice(-KEPT);
    this.wakeAll();
  }

  private setStatus(status: ScannerStatus): void {
    const changed =
      status.state !== this.status.state || status.source !== this.status.source || status.name !== this.status.name;
    this.status = status;
    if (changed) this.wakeAll();
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
