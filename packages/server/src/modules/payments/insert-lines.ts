import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../db/client.js';

/** The columns every generator's SELECT yields, in this order. */
export const LINE_COLUMNS = sql.raw(`(cycle_id, program_code, kind, period, year, person_id, household_id,
  application_id, institution_id, region_code, grade, amount_cents, payee_name, bank_name, bank_account)`);

export type CycleTotals = { count: number; totalCents: number };

/**
 * Inserts the lines `select` yields and stores their count and total on the cycle, in one statement: the
 * INSERT … SELECT runs as a data-modifying CTE whose RETURNING feeds the cycle's update, so the figures
 * are those of the rows actually written. `ctes` are further CTEs the SELECT uses (`name as (…)`).
 *
 * `onConflict` names the partial unique index that forbids paying the same thing twice, as the arbiter of
 * ON CONFLICT DO NOTHING: what is already pending or paid is skipped by the index itself, not by a NOT
 * EXISTS on payment_lines. Such an anti-join reads the table the statement is writing: when PostgreSQL
 * plans it as a nested loop over a small (say, new) table, every row rescans the pages inserted so far —
 * measured: 50,000 lines took 17 s instead of 1 s. The index probe is O(log n) per row, and a cycle
 * generated at the same moment for an overlapping region (county and township) waits and skips rather
 * than failing.
 */
export async function insertLines(tx: Queryable, cycleId: string, select: SQL, onConflict: SQL, ctes: SQL[] = []) {
  const rows = rowsOf<{ count: number | string; total: number | string }>(
    await tx.execute(sql`
      with ${sql.join([...ctes, sql``], sql`, `)} inserted as (
        insert into payment_lines ${LINE_COLUMNS}
        ${select}
        on conflict ${onConflict} do nothing
        returning amount_cents
      )
      update payment_cycles set count = s.n, total_cents = s.total
      from (select count(*)::int as n, coalesce(sum(amount_cents), 0)::bigint as total from inserted) as s
      where payment_cycles.id = ${cycleId}
      returning payment_cycles.count as count, payment_cycles.total_cents as total`),
  );
  const row = rows[0];
  return { count: Number(row?.count ?? 0), totalCents: Number(row?.total ?? 0) } satisfies CycleTotals;
}

/** The arbiters (see insertLines): the partial unique indexes of payment_lines, as ON CONFLICT infers them. */
export const MONTH_ARBITER = sql.raw(
  `(person_id, program_code, period) where kind in ('regular', 'back_pay', 'repayment') and status in ('pending', 'paid')`,
);
export const GRANT_ARBITER = sql.raw(
  `(coalesce(household_id, person_id), program_code, year) where kind = 'grant' and status in ('pending', 'paid')`,
);
export const SETTLEMENT_ARBITER = sql.raw(
  `(application_id, kind) where kind in ('advance', 'final') and status in ('pending', 'paid')`,
);
