import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';

export const SESSION_COOKIE = 'huican_session';

// Writing last_seen_at on every request would turn reads into writes; a minute of slack on a
// 30-minute idle timeout is harmless.
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type SessionPolicy = { idleMs: number; absoluteMs: number };

export async function createSession(
  db: Queryable,
  input: { userId: string; ip: string; userAgent: string | undefined; now: Date; policy: SessionPolicy },
): Promise<{ token: string; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  await db.insert(sessions).values({
    id: sessionId,
    userId: input.userId,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.policy.absoluteMs),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  });
  return { token, sessionId };
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | {
      status: 'active';
      sessionId: string;
      user: { id: string; username: string; displayName: string; role: string; regionCode: string };
    };

/** Finds the session of a cookie token, ending it when it is idle or past its absolute lifetime. */
export async function lookupSession(
  db: Queryable,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<SessionLookup> {
  const sessionId = hashToken(token);
  const [row] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      regionCode: users.regionCode,
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
  if (!row) return { status: 'none' };
  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (!row.active || idleFor > policy.idleMs || now >= row.expiresAt) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return { status: 'expired' };
  }
  if (idleFor > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  const { lastSeenAt: _l, expiresAt: _e, active: _a, ...user } = row;
  return { status: 'active', sessionId, user };
}

export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions nobody can use any more (called periodically). */
export async function purgeExpiredSessions(db: Queryable, now: Date, policy: SessionPolicy): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - policy.idleMs))) ?? undefined,
    );
}
