import type { NeedKind } from '@huican/core';
import { api } from './client';
import type { Page } from './types';

export const REHAB_PLAN_STATUSES = ['active', 'completed', 'cancelled'] as const;
export type RehabPlanStatus = (typeof REHAB_PLAN_STATUSES)[number];
export type RehabPlace = 'home' | 'institution';
export type Device = { code: string; name: string };

/** A needs assessment (需求评估) at home or at an institution. */
export type RehabAssessment = {
  id: string;
  personId: string;
  year: number;
  place: RehabPlace;
  institutionId: string | null;
  assessedOn: string;
  assessor: string;
  needs: NeedKind[];
  devices: Device[];
  note: string | null;
  createdAt: string;
};

/** A planned service with the sessions delivered under the plan so far. */
export type PlannedService = { kind: NeedKind; sessions: number; provider: string | null; delivered: number };

/** Each service counts at most its planned sessions; `percent` is null when nothing is planned. */
export type PlanProgress = { planned: number; delivered: number; percent: number | null };

/** A service agreement and personalised plan (服务协议与个性化方案). */
export type RehabPlan = {
  id: string;
  personId: string;
  assessmentId: string | null;
  year: number;
  regionCode: string;
  institutionId: string | null;
  institutionName: string | null;
  agreementSignedOn: string;
  startsOn: string;
  endsOn: string;
  goals: string;
  services: PlannedService[];
  progress: PlanProgress;
  status: RehabPlanStatus;
  version: number;
  createdAt: string;
};

/** A rehabilitation service record (person_services row), under a plan or not. */
export type RehabService = {
  id: string;
  personId: string;
  year: number;
  kind: NeedKind;
  date: string;
  provider: string | null;
  note: string | null;
  institutionId: string | null;
  applicationId: string | null;
  planId: string | null;
};

export type PersonRehab = {
  personId: string;
  year: number;
  assessments: RehabAssessment[];
  plans: RehabPlan[];
  services: RehabService[];
};

export type NewAssessment = {
  year: number;
  place: RehabPlace;
  institutionId?: string;
  assessedOn: string;
  assessor: string;
  needs: NeedKind[];
  devices?: Device[];
  note?: string;
};

export type NewPlan = {
  year: number;
  assessmentId?: string;
  institutionId?: string;
  agreementSignedOn: string;
  startsOn: string;
  endsOn: string;
  goals: string;
  services: { kind: NeedKind; sessions: number; provider?: string }[];
};

export type PlanChanges = {
  version: number;
  status?: 'completed' | 'cancelled';
  endsOn?: string;
  goals?: string;
  services?: { kind: NeedKind; sessions: number; provider?: string }[];
};

export type NewPlanService = { kind: NeedKind; date: string; provider?: string; note?: string };

/** A row of the plans list (GET /api/rehab/plans). */
export type RehabPlanRow = {
  id: string;
  personId: string;
  personName: string;
  /** Masked unless the role sees full ID numbers. */
  personIdNumber: string;
  year: number;
  regionCode: string;
  regionName: string | null;
  institutionId: string | null;
  institutionName: string | null;
  agreementSignedOn: string;
  startsOn: string;
  endsOn: string;
  status: RehabPlanStatus;
  progress: PlanProgress;
  version: number;
};

export type RehabPlanFilters = { year?: number; regionCode?: string; status?: RehabPlanStatus };

const personRehabPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}/rehab`;
const planPath = (planId: string) => `/api/rehab/plans/${encodeURIComponent(planId)}`;

export const getPersonRehab = (personId: string, year: number) =>
  api.get<PersonRehab>(personRehabPath(personId), { year });
export const recordAssessment = (personId: string, assessment: NewAssessment) =>
  api.post<RehabAssessment>(`${personRehabPath(personId)}/assessments`, assessment);
export const createPlan = (personId: string, plan: NewPlan) =>
  api.post<RehabPlan>(`${personRehabPath(personId)}/plans`, plan);
export const updatePlan = (planId: string, changes: PlanChanges) => api.patch<RehabPlan>(planPath(planId), changes);
export const recordPlanService = (planId: string, service: NewPlanService) =>
  api.post<RehabService>(`${planPath(planId)}/services`, service);
export const listRehabPlans = (query: RehabPlanFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<Page<RehabPlanRow>>('/api/rehab/plans', query, signal);
