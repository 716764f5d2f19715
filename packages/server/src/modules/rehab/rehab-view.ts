import { percent } from '@huican/core';
import { inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { institutions, personServices, type rehabAssessments } from '../../db/schema/index.js';
import type { RehabPlanRow } from './rehab-access.js';

export type Delivered = Map<string, Map<string, number>>;

export const assessmentView = (a: typeof rehabAssessments.$inferSelect) => ({
  id: a.id,
  personId: a.personId,
  year: a.year,
  place: a.place,
  institutionId: a.institutionId,
  assessedOn: a.assessedOn,
  assessor: a.assessor,
  needs: a.needs,
  devices: a.devices,
  note: a.note,
  createdAt: a.createdAt.toISOString(),
});

/** Service records delivered under each plan, by kind (person_services.plan_id): one grouped query. */
export async function deliveredByPlan(db: Queryable, planIds: string[]): Promise<Delivered> {
  const delivered: Delivered = new Map();
  if (planIds.length === 0) return delivered;
  const rows = await db
    .select({ planId: personServices.planId, kind: personServices.kind, n: sql<number>`count(*)::int` })
    .from(personServices)
    .where(inArray(personServices.planId, planIds))
    .groupBy(personServices.planId, personServices.kind);
  for (const r of rows) {
    const byKind = delivered.get(r.planId!) ?? new Map<string, number>();
    byKind.set(r.kind, r.n);
    delivered.set(r.planId!, byKind);
  }
  return delivered;
}

/**
 * Progress of a plan: sessions delivered over sessions planned. Sessions beyond a service's plan do
 * not make up for another service's shortfall, so each service counts at most its planned sessions.
 */
export function planProgress(plan: Pick<RehabPlanRow, 'id' | 'services'>, delivered: Delivered) {
  const byKind = delivered.get(plan.id);
  const services = plan.services.map((s) => ({
    kind: s.kind,
    sessions: s.sessions,
    provider: s.provider ?? null,
    delivered: byKind?.get(s.kind) ?? 0,
  }));
  const planned = services.reduce((n, s) => n + s.sessions, 0);
  const done = services.reduce((n, s) => n + Math.min(s.delivered, s.sessions), 0);
  return { services, progress: { planned, delivered: done, percent: percent(done, planned) } };
}

export function planView(plan: RehabPlanRow, delivered: Delivered, institutionName: string | null = null) {
  const { services, progress } = planProgress(plan, delivered);
  return {
    id: plan.id,
    personId: plan.personId,
    assessmentId: plan.assessmentId,
    year: plan.year,
    regionCode: plan.regionCode,
    institutionId: plan.institutionId,
    institutionName,
    agreementSignedOn: plan.agreementSignedOn,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    goals: plan.goals,
    services,
    progress,
    status: plan.status,
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
  };
}

/** The views of some plans, with their institutions' names and delivered sessions (two queries). */
export async function planViews(db: Queryable, plans: RehabPlanRow[]) {
  const institutionIds = [...new Set(plans.map((p) => p.institutionId).filter((id): id is string => id !== null))];
  const names = new Map(
    institutionIds.length === 0
      ? []
      : (
          await db
            .select({ id: institutions.id, name: institutions.name })
            .from(institutions)
            .where(inArray(institutions.id, institutionIds))
        ).map((i) => [i.id, i.name] as const),
  );
  const delivered = await deliveredByPlan(
    db,
    plans.map((p) => p.id),
  );
  return plans.map((p) => planView(p, delivered, p.institutionId ? (names.get(p.institutionId) ?? null) : null));
}
