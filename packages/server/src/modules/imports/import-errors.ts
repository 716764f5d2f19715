import type { PassThrough } from 'node:stream';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Queryable } from '../../db/client.js';
import { importErrors } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { logSafeError } from '../../http/log-safe-error.js';
import { type Lang, translate } from '../../i18n/messages.js';
import { type RefusedRow, streamErrorWorkbook } from '../../spreadsheets/error-workbook.js';
import { getJob } from '../jobs/get-job.js';
import type { RowError } from './person-rows.js';

const STORE_CHUNK = 5000;
const READ_CHUNK = 5000;

/**
 * Stores every refused cell of an import, set-based in chunks. The row's original cells go with
 * its first error only (the report merges them back), so a row with three errors is stored once.
 */
export async function storeImportErrors(
  tx: Queryable,
  jobId: string,
  errors: RowError[],
  cellsOfRow: (row: number) => Record<string, string>,
): Promise<void> {
  for (let from = 0; from < errors.length; from += STORE_CHUNK) {
    const chunk = errors.slice(from, from + STORE_CHUNK);
    const records = chunk.map((e, i) => ({
      row_number: e.row,
      field: e.field,
      message_key: e.key,
      params: e.params ?? null,
      cells: i > 0 && chunk[i - 1]!.row === e.row ? {} : cellsOfRow(e.row),
    }));
    // A row cut by the chunk boundary gets its cells again in the next chunk: harmless, merged.
    await tx.execute(sql`
      insert into import_errors (job_id, row_number, field, message_key, params, cells)
      select ${jobId}::uuid, r.row_number, r.field, r.message_key, r.params, r.cells
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
        as r(row_number integer, field text, message_key text, params jsonb, cells jsonb)`);
  }
}

/** The first errors of an import as the job result lists them. */
export async function firstImportErrors(db: Queryable, jobId: string, limit: number): Promise<RowError[]> {
  const rows = await db
    .select()
    .from(importErrors)
    .where(eq(importErrors.jobId, jobId))
    .orderBy(asc(importErrors.id))
    .limit(limit);
  return rows.map((r) => ({
    row: r.rowNumber,
    field: r.field,
    key: r.messageKey,
    ...(r.params ? { params: r.params } : {}),
  }));
}

/** Every refused row of the job, its messages joined, read a chunk at a time. */
async function* refusedRows(db: Db, jobId: string, lang: Lang): AsyncGenerator<RefusedRow> {
  const colon = lang === 'zh' ? '：' : ': ';
  let after = 0;
  let current: { row: number; cells: Record<string, string>; messages: string[] } | null = null;
  for (;;) {
    const chunk = await db
      .select()
      .from(importErrors)
      .where(and(eq(importErrors.jobId, jobId), gt(importErrors.id, after)))
      .orderBy(asc(importErrors.id))
      .limit(READ_CHUNK);
    for (const e of chunk) {
      if (!current || current.row !== e.rowNumber) {
        if (current) yield { cells: current.cells, message: current.messages.join('；') };
        current = { row: e.rowNumber, cells: {}, messages: [] };
      }
      Object.assign(current.cells, e.cells);
      current.messages.push(`${e.field}${colon}${translate(e.messageKey, lang, e.params ?? {})}`);
    }
    if (chunk.length < READ_CHUNK) break;
    after = chunk[chunk.length - 1]!.id;
  }
  if (current) yield { cells: current.cells, message: current.messages.join('；') };
}

/**
 * The error report of an import: every refused row with the file's own columns and a 错误说明
 * column, in the caller's language. Visible to whoever may see the job (its creator, or an
 * admin/auditor over its region), 404 otherwise.
 */
export async function importErrorReport(o: {
  db: Db;
  actor: Actor;
  jobId: string;
  lang: Lang;
  log: FastifyBaseLogger;
}): Promise<PassThrough> {
  const job = await getJob({ db: o.db, actor: o.actor, jobId: o.jobId, lang: o.lang });
  if (job.status === 'queued' || job.status === 'running') {
    throw new AppError('IMPORT_NOT_FINISHED', 409, 'import.NOT_FINISHED');
  }
  const columns = Array.isArray(job.result?.columns) ? (job.result.columns as string[]) : [];
  return streamErrorWorkbook({
    header: columns,
    rows: refusedRows(o.db, o.jobId, o.lang),
    onError: (err) => o.log.error({ err: logSafeError(err), jobId: o.jobId }, 'import error report failed'),
  });
}
