import { inScope, isWithinRegion, parentRegionCode, ROOT_REGION_CODE } from '@huican/core';
import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { paymentCycles } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { scopeWhere } from '../../scope.js';

export type CycleRow = typeof paymentCycles.$inferSelect;

// A cycle belongs to a county or a township. A user sees the cycles of its region and below (a county
// officer: the county's and its townships'), and the cycles of the regions above it (a township officer:
// the county's cycle), whose lines are then cut to the user's own region (entitlements, stopped list).
// Anything else answers 404, as if it did not exist.

/** The regions above the actor's own (township → county; village → township, county). */
function regionsAbove(actor: Actor): string[] {
  const above: string[] = [];
  let code = parentRegionCode(actor.regionCode);
  while (code) {
    above.push(code);
    code = parentRegionCode(code);
  }
  return above;
}

/** SQL: the cycle is visible to the actor. */
export function cycleScopeWhere(actor: Actor): SQL {
  const above = actor.regionCode === ROOT_REGION_CODE ? [] : regionsAbove(actor);
  const own = scopeWhere(actor, paymentCycles.regionCode);
  return above.length > 0 ? or(own, inArray(paymentCycles.regionCode, above))! : own;
}

export function cycleVisibleTo(actor: Actor, regionCode: string): boolean {
  return inScope(actor, regionCode) || isWithinRegion(actor.regionCode, regionCode);
}

/** True when the actor sees every line of the cycle (its scope covers the cycle's region). */
export function seesWholeCycle(actor: Actor, cycle: Pick<CycleRow, 'regionCode'>): boolean {
  return inScope(actor, cycle.regionCode);
}

/** The cycle, or 404 CYCLE_NOT_FOUND when absent or not visible to the actor. */
export async function findCycleInScope(
  db: Queryable,
  actor: Actor,
  cycleId: string,
  o: { forUpdate?: boolean } = {},
): Promise<CycleRow> {
  const query = db.select().from(paymentCycles).where(eq(paymentCycles.id, cycleId));
  const [cycle] = o.forUpdate ? await query.for('update') : await query;
  if (!cycle || !cycleVisibleTo(actor, cycle.regionCode)) throw new AppError('CYCLE_NOT_FOUND', 404);
  return cycle;
}

/** SQL: a payment line's region lies in the actor's scope (township users see their township's lines). */
export const lineScopeWhere = (actor: Actor) => scopeWhere(actor, sql`l.region_code`);
