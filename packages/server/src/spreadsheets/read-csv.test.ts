import { describe, expect, it } from 'vitest';
import { decodeCsvText, looksBinary, parseCsv, readCsvTable } from './read-csv.js';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s/g, ''), 'hex'));

describe('parseCsv', () => {
  it('splits plain records on LF and CRLF', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\n4,,6')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '', '6'],
    ]);
  });
  it('keeps commas, newlines and doubled quotes inside quotes', () => {
    expect(parseCsv('"x, y","line1\nline2","say ""hi"""\r\n"",b\n')).toEqual([
      ['x, y', 'line1\nline2', 'say "hi"'],
      ['', 'b'],
    ]);
  });
  it('keeps empty lines as one-field records and a trailing empty field', () => {
    expect(parseCsv('a\n\nb,\n')).toEqual([['a'], [''], ['b', '']]);
    expect(parseCsv('')).toEqual([]);
  });
  it('keeps text after a closing quote and refuses an unclosed quote', () => {
    expect(parseCsv('"a"b,c')).toEqual([['ab', 'c']]);
    expect(() => parseCsv('a\n"open,b')).toThrowError('import.CSV_QUOTE');
  });
});

describe('decodeCsvText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeCsvText(new TextEncoder().encode('\uFEFF姓名,x'))).toEqual({ text: '姓名,x', encoding: 'utf-8' });
    expect(decodeCsvText(new TextEncoder().encode('姓名,x')).text).toBe('姓名,x');
  });
  it('reads GB18030', () => {
    // 姓名,张三 in GB18030
    expect(decodeCsvText(bytes('d0d5c3fb 2c d5c5c8fd'))).toEqual({ text: '姓名,张三', encoding: 'gb18030' });
  });
  it('refuses binary data and undecodable text', () => {
    expect(() => decodeCsvText(bytes('504b0304 1400 0000'))).toThrowError('import.NOT_TEXT');
    expect(() => decodeCsvText(bytes('fffe 4000 4100'))).toThrowError('import.NOT_TEXT');
    expect(looksBinary(new TextEncoder().encode('a,b\r\n\t1,2'))).toBe(false);
    // 0xFF starts no character in UTF-8 or in GB18030.
    expect(() => decodeCsvText(bytes('41 ff 42'))).toThrowError('import.ENCODING');
  });
});

describe('readCsvTable', () => {
  it('numbers rows as a spreadsheet does and skips blank ones', () => {
    const table = readCsvTable(new TextEncoder().encode('\uFEFF 姓名 ,电话\n张三,1\n\n,\n"李\n四",2\n王五,3\n'));
    expect(table.header).toEqual(['姓名', '电话']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['张三', '1'] },
      { row: 5, cells: ['李\n四', '2'] },
      { row: 6, cells: ['王五', '3'] },
    ]);
  });
});
