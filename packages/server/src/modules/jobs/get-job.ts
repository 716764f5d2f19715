import { inScope } from '@huican/core';
import { eq, getTableColumns } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { type Lang, translate } from '../../i18n/messages.js';

type StoredRowError = { row: number; field: string; key: string; params?: Record<string, unknown> };

/** A job as its owner (or an admin/auditor over its region) sees it, messages in the caller's language. */
export async function getJob({ db, actor, jobId, lang }: { db: Db; actor: Actor; jobId: string; lang: Lang }) {
  const { input: _input, ...columns } = getTableColumns(jobs); // never the uploaded file
  const [job] = await db.select(columns).from(jobs).where(eq(jobs.id, jobId));
  const visible =
    job &&
    (job.createdBy === actor.userId ||
      ((actor.role === 'admin' || actor.role === 'auditor') && inScope(actor, job.regionCode)));
  if (!job || !visible) throw new AppError('JOB_NOT_FOUND', 404);
  const result = job.result ? { ...job.result } : null;
  if (result && Array.isArray(result.errors)) {
    result.errors = (result.errors as StoredRowError[]).map((e) => ({
      row: e.row,
      field: e.field,
      message: translate(e.key, lang, e.params),
    }));
  }
  if (result) delete result.errorParams;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: { done: job.progressDone, total: job.progressTotal },
    result,
    error: job.error ? translate(job.error, lang, (job.result?.errorParams as Record<string, unknown>) ?? {}) : null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
