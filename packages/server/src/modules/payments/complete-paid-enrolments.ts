import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { monthOf } from './months.js';

/**
 * 办结 on first payment: when a monthly (or re-payment) cycle is marked paid, the approved applications
 * that enrol its paid persons in the programme — filed in or before the cycle's month — become
 * `completed`, each with an event in its history. A monthly subsidy is delivered once it is paid; the
 * completion report counts completed applications, so a county's 两项补贴 targets are met as the money
 * goes out, without an officer closing each application by hand. A completed application still enrols
 * the person for later months. One statement whatever the number of lines; returns how many completed.
 */
export async function completePaidEnrolments(
  tx: Queryable,
  actor: Pick<Actor, 'userId' | 'displayName'>,
  cycle: { id: string; kind: string; programCode: string; period: string },
  now: Date,
): Promise<number> {
  if (cycle.kind !== 'monthly' && cycle.kind !== 'repayment') return 0;
  const month = monthOf(cycle.period);
  const nowIso = now.toISOString();
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      with done as (
        update applications a set status = 'completed', completed_at = ${nowIso}::timestamptz,
          due_on = null, updated_at = ${nowIso}::timestamptz, version = a.version + 1
        where a.program_code = ${cycle.programCode} and a.status = 'approved'
          and a.applied_on < ${month.next}::date and a.decided_at <= ${nowIso}::timestamptz
          and exists (select 1 from payment_lines l where l.cycle_id = ${cycle.id} and l.status = 'paid'
            and l.person_id = a.person_id and l.program_code = a.program_code)
        returning a.id
      ), events as (
        insert into application_events (application_id, at, action, from_status, to_status, actor_id, actor_name,
          comment)
        select id, ${nowIso}::timestamptz, 'complete', 'approved', 'completed', ${actor.userId}::uuid,
          ${actor.displayName}, ${`首次发放后办结（${cycle.period} 发放批次）`}
        from done
        returning 1
      )
      select count(*)::int as n from events`),
  );
  return Number(row?.n ?? 0);
}
