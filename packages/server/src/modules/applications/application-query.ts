import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { applications, persons, placements, programs, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { scopeWhere } from '../../scope.js';
import type { ApplicationListRow } from './application-view.js';
import { institutionOf } from './find-application-in-scope.js';

/** The columns of ApplicationListRow, joined from the person, the programme and the region. */
export const applicationColumns = {
  id: applications.id,
  personId: applications.personId,
  personName: persons.name,
  personIdNumber: persons.idNumber,
  programCode: applications.programCode,
  programNameZh: programs.nameZh,
  programNameEn: programs.nameEn,
  year: applications.year,
  regionCode: applications.regionCode,
  regionName: regions.name,
  status: applications.status,
  channel: applications.channel,
  dueOn: applications.dueOn,
  autoApproved: applications.autoApproved,
  appliedOn: applications.appliedOn,
  filedAt: applications.filedAt,
  decidedAt: applications.decidedAt,
  completedAt: applications.completedAt,
  version: applications.version,
  eligibility: applications.eligibility,
};

export function selectApplications(db: Queryable) {
  return db
    .select(applicationColumns)
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.personId))
    .innerJoin(programs, eq(programs.code, applications.programCode))
    .leftJoin(regions, eq(regions.code, applications.regionCode));
}

/** Region scope, and for institution users their placements only. */
export async function applicationScope(db: Queryable, actor: Actor): Promise<SQL> {
  const inRegion = scopeWhere(actor, applications.regionCode);
  if (actor.role !== 'institution') return inRegion;
  const institutionId = await institutionOf(db, actor);
  if (!institutionId) return sql`false`;
  return and(
    inRegion,
    sql`exists (select 1 from ${placements} where ${placements.applicationId} = ${applications.id}
      and ${placements.institutionId} = ${institutionId})`,
  )!;
}

export type { ApplicationListRow };
