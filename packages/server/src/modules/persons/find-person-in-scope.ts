import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { persons } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { assertInScope } from '../../scope.js';

/** The person, or 404 when absent or outside the actor's region (the same answer for both). */
export async function findPersonInScope(
  db: Queryable,
  actor: Actor,
  personId: string,
  o: { forUpdate?: boolean } = {},
) {
  const query = db.select().from(persons).where(eq(persons.id, personId));
  const [person] = o.forUpdate ? await query.for('update') : await query;
  if (!person) throw new AppError('PERSON_NOT_FOUND', 404);
  assertInScope(actor, person.regionCode, 'PERSON_NOT_FOUND');
  return person;
}
