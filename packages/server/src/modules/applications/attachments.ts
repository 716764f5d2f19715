import { createHash } from 'node:crypto';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applicationAttachments, applicationEvents } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { findApplicationInScope } from './find-application-in-scope.js';

export const ATTACHMENT_LIMIT_BYTES = 20 * 1024 * 1024;

/** The file types accepted as supporting documents, recognised by their first bytes. */
const KINDS: { ext: string[]; type: string; magic: number[] }[] = [
  { ext: ['.pdf'], type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { ext: ['.jpg', '.jpeg'], type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { ext: ['.png'], type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  {
    ext: ['.docx'],
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    ext: ['.xlsx'],
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
];
export const ATTACHMENT_EXTENSIONS = KINDS.flatMap((k) => k.ext);

/** The content type of an upload: by extension, confirmed by content (a renamed .exe is refused). */
export function attachmentType(fileName: string, data: Uint8Array): string | null {
  const ext = path.extname(fileName).toLowerCase();
  const kind = KINDS.find((k) => k.ext.includes(ext));
  return kind?.magic.every((b, i) => data[i] === b) ? kind.type : null;
}

/** Adds a supporting document while the application is still being decided (or returned for changes). */
export async function addAttachment(o: {
  db: Db;
  actor: Actor;
  applicationId: string;
  fileName: string;
  data: Uint8Array;
  now: Date;
}) {
  const { db, actor, now } = o;
  assertCan(actor, 'applications.file');
  if (o.data.length > ATTACHMENT_LIMIT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE', {
      params: { limitMb: ATTACHMENT_LIMIT_BYTES / 1024 / 1024 },
    });
  }
  const contentType = attachmentType(o.fileName, o.data);
  if (!contentType) {
    throw new AppError('UNSUPPORTED_FILE', 400, 'UNSUPPORTED_FILE', {
      params: { expected: ATTACHMENT_EXTENSIONS.join(' / ') },
    });
  }
  const fileName = path.basename(o.fileName).slice(0, 200);
  return db.transaction(async (tx) => {
    const application = await findApplicationInScope(tx, actor, o.applicationId, { forUpdate: true });
    if (!['submitted', 'reviewed', 'returned'].includes(application.status)) {
      throw new AppError('ILLEGAL_TRANSITION', 409, 'ATTACHMENT_CLOSED');
    }
    const sha256 = createHash('sha256').update(o.data).digest('hex');
    const [created] = await tx
      .insert(applicationAttachments)
      .values({
        applicationId: application.id,
        fileName,
        contentType,
        size: o.data.length,
        sha256,
        content: Buffer.from(o.data),
        uploadedBy: actor.userId,
        uploadedAt: now,
      })
      .returning({ id: applicationAttachments.id });
    await tx.insert(applicationEvents).values({
      applicationId: application.id,
      at: now,
      action: 'attach',
      fromStatus: application.status,
      toStatus: application.status,
      actorId: actor.userId,
      actorName: actor.displayName,
      comment: fileName,
    });
    await writeAudit(
      tx,
      actor,
      {
        action: 'application.attach',
        entityType: 'application',
        entityId: application.id,
        regionCode: application.regionCode,
        details: { attachmentId: created!.id, fileName, size: o.data.length, sha256 },
      },
      now,
    );
    return { id: created!.id, fileName, contentType, size: o.data.length, sha256 };
  });
}

/** A document's bytes; every download is audited (the documents hold personal data). */
export async function readAttachment(o: { db: Db; actor: Actor; applicationId: string; attachmentId: string }) {
  const { db, actor } = o;
  assertCan(actor, 'applications.read');
  const application = await findApplicationInScope(db, actor, o.applicationId);
  const [file] = await db
    .select()
    .from(applicationAttachments)
    .where(
      and(eq(applicationAttachments.id, o.attachmentId), eq(applicationAttachments.applicationId, application.id)),
    );
  if (!file) throw new AppError('ATTACHMENT_NOT_FOUND', 404);
  await writeAudit(db, actor, {
    action: 'application.attachment.download',
    entityType: 'application',
    entityId: application.id,
    regionCode: application.regionCode,
    details: { attachmentId: file.id },
  });
  return file;
}
