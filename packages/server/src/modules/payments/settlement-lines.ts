import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../db/client.js';
import { applications, institutions, persons, placements, programYears } from '../../db/schema/index.js';
import { type CycleTotals, insertLines, SETTLEMENT_ARBITER } from './insert-lines.js';
import { standardMissing } from './monthly-lines.js';
import type { Month } from './months.js';

// Institution settlements (定点机构结算) for service programmes: the institution is paid, not the person.
// A placement's amount is the programme's fixed amount of the application's year (the year the service was
// approved for). An open placement gets an 'advance' line (HUICAN_SETTLEMENT_ADVANCE_PERCENT of the amount,
// half-up to the fen); a closed placement of a completed application gets a 'final' line for the amount
// less the advance paid. A final line waits while the advance is still pending or failed (it would
// otherwise subtract an advance that may never be paid). The unique index on (application, kind) is the
// last line against settling a step twice.

/** The programme's settlement lines so far, read once before anything is written (see insertLines). */
const settledCte = (programCode: string) => sql`settled as materialized (
  select sl.application_id, sl.kind, sl.status, sl.amount_cents from payment_lines sl
  where sl.program_code = ${programCode} and sl.kind in ('advance', 'final') and sl.status <> 'void'
)`;

const candidates = (o: { programCode: string; regionPrefix: string }): SQL => sql`
  ${applications.programCode} = ${o.programCode}
  and ${persons.regionCode} like ${`${o.regionPrefix}%`}
  and (
    (${placements.status} = 'open' and ${applications.status} in ('approved', 'completed')
      and not exists (select 1 from settled s where s.application_id = ${applications.id} and s.kind = 'advance'))
    or (${placements.status} = 'closed' and ${applications.status} = 'completed'
      and not exists (select 1 from settled s where s.application_id = ${applications.id}
        and (s.kind = 'final' or s.status in ('pending', 'failed'))))
  )`;

const from = sql`
  from ${placements}
  join ${applications} on ${applications.id} = ${placements.applicationId}
  join ${persons} on ${persons.id} = ${placements.personId}`;

export async function settlementLines(
  tx: Queryable,
  o: { cycleId: string; programCode: string; period: Month; regionPrefix: string; advancePercent: number },
): Promise<CycleTotals> {
  const where = candidates(o);
  // Every placement to settle needs the standard of its application's year.
  const [missing] = rowsOf<{ year: number }>(
    await tx.execute(sql`
      with ${settledCte(o.programCode)}
      select distinct ${applications.year} as year ${from}
      left join ${programYears} on ${programYears.programCode} = ${applications.programCode}
        and ${programYears.year} = ${applications.year}
      where ${where} and ${programYears.amountCents} is null
      order by 1 limit 1`),
  );
  if (missing) throw standardMissing(o.programCode, Number(missing.year));
  const { period } = o;
  const advance = sql`((${programYears.amountCents}::bigint * ${o.advancePercent}::int + 50) / 100)::int`;
  const advancePaid = sql`coalesce((select sum(s.amount_cents) from settled s
    where s.application_id = ${applications.id} and s.kind = 'advance' and s.status = 'paid'), 0)::int`;
  return insertLines(
    tx,
    o.cycleId,
    sql`
      select * from (
        select ${o.cycleId}::uuid, ${o.programCode}::text,
          case when ${placements.status} = 'open' then 'advance' else 'final' end as kind,
          ${period.period}::varchar, ${period.year}::smallint, ${persons.id}, null::uuid, ${applications.id},
          ${institutions.id}, ${persons.regionCode}, ${persons.grade},
          case when ${placements.status} = 'open' then ${advance}
            else ${programYears.amountCents} - ${advancePaid} end as amount,
          ${institutions.name}, null::text, null::text
        ${from}
        join ${programYears} on ${programYears.programCode} = ${applications.programCode}
          and ${programYears.year} = ${applications.year}
        join ${institutions} on ${institutions.id} = ${placements.institutionId}
        where ${where}
      ) as line
      where line.amount > 0`,
    SETTLEMENT_ARBITER,
    [settledCte(o.programCode)],
  );
}
