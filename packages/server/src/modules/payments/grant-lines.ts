import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { applications, persons } from '../../db/schema/index.js';
import { activeOnSql } from './entitlement-sql.js';
import { type CycleTotals, GRANT_ARBITER, insertLines } from './insert-lines.js';
import type { Month } from './months.js';

/**
 * A grant cycle's lines (annual and household grants: medication subsidy, education aid, accident insurance
 * premium, home modification): one 'grant' line per completed application of the programme in the
 * period's year — per household for household programmes, whose applications carry the household — for
 * the year's fixed amount. Skipped: what is pending or paid for that year already (the unique index, as
 * ON CONFLICT arbiter), a failed grant (the re-payment batch's), and persons deceased, moved out or
 * cancelled before the period's first day. Education aid pays one amount for now; amounts by level would
 * need the level recorded on the application.
 */
export async function grantLines(
  tx: Queryable,
  o: { cycleId: string; programCode: string; period: Month; regionPrefix: string; amountCents: number },
): Promise<CycleTotals> {
  const { period } = o;
  const failed = sql`failed_grants as materialized (
    select coalesce(gl.household_id, gl.person_id) as payee from payment_lines gl
    where gl.program_code = ${o.programCode} and gl.year = ${period.year} and gl.kind = 'grant'
      and gl.status = 'failed'
  )`;
  return insertLines(
    tx,
    o.cycleId,
    sql`
      select ${o.cycleId}::uuid, ${o.programCode}::text, 'grant'::text, ${period.period}::varchar,
        ${period.year}::smallint, ${persons.id}, ${applications.householdId}, ${applications.id}, null::uuid,
        ${persons.regionCode}, ${persons.grade}, ${o.amountCents}::int, ${persons.name}, ${persons.bankName},
        ${persons.bankAccount}
      from ${applications}
      join ${persons} on ${persons.id} = ${applications.personId}
      where ${applications.programCode} = ${o.programCode} and ${applications.year} = ${period.year}
        and ${applications.status} = 'completed'
        and ${persons.regionCode} like ${`${o.regionPrefix}%`}
        and ${activeOnSql(period)}
        and ${o.amountCents}::int > 0
        and not exists (select 1 from failed_grants f
          where f.payee = coalesce(${applications.householdId}, ${applications.personId}))`,
    GRANT_ARBITER,
    [failed],
  );
}
