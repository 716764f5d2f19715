import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { namePinyin } from '../persons/person-rules.js';
import { orderedUuids } from './ordered-uuid.js';
import type { PersonRecord } from './person-rows.js';

/**
 * Writes the valid rows of an import inside its transaction. `write` starts sending one slice and
 * returns while the database works on it (the next slice is checked meanwhile); a failure surfaces
 * at the next `write`, at `settle` or at `flush`. No other statement may run on the transaction's
 * connection until `settle` or `flush` returns (or, for a COPY, `abort`).
 */
export interface PersonWriter {
  readonly written: number;
  write(records: PersonRecord[]): Promise<void>;
  /** Waits for what was sent (its failure is thrown here); nothing more is written. */
  settle(): Promise<void>;
  /** Writes what is pending and waits for it. */
  flush(): Promise<void>;
}

/** Persons written per INSERT statement (PGlite). */
const INSERT_CHUNK = 5_000;

/**
 * PGlite: a few thousand rows per `INSERT … SELECT FROM json_to_recordset`, the one bulk statement
 * that works the same everywhere, one statement in flight while the next chunk is prepared. The
 * certificate stays on the person row (`certificates` holds ended ones only).
 */
export class JsonPersonWriter implements PersonWriter {
  written = 0;
  private pending: PersonRecord[] = [];
  /** The statement in flight; its outcome kept as a value so that a failure waits for `settle`. */
  private inflight: Promise<{ err: unknown } | null> | null = null;
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

  async settle() {
    const outcome = await this.inflight;
    this.inflight = null;
    if (outcome) throw outcome.err;
  }

  private async send() {
    const json = personsJson(this.pending, this.nextId);
    const count = this.pending.length;
    this.pending = [];
    await this.settle();
    this.inflight = insertPersonsJson(this.tx, json, this.createdBy).then(
      () => {
        this.written += count;
        return null;
      },
      (err: unknown) => ({ err }),
    );
  }
}

/**
 * PostgreSQL: the whole import is one `COPY persons FROM STDIN` (text format), fed a slice at a time
 * while the next slice is checked. Measured on 1,000,000 rows (search indexes dropped): one COPY
 * 5.6 s; one COPY per 5,000 rows 14.5 s; `INSERT … SELECT FROM json_to_recordset` per 5,000 rows
 * 28.8 s. While the COPY is open the transaction's connection runs nothing else, so registry
 * lookups go through other connections (or are done before, see import-persons).
 */
export class CopyPersonWriter implements PersonWriter {
  written = 0;
  private readonly client: postgres.Sql;
  private readonly nextId = orderedUuids();
  private copy: OpenCopy | null = null;
  private sent = 0;

  constructor(
    tx: Queryable,
    private readonly createdBy: string,
  ) {
    this.client = postgresClientOf(tx);
  }

  async write(records: PersonRecord[]) {
    if (records.length === 0) return;
    const data = personsCopyData(records, this.nextId, this.createdBy);
    this.copy ??= await openCopy(this.client, COPY_PERSONS);
    // Waits for the previous slice to reach the socket, not for the database to take it: the server
    // works on one slice while this process checks the next.
    await this.copy.write(data);
    this.sent += records.length;
  }

  /** Ends the COPY: the rows sent so far go in (a refused strict import rolls them back). */
  async settle() {
    const copy = this.copy;
    this.copy = null;
    if (!copy) return;
    await copy.end();
    this.written = this.sent;
  }

  flush() {
    return this.settle();
  }

  /**
   * Cancels an open COPY (the server refuses it), so that the transaction can roll back: postgres-js
   * refuses any other statement on the connection while a COPY is open.
   */
  async abort() {
    const copy = this.copy;
    this.copy = null;
    await copy?.abort();
  }
}

const COPY_PERSONS = `copy persons (id, name, name_pinyin, name_initials, id_number, gender, birth_date, region_code,
  county_code, phone, address, low_income, extreme_poverty, poverty_monitored, cert_number, category, grade,
  cert_issued_on, cert_valid_until, cert_state, cert_event, created_by) from stdin`;

/** The postgres-js client under a Drizzle database or transaction (COPY is not part of Drizzle's API). */
export function postgresClientOf(db: Queryable): postgres.Sql {
  const client = (db as unknown as { session?: { client?: postgres.Sql } }).session?.client;
  if (!client || typeof client.unsafe !== 'function') throw new Error('COPY needs the postgres-js driver');
  return client;
}

type CopyQuery = PromiseLike<unknown> & { writable(): Promise<Writable>; reject(err: unknown): void };
type OpenCopy = { write(data: Buffer): Promise<void>; end(): Promise<void>; abort(): Promise<void> };

/**
 * Starts a `COPY … FROM STDIN`. `write` resolves once the previous data has been handed to the
 * socket; `end` resolves once the server has taken every row. Either rejects with the server's error.
 *
 * postgres-js 3.4 settles the query with the stream as soon as the copy starts, so a server error
 * that arrives after the last row was sent (a unique violation, a check) reaches only the query's
 * `reject`, a no-op by then, and the stream would never finish (porsager/postgres#1173): the hook on
 * `reject` turns that error into a rejection here instead of a hang.
 */
export async function openCopy(client: postgres.Sql, statement: string): Promise<OpenCopy> {
  let fail: (err: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {}); // observed through `write` and `end`
  const query = client.unsafe(statement) as unknown as CopyQuery;
  const rejectQuery = query.reject;
  query.reject = (err: unknown) => {
    fail(err);
    rejectQuery(err);
  };
  const stream = await Promise.race([query.writable(), failed]);
  stream.once('error', fail);
  let drained: Promise<void> = Promise.resolve();
  return {
    async write(data) {
      await Promise.race([drained, failed]);
      if (!stream.write(data)) drained = new Promise((resolve) => stream.once('drain', resolve));
    },
    async end() {
      const finished = new Promise<void>((resolve) => stream.once('finish', resolve));
      stream.end();
      await Promise.race([finished, failed]);
    },
    async abort() {
      // postgres-js sends CopyFail; statements queued after it run once the server has refused the COPY.
      stream.destroy(new Error('import aborted'));
      await failed.catch(() => {});
    },
  };
}

const pinyinCache = new Map<string, { full: string; initials: string }>();

/** Pinyin of a name, remembered (names repeat: a county has far fewer distinct names than persons). */
function pinyinOf(name: string): { full: string; initials: string } {
  let py = pinyinCache.get(name);
  if (!py) {
    py = namePinyin(name);
    if (pinyinCache.size >= 200_000) pinyinCache.clear();
    pinyinCache.set(name, py);
  }
  return py;
}

// COPY text format: a backslash, tab, newline or carriage return in a value is escaped; NUL cannot be
// sent at all (neither a CSV nor an xlsx can hold one; dropped should one ever come).
const COPY_SPECIAL = /[\\\t\n\r\0]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '' };

function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r\0]/g, (c) => COPY_ESCAPES[c]!) : value;
}

const bool = (b: boolean) => (b ? 't' : 'f');

/**
 * The rows in COPY text format, in the column order of `COPY_PERSONS`, as UTF-8 bytes (written row by
 * row into one buffer: cheaper than joining a string and encoding it). Pinyin is computed here, only
 * for rows that go in.
 */
export function personsCopyData(records: PersonRecord[], nextId: () => string, createdBy: string): Buffer {
  let buffer = Buffer.allocUnsafe(records.length * 320);
  let used = 0;
  for (const p of records) {
    const py = pinyinOf(p.name);
    const c = p.cert;
    // ID numbers, codes, dates and pinyin were checked: digits, X, dashes and letters only.
    const line =
      `${nextId()}\t${copyValue(p.name)}\t${py.full}\t${py.initials}\t${p.idNumber}\t${p.gender}\t${p.birthDate}\t` +
      `${p.regionCode}\t${p.countyCode}\t${copyValue(p.phone)}\t${copyValue(p.address)}\t${bool(p.lowIncome)}\t` +
      `${bool(p.extremePoverty)}\t${bool(p.povertyMonitored)}\t` +
      (c
        ? `${c.number}\t${c.category}\t${c.grade}\t${c.issuedOn}\t${c.validUntil}\tnormal\timport\t`
        : '\\N\t\\N\t\\N\t\\N\t\\N\t\\N\tissue\t') +
      `${createdBy}\n`;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (used + line.length * 3 > buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + line.length * 3));
      buffer.copy(larger, 0, 0, used);
      buffer = larger;
    }
    used += buffer.write(line, used);
  }
  return buffer.subarray(0, used);
}

/** The rows of one chunk as JSON; pinyin is computed here, only for rows that go in. */
function personsJson(chunk: PersonRecord[], nextId: () => string): string {
  const records = chunk.map((p) => {
    const py = pinyinOf(p.name);
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

async function insertPersonsJson(tx: Queryable, json: string, createdBy: string) {
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

/**
 * Search indexes a bulk load keeps up to date row by row: their keys take few distinct values (a
 * county's few hundred region codes, certificate end dates) or are never written by an import
 * (households), so the new entries land on a few pages that stay in memory, while the database has
 * time to spare waiting for the next slice. Measured on 1,000,000 rows: 3 s faster than rebuilding
 * them. Any other index (names, pinyin, initials, phones: keys all over the index) is rebuilt.
 */
const KEPT_DURING_BULK_LOAD = ['persons_region_idx', 'persons_valid_until_idx', 'persons_household_idx'];

/**
 * Drops the indexes of `persons` that serve searches only (not unique, not behind a constraint, not
 * kept, see above) and returns their definitions, read from the catalogue so that an index a later
 * migration adds is handled too. The caller holds the table's ACCESS EXCLUSIVE lock and rebuilds them
 * before commit.
 */
export async function dropSearchIndexes(tx: Queryable): Promise<string[]> {
  const indexes = rowsOf<{ name: string; definition: string }>(
    await tx.execute(sql`
      select format('%I.%I', n.nspname, c.relname) as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
      where i.indrelid = 'persons'::regclass and not i.indisunique and not i.indisprimary and i.indisvalid
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
        and c.relname <> all(${`{${KEPT_DURING_BULK_LOAD.join(',')}}`}::text[])
      order by c.relname`),
  );
  for (const index of indexes) await tx.execute(sql.raw(`drop index ${index.name}`));
  return indexes.map((i) => i.definition);
}

/** Builds the dropped indexes again, each in one sorted pass (several times faster than row by row). */
export async function rebuildIndexes(tx: Queryable, definitions: string[]): Promise<void> {
  await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
  for (const definition of definitions) await tx.execute(sql.raw(definition));
}
