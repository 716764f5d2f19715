import type { Queryable } from '../../db/client.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { findInstitutionInScope, institutionView } from './find-institution-in-scope.js';

/** One institution with its open placements; 404 when absent or outside the caller's region. */
export async function getInstitution(o: { db: Queryable; actor: Actor; id: string }) {
  assertCan(o.actor, 'programs.read');
  await findInstitutionInScope(o.db, o.actor, o.id);
  return institutionView(o.db, o.id);
}
