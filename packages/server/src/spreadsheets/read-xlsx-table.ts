import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { cellText } from './read-sheet.js';
import { isBlank, type Table, type TableRow } from './table.js';

/**
 * Reads the first worksheet of an xlsx as a table, streaming (the workbook is never built in
 * memory, so a sheet of hundreds of thousands of rows fits). Cells are read as a person sees them
 * (`cellText`: dates as YYYY-MM-DD, formulas by their result); `row` is the sheet's own row number.
 */
export async function readXlsxTable(data: Uint8Array): Promise<Table> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let header: string[] | null = null;
  const rows: TableRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = cellText(cell.value);
        });
        for (let c = 0; c < cells.length; c++) cells[c] ??= '';
        if (row.number === 1) header = cells.map((h) => h.trim());
        else if (!isBlank(cells)) rows.push({ row: row.number, cells });
      }
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('import.UNREADABLE', 400, 'import.UNREADABLE', {
      params: { reason: (err as Error).message.slice(0, 200) },
    });
  }
  return { header: header ?? [], rows };
}
