import { randomUUID } from 'node:crypto';
import type { ApiError, JobPhase, JobResult, JobStatus } from '../../shared/api-contract';
import { translate, type Locale } from '../../shared/i18n';
import type { Problem } from '../../shared/result';

export interface JobControl {
  readonly setPhase: (phase: JobPhase) => void;
  /** How far the phase has come (an import: bytes of the file read, of its size). */
  readonly setProgress: (done: number, total: number) => void;
  readonly isCancelled: () => boolean;
}

export type JobOutcome = { ok: true; value: JobResult | 'cancelled' } | { ok: false; error: ApiError };
export type JobWork = (control: JobControl) => Promise<JobOutcome>;

/** A job that ended on an expected problem: the user's message, in their language. */
export function jobProblem(locale: Locale, problem: Problem): JobOutcome {
  return { ok: false, error: { type: 'user', message: translate(locale, problem.key, problem.params) } };
}

/** Long-running work (imports) tracked by id, so any host can poll progress and cancel. */
export class JobRegistry {
  private readonly jobs = new Map<string, { status: JobStatus; cancelled: boolean }>();

  /** `onCrash` turns an unexpected exception into the error the user sees (and logs it). */
  constructor(private readonly onCrash: (error: unknown) => ApiError) {}

  /** Starts `work` on the next turn of the event loop and returns its id at once. */
  start(work: JobWork): string {
    const id = randomUUID();
    const job = { status: { state: 'running', phase: 'read', done: 0, total: 0 } as JobStatus, cancelled: false };
    this.jobs.set(id, job);
    const control: JobControl = {
      setPhase: (phase) => {
        if (job.status.state === 'running') job.status = { state: 'running', phase, done: 0, total: 0 };
      },
      setProgress: (done, total) => {
        if (job.status.state === 'running') job.status = { ...job.status, done, total };
      },
      isCancelled: () => job.cancelled,
    };
    setImmediate(() => {
      work(control)
        .then((outcome) => {
          if (!outcome.ok) job.status = { state: 'failed', error: outcome.error };
          else if (outcome.value === 'cancelled') job.status = { state: 'cancelled' };
          else job.status = { state: 'done', result: outcome.value };
        })
        .catch((error: unknown) => {
          job.status = { state: 'failed', error: this.onCrash(error) };
        });
    });
    return id;
  }

  status(id: string): JobStatus | null {
    return this.jobs.get(id)?.status ?? null;
  }

  /** Whether any job is still running (a restore waits for none). */
  running(): boolean {
    return [...this.jobs.values()].some((job) => job.status.state === 'running');
  }

  /** Asks a running job to stop at its next checkpoint; nothing it would have written is kept. */
  cancel(id: string): JobStatus | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    if (job.status.state === 'running') job.cancelled = true;
    return job.status;
  }
}
