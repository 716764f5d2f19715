import { REHAB_NEED_KINDS } from '@huican/core';
import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { personServices, rehabAssessments, rehabPlans } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { serviceView } from '../persons/needs-and-services.js';
import { findRehabPerson } from './rehab-access.js';
import { assessmentView, planViews } from './rehab-view.js';

/**
 * A person's precise rehabilitation in a year: assessments, plans with the sessions delivered under
 * each, and the rehabilitation services received. An institution user sees its institution's part only.
 */
export async function getPersonRehab(o: { db: Db; actor: Actor; personId: string; year: number }) {
  const { db, actor, year } = o;
  assertCan(actor, 'rehab.read');
  const { person, institutionId } = await findRehabPerson(db, actor, o.personId);
  const own = (column: typeof rehabAssessments.institutionId | typeof rehabPlans.institutionId): SQL | undefined =>
    institutionId ? eq(column, institutionId) : undefined;
  const assessments = await db
    .select()
    .from(rehabAssessments)
    .where(
      and(
        eq(rehabAssessments.personId, person.id),
        eq(rehabAssessments.year, year),
        own(rehabAssessments.institutionId),
      ),
    )
    .orderBy(desc(rehabAssessments.assessedOn), desc(rehabAssessments.createdAt));
  const plans = await db
    .select()
    .from(rehabPlans)
    .where(and(eq(rehabPlans.personId, person.id), eq(rehabPlans.year, year), own(rehabPlans.institutionId)))
    .orderBy(asc(rehabPlans.startsOn), asc(rehabPlans.createdAt));
  const planIds = plans.map((p) => p.id);
  const services = await db
    .select()
    .from(personServices)
    .where(
      and(
        eq(personServices.personId, person.id),
        eq(personServices.year, year),
        inArray(personServices.kind, [...REHAB_NEED_KINDS]),
        institutionId
          ? or(
              eq(personServices.institutionId, institutionId),
              planIds.length > 0 ? inArray(personServices.planId, planIds) : undefined,
            )
          : undefined,
      ),
    )
    .orderBy(desc(personServices.serviceDate), desc(personServices.createdAt));
  return {
    personId: person.id,
    year,
    assessments: assessments.map(assessmentView),
    plans: await planViews(db, plans),
    services: services.map(serviceView),
  };
}
