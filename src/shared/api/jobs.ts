/** Long work (an import) runs as a job the page follows and may cancel. */
import { z } from 'zod';
import { EVERYONE } from '../auth/roles';
import { channel, id, type ApiError } from './define';
import type { ListImportDone } from './lists';
import type { RegistryImportResult } from './registry';

export type JobPhase = 'read' | 'validate' | 'write' | 'check';

/** What a finished job produced: a registry import's counts, or a received and checked list. */
export type JobResult =
  | { readonly kind: 'registry'; readonly registry: RegistryImportResult }
  | { readonly kind: 'list'; readonly list: ListImportDone };

export type JobStatus =
  | { readonly state: 'running'; readonly phase: JobPhase; readonly done: number; readonly total: number }
  | { readonly state: 'done'; readonly result: JobResult }
  | { readonly state: 'failed'; readonly error: ApiError }
  | { readonly state: 'cancelled' };

const job = z.object({ jobId: id }).strict();

export const JOBS_CHANNELS = {
  'job-status': channel<JobStatus>()({ effect: 'reads', request: job, roles: EVERYONE }),
  // Stops a running job (an import): writes nothing itself, and is welcome on a damaged file.
  'job-cancel': channel<JobStatus>()({ effect: 'reads', request: job, roles: EVERYONE }),
} as const;
