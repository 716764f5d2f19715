import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { paymentCycles, programs, regions, users } from '../../db/schema/index.js';
import type { CYCLE_STATUSES } from '../../db/schema/payments.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { toCycleView } from './cycle-view.js';
import { cycleScopeWhere } from './find-cycle-in-scope.js';

export type CycleFilters = {
  programCode?: string | undefined;
  period?: string | undefined;
  status?: (typeof CYCLE_STATUSES)[number] | undefined;
  year?: number | undefined;
};

/** Cycles visible to the actor (its region's and below, and those of the regions above it), newest first. */
export async function listCycles(o: {
  db: Db;
  actor: Actor;
  filters: CycleFilters;
  page: number;
  pageSize: number;
  lang: Lang;
}) {
  const { db, actor, filters: f } = o;
  assertCan(actor, 'payments.read');
  const conditions: (SQL | undefined)[] = [
    cycleScopeWhere(actor),
    f.programCode ? eq(paymentCycles.programCode, f.programCode) : undefined,
    f.period ? eq(paymentCycles.period, f.period) : undefined,
    f.status ? eq(paymentCycles.status, f.status) : undefined,
    f.year ? eq(paymentCycles.year, f.year) : undefined,
  ];
  const where = and(...conditions);
  const rows = await db
    .select({
      cycle: paymentCycles,
      programName: o.lang === 'en' ? programs.nameEn : programs.nameZh,
      regionName: regions.name,
      createdByName: users.displayName,
    })
    .from(paymentCycles)
    .innerJoin(programs, eq(programs.code, paymentCycles.programCode))
    .leftJoin(regions, eq(regions.code, paymentCycles.regionCode))
    .leftJoin(users, eq(users.id, paymentCycles.createdBy))
    .where(where)
    .orderBy(desc(paymentCycles.period), desc(paymentCycles.createdAt), desc(paymentCycles.id))
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(paymentCycles).where(where);
  return {
    items: rows.map((r) => ({
      ...toCycleView(r.cycle, { programName: r.programName, regionName: r.regionName }),
      createdByName: r.createdByName ?? null,
    })),
    total: Number(count?.total ?? 0),
    page: o.page,
    pageSize: o.pageSize,
  };
}
