import { certificateValidUntil, countyCodeOf, inScope, parseIdNumber, regionLevel, type Scope } from '@huican/core';
import type { FieldErrors } from '../../errors.js';
import { parseSheetDate } from '../../spreadsheets/parse-date.js';
import type { Table } from '../../spreadsheets/table.js';
import { checkedCertificate, checkedIdNumber, checkedPhone } from '../persons/person-rules.js';

// The columns of a person import (header row, Chinese, any order; other columns are ignored).
export const COL = {
  name: '姓名',
  idNumber: '身份证号',
  certNumber: '残疾证号',
  issuedOn: '发证日期',
  regionCode: '区划代码',
  phone: '联系电话',
  address: '住址',
  lowIncome: '低保',
  extremePoverty: '特困',
  povertyMonitored: '监测户',
} as const;
export const PERSON_COLUMNS = Object.values(COL);
export const REQUIRED_COLUMNS = [COL.name, COL.idNumber, COL.regionCode];
const COLUMN_RANK = new Map<string, number>(PERSON_COLUMNS.map((c, i) => [c, i]));

/** One refused cell: the sheet row, the column, and the message as a key with params. */
export type RowError = { row: number; field: string; key: string; params?: Record<string, unknown> };

/** A row that passed every check, ready to be written. */
export type PersonRecord = {
  row: number;
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  regionCode: string;
  countyCode: string;
  phone: string | null;
  address: string | null;
  lowIncome: boolean;
  extremePoverty: boolean;
  povertyMonitored: boolean;
  cert: { number: string; category: number; grade: number; issuedOn: string; validUntil: string } | null;
};

/** The outcome of checking one row: what it would write, or what is wrong with it. */
export type CheckedRow = {
  row: number;
  /** Index of the row in the table. */
  index: number;
  /** The normalized ID number when it is valid (for duplicate checks), else null. */
  idNumber: string | null;
  certNumber: string | null;
  fields: FieldErrors | null;
  record: PersonRecord | null;
};

export type RowCheckContext = {
  today: string;
  scope: Scope;
  /** Regions that exist, by code (only the codes the file names are needed). */
  existingRegions: Set<string>;
};

const YES = new Set(['是', '1', 'Y', 'y']);
const NO = new Set(['否', '0', 'N', 'n', '']);

/** 是/否 (also 1/0, Y/N; empty = 否); anything else is undefined. */
export function yesNo(raw: string): boolean | undefined {
  const v = raw.trim();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

/** Header positions of the import columns; null when a required column is missing. */
export function personColumnPositions(header: string[]): Record<keyof typeof COL, number> | null {
  const positions = {} as Record<keyof typeof COL, number>;
  for (const [k, name] of Object.entries(COL) as [keyof typeof COL, string][]) positions[k] = header.indexOf(name);
  return REQUIRED_COLUMNS.every((c) => header.includes(c)) ? positions : null;
}

/**
 * The first row of each ID number in a file, for duplicates within it. A JavaScript Map of a million
 * strings cost about a microsecond per row in cache misses; an ID number is 18 characters (17 digits
 * and a digit or X), which fit in two integers stored in place in one flat table, so a lookup touches
 * one cache line. Anything else (never a checked ID number) falls back to a Map.
 */
export class FirstRows {
  /** Per slot: the two halves of the number, and row + 1 (0: empty). */
  private slots = new Int32Array(3 << 16);
  private used = 0;
  private readonly others = new Map<string, number>();

  /** The row where `id` was first met, or undefined when this is the first time (`row` is recorded). */
  firstRow(id: string, row: number): number | undefined {
    if (id.length !== 18) return this.otherFirstRow(id, row);
    // Digits 1–9, then digits 10–17 and the check character (0–9 or X = 10): both below 2^31.
    let high = 0;
    let low = 0;
    for (let i = 0; i < 18; i++) {
      const c = id.charCodeAt(i);
      const digit = c >= 48 && c <= 57 ? c - 48 : i === 17 && c === 88 ? 10 : -1;
      if (digit < 0) return this.otherFirstRow(id, row);
      if (i < 9) high = high * 10 + digit;
      else low = low * (i === 17 ? 11 : 10) + digit;
    }
    let slot = this.slotOf(high, low);
    const slots = this.slots;
    while (slots[slot + 2] !== 0) {
      if (slots[slot] === high && slots[slot + 1] === low) return slots[slot + 2]! - 1;
      slot = (slot + 3) % slots.length;
    }
    slots[slot] = high;
    slots[slot + 1] = low;
    slots[slot + 2] = row + 1;
    if (++this.used * 2 > slots.length / 3) this.grow();
    return undefined;
  }

  private slotOf(high: number, low: number): number {
    let h = Math.imul(high, 0x9e3779b1) ^ Math.imul(low ^ (low >>> 16), 0x85ebca77);
    h ^= h >>> 15;
    return ((h >>> 0) % (this.slots.length / 3)) * 3;
  }

  private grow() {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let slot = 0; slot < old.length; slot += 3) {
      if (old[slot + 2] === 0) continue;
      let to = this.slotOf(old[slot]!, old[slot + 1]!);
      while (this.slots[to + 2] !== 0) to = (to + 3) % this.slots.length;
      this.slots.set(old.subarray(slot, slot + 3), to);
    }
  }

  private otherFirstRow(id: string, row: number): number | undefined {
    const first = this.others.get(id);
    if (first === undefined) this.others.set(id, row);
    return first;
  }
}

/**
 * Results of the pure checks that repeat across a file (a county has a few hundred region codes, issue
 * dates cluster), remembered per context: a million rows name far fewer distinct values.
 */
type RowCheckMemo = {
  regions: Map<string, FieldErrors[string] | null>;
  dates: Map<string, string | null>;
  validUntil: Map<string, string>;
};
const MEMO_LIMIT = 50_000;
const memos = new WeakMap<RowCheckContext, RowCheckMemo>();

function memoOf(ctx: RowCheckContext): RowCheckMemo {
  let memo = memos.get(ctx);
  if (!memo) {
    memo = { regions: new Map(), dates: new Map(), validUntil: new Map() };
    memos.set(ctx, memo);
  }
  return memo;
}

function remembered<T>(map: Map<string, T>, key: string, compute: (key: string) => T): T {
  const known = map.get(key);
  if (known !== undefined || map.has(key)) return known as T;
  const value = compute(key);
  if (map.size >= MEMO_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

/** The problem with a (whitespace-free) region code for this import, or null when a person may live there. */
function regionProblem(ctx: RowCheckContext, regionCode: string): FieldErrors[string] | null {
  if (!/^\d{12}$/.test(regionCode)) return { key: 'regionCode.FORMAT' };
  if (!inScope(ctx.scope, regionCode)) return { key: 'regionCode.OUT_OF_SCOPE' };
  if (!ctx.existingRegions.has(regionCode)) return { key: 'region.NOT_FOUND' };
  if (regionLevel(regionCode) === 'county') return { key: 'region.LEVEL_FOR_PERSON' };
  return null;
}

function cellOf(cells: string[], p: number): string {
  return p < 0 ? '' : (cells[p] ?? '');
}

/** `fields` with one more refused cell (created on the row's first problem). */
function refused(fields: FieldErrors | null, field: string, error: FieldErrors[string]): FieldErrors {
  const f = fields ?? {};
  f[field] = error;
  return f;
}

/**
 * Checks rows `from`..`to` of the table with the same rules as POST /api/persons (the functions of
 * person-rules), plus duplicates inside the file (the later row names the first). `seen` carries the
 * ID and certificate numbers of earlier rows between calls, so the table is checked in slices.
 */
export function checkPersonRows(
  table: Table,
  pos: Record<keyof typeof COL, number>,
  ctx: RowCheckContext,
  seen: { ids: FirstRows; certs: Map<string, number> },
  from: number,
  to: number,
  out: CheckedRow[],
): void {
  const { today } = ctx;
  const memo = memoOf(ctx);
  for (let index = from; index < to; index++) {
    const { row, cells } = table.rows[index]!;
    // Allocated only for a refused row: most rows are valid.
    let fields: FieldErrors | null = null;

    const name = cellOf(cells, pos.name).trim();
    if (!name) fields = refused(fields, COL.name, { key: 'field.required' });
    else if (name.length > 50) fields = refused(fields, COL.name, { key: 'field.tooLong', params: { max: 50 } });

    let idNumber: string | null = null;
    let birthDate = '';
    let gender: 'male' | 'female' = 'male';
    const idRaw = cellOf(cells, pos.idNumber).trim();
    if (!idRaw) fields = refused(fields, COL.idNumber, { key: 'field.required' });
    else if (idRaw.length > 30) fields = refused(fields, COL.idNumber, { key: 'field.tooLong', params: { max: 30 } });
    else {
      const idFields: FieldErrors = {};
      const id = checkedIdNumber(idRaw, today, idFields, COL.idNumber);
      const problem = idFields[COL.idNumber];
      if (problem) fields = refused(fields, COL.idNumber, problem);
      else {
        idNumber = id;
        const parsed = parseIdNumber(id);
        birthDate = parsed.birthDate;
        gender = parsed.gender;
      }
    }

    let cert: PersonRecord['cert'] = null;
    let certNumber: string | null = null;
    const certRaw = cellOf(cells, pos.certNumber).trim();
    if (certRaw) {
      const issuedRaw = cellOf(cells, pos.issuedOn).trim();
      const issuedOn = issuedRaw ? remembered(memo.dates, issuedRaw, parseSheetDate) : null;
      if (!issuedRaw) fields = refused(fields, COL.issuedOn, { key: 'import.ISSUED_ON_REQUIRED' });
      else if (!issuedOn) fields = refused(fields, COL.issuedOn, { key: 'import.DATE_FORMAT' });
      if (certRaw.length > 30) fields = refused(fields, COL.certNumber, { key: 'field.tooLong', params: { max: 30 } });
      else if (idNumber) {
        const certFields: FieldErrors = {};
        // Without a usable date the number is still checked; the date's own error is already there.
        const checked = checkedCertificate(
          { number: certRaw, issuedOn: issuedOn ?? birthDate },
          { idNumber, birthDate },
          today,
          certFields,
          'c',
        );
        const numberProblem = certFields['c.number'] ?? certFields['c.components'];
        if (numberProblem) fields = refused(fields, COL.certNumber, numberProblem);
        if (certFields['c.issuedOn'] && !fields?.[COL.issuedOn]) {
          fields = refused(fields, COL.issuedOn, certFields['c.issuedOn']);
        }
        if (checked && !numberProblem) {
          certNumber = checked.number;
          if (issuedOn) {
            cert = {
              number: checked.number,
              category: checked.category,
              grade: checked.grade,
              issuedOn,
              validUntil: remembered(memo.validUntil, issuedOn, certificateValidUntil),
            };
          }
        }
      }
    }

    const regionCode = cellOf(cells, pos.regionCode).replace(/\s+/g, '');
    if (!regionCode) fields = refused(fields, COL.regionCode, { key: 'field.required' });
    else {
      const problem = remembered(memo.regions, regionCode, (code) => regionProblem(ctx, code));
      if (problem) fields = refused(fields, COL.regionCode, problem);
    }

    const phoneRaw = cellOf(cells, pos.phone).trim();
    let phone: string | null = null;
    if (phoneRaw.length > 30) fields = refused(fields, COL.phone, { key: 'field.tooLong', params: { max: 30 } });
    else if (phoneRaw) {
      const phoneFields: FieldErrors = {};
      phone = checkedPhone(phoneRaw, phoneFields, COL.phone);
      const problem = phoneFields[COL.phone];
      if (problem) fields = refused(fields, COL.phone, problem);
    }

    const address = cellOf(cells, pos.address).trim();
    if (address.length > 200) fields = refused(fields, COL.address, { key: 'field.tooLong', params: { max: 200 } });

    const lowIncome = yesNo(cellOf(cells, pos.lowIncome));
    if (lowIncome === undefined) fields = refused(fields, COL.lowIncome, { key: 'yesNo.FORMAT' });
    const extremePoverty = yesNo(cellOf(cells, pos.extremePoverty));
    if (extremePoverty === undefined) fields = refused(fields, COL.extremePoverty, { key: 'yesNo.FORMAT' });
    const povertyMonitored = yesNo(cellOf(cells, pos.povertyMonitored));
    if (povertyMonitored === undefined) fields = refused(fields, COL.povertyMonitored, { key: 'yesNo.FORMAT' });

    let idSeen = false;
    if (idNumber) {
      const first = seen.ids.firstRow(idNumber, row);
      idSeen = first !== undefined;
      if (first !== undefined) {
        fields = refused(fields, COL.idNumber, { key: 'import.DUPLICATE_IN_FILE', params: { row: first } });
      }
    }
    if (certNumber) {
      // A certificate number starts with its holder's ID number (checked above): only a row whose ID
      // was seen before can repeat one, so the lookup (a cache miss in a big map) is skipped otherwise.
      const first = idSeen ? seen.certs.get(certNumber) : undefined;
      if (first === undefined) seen.certs.set(certNumber, row);
      else fields = refused(fields, COL.certNumber, { key: 'import.DUPLICATE_IN_FILE', params: { row: first } });
    }

    out.push({
      row,
      index,
      idNumber,
      certNumber,
      fields,
      record: fields
        ? null
        : {
            row,
            name,
            idNumber: idNumber!,
            gender,
            birthDate,
            regionCode,
            countyCode: countyCodeOf(regionCode),
            phone,
            address: address || null,
            lowIncome: lowIncome!,
            extremePoverty: extremePoverty!,
            povertyMonitored: povertyMonitored!,
            cert,
          },
    });
  }
}

/** Marks the rows whose ID or certificate number is already in the registry. */
export function markRegistryDuplicates(rows: CheckedRow[], registered: { ids: Set<string>; certs: Set<string> }) {
  if (registered.ids.size === 0 && registered.certs.size === 0) return;
  for (const r of rows) {
    const idTaken = r.idNumber !== null && registered.ids.has(r.idNumber);
    const certTaken = r.certNumber !== null && registered.certs.has(r.certNumber);
    if (!idTaken && !certTaken) continue;
    r.fields ??= {};
    if (idTaken) r.fields[COL.idNumber] ??= { key: 'import.DUPLICATE_IN_REGISTRY' };
    if (certTaken) r.fields[COL.certNumber] ??= { key: 'import.DUPLICATE_IN_REGISTRY' };
    r.record = null;
  }
}

/** The errors of the refused rows, in row order and, within a row, in the template's column order. */
export function rowErrors(rows: CheckedRow[]): RowError[] {
  const errors: RowError[] = [];
  for (const r of rows) {
    if (!r.fields) continue;
    const entries = Object.entries(r.fields).sort(
      ([a], [b]) => (COLUMN_RANK.get(a) ?? 99) - (COLUMN_RANK.get(b) ?? 99),
    );
    for (const [field, f] of entries) {
      errors.push({ row: r.row, field, key: f.key, ...(f.params ? { params: f.params } : {}) });
    }
  }
  return errors;
}
