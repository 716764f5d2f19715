import type { ProgramKind } from '@huican/core';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

// The payments module's endpoints (docs/api.md, "Payments" and "Bank files and reconciliation"). Money is
// integer fen throughout, as the server sends it.

export const CYCLE_KINDS = ['monthly', 'grant', 'settlement', 'repayment'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];
export const CYCLE_STATUSES = ['draft', 'submitted', 'approved', 'paid', 'cancelled'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
export const LINE_KINDS = ['regular', 'back_pay', 'grant', 'advance', 'final', 'repayment'] as const;
export type LineKind = (typeof LINE_KINDS)[number];
export const LINE_STATUSES = ['pending', 'paid', 'failed', 'void'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const CYCLE_ACTIONS = ['submit', 'approve', 'mark_paid', 'cancel'] as const;
export type CycleAction = (typeof CYCLE_ACTIONS)[number];

/** The kind of cycle a programme's kind generates (in-kind programmes have none). */
export const CYCLE_KIND_OF: Partial<Record<ProgramKind, Exclude<CycleKind, 'repayment'>>> = {
  monthly_subsidy: 'monthly',
  annual_grant: 'grant',
  household_grant: 'grant',
  service: 'settlement',
};

export type Cycle = {
  id: string;
  programCode: string;
  programName: string | null;
  kind: CycleKind;
  period: string;
  year: number;
  regionCode: string;
  regionName: string | null;
  status: CycleStatus;
  count: number;
  totalCents: number;
  sourceCycleId: string | null;
  budgetOverrideReason: string | null;
  createdAt: string;
  /** Lists only (GET /api/cycles). */
  createdByName?: string | null;
  version: number;
};

export type Figure = { count: number; amountCents: number };
export type Step = { userId: string; userName: string | null; at: string } | null;

export type CycleDetail = Cycle & {
  /** `own_region`: a user below the cycle's region sees its own region's lines only. */
  linesScope: 'cycle' | 'own_region';
  lines: Figure & { byStatus: Record<LineStatus, Figure>; byKind: Partial<Record<LineKind, Figure>> };
  steps: Record<'created' | 'submitted' | 'approved' | 'paid' | 'cancelled', Step>;
  cancelReason: string | null;
  allowedActions: CycleAction[];
};

export type CycleFilters = { programCode?: string; period?: string; status?: CycleStatus; year?: number };

export type GenerateCycleInput = {
  programCode: string;
  period: string;
  regionCode?: string;
  budgetOverrideReason?: string;
};

export type Entitlement = {
  id: number;
  personId: string;
  personName: string;
  personIdNumber: string;
  regionCode: string;
  regionName: string | null;
  kind: LineKind;
  period: string;
  grade: number | null;
  amountCents: number;
  status: LineStatus;
  payeeName: string;
  institutionId: string | null;
  applicationId: string | null;
  bankName: string | null;
  bankAccount: string | null;
  failureReason: string | null;
  paidOn: string | null;
};

export type EntitlementFilters = { regionCode?: string; kind?: LineKind; status?: LineStatus; q?: string };
export type EntitlementPage = Page<Entitlement> & { totals: Figure };

export type StoppedPerson = {
  personId: string;
  personName: string;
  personIdNumber: string;
  regionCode: string;
  regionName: string | null;
  grade: number | null;
  previousAmountCents: number;
  reason: string;
  reasonDate: string | null;
  reasonText: string;
  details: string[];
};

export type StoppedPage = Page<StoppedPerson> & {
  period: string;
  previousPeriod: string;
  byReason: Record<string, number>;
};

export type Budget = {
  programCode: string;
  name: string;
  kind: ProgramKind;
  year: number;
  budgetCents: number | null;
  committedCents: number;
  paidCents: number;
  /** Paid ÷ budget × 100, two decimals; null without a budget. */
  executionRate: number | null;
};

export type ReconciliationResult = { paid: number; failed: number; unchanged: number; pending: number };
export type BankFileFormat = 'xlsx' | 'csv';

const cyclePath = (id: string) => `/api/cycles/${encodeURIComponent(id)}`;

export const listCycles = (query: CycleFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<Page<Cycle>>('/api/cycles', query, signal);
export const getCycle = (id: string) => api.get<CycleDetail>(cyclePath(id));
export const generateCycle = (input: GenerateCycleInput) => api.post<Cycle>('/api/cycles', input);
export const takeCycleAction = (id: string, action: CycleAction, reason?: string) =>
  api.post<Cycle>(`${cyclePath(id)}/actions`, reason ? { action, reason } : { action });
export const listEntitlements = (
  id: string,
  query: EntitlementFilters & { page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<EntitlementPage>(`${cyclePath(id)}/entitlements`, query, signal);
export const listStopped = (id: string, query: { page: number; pageSize: number }) =>
  api.get<StoppedPage>(`${cyclePath(id)}/stopped`, query);
export const listBudgets = (year: number) => api.get<Budget[]>('/api/budgets', { year });

/** The bank file is a download the browser fetches with the session cookie (a link, not a request of ours). */
export const bankFileUrl = (id: string, format: BankFileFormat) => withQuery(`${cyclePath(id)}/bank-file.${format}`);
export function importReconciliation(id: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<ReconciliationResult>(`${cyclePath(id)}/reconciliation`, form);
}
export const createRepayment = (id: string) => api.post<Cycle>(`${cyclePath(id)}/repayment`);
