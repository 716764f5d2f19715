import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { assertInScope } from '../../scope.js';

export async function findUserInScope(db: Queryable, actor: Actor, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('USER_NOT_FOUND', 404);
  assertInScope(actor, user.regionCode, 'USER_NOT_FOUND');
  return user;
}
