import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { applications, placements, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { assertInScope } from '../../scope.js';

export type ApplicationRow = typeof applications.$inferSelect;

/** The institution an `institution` user works for (null when not linked to one). */
export async function institutionOf(db: Queryable, actor: Actor): Promise<string | null> {
  const [row] = await db.select({ id: users.institutionId }).from(users).where(eq(users.id, actor.userId));
  return row?.id ?? null;
}

/**
 * The application, or 404 when absent or outside the actor's region. Institution users see only the
 * applications placed with their institution.
 */
export async function findApplicationInScope(
  db: Queryable,
  actor: Actor,
  applicationId: string,
  o: { forUpdate?: boolean } = {},
): Promise<ApplicationRow> {
  const query = db.select().from(applications).where(eq(applications.id, applicationId));
  const [application] = o.forUpdate ? await query.for('update') : await query;
  if (!application) throw new AppError('APPLICATION_NOT_FOUND', 404);
  assertInScope(actor, application.regionCode, 'APPLICATION_NOT_FOUND');
  if (actor.role === 'institution') {
    const institutionId = await institutionOf(db, actor);
    const [placed] = institutionId
      ? await db
          .select({ id: placements.id })
          .from(placements)
          .where(and(eq(placements.applicationId, application.id), eq(placements.institutionId, institutionId)))
      : [];
    if (!placed) throw new AppError('APPLICATION_NOT_FOUND', 404);
  }
  return application;
}
