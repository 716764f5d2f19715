import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Job } from './types';

const POLL_INTERVAL_MS = 1000;

export const getJob = <R>(id: string) => api.get<Job<R>>(`/api/jobs/${encodeURIComponent(id)}`);

export const isJobFinished = (job: Job<unknown> | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

/** Follows a job once a second until it ends or cannot be read; nothing while `jobId` is null. */
export function useJobPolling<R>(jobId: string | null) {
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => getJob<R>(jobId!),
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.status === 'error' || isJobFinished(query.state.data) ? false : POLL_INTERVAL_MS,
  });
}
