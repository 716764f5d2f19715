import type { AgeGroup, RegionLevel } from '@huican/core';
import { api, withQuery } from './client';

// The reports of issue 6 (docs/api.md "Reports"): figures as the server computes them (rates in percent,
// 2 decimals half-up, null without a denominator; money in integer fen), and the addresses of their
// xlsx workbooks and of the Word summary.

export type CompletionFigures = {
  target: number;
  completed: number;
  /** completed ÷ target × 100, 2 decimals half-up; null when the target is 0. */
  rate: number | null;
  /** max(0, completed − target). */
  exceeded: number;
};

export type CompletionRow = CompletionFigures & {
  programCode: string;
  programName: string;
  regionCode: string;
  regionName: string | null;
  /** Whether the child region has a target of its own (villages have none: targets are set per township). */
  hasTarget: boolean;
};

export type CompletionTotal = CompletionFigures & { programCode: string; programName: string };

export type CompletionReport = {
  year: number;
  /** The region looked at; null for the whole database. */
  regionCode: string | null;
  regionName: string | null;
  /** The level of the rows' regions. */
  childLevel: RegionLevel;
  rows: CompletionRow[];
  totals: CompletionTotal[];
};

export type RehabFigures = {
  needs: number;
  served: number;
  serviceRate: number | null;
  deviceNeeds: number;
  deviceFitted: number;
  fittingRate: number | null;
};

export type RehabReport = RehabFigures & {
  year: number;
  regionCode: string | null;
  regionName: string | null;
  byRegion: (RehabFigures & { regionCode: string; regionName: string | null })[];
  /** Categories 1–7; null = persons without a certificate (listed only when they have needs). */
  byCategory: (RehabFigures & { category: number | null })[];
  byAgeGroup: (RehabFigures & { ageGroup: AgeGroup })[];
};

export type FundsMonth = { month: string; personsPaid: number; paidCents: number };

export type FundsProgram = {
  programCode: string;
  name: string;
  kind: string;
  /** Null when no budget is set, or below county level (budgets are the county's). */
  budgetCents: number | null;
  committedCents: number;
  paidCents: number;
  executionRate: number | null;
  personsPaid: number;
  months: FundsMonth[];
};

export type FundsReport = {
  year: number;
  regionCode: string | null;
  regionName: string | null;
  /** False for a township or village: budgets are set for the county only. */
  budgetApplies: boolean;
  programs: FundsProgram[];
  totals: Omit<FundsProgram, 'programCode' | 'name' | 'kind'>;
};

export type Grade = '1' | '2' | '3' | '4';

export type RegistryStats = {
  regionCode: string | null;
  regionName: string | null;
  from: string;
  to: string;
  persons: {
    total: number;
    active: number;
    byStatus: { active: number; deceased: number; moved_out: number; cancelled: number };
    categoryGrade: {
      rows: { category: number; byGrade: Record<Grade, number>; total: number }[];
      gradeTotals: Record<Grade, number>;
      withCertificate: number;
      withoutCertificate: number;
    };
    byAgeGroup: { ageGroup: AgeGroup; minAge: number; maxAge: number | null; count: number }[];
    flags: { lowIncome: number; extremePoverty: number; povertyMonitored: number; any: number };
    byRegion: {
      regionCode: string;
      regionName: string | null;
      active: number;
      surveyed: number;
      coverageRate: number | null;
    }[];
  };
  certificates: {
    events: {
      issued: number;
      renewed: number;
      changed: number;
      reissued: number;
      cancelled: number;
      imported: number;
    };
    status: { valid: number; expiring: number; expired: number; frozen: number; cancelled: number; none: number };
    expiringWithinDays: number;
  };
  needsUpdate: { year: number; active: number; surveyed: number; rate: number | null };
};

export type YearRegion = { year: number; regionCode?: string | undefined };
export type RegistryQuery = { regionCode?: string | undefined; from?: string | undefined; to?: string | undefined };
export type SummaryPeriod = 'H1' | 'year';

export const getCompletionReport = (query: YearRegion, signal?: AbortSignal) =>
  api.get<CompletionReport>('/api/reports/completion', query, signal);
export const getRehabReport = (query: YearRegion, signal?: AbortSignal) =>
  api.get<RehabReport>('/api/reports/rehab', query, signal);
export const getFundsReport = (query: YearRegion, signal?: AbortSignal) =>
  api.get<FundsReport>('/api/reports/funds', query, signal);
export const getRegistryStats = (query: RegistryQuery, signal?: AbortSignal) =>
  api.get<RegistryStats>('/api/reports/registry', query, signal);

/** The workbooks and the Word summary: plain links, the browser downloads them with the session cookie. */
export const reportFiles = {
  completion: (query: YearRegion) => withQuery('/api/reports/completion.xlsx', query),
  rehab: (query: YearRegion) => withQuery('/api/reports/rehab.xlsx', query),
  funds: (query: YearRegion) => withQuery('/api/reports/funds.xlsx', query),
  registry: (query: RegistryQuery) => withQuery('/api/reports/registry.xlsx', query),
  summary: (query: YearRegion & { period: SummaryPeriod }) => withQuery('/api/reports/summary.docx', query),
};
