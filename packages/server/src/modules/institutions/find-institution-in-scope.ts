import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { institutions, regions } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { assertInScope, countyScope } from '../../scope.js';
import { institutionColumns, regionOfInstitution, toInstitutionView } from './institution-view.js';

/** The institution's row, or 404 INSTITUTION_NOT_FOUND when absent or outside the actor's region. */
export async function findInstitutionInScope(db: Queryable, actor: Actor, id: string, o: { forUpdate?: boolean } = {}) {
  const query = db.select().from(institutions).where(eq(institutions.id, id));
  const [row] = o.forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('INSTITUTION_NOT_FOUND', 404);
  assertInScope(countyScope(actor), row.regionCode, 'INSTITUTION_NOT_FOUND');
  return row;
}

/** The view of an institution known to exist and be in scope. */
export async function institutionView(db: Queryable, id: string) {
  const [selected] = await db
    .select(institutionColumns)
    .from(institutions)
    .leftJoin(regions, regionOfInstitution)
    .where(eq(institutions.id, id));
  return toInstitutionView(selected!);
}
