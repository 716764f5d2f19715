import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { toUserView } from '../auth/user-view.js';
import { findUserInScope } from './find-user-in-scope.js';

/** Disables or re-enables an account; disabling ends its sessions at once. */
export async function setUserActive(o: { db: Db; actor: Actor; userId: string; active: boolean; now: Date }) {
  assertCan(o.actor, 'users.write');
  if (o.userId === o.actor.userId && !o.active) throw new AppError('CANNOT_DISABLE_SELF', 409);
  return o.db.transaction(async (tx) => {
    const target = await findUserInScope(tx, o.actor, o.userId);
    const [updated] = await tx
      .update(users)
      .set({ active: o.active, updatedAt: o.now, version: sql`${users.version} + 1` })
      .where(eq(users.id, target.id))
      .returning();
    if (!o.active) await deleteUserSessions(tx, target.id);
    await writeAudit(
      tx,
      o.actor,
      {
        action: o.active ? 'user.enable' : 'user.disable',
        entityType: 'user',
        entityId: target.id,
        regionCode: target.regionCode,
      },
      o.now,
    );
    return { ...(await toUserView(tx, updated!)), active: updated!.active };
  });
}
