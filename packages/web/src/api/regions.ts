import { api } from './client';
import type { RegionDetail, RegionNode } from './types';

export type NewRegion = { code: string; name: string; parentCode: string | null };

export const REGION_TEMPLATE_URL = '/api/regions/import/template.xlsx';

export const listRootRegions = () => api.get<RegionNode[]>('/api/regions/roots');
export const listChildRegions = (code: string) =>
  api.get<RegionNode[]>(`/api/regions/${encodeURIComponent(code)}/children`);
export const getRegion = (code: string) => api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`);
export const createRegion = (region: NewRegion) => api.post<RegionNode>('/api/regions', region);

export function importRegions(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<{ jobId: string }>('/api/regions/import', form);
}
