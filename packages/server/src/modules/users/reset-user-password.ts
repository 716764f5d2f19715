import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { findUserInScope } from './find-user-in-scope.js';

/** An admin sets a new password (the citizen-facing "forgot password" goes through this too); it unlocks and signs out everywhere. */
export async function resetUserPassword(o: { db: Db; actor: Actor; userId: string; password: string; now: Date }) {
  assertCan(o.actor, 'users.write');
  const target = await findUserInScope(o.db, o.actor, o.userId);
  assertPasswordPolicy(o.password, target.username);
  const passwordHash = await hashPassword(o.password);
  await o.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        failedAttempts: 0,
        lockedUntil: null,
        passwordChangedAt: o.now,
        updatedAt: o.now,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, target.id));
    await deleteUserSessions(tx, target.id);
    await writeAudit(
      tx,
      o.actor,
      { action: 'user.reset_password', entityType: 'user', entityId: target.id, regionCode: target.regionCode },
      o.now,
    );
  });
}
