export const ROLES = ['admin', 'officer', 'finance', 'township', 'village', 'institution', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The region code that stands for the whole database rather than one place. */
export const ALL_REGIONS_CODE = '000000000000';

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
};

export type Page<T> = {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
};

export type UserAccount = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
};

export type RegionLevel = 'county' | 'township' | 'village';

export type RegionNode = {
  code: string;
  name: string;
  level: RegionLevel;
  childCount: number;
};

export type RegionDetail = {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  path: { code: string; name: string; level: RegionLevel }[];
};

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export type Job<R> = {
  id: string;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number };
  result: R | null;
  error: string | null;
};

export type RowError = { row: number; field: string; message: string };

export type RegionImportResult = {
  imported: number;
  updated: number;
  rejected: number;
  errors: RowError[];
};

export type AuditEntry = {
  id: string;
  at: string;
  actorUsername: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  regionCode: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
};
