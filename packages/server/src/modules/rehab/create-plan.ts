import type { Db } from '../../db/client.js';
import { rehabPlans } from '../../db/schema/index.js';
import { AppError, type FieldErrors, invalidFields } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { checkPlannedServices, checkPlanPeriod } from './plan-rules.js';
import type { PlanInput } from './rehab.schemas.js';
import { assertAssessmentOf, findRehabPerson, resolveInstitution } from './rehab-access.js';
import { planView } from './rehab-view.js';

/**
 * The service agreement and personalised plan (服务协议, 个性化康复方案) of a person for a year: which
 * rehabilitation services, how many sessions, by whom.
 */
export async function createPlan(o: {
  db: Db;
  actor: Actor;
  personId: string;
  input: PlanInput;
  now: Date;
  today: string;
}) {
  const { actor, input } = o;
  assertCan(actor, 'rehab.write');
  const fields: FieldErrors = {};
  if (input.agreementSignedOn > o.today) fields.agreementSignedOn = { key: 'date.FUTURE' };
  else if (input.agreementSignedOn > input.endsOn) fields.agreementSignedOn = { key: 'rehab.AGREEMENT_AFTER_END' };
  checkPlanPeriod(input.year, input.startsOn, input.endsOn, fields);
  checkPlannedServices(input.services, fields);
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
  return o.db.transaction(async (tx) => {
    const { person, institutionId: acting } = await findRehabPerson(tx, actor, o.personId);
    if (person.status !== 'active') throw new AppError('PERSON_NOT_ACTIVE', 422);
    if (input.assessmentId) await assertAssessmentOf(tx, input.assessmentId, person.id, input.year);
    const institution = await resolveInstitution(tx, actor, acting, input.institutionId);
    const [plan] = await tx
      .insert(rehabPlans)
      .values({
        personId: person.id,
        assessmentId: input.assessmentId ?? null,
        year: input.year,
        regionCode: person.regionCode,
        institutionId: institution?.id ?? null,
        agreementSignedOn: input.agreementSignedOn,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        goals: input.goals,
        services: input.services.map((s) => ({
          kind: s.kind,
          sessions: s.sessions,
          ...(s.provider ? { provider: s.provider } : {}),
        })),
        createdBy: actor.userId,
        createdAt: o.now,
      })
      .returning();
    await writeAudit(
      tx,
      actor,
      {
        action: 'rehab.plan.create',
        entityType: 'person',
        entityId: person.id,
        regionCode: person.regionCode,
        details: {
          planId: plan!.id,
          year: input.year,
          institutionId: institution?.id ?? null,
          services: plan!.services,
        },
      },
      o.now,
    );
    return planView(plan!, new Map(), institution?.name ?? null);
  });
}
