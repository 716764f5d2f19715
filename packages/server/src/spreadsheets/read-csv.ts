import { AppError } from '../errors.js';
import { type Table, tableFromRecords } from './table.js';

export type TextEncoding = 'utf-8' | 'gb18030';

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SNIFF_BYTES = 64 * 1024;

/**
 * True when the bytes look like binary data rather than text: a NUL anywhere, or control characters
 * other than tab, newline, form feed and Ctrl-Z near the start (UTF-8 and GB18030 text never has them;
 * a zip, an old .xls or UTF-16 text does).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 9 && b !== LF && b !== CR && b !== 12 && b !== 26) return true;
    if (b === 0x7f) return true;
  }
  return false;
}

/** The text of a CSV file in UTF-8 (with or without BOM) or GB18030, without its BOM. */
export function decodeCsvText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (looksBinary(bytes)) throw new AppError('import.NOT_TEXT', 400, 'import.NOT_TEXT');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // A BOM says UTF-8; otherwise bytes that are valid UTF-8 are UTF-8 (GB18030 text almost never
  // is), and anything else is GB18030, what Excel on a Chinese Windows saves as "CSV".
  for (const encoding of bom ? (['utf-8'] as const) : (['utf-8', 'gb18030'] as const)) {
    let text: string;
    try {
      // ignoreBOM: false (the default) drops a leading UTF-8 BOM.
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    return { text, encoding };
  }
  throw new AppError('import.ENCODING', 400, 'import.ENCODING');
}

/**
 * Splits CSV text into records (RFC 4180): fields separated by commas, records by CRLF or LF,
 * quoted fields may hold commas, newlines and doubled quotes. An empty line is a record of one
 * empty field, so that record numbers stay the row numbers a spreadsheet program shows. Text
 * after a closing quote (`"a"b`) is kept, as spreadsheet programs do; an unclosed quote is refused.
 * Written as one loop over character codes: a million rows take well under a second.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const n = text.length;
  let i = 0;
  let record: string[] = [];
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      let start = i + 1;
      field = '';
      for (;;) {
        const q = text.indexOf('"', start);
        if (q === -1) {
          throw new AppError('import.CSV_QUOTE', 400, 'import.CSV_QUOTE', { params: { row: records.length + 1 } });
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += text.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      if (i < n) {
        const c = text.charCodeAt(i);
        if (c !== COMMA && c !== LF && c !== CR) {
          let j = i;
          while (j < n) {
            const d = text.charCodeAt(j);
            if (d === COMMA || d === LF || d === CR) break;
            j++;
          }
          field += text.slice(i, j);
          i = j;
        }
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    record.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i === n) record.push('');
      continue;
    }
    // CR, LF or CRLF ends the record.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push(record);
    record = [];
  }
  if (record.length > 0) records.push(record);
  return records;
}

/** Reads an uploaded CSV (UTF-8 or GB18030) into a table; row numbers count the header as row 1. */
export function readCsvTable(bytes: Uint8Array): Table {
  const { text } = decodeCsvText(bytes);
  return tableFromRecords(parseCsv(text));
}
