import type { JOBS_CHANNELS } from '../../../shared/api/jobs';
import { fail, ok } from '../../../shared/result';
import type { ApiContext, DomainHandlers } from '../context';

export function jobsHandlers(ctx: ApiContext): DomainHandlers<typeof JOBS_CHANNELS> {
  return {
    'job-status': ({ jobId }) => {
      const status = ctx.jobs.status(jobId);
      return status ? ok(status) : fail('job.notFound');
    },
    'job-cancel': ({ jobId }) => {
      const status = ctx.jobs.cancel(jobId);
      return status ? ok(status) : fail('job.notFound');
    },
  };
}
