import type { ProgramKind, ProgramUnit, Rule } from '@huican/core';
import { api, withQuery } from './client';

/** A programme of the catalogue (GET /api/programs); `name` and `ruleText` in the request's language. */
export type Program = {
  code: string;
  name: string;
  nameZh: string;
  nameEn: string;
  kind: ProgramKind;
  unit: ProgramUnit;
  active: boolean;
  autoApproval: boolean;
  requiredDocuments: string[];
  rule: Rule;
  ruleText: string;
};

export type MonthlyByGrade = Record<'1' | '2' | '3' | '4', number>;

/** One year of a programme: the rule in force, the standard, the budget and the township targets' sum. */
export type ProgramYear = {
  year: number;
  rule: Rule;
  ruleText: string;
  /** True when the year has no rule of its own and the programme's default applies. */
  ruleIsDefault: boolean;
  monthlyCentsByGrade: MonthlyByGrade | null;
  amountCents: number | null;
  budgetCents: number | null;
  targetTotal: number;
};

export type DesignatedInstitution = { id: string; name: string; kind: string; regionCode: string };

export type ProgramDetail = Program & { years: ProgramYear[]; institutions: DesignatedInstitution[] };

export type ProgramChanges = Partial<{
  nameZh: string;
  nameEn: string;
  kind: ProgramKind;
  unit: ProgramUnit;
  active: boolean;
  autoApproval: boolean;
  requiredDocuments: string[];
}>;

export type Standard = { monthlyCentsByGrade?: MonthlyByGrade; amountCents?: number };

export type TargetRow = { regionCode: string; regionName: string | null; target: number };
export type TargetTotal = { countyCode: string; regionCode: string; regionName: string | null; target: number };
export type Targets = { programCode: string; year: number; targets: TargetRow[]; totals: TargetTotal[] };

export type RulePreview = { matched: number; total: number; on: string; year: number };

const programPath = (code: string) => `/api/programs/${encodeURIComponent(code)}`;

export const listPrograms = () => api.get<Program[]>('/api/programs');
/** The certificate services (残疾人证业务), filed as applications like programmes; same shape. */
export const listCertificateServices = () => api.get<Program[]>('/api/certificate-services');
export const isCertificateService = (programCode: string) => programCode.startsWith('cert_');
export const getProgram = (code: string) => api.get<ProgramDetail>(programPath(code));
export const updateProgram = (code: string, changes: ProgramChanges) =>
  api.patch<ProgramDetail>(programPath(code), changes);

export const setYearRule = (code: string, year: number, rule: unknown) =>
  api.put<ProgramYear>(`${programPath(code)}/rules/${year}`, { rule });
export const resetYearRule = (code: string, year: number) =>
  api.delete<ProgramYear>(`${programPath(code)}/rules/${year}`);
export const previewRule = (code: string, year: number, rule?: unknown) =>
  api.post<RulePreview>(`${programPath(code)}/preview`, rule === undefined ? { year } : { year, rule });

export const setStandard = (code: string, year: number, standard: Standard) =>
  api.put<Standard>(`${programPath(code)}/standards/${year}`, standard);
export const setBudget = (code: string, year: number, budgetCents: number) =>
  api.put<{ budgetCents: number }>(`${programPath(code)}/budgets/${year}`, { budgetCents });

export const getTargets = (code: string, year: number) => api.get<Targets>(`${programPath(code)}/targets/${year}`);
export const setTargets = (code: string, year: number, rows: { regionCode: string; target: number }[]) =>
  api.put<Targets>(`${programPath(code)}/targets/${year}`, rows);
export function importTargets(code: string, year: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<Targets & { imported: number }>(`${programPath(code)}/targets/${year}/import`, form);
}
/** The import template with the townships in scope and, for a programme and year, their current targets. */
export const targetsTemplateUrl = (programCode: string, year: number) =>
  withQuery('/api/programs/targets-template.xlsx', { programCode, year });
