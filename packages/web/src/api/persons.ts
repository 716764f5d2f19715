import type { DisabilityCategory, DisabilityComponent, DisabilityGrade, NeedKind, PersonStatus } from '@huican/core';
import { api, withQuery } from './client';
import type {
  CertificateAction,
  CertificateFilter,
  CertificateRecord,
  ExpiringCertificates,
  HistoryEntry,
  NeedSurvey,
  Page,
  Person,
  PersonFlag,
  PersonFlags,
  ServiceRecord,
  SurveyMethod,
} from './types';

export const PERSON_SORTS = ['name', 'birthDate', 'createdAt', 'regionCode', 'validUntil'] as const;
export type PersonSortKey = (typeof PERSON_SORTS)[number];
export type PersonSort = PersonSortKey | `-${PersonSortKey}`;

/** The list's filters, exactly as the server reads them from the query string. */
export type PersonFilters = {
  q?: string;
  regionCode?: string;
  category?: DisabilityCategory;
  grade?: DisabilityGrade;
  status?: PersonStatus;
  flag?: PersonFlag;
  certStatus?: CertificateFilter;
  ageMin?: number;
  ageMax?: number;
  multiDisabledHousehold?: boolean;
  sort?: PersonSort;
};

export type PersonListQuery = PersonFilters & { page: number; pageSize: number };

export type GuardianInput = { name: string; relation: string; phone?: string | null; idNumber?: string | null };

export type NewPerson = {
  name: string;
  idNumber: string;
  regionCode: string;
  phone?: string | null;
  address?: string | null;
  flags?: Partial<PersonFlags>;
  guardian?: GuardianInput | null;
  certificate?: { number: string; issuedOn: string; components?: DisabilityComponent[] } | null;
};

export type PersonChanges = {
  version: number;
  name?: string;
  regionCode?: string;
  phone?: string | null;
  address?: string | null;
  flags?: Partial<PersonFlags>;
  guardian?: GuardianInput | null;
};

export type StatusChange = { status: PersonStatus; effectiveDate: string; reason?: string };

export type CertificateRequest = {
  action: CertificateAction;
  number?: string;
  issuedOn?: string;
  category?: DisabilityCategory;
  grade?: DisabilityGrade;
  components?: DisabilityComponent[];
  reason?: string;
};

export type NewNeedSurvey = {
  year: number;
  kinds: NeedKind[];
  method?: SurveyMethod;
  identityChecked?: boolean;
  surveyedOn?: string;
  note?: string;
  personStatus?: { status: 'deceased' | 'moved_out'; effectiveDate: string; reason?: string };
};

export type NewService = { year: number; kind: NeedKind; date: string; provider?: string; note?: string };

const personPath = (id: string) => `/api/persons/${encodeURIComponent(id)}`;

export const listPersons = (query: PersonListQuery, signal?: AbortSignal) =>
  api.get<Page<Person>>('/api/persons', query, signal);

/** The workbook of the persons matching `filters`: a plain link, so the browser downloads it as it streams. */
export const personsExportUrl = (filters: PersonFilters) => withQuery('/api/persons/export.xlsx', filters);

export const getPerson = (id: string) => api.get<Person>(personPath(id));
export const createPerson = (person: NewPerson) => api.post<Person>('/api/persons', person);
export const updatePerson = (id: string, changes: PersonChanges) => api.patch<Person>(personPath(id), changes);
export const changePersonStatus = (id: string, change: StatusChange) =>
  api.post<Person>(`${personPath(id)}/status`, change);
export const getPersonHistory = (id: string) => api.get<HistoryEntry[]>(`${personPath(id)}/history`);

export const listCertificates = (id: string) => api.get<CertificateRecord[]>(`${personPath(id)}/certificates`);
export const postCertificate = (id: string, body: CertificateRequest) =>
  api.post<Person>(`${personPath(id)}/certificate`, body);

export const listNeedSurveys = (id: string) => api.get<NeedSurvey[]>(`${personPath(id)}/needs`);
export const recordNeedSurvey = (id: string, survey: NewNeedSurvey) =>
  api.post<NeedSurvey>(`${personPath(id)}/needs`, survey);
export const listServices = (id: string) => api.get<ServiceRecord[]>(`${personPath(id)}/services`);
export const recordService = (id: string, service: NewService) =>
  api.post<ServiceRecord>(`${personPath(id)}/services`, service);

export type ExpiringQuery = { days: number; regionCode?: string; page: number; pageSize: number };
export const listExpiringCertificates = (query: ExpiringQuery) =>
  api.get<ExpiringCertificates>('/api/certificates/expiring', query);

/** One payment line of a person (GET /api/persons/{id}/payments); amounts in fen. */
export type PersonPaymentLine = {
  id: number;
  cycleId: string;
  cycleStatus: string;
  cycleKind: string;
  programCode: string;
  programName: string;
  kind: 'regular' | 'back_pay' | 'repayment' | 'grant' | 'advance' | 'final';
  period: string;
  year: number;
  amountCents: number;
  status: 'pending' | 'paid' | 'failed' | 'void';
  payeeName: string;
  institutionId: string | null;
  bankAccount: string | null;
  failureReason: string | null;
  paidOn: string | null;
};

export type PersonPayments = Page<PersonPaymentLine> & {
  totals: { paidCents: number; pendingCents: number; failedCount: number };
};

export const getPersonPayments = (id: string, page: number, pageSize: number) =>
  api.get<PersonPayments>(withQuery(`${personPath(id)}/payments`, { page, pageSize }));
