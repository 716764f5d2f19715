import {
  AGE_GROUPS,
  type AgeGroup,
  addRehabCounts,
  DISABILITY_CATEGORIES,
  NO_REHAB_COUNTS,
  type RehabCounts,
  type RehabFigures,
  rehabFigures,
} from '@huican/core';
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../db/client.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { REPORT_PERMISSION } from './completion-report.js';
import { reportRegion } from './registry-stats.js';

// 康复服务率 and 辅具适配率 of a year (GLOSSARY.md), overall and by child region, certificate category and age
// group. A person counts once per year, in the region and category they have now and the age group of
// their age on 31 December of the year. Read from report_rehab_counts (sums per year, village, category
// and age group, kept by triggers on need_surveys, person_services and persons in the same transaction,
// migration 0013): a few thousand rows whatever the number of service records.

export type RehabReport = RehabFigures & {
  year: number;
  /** The region looked at; null for the whole database. */
  regionCode: string | null;
  regionName: string | null;
  /** Every child region (townships under a county, villages under a township), zeros included. */
  byRegion: (RehabFigures & { regionCode: string; regionName: string | null })[];
  /** Categories 1–7, and null (no certificate) when such persons have needs. */
  byCategory: (RehabFigures & { category: number | null })[];
  /** 0-6, 7-17, 18-59, 60+ by age on 31 December of the year. */
  byAgeGroup: (RehabFigures & { ageGroup: AgeGroup })[];
};

type CountRow = {
  region_code: string;
  category: number;
  age_group: number;
  needs: number;
  served: number;
  device_needs: number;
  device_fitted: number;
};

export async function rehabReport(o: {
  db: Queryable;
  actor: Actor;
  year: number;
  regionCode?: string | undefined;
}): Promise<RehabReport> {
  assertCan(o.actor, REPORT_PERMISSION);
  const region = await reportRegion(o.db, o.actor, o.regionCode);
  const child = region.childCode(sql.raw('c.region_code'));
  const [counts, children] = await Promise.all([
    o.db.execute(sql`
      select ${child} as region_code, c.category, c.age_group,
        sum(c.needs)::int as needs, sum(c.served)::int as served,
        sum(c.device_needs)::int as device_needs, sum(c.device_fitted)::int as device_fitted
      from report_rehab_counts c
      where c.year = ${o.year} and c.region_code like ${`${region.prefix}%`}
      group by 1, 2, 3
      having sum(c.needs) > 0`),
    o.db.execute(
      region.code
        ? sql`select code, name from regions where parent_code = ${region.code} or code = ${region.code}`
        : sql`select code, name from regions where level = 'county'`,
    ),
  ]);
  const rows = rowsOf<CountRow>(counts).map((r) => ({
    region: r.region_code,
    category: r.category,
    ageGroup: r.age_group,
    counts: { needs: r.needs, served: r.served, deviceNeeds: r.device_needs, deviceFitted: r.device_fitted },
  }));
  const names = new Map(rowsOf<{ code: string; name: string }>(children).map((r) => [r.code, r.name]));

  const sumBy = <K extends string | number>(key: (r: (typeof rows)[number]) => K, keys: readonly K[]) => {
    const sums = new Map<K, RehabCounts>(keys.map((k) => [k, NO_REHAB_COUNTS]));
    for (const r of rows) sums.set(key(r), addRehabCounts(sums.get(key(r)) ?? NO_REHAB_COUNTS, r.counts));
    return sums;
  };
  // Child regions: those in the regions table, plus any code that holds figures (persons registered
  // at the township itself, seen from the township).
  const childCodes = [...names.keys()].filter((code) => code !== region.code);
  const byRegion = sumBy((r) => r.region, childCodes);
  const byCategory = sumBy<number>((r) => r.category, DISABILITY_CATEGORIES);
  const byAgeGroup = sumBy<number>(
    (r) => r.ageGroup,
    AGE_GROUPS.map((_, i) => i),
  );
  const total = rows.reduce((sum, r) => addRehabCounts(sum, r.counts), NO_REHAB_COUNTS);

  return {
    year: o.year,
    regionCode: region.code,
    regionName: region.name,
    ...rehabFigures(total),
    byRegion: [...byRegion]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, c]) => ({ regionCode: code, regionName: names.get(code) ?? null, ...rehabFigures(c) })),
    byCategory: [...byCategory]
      .filter(([category, c]) => category !== 0 || c.needs > 0)
      .sort(([a], [b]) => (a === 0 ? 1 : b === 0 ? -1 : a - b))
      .map(([category, c]) => ({ category: category === 0 ? null : category, ...rehabFigures(c) })),
    byAgeGroup: [...byAgeGroup]
      .sort(([a], [b]) => a - b)
      .map(([index, c]) => ({ ageGroup: AGE_GROUPS[index]!.code, ...rehabFigures(c) })),
  };
}
