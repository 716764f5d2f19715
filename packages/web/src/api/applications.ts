import type {
  ApplicationAction,
  ApplicationStatus,
  DisabilityCategory,
  DisabilityComponent,
  DisabilityGrade,
  NeedKind,
} from '@huican/core';
import { api } from './client';
import type { Page } from './types';

export type Application = {
  id: string;
  personId: string;
  personName: string;
  /** Masked unless the role needs the full number. */
  personIdNumber: string;
  programCode: string;
  programName: string;
  year: number;
  regionCode: string;
  regionName: string | null;
  status: ApplicationStatus;
  channel: 'counter' | 'online';
  dueOn: string | null;
  overdue: boolean;
  autoApproved: boolean;
  appliedOn: string;
  filedAt: string;
  decidedAt: string | null;
  completedAt: string | null;
  version: number;
  eligibility: { eligible: boolean; on: string; reasons: string[] } | null;
  /** What the signed-in user may do with it now (the workflow table of @huican/core). */
  allowedActions: ApplicationAction[];
};

/** A step of the history: workflow actions plus `file`, `auto_approve`, `attach` and `place`. */
export type ApplicationEvent = {
  action: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  at: string;
  actorName: string | null;
  comment: string | null;
};

export type Attachment = { id: string; fileName: string; contentType: string; size: number; uploadedAt: string };

export type Placement = {
  id: string;
  institutionId: string;
  institutionName: string;
  startedOn: string;
  endedOn: string | null;
  status: 'open' | 'closed';
};

/** What an officer records when completing a certificate service (POST …/actions `result`). */
export type CertificateServiceResult = {
  hospital?: string;
  assessedOn?: string;
  category?: DisabilityCategory;
  grade?: DisabilityGrade;
  components?: DisabilityComponent[];
  issuedOn?: string;
  regionCode?: string;
  destination?: string;
  reason?: string;
};

export type ApplicationDetail = Application & {
  history: ApplicationEvent[];
  attachments: Attachment[];
  placement: Placement | null;
  /** Certificate services: after completion, `result` holds what was recorded (and the service's action). */
  details: { result?: CertificateServiceResult & { action?: string } } | null;
};

export type ApplicationFilters = {
  /** Comma-separated statuses. */
  status?: string;
  programCode?: string;
  regionCode?: string;
  year?: number;
  personId?: string;
  q?: string;
  overdue?: boolean;
};

export type NewApplication = { personId: string; programCode: string; year: number; note?: string };
export type BulkResult = { succeeded: string[]; failed: { id: string; code: string }[] };

const applicationPath = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export const listApplications = (
  query: ApplicationFilters & { page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<Page<Application>>('/api/applications', query, signal);
export const getApplication = (id: string) => api.get<ApplicationDetail>(applicationPath(id));
export const fileApplication = (application: NewApplication) =>
  api.post<{ id: string; status: ApplicationStatus }>('/api/applications', application);

export const takeAction = (
  id: string,
  action: ApplicationAction,
  comment?: string,
  result?: CertificateServiceResult,
) =>
  api.post<{ id: string; status: ApplicationStatus; version: number }>(`${applicationPath(id)}/actions`, {
    action,
    ...(comment ? { comment } : {}),
    ...(result ? { result } : {}),
  });
export const takeBulkAction = (ids: string[], action: ApplicationAction, comment?: string) =>
  api.post<BulkResult>('/api/applications/actions', { ids, action, ...(comment ? { comment } : {}) });

export function uploadAttachment(id: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<Attachment>(`${applicationPath(id)}/attachments`, form);
}
export const attachmentUrl = (id: string, attachmentId: string) =>
  `${applicationPath(id)}/attachments/${encodeURIComponent(attachmentId)}`;

export const placeApplication = (id: string, placement: { institutionId: string; startedOn?: string }) =>
  api.post<Placement>(`${applicationPath(id)}/placement`, placement);
export const recordPlacementService = (id: string, service: { kind: NeedKind; date: string; note?: string }) =>
  api.post<{ id: string }>(`${applicationPath(id)}/services`, service);
