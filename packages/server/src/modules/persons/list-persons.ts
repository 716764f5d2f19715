import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { persons, regions } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { personConditions, personOrder } from './person-filters.js';
import { toPersonView } from './person-view.js';
import type { PersonFilters } from './persons.schemas.js';

export async function listPersons(o: {
  db: Db;
  actor: Actor;
  filters: PersonFilters;
  page: number;
  pageSize: number;
  today: string;
}) {
  assertCan(o.actor, 'persons.read');
  const where = personConditions(o.actor, o.filters, o.today);
  const [rows, [total]] = await Promise.all([
    o.db
      .select({ person: persons, regionName: regions.name })
      .from(persons)
      .leftJoin(regions, eq(regions.code, persons.regionCode))
      .where(where)
      .orderBy(...personOrder(o.filters.sort))
      .limit(o.pageSize)
      .offset((o.page - 1) * o.pageSize),
    o.db.select({ n: count() }).from(persons).where(where),
  ]);
  return {
    items: rows.map((r) => toPersonView(r.person, { role: o.actor.role, today: o.today, regionName: r.regionName })),
    total: total?.n ?? 0,
    page: o.page,
    pageSize: o.pageSize,
  };
}
