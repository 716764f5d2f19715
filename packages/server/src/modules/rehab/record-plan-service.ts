import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { findPersonInScope } from '../persons/find-person-in-scope.js';
import { insertPersonService } from '../persons/needs-and-services.js';
import type { PlanServiceInput } from './rehab.schemas.js';
import { findPlanInScope } from './rehab-access.js';

/**
 * A service delivered under an active plan: a person_services row tied to the plan (and to the
 * institution when an institution user records it), counted by the rehabilitation rates of its year.
 */
export async function recordPlanService(o: {
  db: Db;
  actor: Actor;
  planId: string;
  input: PlanServiceInput;
  now: Date;
  today: string;
}) {
  const { actor, input } = o;
  assertCan(actor, 'rehab.write');
  if (input.date > o.today) throw fieldError('date', 'date.FUTURE');
  return o.db.transaction(async (tx) => {
    // Shared lock: the plan cannot be closed or shortened while the record is written.
    const { plan, institutionId } = await findPlanInScope(tx, actor, o.planId, { lock: 'share' });
    if (plan.status !== 'active') throw new AppError('REHAB_PLAN_CLOSED', 409);
    const planned = plan.services.find((s) => s.kind === input.kind);
    if (!planned) throw fieldError('kind', 'rehab.KIND_NOT_IN_PLAN');
    if (input.date < plan.startsOn || input.date > plan.endsOn) {
      throw fieldError('date', 'rehab.DATE_OUTSIDE_PLAN', { from: plan.startsOn, to: plan.endsOn });
    }
    const person = await findPersonInScope(tx, actor, plan.personId);
    const [institution] = institutionId
      ? await tx.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, institutionId))
      : [];
    const service = await insertPersonService(
      tx,
      actor,
      person,
      {
        year: Number(input.date.slice(0, 4)),
        kind: input.kind,
        date: input.date,
        provider: input.provider ?? planned.provider ?? institution?.name ?? null,
        note: input.note ?? null,
        institutionId,
        planId: plan.id,
      },
      o.now,
    );
    await writeAudit(
      tx,
      actor,
      {
        action: 'rehab.service',
        entityType: 'person',
        entityId: person.id,
        regionCode: person.regionCode,
        details: { planId: plan.id, serviceId: service.id, kind: input.kind, date: input.date },
      },
      o.now,
    );
    return service;
  });
}
