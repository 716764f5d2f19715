import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';

/** A user changes its own password; its other sessions end. */
export async function changeOwnPassword(o: {
  db: Db;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  now: Date;
}) {
  const [user] = await o.db.select().from(users).where(eq(users.id, o.actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, o.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', 400, 'WRONG_PASSWORD', {
      fields: { currentPassword: { key: 'WRONG_PASSWORD' } },
    });
  }
  assertPasswordPolicy(o.newPassword, user.username, 'newPassword');
  const passwordHash = await hashPassword(o.newPassword);
  await o.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: o.now, updatedAt: o.now, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, o.actor.sessionId)));
    await writeAudit(
      tx,
      o.actor,
      { action: 'user.change_password', entityType: 'user', entityId: user.id, regionCode: user.regionCode },
      o.now,
    );
  });
}
