import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { persons } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { regionNameOf } from '../auth/user-view.js';
import { findPersonInScope } from './find-person-in-scope.js';
import { seesUnmasked, toPersonView } from './person-view.js';

/** One person's record. Viewing unmasked personal data is itself audited. */
export async function getPerson(o: { db: Db; actor: Actor; personId: string; now: Date; today: string }) {
  assertCan(o.actor, 'persons.read');
  const person = await findPersonInScope(o.db, o.actor, o.personId);
  const [household] = person.householdId
    ? await o.db.select({ n: count() }).from(persons).where(eq(persons.householdId, person.householdId))
    : [];
  if (seesUnmasked(o.actor.role)) {
    await writeAudit(
      o.db,
      o.actor,
      { action: 'person.view', entityType: 'person', entityId: person.id, regionCode: person.regionCode },
      o.now,
    );
  }
  return toPersonView(person, {
    role: o.actor.role,
    today: o.today,
    regionName: await regionNameOf(o.db, person.regionCode),
    ...(household ? { householdSize: household.n } : {}),
  });
}
