import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions, users } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { scopeWhere } from '../../scope.js';

export async function listUsers(o: {
  db: Db;
  actor: Actor;
  page: number;
  pageSize: number;
  q?: string | undefined;
  role?: string | undefined;
}) {
  assertCan(o.actor, 'users.read');
  const conditions: (SQL | undefined)[] = [scopeWhere(o.actor, users.regionCode)];
  if (o.q) {
    const like = `%${o.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.username, like), ilike(users.displayName, like)));
  }
  if (o.role) conditions.push(eq(users.role, o.role as 'admin'));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    o.db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        regionCode: users.regionCode,
        regionName: regions.name,
        active: users.active,
        lockedUntil: users.lockedUntil,
        lastLoginAt: users.lastLoginAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .leftJoin(regions, eq(regions.code, users.regionCode))
      .where(where)
      .orderBy(asc(users.regionCode), asc(users.username))
      .limit(o.pageSize)
      .offset((o.page - 1) * o.pageSize),
    o.db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      regionName: r.regionName ?? null,
      lockedUntil: r.lockedUntil?.toISOString() ?? null,
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
    page: o.page,
    pageSize: o.pageSize,
  };
}
