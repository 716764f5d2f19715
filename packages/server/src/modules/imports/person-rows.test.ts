import { addDays, makeCertificateNumber, makeIdNumber } from '@huican/core';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../spreadsheets/table.js';
import { orderedUuids } from './ordered-uuid.js';
import {
  type CheckedRow,
  checkPersonRows,
  FirstRows,
  markRegistryDuplicates,
  personColumnPositions,
  rowErrors,
  yesNo,
} from './person-rows.js';

const HEADER = ['区划代码', '姓名', '身份证号', '残疾证号', '发证日期', '低保'];
const ctx = {
  today: '2026-01-01',
  scope: { regionCode: '341599000000' },
  existingRegions: new Set(['341599000000', '341599101201', '341599101000']),
};

function check(rows: string[][]) {
  const table: Table = { header: HEADER, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
  const out: CheckedRow[] = [];
  checkPersonRows(
    table,
    personColumnPositions(HEADER)!,
    ctx,
    { ids: new FirstRows(), certs: new Map() },
    0,
    rows.length,
    out,
  );
  return out;
}

describe('person rows', () => {
  const id = makeIdNumber('341599', '1970-03-04', 11);
  const other = makeIdNumber('341599', '1971-03-04', 12);

  it('reads 是/否 the ways people write it', () => {
    expect(['是', '1', 'Y', 'y'].map(yesNo)).toEqual([true, true, true, true]);
    expect(['否', '0', 'N', 'n', '', ' '].map(yesNo)).toEqual([false, false, false, false, false, false]);
    expect(['有', 'yes', '2'].map(yesNo)).toEqual([undefined, undefined, undefined]);
  });

  it('needs the three required columns, in any order', () => {
    expect(personColumnPositions(['身份证号', '区划代码', '姓名'])).toMatchObject({ name: 2, idNumber: 0, phone: -1 });
    expect(personColumnPositions(['姓名', '身份证号'])).toBeNull();
  });

  it('derives gender, birth date, county and certificate validity from a valid row', () => {
    const [r] = check([
      ['341599101201', ' 张三 ', id.toLowerCase(), makeCertificateNumber(id, 4, 2), '2016/2/29', '是'],
    ]);
    expect(r!.fields).toBeNull();
    expect(r!.record).toMatchObject({
      name: '张三',
      idNumber: id,
      gender: 'male',
      birthDate: '1970-03-04',
      countyCode: '341599',
      lowIncome: true,
      extremePoverty: false,
      cert: { category: 4, grade: 2, issuedOn: '2016-02-29', validUntil: '2026-02-28' },
    });
  });

  it('reports every problem of a row, in column order, and duplicates on the later row', () => {
    const rows = check([
      ['341599000000', '', id, makeCertificateNumber(other, 1, 1), '', '也许'],
      ['341598101201', '乙', id, '', '', ''],
    ]);
    expect(rowErrors(rows)).toEqual([
      { row: 2, field: '姓名', key: 'field.required' },
      { row: 2, field: '残疾证号', key: 'certificate.ID_MISMATCH' },
      { row: 2, field: '发证日期', key: 'import.ISSUED_ON_REQUIRED' },
      { row: 2, field: '区划代码', key: 'region.LEVEL_FOR_PERSON' },
      { row: 2, field: '低保', key: 'yesNo.FORMAT' },
      { row: 3, field: '身份证号', key: 'import.DUPLICATE_IN_FILE', params: { row: 2 } },
      { row: 3, field: '区划代码', key: 'regionCode.OUT_OF_SCOPE' },
    ]);
  });

  it('repeats a certificate only with its ID: the same certificate twice is refused on both columns', () => {
    const cert = makeCertificateNumber(id, 2, 3);
    const rows = check([
      ['341599101201', '甲', id, cert, '2020-01-01', ''],
      ['341599101201', '乙', other, makeCertificateNumber(other, 2, 3), '2020-01-01', ''],
      ['341599101201', '丙', id, makeCertificateNumber(id, 4, 1), '2020-01-01', ''],
      ['341599101201', '丁', id, cert, '2020-01-01', ''],
    ]);
    expect(rowErrors(rows)).toEqual([
      { row: 4, field: '身份证号', key: 'import.DUPLICATE_IN_FILE', params: { row: 2 } },
      { row: 5, field: '身份证号', key: 'import.DUPLICATE_IN_FILE', params: { row: 2 } },
      { row: 5, field: '残疾证号', key: 'import.DUPLICATE_IN_FILE', params: { row: 2 } },
    ]);
  });

  it('remembers the first row of every ID number, however many', () => {
    const rows = new FirstRows();
    const distinct = Array.from({ length: 100_000 }, (_, i) =>
      makeIdNumber('341599', addDays('1950-01-01', Math.floor(i / 1000)), i % 1000),
    );
    for (const [i, id] of distinct.entries()) expect(rows.firstRow(id, i + 2)).toBeUndefined();
    for (const [i, id] of distinct.entries()) expect(rows.firstRow(id, 999_999)).toBe(i + 2);
    expect(rows.firstRow('12345619700101001X', 7)).toBeUndefined();
    expect(rows.firstRow('12345619700101001X', 8)).toBe(7);
    expect(rows.firstRow('123456197001010010', 9)).toBeUndefined();
    expect(rows.firstRow('not an id', 10)).toBeUndefined();
    expect(rows.firstRow('not an id', 11)).toBe(10);
  });

  it('marks rows already in the registry', () => {
    const rows = check([['341599101201', '甲', id, '', '', '']]);
    markRegistryDuplicates(rows, { ids: new Set([id]), certs: new Set() });
    expect(rows[0]!.record).toBeNull();
    expect(rowErrors(rows)).toEqual([{ row: 2, field: '身份证号', key: 'import.DUPLICATE_IN_REGISTRY' }]);
  });

  it('makes time-ordered version 7 UUIDs', () => {
    const next = orderedUuids(Date.UTC(2026, 0, 1));
    const ids = [next(), next(), next()];
    for (const u of ids) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });
});
