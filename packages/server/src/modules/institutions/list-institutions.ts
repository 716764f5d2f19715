import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { institutions, regions } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { countyScope, scopeWhere } from '../../scope.js';
import { institutionColumns, regionOfInstitution, toInstitutionView } from './institution-view.js';
import type { InstitutionListQuery } from './institutions.schemas.js';

/** Designated institutions in the caller's scope; filters: programme designated for, kind, active, name/address. */
export async function listInstitutions(o: { db: Queryable; actor: Actor; query: InstitutionListQuery }) {
  assertCan(o.actor, 'programs.read');
  const { q, programCode, kind, active, page, pageSize } = o.query;
  const conditions: (SQL | undefined)[] = [scopeWhere(countyScope(o.actor), institutions.regionCode)];
  if (programCode) conditions.push(sql`${programCode} = any(${institutions.programs})`);
  if (kind) conditions.push(eq(institutions.kind, kind));
  if (active) conditions.push(eq(institutions.active, active === 'true'));
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(institutions.name, like), ilike(institutions.address, like)));
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    o.db
      .select(institutionColumns)
      .from(institutions)
      .leftJoin(regions, regionOfInstitution)
      .where(where)
      .orderBy(asc(institutions.regionCode), asc(institutions.name), asc(institutions.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    o.db.select({ n: count() }).from(institutions).where(where),
  ]);
  return { items: rows.map(toInstitutionView), total: total?.n ?? 0, page, pageSize };
}
