import { api } from './client';
import type { Page } from './types';

/** The kinds of the server's institutions table. */
export const INSTITUTION_KINDS = [
  'rehab_center',
  'hospital',
  'special_school',
  'care_home',
  'device_center',
  'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export type Institution = {
  id: string;
  name: string;
  kind: InstitutionKind;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  phone: string | null;
  capacity: number | null;
  openPlacements: number;
  /** Capacity less open placements; null without a capacity. */
  availablePlaces: number | null;
  /** Programme codes the institution is designated for. */
  programs: string[];
  agreementFrom: string | null;
  agreementUntil: string | null;
  active: boolean;
  version: number;
  createdAt: string;
};

export type InstitutionFilters = {
  q?: string;
  programCode?: string;
  kind?: InstitutionKind;
  active?: 'true' | 'false';
};

export type InstitutionInput = {
  name: string;
  kind: InstitutionKind;
  regionCode: string;
  address?: string | null;
  phone?: string | null;
  capacity?: number | null;
  programs: string[];
  agreementFrom?: string | null;
  agreementUntil?: string | null;
};

export type InstitutionChanges = Partial<InstitutionInput> & { version: number; active?: boolean };

const institutionPath = (id: string) => `/api/institutions/${encodeURIComponent(id)}`;

export const listInstitutions = (query: InstitutionFilters & { page: number; pageSize: number }) =>
  api.get<Page<Institution>>('/api/institutions', query);
export const getInstitution = (id: string) => api.get<Institution>(institutionPath(id));
export const createInstitution = (input: InstitutionInput) => api.post<Institution>('/api/institutions', input);
export const updateInstitution = (id: string, changes: InstitutionChanges) =>
  api.patch<Institution>(institutionPath(id), changes);
