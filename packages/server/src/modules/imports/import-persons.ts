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
import { namePinyin } from '../persons/person-rules.js';
import { firstImportErrors, storeImportErrors } from './import-errors.js';
import { orderedUuids } from './ordered-uuid.js';
import {
  type CheckedRow,
  type COL,
  checkPersonRows,
  markRegistryDuplicates,
  type PersonRecord,
  personColumnPositions,
  REQUIRED_COLUMNS,
  type RowCheckContext,
  type RowError,
  rowErrors,
} from './person-rows.js';

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
/** Persons written per INSERT statement. */
const INSERT_CHUNK = 5_000;

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
 * marked as imported), the refused rows and the audit row go in ONE transaction, a chunk of rows per
 * statement, so a crash leaves nothing half-written. In strict mode one refused row means nothing
 * is imported.
 *
 * On PostgreSQL the checking of a slice of rows overlaps the insert of the previous slice (Node and
 * the database work at the same time; a strict import that meets a refused row stops writing and
 * rolls back). On PGlite, which is one connection in this process, every row is checked first and
 * the transaction is opened only to write.
 *
 * Restartable: the write is one transaction whose audit row marks the job as done, so a run after
 * a crash either starts clean (deleting refused rows an earlier attempt stored) or finds the
 * committed import and reports it.
 */
export const personImportJob: JobHandler = {
  restartable: true,
  async run({ db, job, progress }) {
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
    const slices = () => checker.slices(db);
    const insertAll = async (tx: Queryable, source: AsyncIterable<PersonRecord[]> | Iterable<PersonRecord[]>) => {
      const writer = new PersonWriter(tx, actor.userId);
      const refusing = () => mode === 'strict' && checker.errors.length > 0; // rolled back below: stop writing
      for await (const valid of source) if (!refusing()) await writer.write(valid);
      if (refusing()) await writer.settle();
      else await writer.flush();
      return writer.written;
    };

    let imported: number;
    try {
      if (is(db, PgliteDatabase)) {
        const checked: PersonRecord[][] = [];
        for await (const valid of slices()) {
          checked.push(valid);
          await progress(Math.floor(checker.checked / 2));
        }
        if (mode === 'strict' && checker.errors.length > 0) return await refuse();
        imported = await db.transaction(async (tx) => {
          const n = await insertAll(tx, checked);
          await storeImportErrors(tx, job.id, checker.errors, checker.cellsOf(columns));
          await auditImport(tx, actor, job.id, summary(n));
          return n;
        });
      } else {
        imported = await db.transaction(async (tx) => {
          const n = await insertAll(
            tx,
            withProgress(slices(), () => progress(checker.checked)),
          );
          if (mode === 'strict' && checker.errors.length > 0) throw ROLLBACK;
          await storeImportErrors(tx, job.id, checker.errors, checker.cellsOf(columns));
          await auditImport(tx, actor, job.id, summary(n));
          return n;
        });
      }
    } catch (err) {
      if (err === ROLLBACK) return await refuse();
      if (isUniqueViolation(err)) {
        throw new AppError('import.CONCURRENT_DUPLICATE', 409, 'import.CONCURRENT_DUPLICATE');
      }
      throw err;
    }
    await progress(total, total);
    return { result: resultOf(summary(imported), checker.errors, reportUrl) };
  },
};

const ROLLBACK = Symbol('rollback');

async function* withProgress<T>(source: AsyncIterable<T>, report: () => Promise<void>): AsyncGenerator<T> {
  for await (const item of source) {
    yield item;
    await report();
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
  private readonly seen = { ids: new Map<string, number>(), certs: new Map<string, number>() };

  constructor(
    private readonly table: Table,
    private readonly pos: Record<keyof typeof COL, number>,
    private readonly ctx: RowCheckContext,
  ) {}

  /** The valid rows of each slice, once the slice is checked and looked up in the registry. */
  async *slices(db: Db): AsyncGenerator<PersonRecord[]> {
    const total = this.table.rows.length;
    for (let from = 0; from < total; from += CHECK_SLICE) {
      const to = Math.min(total, from + CHECK_SLICE);
      const rows: CheckedRow[] = [];
      checkPersonRows(this.table, this.pos, this.ctx, this.seen, from, to, rows);
      markRegistryDuplicates(rows, await findRegistered(db, rows));
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

/**
 * Writes persons a chunk per statement. The statement for one chunk runs while the next chunk is
 * prepared (pinyin, JSON); its failure surfaces at the next write or at `flush`.
 */
class PersonWriter {
  written = 0;
  private pending: PersonRecord[] = [];
  private inflight: Promise<unknown> | null = null;
  private readonly nextId = orderedUuids();

  constructor(
    private readonly tx: Queryable,
    private readonly createdBy: string,
  ) {}

  async write(records: PersonRecord[]) {
    for (const r of records) {
      this.pending.push(r);
      if (this.pending.length === INSERT_CHUNK) await this.send();
    }
  }

  async flush() {
    if (this.pending.length > 0) await this.send();
    await this.settle();
  }

  private async send() {
    const json = personsJson(this.pending, this.nextId);
    const count = this.pending.length;
    this.pending = [];
    await this.settle();
    // Settled into a value so that a failure waits for `settle` instead of going unhandled.
    this.inflight = insertPersons(this.tx, json, this.createdBy).then(
      () => {
        this.written += count;
        return null;
      },
      (err: unknown) => ({ err }),
    );
  }

  async settle() {
    const outcome = (await this.inflight) as { err: unknown } | null;
    this.inflight = null;
    if (outcome) throw outcome.err;
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
  const codes = new Set<string>();
  for (const { cells } of table.rows) {
    const code = (cells[position] ?? '').replace(/\s+/g, '');
    if (/^\d{12}$/.test(code)) codes.add(code);
  }
  if (codes.size === 0) return new Set();
  const rows = rowsOf<{ code: string }>(
    await db.execute(sql`select code from regions where code = any(${arrayLiteral([...codes])}::varchar[])`),
  );
  return new Set(rows.map((r) => r.code));
}

/** ID and certificate numbers of the file already in the registry, looked up a chunk at a time. */
async function findRegistered(db: Db, rows: CheckedRow[]) {
  const ids: string[] = [];
  const certs: string[] = [];
  for (const r of rows) {
    if (r.idNumber) ids.push(r.idNumber);
    if (r.certNumber) certs.push(r.certNumber);
  }
  const registered = { ids: new Set<string>(), certs: new Set<string>() };
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

const pinyinCache = new Map<string, { full: string; initials: string }>();

/** The rows of one chunk as JSON; pinyin is computed here, only for rows that go in, and remembered (names repeat). */
function personsJson(chunk: PersonRecord[], nextId: () => string): string {
  const records = chunk.map((p) => {
    let py = pinyinCache.get(p.name);
    if (!py) {
      py = namePinyin(p.name);
      if (pinyinCache.size >= 200_000) pinyinCache.clear();
      pinyinCache.set(p.name, py);
    }
    const c = p.cert;
    return {
      pk: nextId(),
      name: p.name,
      py: py.full,
      ini: py.initials,
      id: p.idNumber,
      g: p.gender,
      bd: p.birthDate,
      rc: p.regionCode,
      cc: p.countyCode,
      ph: p.phone,
      ad: p.address,
      li: p.lowIncome,
      ep: p.extremePoverty,
      pm: p.povertyMonitored,
      cn: c ? c.number : null,
      cat: c ? c.category : null,
      gr: c ? c.grade : null,
      ci: c ? c.issuedOn : null,
      cv: c ? c.validUntil : null,
    };
  });
  return JSON.stringify(records);
}

/**
 * One statement per chunk. The certificate stays on the person row (`certificates` holds ended ones
 * only). COPY FROM STDIN was measured against this on PostgreSQL 15 (100,000 rows in chunks of 5,000
 * in one transaction): no faster, the time goes to the indexes; and postgres-js 3.4 never settles a
 * COPY the server refuses (porsager/postgres#1173), which a concurrent duplicate would trigger.
 */
async function insertPersons(tx: Queryable, json: string, createdBy: string) {
  await tx.execute(sql`
    insert into persons (id, name, name_pinyin, name_initials, id_number, gender, birth_date, region_code,
      county_code, phone, address, low_income, extreme_poverty, poverty_monitored,
      cert_number, category, grade, cert_issued_on, cert_valid_until, cert_state, cert_event, created_by)
    select r.pk, r.name, r.py, r.ini, r.id, r.g, r.bd, r.rc, r.cc, r.ph, r.ad, r.li, r.ep, r.pm,
      r.cn, r.cat, r.gr, r.ci, r.cv, case when r.cn is null then null else 'normal' end,
      case when r.cn is null then 'issue' else 'import' end, ${createdBy}::uuid
    from json_to_recordset(${json}::json) as r(pk uuid,
      name text, py text, ini text, id varchar, g text, bd date, rc varchar, cc varchar, ph text, ad text,
      li boolean, ep boolean, pm boolean, cn varchar, cat smallint, gr smallint, ci date, cv date)`);
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

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
