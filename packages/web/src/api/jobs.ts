import { api } from './client';
import type { Job } from './types';

export const getJob = <R>(id: string) => api.get<Job<R>>(`/api/jobs/${encodeURIComponent(id)}`);

export const isJobFinished = (job: Job<unknown> | undefined) => job?.status === 'succeeded' || job?.status === 'failed';
