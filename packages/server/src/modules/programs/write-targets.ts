import { inScope } from '@huican/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { programTargets, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';

export type TargetRow = { regionCode: string; target: number };
export type TargetRegionProblem = 'OUT_OF_SCOPE' | 'NOT_FOUND' | 'NOT_A_TOWNSHIP';

/**
 * Why each code cannot take a target, if it cannot: outside the actor's scope (checked first and without
 * the database, so that an answer never tells whether a region outside the scope exists), unknown, or not
 * a township.
 */
export async function targetRegionProblems(
  db: Queryable,
  actor: Actor,
  codes: string[],
): Promise<Map<string, TargetRegionProblem>> {
  const problems = new Map<string, TargetRegionProblem>();
  const inside = codes.filter((code) => {
    if (inScope(actor, code)) return true;
    problems.set(code, 'OUT_OF_SCOPE');
    return false;
  });
  const found =
    inside.length === 0
      ? []
      : await db
          .select({ code: regions.code, level: regions.level })
          .from(regions)
          .where(inArray(regions.code, inside));
  const levels = new Map(found.map((r) => [r.code, r.level]));
  for (const code of inside) {
    const level = levels.get(code);
    if (level === undefined) problems.set(code, 'NOT_FOUND');
    else if (level !== 'township') problems.set(code, 'NOT_A_TOWNSHIP');
  }
  return problems;
}

/**
 * Upserts the targets of these townships (others untouched) in one statement and writes one audit row
 * with each township's target before and after. Runs inside the caller's transaction.
 */
export async function writeTargets(
  tx: Queryable,
  o: {
    actor: Actor;
    code: string;
    year: number;
    rows: TargetRow[];
    now: Date;
    action: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const codes = o.rows.map((r) => r.regionCode);
  const before = await tx
    .select({ regionCode: programTargets.regionCode, target: programTargets.target })
    .from(programTargets)
    .where(
      and(
        eq(programTargets.programCode, o.code),
        eq(programTargets.year, o.year),
        inArray(programTargets.regionCode, codes),
      ),
    )
    .for('update');
  const previous = new Map(before.map((b) => [b.regionCode, b.target]));
  await tx.execute(sql`
    insert into program_targets (program_code, year, region_code, county_code, target, updated_at, updated_by)
    select ${o.code}, ${o.year}::smallint, t.region_code, left(t.region_code, 6), t.target,
      ${o.now.toISOString()}::timestamptz, ${o.actor.userId}::uuid
    from jsonb_to_recordset(${JSON.stringify(o.rows.map((r) => ({ region_code: r.regionCode, target: r.target })))}::jsonb)
      as t(region_code varchar, target integer)
    on conflict (program_code, year, region_code) do update
      set target = excluded.target, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  const counties = new Set(codes.map((c) => c.slice(0, 6)));
  await writeAudit(
    tx,
    o.actor,
    {
      action: o.action,
      entityType: 'program',
      entityId: o.code,
      regionCode: counties.size === 1 ? `${[...counties][0]}000000` : o.actor.regionCode,
      details: {
        year: o.year,
        ...o.details,
        changes: o.rows.map((r) => ({
          regionCode: r.regionCode,
          from: previous.get(r.regionCode) ?? null,
          to: r.target,
        })),
      },
    },
    o.now,
  );
}
