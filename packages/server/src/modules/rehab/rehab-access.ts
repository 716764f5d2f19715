import { and, eq, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../db/client.js';
import { institutions, placements, rehabAssessments, rehabPlans } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { assertInScope, countyScope } from '../../scope.js';
import { institutionOf } from '../applications/find-application-in-scope.js';
import { findPersonInScope } from '../persons/find-person-in-scope.js';

export type RehabPlanRow = typeof rehabPlans.$inferSelect;

/**
 * The institution an `institution` user acts for (403 when the account is linked to none); null for
 * everyone else.
 */
export async function actingInstitution(db: Queryable, actor: Actor): Promise<string | null> {
  if (actor.role !== 'institution') return null;
  const id = await institutionOf(db, actor);
  if (!id) throw new AppError('FORBIDDEN', 403);
  return id;
}

/**
 * The person, or 404 when absent or outside the actor's region. An institution user reaches only the
 * persons placed with its institution or assessed or planned there.
 */
export async function findRehabPerson(db: Queryable, actor: Actor, personId: string) {
  const person = await findPersonInScope(db, actor, personId);
  const institutionId = await actingInstitution(db, actor);
  if (institutionId) {
    const [linked] = rowsOf(
      await db.execute(sql`
      select 1 where exists (select 1 from ${placements}
          where ${placements.personId} = ${person.id} and ${placements.institutionId} = ${institutionId})
        or exists (select 1 from ${rehabAssessments}
          where ${rehabAssessments.personId} = ${person.id} and ${rehabAssessments.institutionId} = ${institutionId})
        or exists (select 1 from ${rehabPlans}
          where ${rehabPlans.personId} = ${person.id} and ${rehabPlans.institutionId} = ${institutionId})`),
    );
    if (!linked) throw new AppError('PERSON_NOT_FOUND', 404);
  }
  return { person, institutionId };
}

/**
 * The plan, or 404 when absent, outside the actor's region or (for an institution user) another
 * institution's. `lock` holds it for the transaction: `update` to change it, `share` to record under it.
 */
export async function findPlanInScope(
  db: Queryable,
  actor: Actor,
  planId: string,
  o: { lock?: 'update' | 'share' } = {},
): Promise<{ plan: RehabPlanRow; institutionId: string | null }> {
  const query = db.select().from(rehabPlans).where(eq(rehabPlans.id, planId));
  const [plan] = o.lock ? await query.for(o.lock) : await query;
  if (!plan) throw new AppError('REHAB_PLAN_NOT_FOUND', 404);
  assertInScope(actor, plan.regionCode, 'REHAB_PLAN_NOT_FOUND');
  const institutionId = await actingInstitution(db, actor);
  if (institutionId && plan.institutionId !== institutionId) throw new AppError('REHAB_PLAN_NOT_FOUND', 404);
  return { plan, institutionId };
}

/**
 * The institution named in an assessment or plan: an institution user may name only its own (and gets
 * it when naming none); others name one in their scope (404) that is active and designated for
 * precise rehabilitation (422).
 */
export async function resolveInstitution(
  db: Queryable,
  actor: Actor,
  acting: string | null,
  requested: string | undefined,
): Promise<{ id: string; name: string } | null> {
  if (acting && requested && requested !== acting) throw fieldError('institutionId', 'rehab.OWN_INSTITUTION_ONLY');
  const id = acting ?? requested;
  if (!id) return null;
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id));
  if (!row) throw new AppError('INSTITUTION_NOT_FOUND', 404);
  assertInScope(countyScope(actor), row.regionCode, 'INSTITUTION_NOT_FOUND');
  if (!row.active || !row.programs.includes('precise_rehab')) throw new AppError('INSTITUTION_NOT_DESIGNATED', 422);
  return { id: row.id, name: row.name };
}

/** The assessment a plan follows must be the same person's, of the same year. */
export async function assertAssessmentOf(db: Queryable, assessmentId: string, personId: string, year: number) {
  const [row] = await db
    .select({ id: rehabAssessments.id })
    .from(rehabAssessments)
    .where(
      and(
        eq(rehabAssessments.id, assessmentId),
        eq(rehabAssessments.personId, personId),
        eq(rehabAssessments.year, year),
      ),
    );
  if (!row) throw fieldError('assessmentId', 'rehab.ASSESSMENT_UNKNOWN');
}
