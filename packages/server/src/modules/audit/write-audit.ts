import type { Queryable } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  regionCode?: string | null;
  details?: Record<string, unknown>;
};

/** Who-did-what, written with the same transaction (`tx`) as the change it records. */
export async function writeAudit(
  tx: Queryable,
  actor: Pick<Actor, 'userId' | 'username' | 'ip' | 'requestId'> | null,
  entry: AuditEntry,
  at: Date = new Date(),
): Promise<void> {
  await tx.insert(auditLog).values({
    at,
    actorId: actor?.userId ?? null,
    actorUsername: actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    regionCode: entry.regionCode ?? null,
    ip: actor?.ip ?? null,
    requestId: actor?.requestId ?? null,
    details: entry.details ?? {},
  });
}

/** Many entries of one actor in one statement (bulk actions); the same rows writeAudit would write. */
export async function writeAuditMany(
  tx: Queryable,
  actor: Pick<Actor, 'userId' | 'username' | 'ip' | 'requestId'>,
  entries: AuditEntry[],
  at: Date = new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      at,
      actorId: actor.userId,
      actorUsername: actor.username,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      regionCode: entry.regionCode ?? null,
      ip: actor.ip,
      requestId: actor.requestId,
      details: entry.details ?? {},
    })),
  );
}

/** The actor used by the system itself (seeding, CLI, jobs without a user). */
export const SYSTEM_ACTOR = { userId: null as unknown as string, username: 'system', ip: 'local', requestId: '' };
