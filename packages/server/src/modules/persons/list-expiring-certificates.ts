import { addDays, daysBetween, maskCertificateNumber } from '@huican/core';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { persons, regions } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { regionBreakdown, scopeWhere } from '../../scope.js';
import { seesUnmasked } from './person-view.js';

/**
 * Certificates of active persons ending within `days` (expired ones included, for 到期换证
 * reminders), with a count per child region of the region looked at.
 */
export async function listExpiringCertificates(o: {
  db: Db;
  actor: Actor;
  days: number;
  regionCode?: string | undefined;
  page: number;
  pageSize: number;
  today: string;
}) {
  assertCan(o.actor, 'persons.read');
  const { base, prefix, childCode: childOf } = regionBreakdown(o.actor, o.regionCode);
  const until = addDays(o.today, o.days);
  const where = and(
    scopeWhere(o.actor, persons.regionCode),
    base ? sql`${persons.regionCode} like ${`${prefix}%`}` : undefined,
    eq(persons.status, 'active'),
    eq(persons.certState, 'normal'),
    sql`${persons.certValidUntil} <= ${until}`,
  );
  const childCode = childOf(persons.regionCode);
  const [rows, [total], byRegion] = await Promise.all([
    o.db
      .select({
        personId: persons.id,
        name: persons.name,
        regionCode: persons.regionCode,
        regionName: regions.name,
        certificateNumber: persons.certNumber,
        validUntil: persons.certValidUntil,
      })
      .from(persons)
      .leftJoin(regions, eq(regions.code, persons.regionCode))
      .where(where)
      .orderBy(asc(persons.certValidUntil), asc(persons.id))
      .limit(o.pageSize)
      .offset((o.page - 1) * o.pageSize),
    o.db.select({ n: count() }).from(persons).where(where),
    o.db
      .select({ regionCode: childCode, regionName: sql<string | null>`max(r.name)`, count: count() })
      .from(persons)
      .leftJoin(sql`regions r`, sql`r.code = ${childCode}`)
      .where(where)
      .groupBy(childCode)
      .orderBy(childCode),
  ]);
  const unmasked = seesUnmasked(o.actor.role);
  return {
    items: rows.map((r) => ({
      ...r,
      certificateNumber: unmasked ? r.certificateNumber : maskCertificateNumber(r.certificateNumber ?? ''),
      daysLeft: daysBetween(o.today, r.validUntil!),
    })),
    byRegion,
    total: total?.n ?? 0,
    page: o.page,
    pageSize: o.pageSize,
  };
}
