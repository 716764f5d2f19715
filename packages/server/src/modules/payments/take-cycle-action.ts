import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, type Queryable, rowsOf } from '../../db/client.js';
import { paymentCycles, paymentLines } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { completePaidEnrolments } from './complete-paid-enrolments.js';
import { toCycleView } from './cycle-view.js';
import { checkCycleTransition } from './cycle-workflow.js';
import { findCycleInScope } from './find-cycle-in-scope.js';
import type { CycleAction } from './payments.schemas.js';

/** Runs an UPDATE … RETURNING 1 and counts its rows in the database (a cycle may have a million lines). */
async function countUpdated(tx: Queryable, update: SQL): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await tx.execute(sql`with u as (${update}) select count(*)::int as n from u`));
  return Number(row?.n ?? 0);
}

export type CycleActionInput = { action: CycleAction; reason?: string | undefined };

/**
 * One step of a cycle's workflow, in one transaction with the cycle row locked (two approvals at once: the
 * second finds it approved, 409). Approval by the cycle's creator → 409 SAME_USER (maker-checker). Marking
 * paid turns every pending line paid with today's date; lines the bank's return file already marked (paid
 * with the bank's date, or failed) keep what it said. Cancelling needs a reason and voids the lines, which
 * lets a new cycle pay the same months; a cycle with a line already paid cannot be cancelled. Marking a
 * monthly cycle paid completes the approved applications of the persons it paid (completePaidEnrolments).
 */
export async function takeCycleAction(o: {
  db: Db;
  actor: Actor;
  cycleId: string;
  input: CycleActionInput;
  now: Date;
  today: string;
}) {
  const { db, actor, input, now, today } = o;
  const reason = input.reason?.trim() || null;
  if (input.action === 'cancel' && !reason) throw fieldError('reason', 'cycle.REASON_REQUIRED');
  return db.transaction(async (tx) => {
    const cycle = await findCycleInScope(tx, actor, o.cycleId, { forUpdate: true });
    const check = checkCycleTransition(cycle.status, input.action, actor.role);
    if (!check.ok) {
      throw check.problem === 'ROLE_MAY_NOT'
        ? new AppError('FORBIDDEN', 403)
        : new AppError('ILLEGAL_TRANSITION', 409, 'cycle.ILLEGAL_TRANSITION', { extra: { status: cycle.status } });
    }
    if (input.action === 'approve' && cycle.createdBy === actor.userId) throw new AppError('SAME_USER', 409);
    const lines = { marked: 0, applicationsCompleted: 0 };
    const set: Partial<typeof paymentCycles.$inferInsert> = { status: check.to };
    if (input.action === 'submit') Object.assign(set, { submittedBy: actor.userId, submittedAt: now });
    if (input.action === 'approve') Object.assign(set, { approvedBy: actor.userId, approvedAt: now });
    if (input.action === 'mark_paid') {
      Object.assign(set, { paidBy: actor.userId, paidAt: now });
      lines.marked = await countUpdated(
        tx,
        sql`update payment_lines set status = 'paid', paid_on = ${today}::date
          where cycle_id = ${cycle.id} and status = 'pending' returning 1`,
      );
      lines.applicationsCompleted = await completePaidEnrolments(tx, actor, cycle, now);
    }
    if (input.action === 'cancel') {
      const [paid] = await tx
        .select({ id: paymentLines.id })
        .from(paymentLines)
        .where(and(eq(paymentLines.cycleId, cycle.id), eq(paymentLines.status, 'paid')))
        .limit(1);
      if (paid) throw new AppError('CYCLE_PARTLY_PAID', 409);
      Object.assign(set, { cancelledBy: actor.userId, cancelledAt: now, cancelReason: reason });
      lines.marked = await countUpdated(
        tx,
        sql`update payment_lines set status = 'void'
          where cycle_id = ${cycle.id} and status in ('pending', 'failed') returning 1`,
      );
    }
    const [updated] = await tx
      .update(paymentCycles)
      .set({ ...set, version: sql`${paymentCycles.version} + 1` })
      .where(eq(paymentCycles.id, cycle.id))
      .returning();
    await writeAudit(
      tx,
      actor,
      {
        action: `cycle.${input.action}`,
        entityType: 'payment_cycle',
        entityId: cycle.id,
        regionCode: cycle.regionCode,
        details: {
          from: cycle.status,
          to: check.to,
          reason,
          ...(input.action === 'mark_paid'
            ? { linesPaid: lines.marked, applicationsCompleted: lines.applicationsCompleted }
            : {}),
          ...(input.action === 'cancel' ? { linesVoided: lines.marked } : {}),
        },
      },
      now,
    );
    return toCycleView(updated!);
  });
}
