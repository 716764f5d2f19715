import type {
  CertificateStatus,
  DisabilityCategory,
  DisabilityComponent,
  DisabilityGrade,
  NeedKind,
  PersonStatus,
  RegionLevel,
  Role,
} from '@huican/core';

// Roles, disability categories and grades, person statuses, need kinds and region levels are @huican/core's.

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

/** A user as the users screen lists them: who they are (as in a session) and the state of their account. */
export type UserAccount = SessionUser & {
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
};

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

// Registry (一人一档)

export const PERSON_FLAGS = ['lowIncome', 'extremePoverty', 'povertyMonitored'] as const;
export type PersonFlag = (typeof PERSON_FLAGS)[number];
export type PersonFlags = Record<PersonFlag, boolean>;

export const CERTIFICATE_STATUSES = [
  'valid',
  'expiring',
  'expired',
  'frozen',
  'cancelled',
] as const satisfies readonly CertificateStatus[];
/** The list filter also knows persons without any certificate. */
export const CERTIFICATE_FILTERS = [...CERTIFICATE_STATUSES, 'none'] as const;
export type CertificateFilter = (typeof CERTIFICATE_FILTERS)[number];

export const SURVEY_METHODS = ['home_visit', 'phone', 'other'] as const;
export type SurveyMethod = (typeof SURVEY_METHODS)[number];

export type Gender = 'male' | 'female';

export type Guardian = { name: string; relation: string; phone: string | null; idNumber: string | null };

export type PersonCertificate = {
  number: string;
  category: DisabilityCategory;
  grade: DisabilityGrade;
  components: DisabilityComponent[];
  issuedOn: string | null;
  validUntil: string;
  status: CertificateStatus;
};

export type Person = {
  id: string;
  name: string;
  idNumber: string;
  gender: Gender;
  birthDate: string;
  age: number;
  regionCode: string;
  regionName: string | null;
  phone: string | null;
  address: string | null;
  flags: PersonFlags;
  guardian: Guardian | null;
  status: PersonStatus;
  statusDate: string | null;
  statusReason: string | null;
  certificate: PersonCertificate | null;
  household: { id: string; relation: string | null; memberCount: number | null } | null;
  /** True when ID numbers and phones come masked for this user's role. */
  masked: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export const CERTIFICATE_ACTIONS = ['issue', 'renew', 'change', 'reissue', 'freeze', 'unfreeze', 'cancel'] as const;
export type CertificateAction = (typeof CERTIFICATE_ACTIONS)[number];

export type CertificateRecord = {
  id: string;
  number: string;
  category: DisabilityCategory;
  grade: DisabilityGrade;
  components: DisabilityComponent[];
  issuedOn: string | null;
  validUntil: string | null;
  /** What created this certificate (issue, renew, change, reissue…). */
  event: string;
  current: boolean;
  endedOn: string | null;
  endReason: string | null;
};

export type HistoryEntry = {
  at: string;
  actorUsername: string | null;
  action: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  details: Record<string, unknown> | null;
};

export type HouseholdMember = {
  personId: string;
  name: string;
  relation: string;
  category: DisabilityCategory | null;
  grade: DisabilityGrade | null;
  status: PersonStatus;
};

export type Household = {
  id: string;
  regionCode: string;
  address: string | null;
  members: HouseholdMember[];
  multiDisabled: boolean;
  version: number;
};

export type NeedSurvey = {
  id: string;
  personId: string;
  year: number;
  method: SurveyMethod | null;
  identityChecked: boolean;
  surveyedOn: string | null;
  /** The needs found: kinds, or records carrying a kind. */
  needs: (NeedKind | { kind: NeedKind })[];
  note: string | null;
};

export type ServiceRecord = {
  id: string;
  personId: string;
  year: number;
  kind: NeedKind;
  date: string;
  provider: string | null;
  note: string | null;
};

export type ExpiringCertificate = {
  personId: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  certificateNumber: string;
  validUntil: string;
  daysLeft: number;
};

export type RegionCount = { regionCode: string; regionName: string | null; count: number };

export type ExpiringCertificates = Page<ExpiringCertificate> & { byRegion: RegionCount[] };

export type SurveyProgressRow = {
  regionCode: string;
  regionName: string | null;
  active: number;
  surveyed: number;
  /** Percent with 2 decimals. */
  rate: number | string;
};

export type SurveyProgress = {
  year: number;
  regionCode: string;
  rows: SurveyProgressRow[];
  total: { active: number; surveyed: number; rate: number | string };
};

export type ImportMode = 'strict' | 'lenient';

export type PersonImportResult = {
  imported: number;
  rejected: number;
  errors: RowError[];
  errorCount: number;
  errorReportUrl: string | null;
};
