import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  applicationAttachments,
  applicationEvents,
  applications,
  institutions,
  placements,
} from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { selectApplications } from './application-query.js';
import { toApplicationView } from './application-view.js';
import { findApplicationInScope } from './find-application-in-scope.js';

/** One application with its full history (every action, who, when, comment), attachments and placement. */
export async function getApplication(o: { db: Db; actor: Actor; applicationId: string; today: string; lang: Lang }) {
  const { db, actor } = o;
  assertCan(actor, 'applications.read');
  const application = await findApplicationInScope(db, actor, o.applicationId);
  const [row] = await selectApplications(db).where(eq(applications.id, o.applicationId));
  if (!row) throw new AppError('APPLICATION_NOT_FOUND', 404);
  const history = await db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, row.id))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
  const attachments = await db
    .select({
      id: applicationAttachments.id,
      fileName: applicationAttachments.fileName,
      contentType: applicationAttachments.contentType,
      size: applicationAttachments.size,
      uploadedAt: applicationAttachments.uploadedAt,
    })
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, row.id))
    .orderBy(asc(applicationAttachments.uploadedAt));
  const [placement] = await db
    .select({
      id: placements.id,
      institutionId: placements.institutionId,
      institutionName: institutions.name,
      startedOn: placements.startedOn,
      endedOn: placements.endedOn,
      status: placements.status,
    })
    .from(placements)
    .innerJoin(institutions, eq(institutions.id, placements.institutionId))
    .where(eq(placements.applicationId, row.id));
  return {
    ...toApplicationView(row, { role: actor.role, today: o.today, lang: o.lang }),
    history: history.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      at: e.at.toISOString(),
      actorName: e.actorName,
      comment: e.comment,
    })),
    attachments: attachments.map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    placement: placement ?? null,
    details: application.details ?? null,
  };
}
