import { maskIdNumber } from '@huican/core';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions, persons, regions, rehabPlans } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { assertInScope, scopeWhere } from '../../scope.js';
import { seesUnmasked } from '../persons/person-view.js';
import type { PlanListFilters } from './rehab.schemas.js';
import { actingInstitution } from './rehab-access.js';
import { deliveredByPlan, planProgress } from './rehab-view.js';

/**
 * Rehabilitation plans in the actor's scope (an institution user: its institution's only), newest year
 * first, with the person's name, the ID number masked per role, and progress.
 */
export async function listPlans(o: { db: Db; actor: Actor; filters: PlanListFilters; page: number; pageSize: number }) {
  const { db, actor, filters: f } = o;
  assertCan(actor, 'rehab.read');
  if (f.regionCode) assertInScope(actor, f.regionCode, 'REGION_NOT_FOUND');
  const institutionId = await actingInstitution(db, actor);
  const conditions: (SQL | undefined)[] = [
    scopeWhere(actor, rehabPlans.regionCode),
    institutionId ? eq(rehabPlans.institutionId, institutionId) : undefined,
    f.regionCode ? scopeWhere({ regionCode: f.regionCode }, rehabPlans.regionCode) : undefined,
    f.year ? eq(rehabPlans.year, f.year) : undefined,
    f.status ? eq(rehabPlans.status, f.status) : undefined,
  ];
  const where = and(...conditions);
  const rows = await db
    .select({
      plan: rehabPlans,
      personName: persons.name,
      personIdNumber: persons.idNumber,
      regionName: regions.name,
      institutionName: institutions.name,
    })
    .from(rehabPlans)
    .innerJoin(persons, eq(persons.id, rehabPlans.personId))
    .leftJoin(regions, eq(regions.code, rehabPlans.regionCode))
    .leftJoin(institutions, eq(institutions.id, rehabPlans.institutionId))
    .where(where)
    .orderBy(desc(rehabPlans.year), desc(rehabPlans.startsOn), asc(rehabPlans.id))
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(rehabPlans).where(where);
  const delivered = await deliveredByPlan(
    db,
    rows.map((r) => r.plan.id),
  );
  const unmasked = seesUnmasked(actor.role);
  return {
    items: rows.map(({ plan, ...r }) => ({
      id: plan.id,
      personId: plan.personId,
      personName: r.personName,
      personIdNumber: unmasked ? r.personIdNumber : maskIdNumber(r.personIdNumber),
      year: plan.year,
      regionCode: plan.regionCode,
      regionName: r.regionName,
      institutionId: plan.institutionId,
      institutionName: r.institutionName,
      agreementSignedOn: plan.agreementSignedOn,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      status: plan.status,
      progress: planProgress(plan, delivered).progress,
      version: plan.version,
    })),
    total: count?.total ?? 0,
    page: o.page,
    pageSize: o.pageSize,
  };
}
