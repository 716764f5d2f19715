import {
  addDays,
  addYears,
  EXPIRING_WITHIN_DAYS,
  type FactRule,
  HOLDING_STATUSES,
  isRealDate,
  type Rule,
  type RuleCertificateStatus,
  regionPrefix,
} from '@huican/core';
import { type SQL, sql } from 'drizzle-orm';
import { persons } from '../../db/schema/index.js';

// The rule language compiled into SQL over the `persons` table, so that "how many persons does this rule
// admit" is one set-based query instead of a loop of evaluateRule calls. It must agree with core's
// evaluateRule over loadPersonFacts (applications/person-facts.ts) person for person: the rule-to-sql test
// checks exactly that. Every condition is never NULL, so that `not` behaves as in the evaluator.
//
// Why joins and not a bare WHERE fragment with subqueries: measured on 1,000,000 persons (PostgreSQL 15,
// work_mem 4 MB), `id IN (select …)` inside OR/NOT is a hashed subplan only while the set fits work_mem and
// otherwise a materialised one scanned per row (minutes), and a correlated EXISTS becomes one index probe per
// person (5–10 s). The facts that live in other tables are therefore left-joined, each at most one row per
// person: the holding application of each programme named (one per person, programme and year by the unique
// index applications_open_unique), the year's need survey when it has one of the needs named (one per person
// and year, need_surveys_person_year), and the household's active members. Hash joins spill to disk instead
// of degrading, and plain scans let PostgreSQL share one hash table among parallel workers (measured: about
// 0.5 s faster than joining grouped subqueries, which every worker rebuilds).

export type RuleSqlContext = {
  /** The evaluation date (YYYY-MM-DD): ages and certificate statuses are taken on this day. */
  on: string;
  /** The year of programmes held and of recorded needs. */
  year: number;
  /**
   * `personStatus` as it stood on `on` rather than as it stands now: a deceased, moved-out or cancelled
   * person whose effective date (status_date) is on or after `on` was still active then (payment cycles,
   * which evaluate each month on its first day). Off by default: the evaluator's facts carry today's status.
   */
  statusAsOf?: boolean;
};

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * `certificateStatus in (…)` as core's certificateStatus() decides it: no certificate (number, end of
 * validity or state missing, as loadPersonFacts tests) is 'none'; cancelled and frozen win; then by the end
 * of validity: expired before `on`, expiring up to 90 days after it, valid beyond. Written as ranges on
 * cert_valid_until (valid + expiring is `cert_valid_until >= on`) rather than a CASE, so that PostgreSQL can
 * estimate how many persons pass: a CASE is guessed at 0.5 % and led to nested loops over a million rows.
 */
function certificateSql(statuses: readonly RuleCertificateStatus[], on: string): SQL {
  const has = sql`(${persons.certNumber} is not null and ${persons.certValidUntil} is not null and ${persons.certState} is not null)`;
  const parts: SQL[] = [];
  if (statuses.includes('none')) parts.push(sql`(not ${has})`);
  for (const state of ['cancelled', 'frozen'] as const) {
    if (statuses.includes(state)) parts.push(sql`(${has} and ${persons.certState} = ${state})`);
  }
  // Consecutive date bands merged: [from, to] inclusive, null = unbounded.
  const bands: { status: RuleCertificateStatus; from: string | null; to: string | null }[] = [
    { status: 'expired', from: null, to: addDays(on, -1) },
    { status: 'expiring', from: on, to: addDays(on, EXPIRING_WITHIN_DAYS) },
    { status: 'valid', from: addDays(on, EXPIRING_WITHIN_DAYS + 1), to: null },
  ];
  const ranges: { from: string | null; to: string | null }[] = [];
  let open: { from: string | null; to: string | null } | null = null;
  for (const band of bands) {
    if (!statuses.includes(band.status)) {
      open = null;
    } else if (open) {
      open.to = band.to;
    } else {
      open = { from: band.from, to: band.to };
      ranges.push(open);
    }
  }
  for (const { from, to } of ranges) {
    const bounds: SQL[] = [];
    if (from !== null) bounds.push(sql`${persons.certValidUntil} >= ${from}::date`);
    if (to !== null) bounds.push(sql`${persons.certValidUntil} <= ${to}::date`);
    parts.push(
      sql`(${has} and ${persons.certState} not in ('cancelled', 'frozen')${bounds.length > 0 ? sql` and ${sql.join(bounds, sql` and `)}` : sql``})`,
    );
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * `personStatus in (…)` on `on` (RuleSqlContext.statusAsOf): active on `on` = active now, or inactive from a
 * later effective date; inactive on `on` = inactive from an earlier date (or an unknown one). Written as
 * ORs over the columns, not a CASE, for the row estimates (see certificateSql).
 */
function statusAsOfSql(statuses: readonly string[], on: string): SQL {
  const parts: SQL[] = [];
  if (statuses.includes('active')) {
    parts.push(sql`(${persons.status} = 'active' or coalesce(${persons.statusDate} >= ${on}::date, false))`);
  }
  const inactive = statuses.filter((s) => s !== 'active');
  if (inactive.length > 0) {
    parts.push(
      sql`(${persons.status} in (${list(inactive)}) and (${persons.statusDate} is null or ${persons.statusDate} < ${on}::date))`,
    );
  }
  return parts.length > 0 ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

function factSql(rule: FactRule, ctx: CompileContext): SQL {
  switch (rule.fact) {
    case 'category':
      return sql`(${persons.category} is not null and ${persons.category} in (${list(rule.in)}))`;
    case 'grade':
      return sql`(${persons.grade} is not null and ${persons.grade} in (${list(rule.in)}))`;
    case 'age': {
      // ageOn(b, on) >= n  ⇔  b <= addYears(on, -n), 29 February included (addYears clamps it to the 28th,
      // and the evaluator counts a 29 February birthday on 1 March): a range on birth_date, no arithmetic per row.
      const parts: SQL[] = [];
      if (rule.min !== undefined) parts.push(sql`${persons.birthDate} <= ${addYears(ctx.on, -rule.min)}::date`);
      if (rule.max !== undefined) parts.push(sql`${persons.birthDate} > ${addYears(ctx.on, -(rule.max + 1))}::date`);
      return sql`(${sql.join(parts, sql` and `)})`;
    }
    case 'flag': {
      const column = {
        lowIncome: persons.lowIncome,
        extremePoverty: persons.extremePoverty,
        povertyMonitored: persons.povertyMonitored,
      }[rule.flag];
      return rule.is ? sql`(${column} = true)` : sql`(${column} = false)`;
    }
    case 'certificateStatus':
      return certificateSql(rule.in, ctx.on);
    case 'personStatus':
      return ctx.statusAsOf ? statusAsOfSql(rule.in, ctx.on) : sql`(${persons.status} in (${list(rule.in)}))`;
    case 'region': {
      const prefixes = rule.within.map(regionPrefix);
      if (prefixes.includes('')) return sql`true`;
      return sql`(${sql.join(
        prefixes.map((p) => sql`${persons.regionCode} like ${`${p}%`}`),
        sql` or `,
      )})`;
    }
    case 'householdDisabledCount':
      // The facts count the household's active members, at least 1 (a person without a household counts
      // 1): min ≤ 1 always holds; above, the household must have min active members.
      if (rule.min <= 1) return sql`true`;
      return sql`(coalesce(rule_household.n, 0) >= ${rule.min})`;
    case 'programHeld': {
      const held = sql`(${sql.identifier(heldAlias(ctx, rule.program))}.person_id is not null)`;
      return rule.held ? held : sql`(not ${held})`;
    }
    case 'needs':
      return sql`coalesce(rule_needs.needs && array[${list(rule.any)}]::text[], false)`;
  }
}

/** The alias of the join that finds the holding application of `program`. */
function heldAlias(ctx: CompileContext, program: string): string {
  const i = ctx.programs.indexOf(program);
  return `rule_held_${i}`;
}

function condition(rule: Rule, ctx: CompileContext): SQL {
  if ('fact' in rule) return factSql(rule, ctx);
  if ('not' in rule) return sql`(not ${condition(rule.not, ctx)})`;
  const children = 'all' in rule ? rule.all : rule.any;
  return sql`(${sql.join(
    children.map((child) => condition(child, ctx)),
    'all' in rule ? sql` and ` : sql` or `,
  )})`;
}

type Lookups = { programs: string[]; needs: Set<string>; householdMin: number | null };
type CompileContext = RuleSqlContext & { programs: string[] };

function lookupsOf(rule: Rule, into: Lookups): Lookups {
  if ('fact' in rule) {
    if (rule.fact === 'programHeld' && !into.programs.includes(rule.program)) into.programs.push(rule.program);
    if (rule.fact === 'needs') for (const kind of rule.any) into.needs.add(kind);
    if (rule.fact === 'householdDisabledCount' && rule.min > 1) {
      into.householdMin = Math.min(into.householdMin ?? rule.min, rule.min);
    }
  } else if ('not' in rule) {
    lookupsOf(rule.not, into);
  } else {
    for (const child of 'all' in rule ? rule.all : rule.any) lookupsOf(child, into);
  }
  return into;
}

export type RuleSql = {
  /**
   * The LEFT JOINs the rule's facts need, to write right after `from persons` (empty for a rule over the
   * person row alone). They add no rows: each joined relation has at most one row per person. Their
   * aliases (rule_held_<n>, rule_needs, rule_household) must not be used elsewhere in the query.
   */
  joins: SQL;
  /** The condition over `persons` and those joins: true exactly for the persons the rule admits. */
  where: SQL;
};

/**
 * A (validated) rule as SQL over `persons`: the joins it needs and the condition, true exactly for the
 * persons evaluateRule admits on `ctx.on` with the facts of `ctx.year`. Use as
 * `select … from persons ${joins} where ${where}` (or `count(*) filter (where ${where})`).
 */
export function ruleToSql(rule: Rule, ctx: RuleSqlContext): RuleSql {
  if (!isRealDate(ctx.on)) throw new RangeError(`Not a calendar date: ${ctx.on}`);
  const lookups = lookupsOf(rule, { programs: [], needs: new Set(), householdMin: null });
  const compile: CompileContext = { ...ctx, programs: lookups.programs };
  const joins: SQL[] = lookups.programs.map((program) => {
    const alias = sql.identifier(heldAlias(compile, program));
    return sql`left join applications as ${alias} on ${alias}.person_id = ${persons.id}
      and ${alias}.program_code = ${program} and ${alias}.year = ${ctx.year}
      and ${alias}.status in (${list(HOLDING_STATUSES)})`;
  });
  if (lookups.needs.size > 0) {
    joins.push(sql`left join (
      select s.person_id, s.needs from need_surveys s
      where s.year = ${ctx.year} and s.needs && array[${list([...lookups.needs])}]::text[]
    ) as rule_needs on rule_needs.person_id = ${persons.id}`);
  }
  if (lookups.householdMin !== null) {
    joins.push(sql`left join (
      select h.household_id, count(*)::int as n from persons h
      where h.household_id is not null and h.status = 'active'
      group by h.household_id having count(*) >= ${lookups.householdMin}
    ) as rule_household on rule_household.household_id = ${persons.householdId}`);
  }
  return { joins: sql.join(joins, sql` `), where: condition(rule, compile) };
}
