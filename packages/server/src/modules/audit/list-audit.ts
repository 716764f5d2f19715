import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { scopeWhere } from '../../scope.js';

export type ListAuditOptions = {
  db: Db;
  actor: Actor;
  page: number;
  pageSize: number;
  action?: string | undefined;
  username?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** Audit rows of the actor's scope, newest first. Rows without a region are visible to the whole-database scope only. */
export async function listAudit(o: ListAuditOptions) {
  assertCan(o.actor, 'audit.read');
  const conditions: SQL[] = [scopeWhere(o.actor, auditLog.regionCode)];
  if (o.action) conditions.push(eq(auditLog.action, o.action));
  if (o.username) conditions.push(eq(auditLog.actorUsername, o.username));
  if (o.entityType) conditions.push(eq(auditLog.entityType, o.entityType));
  if (o.entityId) conditions.push(eq(auditLog.entityId, o.entityId));
  if (o.from) conditions.push(gte(auditLog.at, new Date(`${o.from}T00:00:00+08:00`)));
  if (o.to) conditions.push(lt(auditLog.at, new Date(new Date(`${o.to}T00:00:00+08:00`).getTime() + 86_400_000)));
  const where = and(...conditions);
  const [rows, [totalRow]] = await Promise.all([
    o.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(o.pageSize)
      .offset((o.page - 1) * o.pageSize),
    o.db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUsername: r.actorUsername,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      regionCode: r.regionCode,
      ip: r.ip,
      details: r.details,
    })),
    total: totalRow?.n ?? 0,
    page: o.page,
    pageSize: o.pageSize,
  };
}
