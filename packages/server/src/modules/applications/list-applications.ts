import { type ApplicationStatus, PENDING_STATUSES } from '@huican/core';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applications, persons } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { assertInScope, scopeWhere } from '../../scope.js';
import { applicationScope, selectApplications } from './application-query.js';
import { toApplicationView } from './application-view.js';

export type ApplicationFilters = {
  status?: ApplicationStatus[] | undefined;
  programCode?: string | undefined;
  regionCode?: string | undefined;
  year?: number | undefined;
  personId?: string | undefined;
  /** Name or ID-number prefix of the person. */
  q?: string | undefined;
  /** Pending (submitted or reviewed) past their step's due date. */
  overdue?: boolean | undefined;
};

/**
 * Applications in the actor's scope, most urgent first (earliest due date, then newest). With
 * `overdue`, only those waiting past their time limit: the overdue list.
 */
export async function listApplications(o: {
  db: Db;
  actor: Actor;
  filters: ApplicationFilters;
  page: number;
  pageSize: number;
  today: string;
  lang: Lang;
}) {
  const { db, actor, filters: f } = o;
  assertCan(actor, 'applications.read');
  if (f.regionCode) assertInScope(actor, f.regionCode, 'REGION_NOT_FOUND');
  const conditions: (SQL | undefined)[] = [
    await applicationScope(db, actor),
    f.regionCode ? scopeWhere({ regionCode: f.regionCode }, applications.regionCode) : undefined,
    f.status?.length ? inArray(applications.status, f.status) : undefined,
    f.programCode ? eq(applications.programCode, f.programCode) : undefined,
    f.year ? eq(applications.year, f.year) : undefined,
    f.personId ? eq(applications.personId, f.personId) : undefined,
    f.overdue
      ? and(inArray(applications.status, [...PENDING_STATUSES]), sql`${applications.dueOn} < ${o.today}`)
      : undefined,
    f.q ? sql`(${persons.name} like ${`${f.q}%`} or ${persons.idNumber} like ${`${f.q.toUpperCase()}%`})` : undefined,
  ];
  const where = and(...conditions);
  const rows = await selectApplications(db)
    .where(where)
    .orderBy(sql`${applications.dueOn} asc nulls last`, desc(applications.filedAt), asc(applications.id))
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.personId))
    .where(where);
  return {
    items: rows.map((r) => toApplicationView(r, { role: actor.role, today: o.today, lang: o.lang })),
    total: count?.total ?? 0,
    page: o.page,
    pageSize: o.pageSize,
  };
}
