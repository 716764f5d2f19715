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
 * Checks rows `from`..`to` of the table with the same rules as POST /api/persons (the functions of
 * person-rules), plus duplicates inside the file (the later row names the first). `seen` carries the
 * ID and certificate numbers of earlier rows between calls, so the table is checked in slices.
 */
export function checkPersonRows(
  table: Table,
  pos: Record<keyof typeof COL, number>,
  ctx: RowCheckContext,
  seen: { ids: Map<string, number>; certs: Map<string, number> },
  from: number,
  to: number,
  out: CheckedRow[],
): void {
  const { today, scope, existingRegions } = ctx;
  for (let index = from; index < to; index++) {
    const { row, cells } = table.rows[index]!;
    const cell = (p: number) => (p < 0 ? '' : (cells[p] ?? ''));
    const fields: FieldErrors = {};

    const name = cell(pos.name).trim();
    if (!name) fields[COL.name] = { key: 'field.required' };
    else if (name.length > 50) fields[COL.name] = { key: 'field.tooLong', params: { max: 50 } };

    let idNumber: string | null = null;
    let birthDate = '';
    let gender: 'male' | 'female' = 'male';
    const idRaw = cell(pos.idNumber).trim();
    if (!idRaw) fields[COL.idNumber] = { key: 'field.required' };
    else if (idRaw.length > 30) fields[COL.idNumber] = { key: 'field.tooLong', params: { max: 30 } };
    else {
      const id = checkedIdNumber(idRaw, today, fields, COL.idNumber);
      if (!fields[COL.idNumber]) {
        idNumber = id;
        const parsed = parseIdNumber(id);
        birthDate = parsed.birthDate;
        gender = parsed.gender;
      }
    }

    let cert: PersonRecord['cert'] = null;
    let certNumber: string | null = null;
    const certRaw = cell(pos.certNumber).trim();
    if (certRaw) {
      const issuedRaw = cell(pos.issuedOn).trim();
      const issuedOn = issuedRaw ? parseSheetDate(issuedRaw) : null;
      if (!issuedRaw) fields[COL.issuedOn] = { key: 'import.ISSUED_ON_REQUIRED' };
      else if (!issuedOn) fields[COL.issuedOn] = { key: 'import.DATE_FORMAT' };
      if (certRaw.length > 30) fields[COL.certNumber] = { key: 'field.tooLong', params: { max: 30 } };
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
        if (numberProblem) fields[COL.certNumber] = numberProblem;
        if (certFields['c.issuedOn'] && !fields[COL.issuedOn]) fields[COL.issuedOn] = certFields['c.issuedOn'];
        if (checked && !numberProblem) {
          certNumber = checked.number;
          if (issuedOn) {
            cert = {
              number: checked.number,
              category: checked.category,
              grade: checked.grade,
              issuedOn,
              validUntil: certificateValidUntil(issuedOn),
            };
          }
        }
      }
    }

    const regionCode = cell(pos.regionCode).replace(/\s+/g, '');
    if (!regionCode) fields[COL.regionCode] = { key: 'field.required' };
    else if (!/^\d{12}$/.test(regionCode)) fields[COL.regionCode] = { key: 'regionCode.FORMAT' };
    else if (!inScope(scope, regionCode)) fields[COL.regionCode] = { key: 'regionCode.OUT_OF_SCOPE' };
    else if (!existingRegions.has(regionCode)) fields[COL.regionCode] = { key: 'region.NOT_FOUND' };
    else if (regionLevel(regionCode) === 'county') fields[COL.regionCode] = { key: 'region.LEVEL_FOR_PERSON' };

    const phoneRaw = cell(pos.phone).trim();
    let phone: string | null = null;
    if (phoneRaw.length > 30) fields[COL.phone] = { key: 'field.tooLong', params: { max: 30 } };
    else phone = checkedPhone(phoneRaw, fields, COL.phone);

    const address = cell(pos.address).trim();
    if (address.length > 200) fields[COL.address] = { key: 'field.tooLong', params: { max: 200 } };

    const lowIncome = yesNo(cell(pos.lowIncome));
    if (lowIncome === undefined) fields[COL.lowIncome] = { key: 'yesNo.FORMAT' };
    const extremePoverty = yesNo(cell(pos.extremePoverty));
    if (extremePoverty === undefined) fields[COL.extremePoverty] = { key: 'yesNo.FORMAT' };
    const povertyMonitored = yesNo(cell(pos.povertyMonitored));
    if (povertyMonitored === undefined) fields[COL.povertyMonitored] = { key: 'yesNo.FORMAT' };

    if (idNumber) {
      const first = seen.ids.get(idNumber);
      if (first === undefined) seen.ids.set(idNumber, row);
      else fields[COL.idNumber] = { key: 'import.DUPLICATE_IN_FILE', params: { row: first } };
    }
    if (certNumber) {
      const first = seen.certs.get(certNumber);
      if (first === undefined) seen.certs.set(certNumber, row);
      else fields[COL.certNumber] = { key: 'import.DUPLICATE_IN_FILE', params: { row: first } };
    }

    let bad = false;
    for (const _ in fields) {
      bad = true;
      break;
    }
    out.push({
      row,
      index,
      idNumber,
      certNumber,
      fields: bad ? fields : null,
      record: bad
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
