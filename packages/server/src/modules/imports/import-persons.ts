import { todayInChina } from '@huican/core';
import { and, eq, is, sql } from 'drizzle-orm';
import { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Db, Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { auditLog, importErrors } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { looksBinary } from '../../spreadsheets/read-csv.js';
import { readTable, type TableFormat, tableFormatOf } from '../../spreadsheets/read-table.js';
import type { Table } from '../../spreadsheets/table.js';
import { writeAudit } from '../audit/write-audit.js';
import { enqueueJob } from '../jobs/enqueue-job.js';
import type { JobHandler } from '../jobs/job-runner.js';
import { firstImportErrors, storeImportErrors } from './import-errors.js';
import {
  type CheckedRow,
  type COL,
  checkPersonRows,
  FirstRows,
  markRegistryDuplicates,
  type PersonRecord,
  personColumnPositions,
  REQUIRED_COLUMNS,
  type RowCheckContext,
  type RowError,
  rowErrors,
} from './person-rows.js';
import {
  CopyPersonWriter,
  dropSearchIndexes,
  JsonPersonWriter,
  type PersonWriter,
  rebuildIndexes,
} from './person-writers.js';

export const PERSON_IMPORT_JOB = 'persons.import';
export type ImportMode = 'strict' | 'lenient';

const RESULT_ERRORS = 100;
/**
 * Rows checked (and looked up in the registry) at a time, between two progress reports. One INSERT
 * chunk, so that checking a slice overlaps the insert of the previous one whole (measured: 10,000
 * left Node waiting for every other chunk).
 */
const CHECK_SLICE = 5_000;
/** IDs looked up in the registry per query. */
const LOOKUP_CHUNK = 20_000;
/**
 * From this many rows, an import that at least doubles the registry (the first load of a county, a
 * merger) drops most search indexes of `persons` and builds them again after the load, which is
 * several times faster than updating them row by row (measured on 1,000,000 rows: 14 s against 32 s).
 * It holds the registry's exclusive lock meanwhile: other reads and writes of persons wait.
 */
const BULK_MIN_ROWS = 100_000;
/** How long a bulk import waits for the registry's exclusive lock before loading row by row instead. */
const BULK_LOCK_TIMEOUT = '5s';

/**
 * `auto`: bulk load (see BULK_MIN_ROWS) when the file is large against the registry; `always` and
 * `never` are for tests. PGlite always writes row by row.
 */
export type BulkLoad = 'auto' | 'always' | 'never';

/** Queues an import of the uploaded file; the job does the work (see `personImportJob`). */
export async function startPersonImport(
  db: Db,
  o: { actor: Actor; file: Uint8Array; fileName: string; mode: ImportMode; now: Date },
): Promise<string> {
  assertCan(o.actor, 'persons.import');
  const format = tableFormatOf(o.fileName, o.file);
  // Refuse a binary file named .csv now rather than in the job.
  if (format === 'csv' && looksBinary(o.file)) throw new AppError('import.NOT_TEXT', 400, 'import.NOT_TEXT');
  return db.transaction(async (tx) => {
    const jobId = await enqueueJob(tx, {
      kind: PERSON_IMPORT_JOB,
      actor: o.actor,
      payload: { mode: o.mode, fileName: o.fileName, format },
      input: o.file,
    });
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'person.import_started',
        entityType: 'job',
        entityId: jobId,
        regionCode: o.actor.regionCode,
        details: { fileName: o.fileName, mode: o.mode, format, bytes: o.file.byteLength },
      },
      o.now,
    );
    return jobId;
  });
}

/**
 * Imports persons from an xlsx or CSV. Every row is checked with the rules of POST /api/persons,
 * for duplicates within the file and against the registry; the persons (each with its certificate,
 * marked as imported), the refused rows and the audit row go in ONE transaction, so a crash leaves
 * nothing half-written. In strict mode one refused row means nothing is imported.
 *
 * On PostgreSQL the rows go in through one COPY, a slice at a time, while the next slice is checked
 * (Node and the database work at the same time; a strict import that meets a refused row stops
 * writing and rolls back). A large import into a smaller registry is a bulk load (see BULK_MIN_ROWS):
 * it locks the registry and rebuilds most search indexes instead of updating them row by row. On
 * PGlite, which is one connection in this process, every row is checked first and the transaction is
 * opened only to write, a few thousand rows per INSERT.
 *
 * Restartable: the write is one transaction whose audit row marks the job as done, so a run after
 * a crash either starts clean (deleting refused rows an earlier attempt stored) or finds the
 * committed import and reports it.
 */
export const personImportJob: JobHandler = makePersonImportJob();

export function makePersonImportJob(options: { bulk?: BulkLoad } = {}): JobHandler {
  return { restartable: true, run: (ctx) => runPersonImport(ctx, options.bulk ?? 'auto') };
}

async function runPersonImport(
  { db, job, progress }: Parameters<JobHandler['run']>[0],
  bulkLoad: BulkLoad,
): ReturnType<JobHandler['run']> {
  const mode: ImportMode = job.payload.mode === 'lenient' ? 'lenient' : 'strict';
  const actor = job.payload.actor as Actor;
  const reportUrl = `/api/imports/${job.id}/errors.xlsx`;

  const committed = await committedImport(db, job.id);
  if (committed) {
    const errors = await firstImportErrors(db, job.id, RESULT_ERRORS);
    return { failed: Boolean(committed.failed), result: { ...committed.result, errors, errorReportUrl: reportUrl } };
  }
  await db.delete(importErrors).where(eq(importErrors.jobId, job.id));

  if (!job.input) throw new AppError('FILE_REQUIRED', 400);
  const format =
    (job.payload.format as TableFormat | undefined) ?? tableFormatOf(String(job.payload.fileName), job.input);
  const table = await readTable(job.input, format);
  const pos = personColumnPositions(table.header);
  if (!pos) {
    throw new AppError('import.NO_HEADER', 400, 'import.NO_HEADER', {
      params: { columns: REQUIRED_COLUMNS.join('、') },
    });
  }
  const total = table.rows.length;
  if (total === 0) throw new AppError('import.EMPTY', 400, 'import.EMPTY');
  await progress(0, total);

  const checker = new RowChecker(table, pos, {
    today: todayInChina(),
    scope: actor,
    existingRegions: await existingRegionCodes(db, table, pos.regionCode),
  });
  const columns = uniqueColumns(table.header);
  const summary = (imported: number) => ({
    mode,
    imported,
    rejected: checker.rejected,
    errorCount: checker.errors.length,
    columns: columns.map((c) => c.name),
  });
  const refuse = async () => {
    // Strict with a refused row: only the refused rows are stored, nothing is imported.
    await db.transaction(async (tx) => {
      await storeImportErrors(tx, job.id, checker.errors, checker.cellsOf(columns));
      await auditImport(tx, actor, job.id, { ...summary(0), failed: true });
    });
    await progress(total, total);
    return { failed: true, result: resultOf(summary(0), checker.errors, reportUrl) };
  };
  const insertAll = async (writer: PersonWriter, source: AsyncIterable<PersonRecord[]> | Iterable<PersonRecord[]>) => {
    const refusing = () => mode === 'strict' && checker.errors.length > 0; // rolled back below: stop writing
    for await (const valid of source) if (!refusing()) await writer.write(valid);
    if (refusing()) await writer.settle();
    else await writer.flush();
    return writer.written;
  };
  const finish = async (tx: Queryable, imported: number) => {
    await storeImportErrors(tx, job.id, checker.errors, checker.cellsOf(columns));
    await auditImport(tx, actor, job.id, summary(imported));
  };

  let imported: number;
  try {
    if (is(db, PgliteDatabase)) {
      const checked: PersonRecord[][] = [];
      for await (const valid of checker.slices((rows) => findRegistered(db, rows))) {
        checked.push(valid);
        await progress(Math.floor(checker.checked / 2));
      }
      if (mode === 'strict' && checker.errors.length > 0) return await refuse();
      imported = await db.transaction(async (tx) => {
        const n = await insertAll(new JsonPersonWriter(tx, actor.userId), checked);
        await finish(tx, n);
        return n;
      });
    } else {
      // A bulk load that does not get the registry's lock in time (nothing checked yet) loads row by row.
      let bulk = await shouldBulkLoad(db, total, bulkLoad);
      for (;;) {
        try {
          imported = await db.transaction(async (tx) => {
            const writer = new CopyPersonWriter(tx, actor.userId);
            // Registry lookups run on other connections while the COPY holds this one.
            let registered: LookUpRegistry = (rows) => findRegistered(db, rows);
            let rebuild: string[] = [];
            if (bulk) {
              await tx.execute(sql.raw(`set local lock_timeout = '${BULK_LOCK_TIMEOUT}'`));
              await tx.execute(sql`lock table persons in access exclusive mode`);
              await tx.execute(sql`set local lock_timeout to default`);
              // Other connections would wait for the lock now, and nobody else can add persons: read
              // the registry's numbers once (fewer than the file's rows, or this would not be a bulk load).
              const known = await registeredNumbers(tx);
              registered = (rows) => alreadyRegistered(known, rows);
              rebuild = await dropSearchIndexes(tx);
            }
            const slices = checker.slices(registered);
            const n = await insertAll(
              writer,
              withProgress(slices, () => progress(checker.checked)),
            ).catch(async (err: unknown) => {
              await writer.abort();
              throw err;
            });
            if (mode === 'strict' && checker.errors.length > 0) throw ROLLBACK;
            if (bulk) await rebuildIndexes(tx, rebuild);
            await finish(tx, n);
            return n;
          });
          break;
        } catch (err) {
          // The registry stayed busy: load row by row, which other users' reads and writes do not wait for.
          if (bulk && checker.checked === 0 && hasCode(err, '55P03')) bulk = false;
          else throw err;
        }
      }
    }
  } catch (err) {
    if (err === ROLLBACK) return await refuse();
    if (hasCode(err, '23505')) {
      throw new AppError('import.CONCURRENT_DUPLICATE', 409, 'import.CONCURRENT_DUPLICATE');
    }
    throw err;
  }
  await progress(total, total);
  return { result: resultOf(summary(imported), checker.errors, reportUrl) };
}

/** A bulk load pays for rebuilding the search indexes over the whole table, so only when the file is large against it. */
async function shouldBulkLoad(db: Db, rows: number, bulk: BulkLoad): Promise<boolean> {
  if (bulk !== 'auto') return bulk === 'always';
  if (rows < BULK_MIN_ROWS) return false;
  const [registered] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from (select 1 from persons limit ${rows}) as p`),
  );
  return (registered?.n ?? 0) < rows;
}

const ROLLBACK = Symbol('rollback');

/** Progress updates at most this often: each is a statement, and the import waits for it. */
const PROGRESS_EVERY_MS = 500;

async function* withProgress<T>(source: AsyncIterable<T>, report: () => Promise<void>): AsyncGenerator<T> {
  let last = 0;
  for await (const item of source) {
    yield item;
    if (performance.now() - last >= PROGRESS_EVERY_MS) {
      await report();
      last = performance.now();
    }
  }
}

/**
 * Checks the table a slice at a time and keeps what the whole import needs: the refused rows (with
 * their errors, in row order) and the ID and certificate numbers seen so far (duplicates in the file).
 */
class RowChecker {
  readonly errors: RowError[] = [];
  checked = 0;
  get rejected() {
    return this.refusedIndex.size;
  }
  private readonly refusedIndex = new Map<number, number>();
  private readonly seen = { ids: new FirstRows(), certs: new Map<string, number>() };

  constructor(
    private readonly table: Table,
    private readonly pos: Record<keyof typeof COL, number>,
    private readonly ctx: RowCheckContext,
  ) {}

  /** The valid rows of each slice, once the slice is checked and looked up in the registry. */
  async *slices(registered: LookUpRegistry): AsyncGenerator<PersonRecord[]> {
    const total = this.table.rows.length;
    for (let from = 0; from < total; from += CHECK_SLICE) {
      const to = Math.min(total, from + CHECK_SLICE);
      const rows: CheckedRow[] = [];
      checkPersonRows(this.table, this.pos, this.ctx, this.seen, from, to, rows);
      markRegistryDuplicates(rows, await registered(rows));
      const valid: PersonRecord[] = [];
      for (const r of rows) {
        if (r.record) valid.push(r.record);
        else this.refusedIndex.set(r.row, r.index);
      }
      for (const e of rowErrors(rows)) this.errors.push(e);
      this.checked = to;
      yield valid;
    }
  }

  /** The original cells of a refused row, by column name. */
  cellsOf(columns: Column[]) {
    return (row: number) => {
      const cells = this.table.rows[this.refusedIndex.get(row)!]!.cells;
      const out: Record<string, string> = {};
      for (const c of columns) out[c.name] = cells[c.position] ?? '';
      return out;
    };
  }
}

function resultOf(summary: Record<string, unknown>, errors: RowError[], errorReportUrl: string) {
  return { ...summary, errors: errors.slice(0, RESULT_ERRORS), errorReportUrl };
}

const AUDIT_ACTION = 'person.import';

async function auditImport(tx: Queryable, actor: Actor, jobId: string, details: Record<string, unknown>) {
  await writeAudit(tx, actor, {
    action: AUDIT_ACTION,
    entityType: 'job',
    entityId: jobId,
    regionCode: actor.regionCode,
    details,
  });
}

/** The audit row of an earlier attempt that committed (the import is done), or null. */
async function committedImport(db: Db, jobId: string) {
  const [row] = await db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'job'), eq(auditLog.entityId, jobId), eq(auditLog.action, AUDIT_ACTION)));
  if (!row) return null;
  const { failed, ...result } = row.details as Record<string, unknown>;
  return { failed, result };
}

/** A Postgres array literal of codes, IDs or certificate numbers (digits, X and B only: no quoting needed). */
function arrayLiteral(values: string[]): string {
  return `{${values.join(',')}}`;
}

async function existingRegionCodes(db: Db, table: Table, position: number): Promise<Set<string>> {
  // A file names a few hundred regions at most: normalise each distinct cell once.
  const cells = new Set<string>();
  for (const row of table.rows) cells.add(row.cells[position] ?? '');
  const codes = new Set<string>();
  for (const cell of cells) {
    const code = cell.replace(/\s+/g, '');
    if (/^\d{12}$/.test(code)) codes.add(code);
  }
  if (codes.size === 0) return new Set();
  const rows = rowsOf<{ code: string }>(
    await db.execute(sql`select code from regions where code = any(${arrayLiteral([...codes])}::varchar[])`),
  );
  return new Set(rows.map((r) => r.code));
}

type Registered = { ids: Set<string>; certs: Set<string> };
/** Which ID and certificate numbers of checked rows the registry holds already. */
type LookUpRegistry = (rows: CheckedRow[]) => Promise<Registered> | Registered;

/** ID and certificate numbers of the file already in the registry, looked up a chunk at a time. */
async function findRegistered(db: Queryable, rows: CheckedRow[]): Promise<Registered> {
  const ids: string[] = [];
  const certs: string[] = [];
  for (const r of rows) {
    if (r.idNumber) ids.push(r.idNumber);
    if (r.certNumber) certs.push(r.certNumber);
  }
  const registered: Registered = { ids: new Set(), certs: new Set() };
  for (let from = 0; from < Math.max(ids.length, certs.length); from += LOOKUP_CHUNK) {
    const found = rowsOf<{ id_number: string; cert_number: string | null }>(
      await db.execute(sql`
        select id_number, cert_number from persons
        where id_number = any(${arrayLiteral(ids.slice(from, from + LOOKUP_CHUNK))}::varchar[])
           or cert_number = any(${arrayLiteral(certs.slice(from, from + LOOKUP_CHUNK))}::varchar[])`),
    );
    for (const f of found) {
      registered.ids.add(f.id_number);
      if (f.cert_number) registered.certs.add(f.cert_number);
    }
  }
  return registered;
}

/** Every ID and certificate number of the registry (a bulk load reads them once, under its lock). */
async function registeredNumbers(tx: Queryable): Promise<Registered> {
  const known: Registered = { ids: new Set(), certs: new Set() };
  const rows = rowsOf<{ id_number: string; cert_number: string | null }>(
    await tx.execute(sql`select id_number, cert_number from persons`),
  );
  for (const r of rows) {
    known.ids.add(r.id_number);
    if (r.cert_number) known.certs.add(r.cert_number);
  }
  return known;
}

function alreadyRegistered(known: Registered, rows: CheckedRow[]): Registered {
  const registered: Registered = { ids: new Set(), certs: new Set() };
  if (known.ids.size === 0) return registered;
  for (const r of rows) {
    if (r.idNumber && known.ids.has(r.idNumber)) registered.ids.add(r.idNumber);
    if (r.certNumber && known.certs.has(r.certNumber)) registered.certs.add(r.certNumber);
  }
  return registered;
}

type Column = { name: string; position: number };

/** The file's named columns, first of each name, in file order: what the error report repeats. */
function uniqueColumns(header: string[]): Column[] {
  const columns: Column[] = [];
  const names = new Set<string>();
  header.forEach((name, position) => {
    if (name && !names.has(name)) {
      names.add(name);
      columns.push({ name, position });
    }
  });
  return columns;
}

/** The PostgreSQL error code of a failed query, whichever driver (and Drizzle wrapper) is behind it. */
function hasCode(err: unknown, code: string): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === code || e?.cause?.code === code;
}
