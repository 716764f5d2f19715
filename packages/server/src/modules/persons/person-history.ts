import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { findPersonInScope } from './find-person-in-scope.js';

/** Every change to a person's record — who, when, what, before → after — read from the audit log. */
export async function personHistory(o: { db: Db; actor: Actor; personId: string }) {
  assertCan(o.actor, 'persons.read');
  await findPersonInScope(o.db, o.actor, o.personId);
  const rows = await o.db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.entityType, 'person'), eq(auditLog.entityId, o.personId), ne(auditLog.action, 'person.view')),
    )
    .orderBy(desc(auditLog.id))
    .limit(500);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actorUsername: r.actorUsername,
    action: r.action,
    changes: (r.details.changes as Record<string, { from: unknown; to: unknown }>) ?? {},
    details: r.details,
  }));
}
