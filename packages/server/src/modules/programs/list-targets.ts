import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.js';
import { programTargets, regions } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { scopeWhere } from '../../scope.js';
import { findProgram } from './find-program.js';

const county = alias(regions, 'county');

/** A programme's township targets for a year inside the caller's scope, and their sum per county. */
export async function targetsView(db: Queryable, actor: Actor, code: string, year: number) {
  const where = and(
    eq(programTargets.programCode, code),
    eq(programTargets.year, year),
    scopeWhere(actor, programTargets.regionCode),
  );
  const [targets, totals] = await Promise.all([
    db
      .select({ regionCode: programTargets.regionCode, regionName: regions.name, target: programTargets.target })
      .from(programTargets)
      .leftJoin(regions, eq(regions.code, programTargets.regionCode))
      .where(where)
      .orderBy(asc(programTargets.regionCode)),
    db
      .select({
        countyCode: programTargets.countyCode,
        regionName: county.name,
        target: sql<number>`sum(${programTargets.target})`.mapWith(Number),
      })
      .from(programTargets)
      .leftJoin(county, eq(county.code, sql`${programTargets.countyCode} || '000000'`))
      .where(where)
      .groupBy(programTargets.countyCode, county.name)
      .orderBy(asc(programTargets.countyCode)),
  ]);
  return {
    programCode: code,
    year,
    targets: targets.map((t) => ({ regionCode: t.regionCode, regionName: t.regionName ?? null, target: t.target })),
    totals: totals.map((t) => ({
      countyCode: t.countyCode,
      regionCode: `${t.countyCode}000000`,
      regionName: t.regionName ?? null,
      target: t.target,
    })),
  };
}

/** GET …/targets/{year}: every signed-in role, scoped (a township user sees its own township). */
export async function listTargets(o: { db: Queryable; actor: Actor; code: string; year: number }) {
  assertCan(o.actor, 'programs.read');
  await findProgram(o.db, o.code);
  return targetsView(o.db, o.actor, o.code, o.year);
}
