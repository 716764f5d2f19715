import { inScope, type RegionLevel, ROOT_REGION_CODE, regionPrefix } from '@huican/core';
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';

export type RegionNode = { code: string; name: string; level: RegionLevel; childCount: number };

const childCount = sql<number>`(select count(*)::int from regions c where c.parent_code = ${regions.code})`;

export const regionNodeColumns = {
  code: regions.code,
  name: regions.name,
  level: regions.level,
  childCount,
};

/** A region the actor may see: inside its scope, or on the path from the top down to its scope. */
export function isVisibleRegion(actor: Actor, code: string): boolean {
  if (inScope(actor, code)) return true;
  return actor.regionCode.startsWith(regionPrefix(code)); // an ancestor of the scope
}

export async function findVisibleRegion(db: Queryable, actor: Actor, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  if (!row || !isVisibleRegion(actor, code)) throw new AppError('REGION_NOT_FOUND', 404);
  return row;
}

/** A region the actor may act in: it exists and lies in the actor's scope. */
export async function findRegionInScope(db: Queryable, actor: Actor, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  if (!row || !inScope(actor, code)) throw new AppError('REGION_NOT_FOUND', 404);
  return row;
}

export async function listRegionRoots(db: Queryable, actor: Actor): Promise<RegionNode[]> {
  if (actor.regionCode === ROOT_REGION_CODE) {
    return db.select(regionNodeColumns).from(regions).where(eq(regions.level, 'county')).orderBy(asc(regions.code));
  }
  return db.select(regionNodeColumns).from(regions).where(eq(regions.code, actor.regionCode));
}

export async function listRegionChildren(db: Queryable, actor: Actor, code: string): Promise<RegionNode[]> {
  await findVisibleRegion(db, actor, code);
  const rows = await db
    .select(regionNodeColumns)
    .from(regions)
    .where(eq(regions.parentCode, code))
    .orderBy(asc(regions.code));
  return rows.filter((r) => isVisibleRegion(actor, r.code));
}

export async function getRegion(db: Queryable, actor: Actor, code: string) {
  const row = await findVisibleRegion(db, actor, code);
  const path = await db.execute(sql`
    with recursive up as (
      select code, name, level, parent_code, 0 as depth from regions where code = ${code}
      union all
      select r.code, r.name, r.level, r.parent_code, up.depth + 1 from regions r join up on r.code = up.parent_code
    )
    select code, name, level from up order by depth desc`);
  const pathRows = ((path as { rows?: unknown[] }).rows ?? path) as { code: string; name: string; level: string }[];
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    path: pathRows.map((p) => ({ code: p.code, name: p.name, level: p.level })),
  };
}
