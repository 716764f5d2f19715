import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { createSession, type SessionPolicy } from './sessions.js';
import { toUserView } from './user-view.js';

export type LoginOptions = {
  db: Db;
  username: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
  requestId: string;
  now: Date;
  policy: SessionPolicy;
  lockout: { threshold: number; ms: number };
};

/**
 * Signs a user in. Five wrong passwords in a row lock the account for 15 minutes; while locked,
 * even the right password is answered 423. Every attempt is audited.
 */
export async function loginUser(o: LoginOptions) {
  const [user] = await o.db.select().from(users).where(sql`lower(${users.username}) = lower(${o.username})`);
  const source = { ip: o.ip, requestId: o.requestId };

  if (!user) {
    await verifyAgainstDummy(o.password);
    await writeAudit(
      o.db,
      { userId: null as unknown as string, username: o.username.slice(0, 64), ...source },
      { action: 'auth.login_failed', entityType: 'user', details: { reason: 'unknown_user' } },
      o.now,
    );
    throw new AppError('INVALID_CREDENTIALS', 401);
  }
  const actor = { userId: user.id, username: user.username, ...source };
  const audit = (action: string, details: Record<string, unknown> = {}) =>
    writeAudit(
      o.db,
      actor,
      { action, entityType: 'user', entityId: user.id, regionCode: user.regionCode, details },
      o.now,
    );
  const lockedError = (until: Date) =>
    new AppError('ACCOUNT_LOCKED', 423, 'ACCOUNT_LOCKED', {
      params: { minutes: Math.max(1, Math.ceil((until.getTime() - o.now.getTime()) / 60_000)) },
    });

  if (user.lockedUntil && user.lockedUntil > o.now) {
    await audit('auth.login_refused_locked');
    throw lockedError(user.lockedUntil);
  }

  const ok = await verifyPassword(user.passwordHash, o.password);
  if (!ok) {
    // One statement, so that parallel attempts cannot lose a count.
    const lockUntil = new Date(o.now.getTime() + o.lockout.ms);
    const [after] = await o.db
      .update(users)
      .set({
        failedAttempts: sql`case when ${users.failedAttempts} + 1 >= ${o.lockout.threshold} then 0 else ${users.failedAttempts} + 1 end`,
        lockedUntil: sql`case when ${users.failedAttempts} + 1 >= ${o.lockout.threshold} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
      })
      .where(eq(users.id, user.id))
      .returning({ lockedUntil: users.lockedUntil });
    const nowLocked = after?.lockedUntil && after.lockedUntil > o.now;
    await audit(nowLocked ? 'auth.account_locked' : 'auth.login_failed', { reason: 'wrong_password' });
    throw new AppError('INVALID_CREDENTIALS', 401);
  }

  if (!user.active) {
    await audit('auth.login_refused_disabled');
    throw new AppError('ACCOUNT_DISABLED', 403);
  }

  return o.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: o.now })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, {
      userId: user.id,
      ip: o.ip,
      userAgent: o.userAgent,
      now: o.now,
      policy: o.policy,
    });
    await writeAudit(
      tx,
      actor,
      { action: 'auth.login', entityType: 'user', entityId: user.id, regionCode: user.regionCode },
      o.now,
    );
    return { token: session.token, user: await toUserView(tx, user) };
  });
}
