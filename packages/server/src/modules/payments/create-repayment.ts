import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { paymentCycles } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { findBankCycle } from './bank-cycle.js';

/** A unique violation (a concurrent or earlier line pays the same month) as the 409 it means. */
export function doublePaymentToConflict(err: unknown): never {
  const e = err as { code?: string; cause?: { code?: string } };
  if (e.code === '23505' || e.cause?.code === '23505') throw new AppError('DOUBLE_PAYMENT', 409);
  throw err;
}

/**
 * A re-payment batch (重新发放) for the failed lines of a cycle: a new cycle of kind 'repayment' (same
 * programme, period and region, status draft, then the usual maker-checker actions) with one 'repayment'
 * line per failed line that no live re-payment line pays yet and whose person now has a bank account.
 * Each line keeps the failed line's month, amount and grade and takes the person's CURRENT name and
 * account (the account was usually corrected after the failure); the failed line points to it
 * (repaid_by_line_id). Lines paid to an institution (settlements) are not re-paid here. Nothing to pay
 * again → 422 NOTHING_TO_REPAY. The partial unique index on (person, programme, month) still refuses a
 * month paid twice (409 DOUBLE_PAYMENT).
 */
export async function createRepayment(o: { db: Db; actor: Actor; cycleId: string; now: Date }) {
  assertCan(o.actor, 'payments.create');
  try {
    return await o.db.transaction(async (tx) => {
      // Locked: two batches for the same source at once would both take its failed lines.
      const source = await findBankCycle(tx, o.actor, o.cycleId, { forUpdate: true });
      const [cycle] = await tx
        .insert(paymentCycles)
        .values({
          programCode: source.programCode,
          kind: 'repayment',
          period: source.period,
          year: source.year,
          regionCode: source.regionCode,
          countyCode: source.countyCode,
          status: 'draft',
          sourceCycleId: source.id,
          createdBy: o.actor.userId,
          createdAt: o.now,
        })
        .returning();
      // Ids are drawn first so that each failed line can point to its new line in the same statement.
      const [totals] = rowsOf<{ n: number; total: string | number }>(
        await tx.execute(sql`
          with failed as (
            select f.*, p.name as current_name, p.bank_name as current_bank_name,
              p.bank_account as current_bank_account,
              nextval(pg_get_serial_sequence('payment_lines', 'id')) as new_id
            from payment_lines f
            join persons p on p.id = f.person_id
            where f.cycle_id = ${source.id}::uuid and f.status = 'failed' and f.institution_id is null
              and coalesce(p.bank_account, '') <> ''
              and not exists (select 1 from payment_lines r where r.id = f.repaid_by_line_id and r.status <> 'void')
          ),
          inserted as (
            insert into payment_lines (id, cycle_id, program_code, kind, period, year, person_id, household_id,
              application_id, institution_id, region_code, grade, amount_cents, payee_name, bank_name, bank_account)
            overriding system value
            select new_id, ${cycle!.id}::uuid, program_code, 'repayment', period, year, person_id, household_id,
              application_id, null, region_code, grade, amount_cents, current_name, current_bank_name,
              current_bank_account
            from failed
            returning amount_cents
          ),
          linked as (
            update payment_lines l set repaid_by_line_id = failed.new_id from failed where l.id = failed.id
          )
          select count(*)::int as n, coalesce(sum(amount_cents), 0)::bigint as total from inserted`),
      );
      const count = Number(totals?.n ?? 0);
      if (count === 0) throw new AppError('NOTHING_TO_REPAY', 422);
      const totalCents = Number(totals!.total);
      await tx.execute(
        sql`update payment_cycles set count = ${count}, total_cents = ${totalCents} where id = ${cycle!.id}::uuid`,
      );
      await writeAudit(
        tx,
        o.actor,
        {
          action: 'payment.repayment',
          entityType: 'payment_cycle',
          entityId: cycle!.id,
          regionCode: cycle!.regionCode,
          details: { sourceCycleId: source.id, lines: count, totalCents },
        },
        o.now,
      );
      return {
        id: cycle!.id,
        programCode: cycle!.programCode,
        kind: cycle!.kind,
        period: cycle!.period,
        regionCode: cycle!.regionCode,
        status: cycle!.status,
        sourceCycleId: source.id,
        count,
        totalCents,
      };
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    doublePaymentToConflict(err);
  }
}
