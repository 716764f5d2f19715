import { completionFigures, DEFAULT_PROGRAMS, type Permission, type RegionLevel, regionLevel } from '@huican/core';
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../db/client.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { reportRegion } from './registry-stats.js';

// 目标任务完成情况: per child region (townships under a county, villages under a township, counties for the
// whole database) and programme, the year's target and the persons who completed the programme that year.
// Completions are read from report_completions (a counter per year, programme and region of filing kept by
// triggers on applications in the same transaction, migration 0013), targets from program_targets: a few
// thousand rows whatever the size of the registry, and always what the raw rows say.

/** Who may read the completion and rehabilitation reports: everyone who may read the registry. */
export const REPORT_PERMISSION: Permission = 'persons.read';

export type CompletionRow = {
  programCode: string;
  programName: string;
  regionCode: string;
  regionName: string | null;
  /** The child region's target (0 when none is set: see hasTarget). */
  target: number;
  /** Distinct persons with a completed application of the programme and year filed in the region. */
  completed: number;
  /** completed ÷ target × 100, 2 decimals half-up; null when the target is 0 or not set. */
  rate: number | null;
  /** max(0, completed − target). */
  exceeded: number;
  /** Whether a target is set for the child region (a village has none: targets are set per township). */
  hasTarget: boolean;
};

export type CompletionTotal = Omit<CompletionRow, 'regionCode' | 'regionName' | 'hasTarget'>;

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

type FigureRow = {
  program_code: string;
  region_code: string;
  target: number | null;
  completed: number;
};
type TotalRow = { program_code: string; target: number; completed: number };
type ProgramRow = { code: string; name_zh: string; name_en: string };

const PROGRAM_ORDER = new Map(DEFAULT_PROGRAMS.map((p, i) => [p.code, i]));
const byProgram = (a: string, b: string) =>
  (PROGRAM_ORDER.get(a) ?? PROGRAM_ORDER.size) - (PROGRAM_ORDER.get(b) ?? PROGRAM_ORDER.size) || a.localeCompare(b);

export async function completionReport(o: {
  db: Queryable;
  actor: Actor;
  year: number;
  regionCode?: string | undefined;
  lang: Lang;
}): Promise<CompletionReport> {
  assertCan(o.actor, REPORT_PERMISSION);
  const region = await reportRegion(o.db, o.actor, o.regionCode);
  const like = `${region.prefix}%`;
  const targetChild = region.childCode(sql.raw('t.region_code'));
  const completionChild = region.childCode(sql.raw('c.region_code'));
  // A row's target is its child region's own: the region's own target (a township looked at) belongs to
  // its totals, not to a village row.
  const belowRegion = region.code ? sql`t.region_code <> ${region.code}` : sql`true`;

  const [figures, totals, programs, names] = await Promise.all([
    o.db.execute(sql`
      with t as (
        select t.program_code, ${targetChild} as region_code, sum(t.target)::int as target
        from program_targets t
        where t.year = ${o.year} and t.region_code like ${like} and ${belowRegion}
        group by 1, 2),
      c as (
        select c.program_code, ${completionChild} as region_code, sum(c.completed)::int as completed
        from report_completions c
        where c.year = ${o.year} and c.region_code like ${like}
        group by 1, 2
        having sum(c.completed) > 0)
      select program_code, region_code, t.target, coalesce(c.completed, 0)::int as completed
      from t full join c using (program_code, region_code)`),
    o.db.execute(sql`
      with t as (
        select program_code, sum(target)::int as target from program_targets t
        where t.year = ${o.year} and t.region_code like ${like} group by 1),
      c as (
        select program_code, sum(completed)::int as completed from report_completions c
        where c.year = ${o.year} and c.region_code like ${like} group by 1 having sum(completed) > 0)
      select program_code, coalesce(t.target, 0)::int as target, coalesce(c.completed, 0)::int as completed
      from t full join c using (program_code)`),
    o.db.execute(sql`select code, name_zh, name_en from programs where catalogue = 'programme'`),
    o.db.execute(sql`
      select r.code, r.name from regions r
      where r.code in (
        select ${targetChild} from program_targets t where t.year = ${o.year} and t.region_code like ${like}
        union
        select ${completionChild} from report_completions c where c.year = ${o.year} and c.region_code like ${like})`),
  ]);
  const programNames = new Map(
    rowsOf<ProgramRow>(programs).map((p) => [p.code, o.lang === 'en' ? p.name_en : p.name_zh]),
  );
  const regionNames = new Map(rowsOf<{ code: string; name: string }>(names).map((r) => [r.code, r.name]));

  const rows = rowsOf<FigureRow>(figures)
    .filter((r) => programNames.has(r.program_code))
    .sort((a, b) => byProgram(a.program_code, b.program_code) || a.region_code.localeCompare(b.region_code))
    .map(
      (r): CompletionRow => ({
        programCode: r.program_code,
        programName: programNames.get(r.program_code)!,
        regionCode: r.region_code,
        regionName: regionNames.get(r.region_code) ?? null,
        ...completionFigures(r.target ?? 0, r.completed),
        hasTarget: r.target !== null,
      }),
    );
  const totalRows = rowsOf<TotalRow>(totals)
    .filter((r) => programNames.has(r.program_code))
    .sort((a, b) => byProgram(a.program_code, b.program_code))
    .map(
      (r): CompletionTotal => ({
        programCode: r.program_code,
        programName: programNames.get(r.program_code)!,
        ...completionFigures(r.target, r.completed),
      }),
    );
  return {
    year: o.year,
    regionCode: region.code,
    regionName: region.name,
    childLevel: childLevelOf(region.code),
    rows,
    totals: totalRows,
  };
}

function childLevelOf(code: string | null): RegionLevel {
  if (!code) return 'county';
  const level = regionLevel(code);
  return level === 'county' ? 'township' : 'village';
}
