import {
  AGE_GROUPS,
  addDays,
  addYears,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EXPIRING_WITHIN_DAYS,
  type Permission,
  type RegionLevel,
  regionLevel,
  reportRate,
} from '@huican/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../db/client.js';
import { AppError, fieldError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { regionBreakdown } from '../../scope.js';

// Registry statistics (残疾人基本状况统计) of a region: the active persons by category × grade, age band,
// child region and flag, all persons by status, the certificate work of a period (issued, renewed,
// changed, reissued, cancelled), certificates expiring or expired at the period's end, and the needs
// survey (动态更新) coverage of its year. Two aggregate queries: one pass over the persons of the region
// (with their survey of the year), one over the ended certificates of the period.

/** Who may read the registry statistics: everyone who may read the registry. */
export const REGISTRY_STATS_PERMISSION: Permission = 'persons.read';

export type ReportRegion = {
  /** The region looked at; null for the whole database (a root user without `regionCode`). */
  code: string | null;
  name: string | null;
  level: RegionLevel | null;
  /** Code prefix of every row under it ('' for the whole database). */
  prefix: string;
  /** SQL mapping a row's region code to the child region it falls in. */
  childCode: (column: SQL) => SQL<string>;
  /** The same in JavaScript (counties → townships → villages; a village: itself). */
  childOf: (code: string) => string;
};

/**
 * The region a report looks at: `regionCode` when given (in the caller's scope, else 404
 * REGION_NOT_FOUND, as every scoped endpoint answers), else the caller's own region. It must exist.
 */
export async function reportRegion(db: Queryable, actor: Actor, regionCode?: string): Promise<ReportRegion> {
  const { base, prefix, childCode } = regionBreakdown(actor, regionCode);
  const level = base ? regionLevel(base) : null;
  const length = level === null ? 6 : level === 'county' ? 9 : 12;
  const childOf = (code: string) => code.slice(0, length).padEnd(12, '0');
  if (!base) return { code: null, name: null, level, prefix, childCode, childOf };
  const [row] = rowsOf<{ name: string }>(await db.execute(sql`select name from regions where code = ${base}`));
  if (!row) throw new AppError('REGION_NOT_FOUND', 404);
  return { code: base, name: row.name, level, prefix, childCode, childOf };
}

/** `from`/`to` of the query: both real dates, `from` ≤ `to`; default this year so far (China's today). */
export function statsPeriod(q: { from?: string | undefined; to?: string | undefined }, today: string) {
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw q.to ? fieldError('to', 'rehab.ENDS_BEFORE_START') : fieldError('from', 'date.FUTURE');
  return { from, to };
}

type PersonGroupRow = {
  region_code: string;
  status: 'active' | 'deceased' | 'moved_out' | 'cancelled';
  category: number | null;
  grade: number | null;
  n: number;
  age_0_6: number;
  age_7_17: number;
  age_18_59: number;
  age_60: number;
  low_income: number;
  extreme_poverty: number;
  poverty_monitored: number;
  any_flag: number;
  cert_none: number;
  cert_cancelled: number;
  cert_frozen: number;
  cert_expired: number;
  cert_expiring: number;
  cert_valid: number;
  issued: number;
  renewed: number;
  changed: number;
  imported: number;
  surveyed: number;
};

const int = (v: unknown) => Number(v ?? 0);

export async function registryStats(o: {
  db: Queryable;
  actor: Actor;
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  today: string;
}) {
  assertCan(o.actor, REGISTRY_STATS_PERMISSION);
  const { from, to } = statsPeriod(o, o.today);
  const region = await reportRegion(o.db, o.actor, o.regionCode);
  const year = Number(to.slice(0, 4));
  // Age ≥ N on `to` ⇔ born on or before `to` N years earlier (29 February → 28 February).
  const [c7, c18, c60] = [7, 18, 60].map((n) => addYears(to, -n));
  const expiringUntil = addDays(to, EXPIRING_WITHIN_DAYS);
  const like = `${region.prefix}%`;
  // The current certificate of a row: none, or cancelled (already in `certificates` since its cancel).
  const current = sql.raw(`p.cert_number is not null and p.cert_state <> 'cancelled'`);
  const inPeriod = (column: string) => sql`${sql.raw(column)} between ${from}::date and ${to}::date`;

  const [groups, ended, children] = await Promise.all([
    o.db.execute(sql`
      select p.region_code, p.status, p.cert_state, p.category, p.grade,
        count(*)::int as n,
        count(*) filter (where p.birth_date > ${c7}::date)::int as age_0_6,
        count(*) filter (where p.birth_date <= ${c7}::date and p.birth_date > ${c18}::date)::int as age_7_17,
        count(*) filter (where p.birth_date <= ${c18}::date and p.birth_date > ${c60}::date)::int as age_18_59,
        count(*) filter (where p.birth_date <= ${c60}::date)::int as age_60,
        count(*) filter (where p.low_income)::int as low_income,
        count(*) filter (where p.extreme_poverty)::int as extreme_poverty,
        count(*) filter (where p.poverty_monitored)::int as poverty_monitored,
        count(*) filter (where p.low_income or p.extreme_poverty or p.poverty_monitored)::int as any_flag,
        count(*) filter (where p.cert_number is null)::int as cert_none,
        count(*) filter (where p.cert_state = 'cancelled')::int as cert_cancelled,
        count(*) filter (where p.cert_state = 'frozen')::int as cert_frozen,
        count(*) filter (where p.cert_state = 'normal' and p.cert_valid_until < ${to}::date)::int as cert_expired,
        count(*) filter (where p.cert_state = 'normal'
          and p.cert_valid_until between ${to}::date and ${expiringUntil}::date)::int as cert_expiring,
        count(*) filter (where p.cert_state = 'normal' and p.cert_valid_until > ${expiringUntil}::date)::int as cert_valid,
        count(*) filter (where ${current} and p.cert_event = 'issue' and ${inPeriod('p.cert_issued_on')})::int as issued,
        count(*) filter (where ${current} and p.cert_event = 'renew' and ${inPeriod('p.cert_issued_on')})::int as renewed,
        count(*) filter (where ${current} and p.cert_event = 'change' and ${inPeriod('p.cert_issued_on')})::int as changed,
        count(*) filter (where ${current} and p.cert_event = 'import' and ${inPeriod('p.cert_issued_on')})::int as imported,
        count(s.person_id)::int as surveyed
      from persons p
      left join need_surveys s on s.person_id = p.id and s.year = ${year}
      where p.region_code like ${like}
      group by 1, 2, 3, 4, 5`),
    // Ended certificates: by their own event and issue date, and the reissues and cancellations that
    // ended them, on the day recorded. The person's current region places them.
    o.db.execute(sql`
      select
        count(*) filter (where c.event = 'issue' and ${inPeriod('c.issued_on')})::int as issued,
        count(*) filter (where c.event = 'renew' and ${inPeriod('c.issued_on')})::int as renewed,
        count(*) filter (where c.event = 'change' and ${inPeriod('c.issued_on')})::int as changed,
        count(*) filter (where c.event = 'import' and ${inPeriod('c.issued_on')})::int as imported,
        count(*) filter (where c.end_reason = 'reissue' and ${inPeriod('c.ended_on')})::int as reissued,
        count(*) filter (where c.end_reason like 'cancel:%' and ${inPeriod('c.ended_on')})::int as cancelled
      from certificates c
      join persons p on p.id = c.person_id
      where p.region_code like ${like} and (${inPeriod('c.issued_on')} or ${inPeriod('c.ended_on')})`),
    region.code && region.level === 'village'
      ? o.db.execute(sql`select code, name from regions where code = ${region.code}`)
      : o.db.execute(sql`
          select code, name from regions
          where ${region.code ? sql`parent_code = ${region.code}` : sql`level = 'county'`}
          order by code`),
  ]);

  // Grouped by plain columns (the planner knows their statistics and picks a hash aggregate); the child
  // region and the certificate a person holds (none, or a cancelled one) are worked out here.
  const rows = rowsOf<PersonGroupRow & { cert_state: string | null }>(groups).map((r) => {
    const out = { ...r } as Record<string, unknown>;
    for (const [k, v] of Object.entries(r)) if (typeof v !== 'string' && v !== null) out[k] = int(v);
    const holds = r.category !== null && r.cert_state !== 'cancelled';
    out.region_code = region.childOf(r.region_code);
    out.category = holds ? int(r.category) : null;
    out.grade = holds ? int(r.grade) : null;
    return out as PersonGroupRow;
  });
  const active = rows.filter((r) => r.status === 'active');
  const sum = (list: PersonGroupRow[], key: keyof PersonGroupRow) => list.reduce((s, r) => s + int(r[key]), 0);
  const activeCount = sum(active, 'n');
  const surveyed = sum(active, 'surveyed');

  const cell = (category: number | null, grade: number | null) =>
    active.filter((r) => r.category === category && r.grade === grade).reduce((s, r) => s + r.n, 0);
  const categoryRows = DISABILITY_CATEGORIES.map((category) => {
    const byGrade = Object.fromEntries(DISABILITY_GRADES.map((g) => [String(g), cell(category, g)]));
    return { category, byGrade, total: Object.values(byGrade).reduce((s, n) => s + n, 0) };
  });
  const gradeTotals = Object.fromEntries(
    DISABILITY_GRADES.map((g) => [String(g), categoryRows.reduce((s, r) => s + (r.byGrade[String(g)] ?? 0), 0)]),
  );
  const withCertificate = categoryRows.reduce((s, r) => s + r.total, 0);

  const byRegionMap = new Map<
    string,
    { regionCode: string; regionName: string | null; active: number; surveyed: number }
  >();
  for (const c of rowsOf<{ code: string; name: string }>(children)) {
    byRegionMap.set(c.code, { regionCode: c.code, regionName: c.name, active: 0, surveyed: 0 });
  }
  for (const r of active) {
    const entry = byRegionMap.get(r.region_code) ?? {
      regionCode: r.region_code,
      regionName: null,
      active: 0,
      surveyed: 0,
    };
    entry.active += r.n;
    entry.surveyed += r.surveyed;
    byRegionMap.set(r.region_code, entry);
  }
  const byRegion = [...byRegionMap.values()]
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode))
    .map((e) => ({ ...e, coverageRate: reportRate(e.surveyed, e.active) }));

  const [endedRow] = rowsOf<Record<string, unknown>>(ended);
  const endedCount = (k: string) => int(endedRow?.[k]);

  return {
    regionCode: region.code,
    regionName: region.name,
    from,
    to,
    persons: {
      total: sum(rows, 'n'),
      active: activeCount,
      byStatus: {
        active: activeCount,
        deceased: sum(
          rows.filter((r) => r.status === 'deceased'),
          'n',
        ),
        moved_out: sum(
          rows.filter((r) => r.status === 'moved_out'),
          'n',
        ),
        cancelled: sum(
          rows.filter((r) => r.status === 'cancelled'),
          'n',
        ),
      },
      categoryGrade: {
        rows: categoryRows,
        gradeTotals,
        withCertificate,
        withoutCertificate: cell(null, null),
      },
      // The rehabilitation report's groups, but by exact age on `to` (core's ageOn: a 29 February
      // birthday falls on 1 March in a common year), not by age at the end of the year.
      byAgeGroup: AGE_GROUPS.map((g, i) => ({
        ageGroup: g.code,
        minAge: g.min,
        maxAge: g.max,
        count: sum(active, (['age_0_6', 'age_7_17', 'age_18_59', 'age_60'] as const)[i]!),
      })),
      flags: {
        lowIncome: sum(active, 'low_income'),
        extremePoverty: sum(active, 'extreme_poverty'),
        povertyMonitored: sum(active, 'poverty_monitored'),
        any: sum(active, 'any_flag'),
      },
      byRegion,
    },
    certificates: {
      events: {
        issued: sum(rows, 'issued') + endedCount('issued'),
        renewed: sum(rows, 'renewed') + endedCount('renewed'),
        changed: sum(rows, 'changed') + endedCount('changed'),
        reissued: endedCount('reissued'),
        cancelled: endedCount('cancelled'),
        imported: sum(rows, 'imported') + endedCount('imported'),
      },
      status: {
        valid: sum(active, 'cert_valid'),
        expiring: sum(active, 'cert_expiring'),
        expired: sum(active, 'cert_expired'),
        frozen: sum(active, 'cert_frozen'),
        cancelled: sum(active, 'cert_cancelled'),
        none: sum(active, 'cert_none'),
      },
      expiringWithinDays: EXPIRING_WITHIN_DAYS,
    },
    needsUpdate: { year, active: activeCount, surveyed, rate: reportRate(surveyed, activeCount) },
  };
}
