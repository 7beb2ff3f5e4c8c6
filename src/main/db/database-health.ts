/**
 * What the app knows of its database file's soundness (issue 18). The file opens without a
 * whole-file check; the quick check runs in a worker once the first screen is up, the full check
 * after each backup. A damaged file — found by a check, or by a query SQLite refused as malformed —
 * makes the app read-only (dispatch refuses every channel that writes) until a backup is restored,
 * which reopens the app with a fresh state.
 */
import type { DatabaseHealthState } from '../../shared/api-contract';
import type { Logger } from '../log/logger';
import { checkInBackground, type BackgroundCheck, type CheckMode } from './integrity';

/** How long after opening the quick check starts: the first screen's queries go first. */
export const QUICK_CHECK_DELAY_MS = 2_000;

export class DatabaseHealth {
  private current: DatabaseHealthState;
  private found: string | null = null;
  private running: BackgroundCheck | null = null;
  private quick: Promise<DatabaseHealthState> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly key: string | null,
    private readonly logger: Logger,
  ) {
    // An in-memory database has no file to damage.
    this.current = file === ':memory:' ? 'ok' : 'unchecked';
  }

  get state(): DatabaseHealthState {
    return this.current;
  }

  /** SQLite's first lines about the damage, or null. */
  get detail(): string | null {
    return this.found;
  }

  /** Whether writing is refused: the file is damaged. */
  get readOnly(): boolean {
    return this.current === 'damaged';
  }

  /** Starts the quick check after `delayMs` (without keeping the process alive). */
  scheduleQuickCheck(delayMs = QUICK_CHECK_DELAY_MS): void {
    if (this.timer !== null || this.current !== 'unchecked') return;
    this.timer = setTimeout(() => void this.quickCheck(), delayMs);
    this.timer.unref?.();
  }

  /** The quick check, run once per open (in a worker); resolves with the state after it. */
  quickCheck(): Promise<DatabaseHealthState> {
    this.quick ??= this.check('quick');
    return this.quick;
  }

  /** Runs a check in a worker after any other in progress; resolves with the state after it. */
  check(mode: CheckMode): Promise<DatabaseHealthState> {
    const next = this.queue.then(() => this.run(mode));
    this.queue = next;
    return next;
  }

  /** A query found the file damaged (SQLite said it is malformed). */
  markDamaged(detail: string): void {
    if (this.current === 'damaged') return;
    this.current = 'damaged';
    this.found = detail.slice(0, 500);
    this.logger.info('db-damaged', { source: 'query' });
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.running?.cancel();
  }

  private async run(mode: CheckMode): Promise<DatabaseHealthState> {
    if (this.closed || this.file === ':memory:' || this.current === 'damaged') return this.current;
    const before = this.current;
    if (before === 'unchecked') this.current = 'checking';
    const started = Date.now();
    this.running = checkInBackground(this.file, this.key, mode);
    const outcome = await this.running.outcome;
    this.running = null;
    if (this.closed) return this.current;
    if (outcome.kind === 'ok') {
      if (this.current === 'checking') this.current = 'ok';
      this.logger.info('db-check', { mode, ms: Date.now() - started });
    } else if (outcome.kind === 'damaged') {
      this.current = 'damaged';
      this.found = outcome.detail;
      this.logger.info('db-damaged', { source: mode });
    } else {
      // The check could not run (not a verdict on the file): said in the log, tried again next start.
      if (this.current === 'checking') this.current = before;
      this.logger.error(`db-check ${mode}`, new Error(outcome.detail));
    }
    return this.current;
  }
}
