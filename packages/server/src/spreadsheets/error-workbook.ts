import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeCell } from './safe-cell.js';

export const ERROR_COLUMN = '错误说明';

export type RefusedRow = { cells: Record<string, string>; message: string };

/**
 * Streams the refused rows of an import back as a workbook: the file's own header plus a
 * 错误说明 column, one row per refused row, text cells only (so IDs stay text) and every cell
 * through `safeCell`. The person fixes the rows in place and imports the same sheet again (the
 * extra column is ignored then). Rows come from an async source, a chunk at a time.
 */
export function streamErrorWorkbook(o: {
  header: string[];
  rows: AsyncIterable<RefusedRow>;
  sheetName?: string;
  onError?: (err: unknown) => void;
}): PassThrough {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(o.sheetName ?? '错误行');
  sheet.columns = [...o.header, ERROR_COLUMN].map((header, i) => ({
    header,
    width: i === o.header.length ? 50 : Math.min(40, Math.max(12, header.length * 2 + 4)),
    style: { numFmt: '@' },
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.getCell(o.header.length + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  head.commit();
  (async () => {
    for await (const r of o.rows) {
      sheet.addRow([...o.header.map((h) => safeCell(r.cells[h] ?? '')), safeCell(r.message)]).commit();
    }
    await workbook.commit();
  })().catch((err) => {
    o.onError?.(err);
    stream.destroy(err as Error);
  });
  return stream;
}
