import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { persons, regions } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { personConditions, personOrder } from './person-filters.js';
import { toPersonView } from './person-view.js';
import type { PersonFilters } from './persons.schemas.js';

/**
 * Matches are counted up to one past this: a search with more answers `total` 10,001 and
 * `totalCapped: true` ("more than 10,000"). Counting every match of a broad search (`zh`, `wan`: a
 * tenth of a million-person registry) cost more than finding its first page.
 */
export const TOTAL_CAP = 10_000;

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
  const order = personOrder(o.filters.sort);
  // The page's ids first, then their rows: an initials search finds and orders its ids in the
  // initials index alone (it carries region, pinyin and id), and reads only the rows shown.
  const pageIds = o.db
    .select({ id: persons.id })
    .from(persons)
    .where(where)
    .orderBy(...order)
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize)
    .as('page_ids');
  const matches = o.db
    .select({ one: sql`1`.as('one') })
    .from(persons)
    .where(where)
    .limit(TOTAL_CAP + 1)
    .as('matches');
  const [rows, [counted]] = await Promise.all([
    o.db
      .select({ person: persons, regionName: regions.name })
      .from(pageIds)
      .innerJoin(persons, eq(persons.id, pageIds.id))
      .leftJoin(regions, eq(regions.code, persons.regionCode))
      .orderBy(...order),
    o.db.select({ n: count() }).from(matches),
  ]);
  const n = counted?.n ?? 0;
  return {
    items: rows.map((r) => toPersonView(r.person, { role: o.actor.role, today: o.today, regionName: r.regionName })),
    total: n,
    totalCapped: n > TOTAL_CAP,
    page: o.page,
    pageSize: o.pageSize,
  };
}
