import type { ApiError, JobPhase, JobResult } from '../../shared/api-contract';
import { api } from './client';

export type JobEnd =
  | { readonly state: 'done'; readonly result: JobResult }
  | { readonly state: 'failed'; readonly error: ApiError }
  | { readonly state: 'cancelled' };

const POLL_MS = 250;

/** Follows a job until it ends, reporting each phase it enters. */
export async function followJob(jobId: string, onPhase: (phase: JobPhase) => void): Promise<JobEnd> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const response = await api['job-status']({ jobId });
    if (!response.ok) return { state: 'failed', error: response.error };
    const status = response.value;
    if (status.state === 'running') onPhase(status.phase);
    else return status;
  }
}
