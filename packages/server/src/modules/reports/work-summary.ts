import { can } from '@huican/core';
import type { Queryable } from '../../db/client.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { type CompletionReport, completionReport, REPORT_PERMISSION } from './completion-report.js';
import { FUNDS_REPORT_PERMISSION, fundsReport } from './funds-report.js';
import type { FundsReport } from './funds-workbook.js';
import { registryStats } from './registry-stats.js';
import type { RegistryStats } from './registry-workbook.js';
import { type RehabReport, rehabReport } from './rehab-report.js';

// The figures of a half-year or yearly work report (工作数据汇总) of a region, from the same functions as
// the reports themselves: programme completions, rehabilitation, funds and registry statistics.
//
// What a period can cut: the registry statistics take dates (the certificate work of [from, to], ages and
// certificate states on `to`); the funds report has the twelve months of the year (the month of the
// payment cycle), so the half-year's money is January–June; completions and rehabilitation are counted
// per year (the report counters have no date), so a half-year report shows the year's figures recorded so
// far.

export type SummaryPeriod = 'H1' | 'year';

export type WorkSummary = {
  year: number;
  period: SummaryPeriod;
  /** The period's first and last day (1 January; 30 June or 31 December). */
  from: string;
  periodEnd: string;
  /** The day the registry statistics are taken on: the period's end, or today while the period runs. */
  to: string;
  /** The period has not ended yet (today is before its last day). */
  running: boolean;
  /** The year has not ended yet: completions and rehabilitation (yearly figures) are those so far. */
  yearRunning: boolean;
  regionCode: string | null;
  regionName: string | null;
  completion: CompletionReport;
  rehab: RehabReport;
  /** Null when the caller may not read payments (a village user). */
  funds: FundsReport | null;
  registry: RegistryStats;
};

/** The days of a period of a year; `to` is today while the period runs. */
export function summaryDays(year: number, period: SummaryPeriod, today: string) {
  const from = `${year}-01-01`;
  const periodEnd = period === 'H1' ? `${year}-06-30` : `${year}-12-31`;
  const running = today >= from && today < periodEnd;
  return { from, periodEnd, to: running ? today : periodEnd, running };
}

export async function workSummary(o: {
  db: Queryable;
  actor: Actor;
  year: number;
  period: SummaryPeriod;
  regionCode?: string | undefined;
  lang: Lang;
  today: string;
}): Promise<WorkSummary> {
  assertCan(o.actor, REPORT_PERMISSION);
  const days = summaryDays(o.year, o.period, o.today);
  // The completion report checks the region first (404 outside the scope) before the rest runs.
  const completion = await completionReport(o);
  const [rehab, funds, registry] = await Promise.all([
    rehabReport(o),
    can(o.actor.role, FUNDS_REPORT_PERMISSION) ? fundsReport(o) : Promise.resolve(null),
    registryStats({ db: o.db, actor: o.actor, regionCode: o.regionCode, from: days.from, to: days.to, today: o.today }),
  ]);
  return {
    year: o.year,
    period: o.period,
    ...days,
    yearRunning: summaryDays(o.year, 'year', o.today).running,
    regionCode: completion.regionCode,
    regionName: completion.regionName,
    completion,
    rehab,
    funds,
    registry,
  };
}
