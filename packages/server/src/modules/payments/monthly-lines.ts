import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../db/client.js';
import { persons } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { ProgramInYear } from '../programs/program-year.js';
import {
  activeOnSql,
  amountSql,
  certificateOnSql,
  type EntitlementMonth,
  gradePaidSql,
  HOLDING,
  MONTH_KINDS,
  type MonthlyStandard,
  ruleOnSql,
} from './entitlement-sql.js';
import { type CycleTotals, insertLines, MONTH_ARBITER } from './insert-lines.js';
import { type Month, monthOf } from './months.js';

export type ProgramYearLoader = (year: number) => Promise<ProgramInYear>;

export function standardMissing(programCode: string, year: number) {
  return new AppError('STANDARD_MISSING', 422, 'STANDARD_MISSING', { params: { programCode, year } });
}

/** The month with the rule and standard of its year; 422 STANDARD_MISSING when the year has none. */
export async function entitlementMonth(load: ProgramYearLoader, period: string): Promise<EntitlementMonth> {
  const month = monthOf(period);
  const program = await load(month.year);
  if (!program.monthlyCentsByGrade) throw standardMissing(program.code, month.year);
  return { ...month, rule: program.rule, standard: program.monthlyCentsByGrade as MonthlyStandard };
}

/**
 * Earlier months (before `period`) that may be owed as back-pay (补发) in the region: months from the month
 * of application of an enrolled person (approved or completed application) on which the person was still
 * active and held a certificate in force, and that no pending, paid or failed line pays. Only a first cut:
 * the INSERT judges each month in full (rule, grade standard). Set-based: generate_series per person.
 */
export async function backPayMonths(
  tx: Queryable,
  o: { programCode: string; period: Month; regionPrefix: string },
): Promise<string[]> {
  const rows = rowsOf<{ period: string }>(
    await tx.execute(sql`
      select distinct to_char(m.first, 'YYYY-MM') as period
      from (
        select a.person_id, min(a.applied_on) as since
        from applications a
        where a.program_code = ${o.programCode} and a.status in (${HOLDING}) and a.applied_on < ${o.period.first}::date
        group by a.person_id
      ) as e
      join ${persons} on ${persons.id} = e.person_id
      cross join lateral generate_series(date_trunc('month', e.since::timestamp),
        ${o.period.first}::timestamp - interval '1 month', interval '1 month') as m(first)
      where ${persons.regionCode} like ${`${o.regionPrefix}%`}
        and (${persons.status} = 'active' or coalesce(${persons.statusDate} >= m.first::date, false))
        and ${persons.certNumber} is not null and ${persons.certState} = 'normal'
        and coalesce(${persons.certValidUntil} >= m.first::date, false)
        and not exists (select 1 from payment_lines ml where ml.person_id = e.person_id
          and ml.program_code = ${o.programCode} and ml.period = to_char(m.first, 'YYYY-MM')
          and ml.kind in ${MONTH_KINDS} and ml.status in ('pending', 'paid', 'failed'))
      order by 1`),
  );
  return rows.map((r) => r.period);
}

/**
 * The lines of one month: every person of the region enrolled by the month's end (an approved or completed
 * application filed in or before it — the application's year does not limit later months), active on its
 * first day, holding a certificate in force then, meeting the rule of its year on that day, with a grade
 * the standard pays, and not yet paid for it. `enrolled` is the CTE of monthlyLines.
 */
function monthSelect(o: {
  cycleId: string;
  programCode: string;
  kind: 'regular' | 'back_pay';
  month: EntitlementMonth;
  regionPrefix: string;
}): SQL {
  const { month } = o;
  const rule = ruleOnSql(month);
  return sql`
    select ${o.cycleId}::uuid, ${o.programCode}::text, ${o.kind}::text, ${month.period}::varchar,
      ${month.year}::smallint, ${persons.id}, null::uuid, null::uuid, null::uuid, ${persons.regionCode},
      ${persons.grade}, ${amountSql(month.standard)}, ${persons.name}, ${persons.bankName}, ${persons.bankAccount}
    from ${persons}
    join enrolled on enrolled.person_id = ${persons.id}
    ${rule.joins}
    where enrolled.since < ${month.next}::date
      and ${persons.regionCode} like ${`${o.regionPrefix}%`}
      and ${activeOnSql(month)}
      and ${certificateOnSql(month)}
      and ${gradePaidSql(month.standard)}
      and ${rule.where}
      and not exists (select 1 from failed_months f where f.person_id = ${persons.id} and f.period = ${month.period})`;
}

/**
 * A monthly-subsidy cycle's lines, in one INSERT … SELECT: a 'regular' line per person entitled in the
 * period, and a 'back_pay' line per earlier month since the month of application that the person was
 * entitled to and nobody paid (one UNION ALL branch per such month, each with the rule and standard of its
 * own year). The partial unique index on (person, programme, month), the arbiter of ON CONFLICT DO NOTHING,
 * skips months already pending or paid and is the last line against paying a month twice.
 */
export async function monthlyLines(
  tx: Queryable,
  o: { cycleId: string; programCode: string; period: string; regionPrefix: string; load: ProgramYearLoader },
): Promise<CycleTotals & { backPayMonths: string[] }> {
  const current = await entitlementMonth(o.load, o.period);
  const earlier = await backPayMonths(tx, {
    programCode: o.programCode,
    period: current,
    regionPrefix: o.regionPrefix,
  });
  const months: { kind: 'regular' | 'back_pay'; month: EntitlementMonth }[] = [];
  for (const period of earlier) months.push({ kind: 'back_pay', month: await entitlementMonth(o.load, period) });
  months.push({ kind: 'regular', month: current });
  const branches = months.map(({ kind, month }) =>
    monthSelect({ cycleId: o.cycleId, programCode: o.programCode, kind, month, regionPrefix: o.regionPrefix }),
  );
  const enrolled = sql`enrolled as (
    select a.person_id, min(a.applied_on) as since
    from applications a
    where a.program_code = ${o.programCode} and a.status in (${HOLDING}) and a.applied_on < ${current.next}::date
    group by a.person_id
  )`;
  // Months with a failed line are the re-payment batch's to pay again (to a corrected account), not back-pay's.
  // A materialized CTE: read once, before any line is written (see insertLines).
  const failed = sql`failed_months as materialized (
    select ml.person_id, ml.period from payment_lines ml
    where ml.program_code = ${o.programCode} and ml.kind in ${MONTH_KINDS} and ml.status = 'failed'
      and ml.period in (${sql.join(
        months.map(({ month }) => sql`${month.period}`),
        sql`, `,
      )})
  )`;
  // In person order: the indexes on person_id then grow in order instead of at random places (measured on
  // 1,000,000 lines: 9 s instead of 15 s of index upkeep, the sort included).
  const ordered = sql`select * from (${sql.join(branches, sql` union all `)}) as line order by 6`;
  const totals = await insertLines(tx, o.cycleId, ordered, MONTH_ARBITER, [enrolled, failed]);
  return { ...totals, backPayMonths: earlier };
}
