import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { personServices, rehabPlans } from '../../db/schema/index.js';
import { AppError, type FieldErrors, invalidFields } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { checkPlannedServices, checkPlanPeriod } from './plan-rules.js';
import type { PlanPatchInput } from './rehab.schemas.js';
import { findPlanInScope } from './rehab-access.js';
import { planViews } from './rehab-view.js';

/**
 * Changes an active plan (end date, goals, services) or closes it as completed or cancelled. A closed
 * plan is final (409 REHAB_PLAN_CLOSED); another edit since `version` → 409 STALE_VERSION.
 */
export async function updatePlan(o: { db: Db; actor: Actor; planId: string; input: PlanPatchInput; now: Date }) {
  const { actor, input } = o;
  assertCan(actor, 'rehab.write');
  return o.db.transaction(async (tx) => {
    const { plan } = await findPlanInScope(tx, actor, o.planId, { lock: 'update' });
    if (plan.version !== input.version) throw new AppError('STALE_VERSION', 409);
    if (plan.status !== 'active') throw new AppError('REHAB_PLAN_CLOSED', 409);
    const endsOn = input.endsOn ?? plan.endsOn;
    const services = input.services ?? plan.services;
    const fields: FieldErrors = {};
    checkPlanPeriod(plan.year, plan.startsOn, endsOn, fields);
    if (input.services) checkPlannedServices(input.services, fields);
    // Records already made under the plan must stay inside it: their kinds planned, their dates in the period.
    const [delivered] = await tx
      .select({
        kinds: sql<string[]>`coalesce(array_agg(distinct ${personServices.kind}), '{}')`,
        last: sql<string | null>`max(${personServices.serviceDate})::text`,
      })
      .from(personServices)
      .where(eq(personServices.planId, plan.id));
    const planned = new Set(services.map((s) => s.kind));
    const dropped = (delivered?.kinds ?? []).filter((k) => !planned.has(k as never));
    if (input.services && dropped.length > 0) {
      fields.services = { key: 'rehab.KIND_DELIVERED', params: { kinds: dropped.join(', ') } };
    }
    if (input.endsOn && delivered?.last && input.endsOn < delivered.last && !fields.endsOn) {
      fields.endsOn = { key: 'rehab.ENDS_BEFORE_SERVICE', params: { date: delivered.last } };
    }
    if (Object.keys(fields).length > 0) throw invalidFields(fields);
    const changes = {
      ...(input.status ? { status: input.status } : {}),
      ...(input.endsOn ? { endsOn: input.endsOn } : {}),
      ...(input.goals ? { goals: input.goals } : {}),
      ...(input.services
        ? {
            services: input.services.map((s) => ({
              kind: s.kind,
              sessions: s.sessions,
              ...(s.provider ? { provider: s.provider } : {}),
            })),
          }
        : {}),
    };
    const [updated] = await tx
      .update(rehabPlans)
      .set({ ...changes, version: plan.version + 1 })
      .where(eq(rehabPlans.id, plan.id))
      .returning();
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, plan[k as keyof typeof changes]]));
    await writeAudit(
      tx,
      actor,
      {
        action: 'rehab.plan.update',
        entityType: 'person',
        entityId: plan.personId,
        regionCode: plan.regionCode,
        details: { planId: plan.id, before, after: changes },
      },
      o.now,
    );
    const [view] = await planViews(tx, [updated!]);
    return view!;
  });
}
