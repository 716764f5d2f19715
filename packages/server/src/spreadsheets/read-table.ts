import { AppError } from '../errors.js';
import { readCsvTable } from './read-csv.js';
import { readXlsxTable } from './read-xlsx-table.js';
import type { Table } from './table.js';

export type TableFormat = 'csv' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The format of an upload by its content (an xlsx is a zip), falling back to its name. */
export function tableFormatOf(fileName: string, data: Uint8Array): TableFormat {
  if (ZIP_MAGIC.every((b, i) => data[i] === b)) return 'xlsx';
  if (fileName.toLowerCase().endsWith('.xlsx')) {
    throw new AppError('UNSUPPORTED_FILE', 400, 'UNSUPPORTED_FILE', { params: { expected: '.xlsx / .csv' } });
  }
  return 'csv';
}

/** Reads an uploaded sheet, xlsx or CSV (UTF-8 or GB18030), into a table. */
export function readTable(data: Uint8Array, format: TableFormat): Promise<Table> | Table {
  return format === 'xlsx' ? readXlsxTable(data) : readCsvTable(data);
}
