import { api } from './client';
import type { SurveyProgress } from './types';

export type SurveyProgressQuery = { year: number; regionCode?: string };

/** 动态更新: how many active persons of each child region have this year's survey. */
export const getSurveyProgress = (query: SurveyProgressQuery) =>
  api.get<SurveyProgress>('/api/surveys/progress', query);
