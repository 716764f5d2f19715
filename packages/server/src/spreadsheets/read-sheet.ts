import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';

export type SheetRow = { rowNumber: number; values: Record<string, string> };

/** A cell's text as a person sees it: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/**
 * Reads the first worksheet of an xlsx into rows keyed by header names. The header row is row 1;
 * `rowNumber` is the spreadsheet's own row number, so that error reports point at the right line.
 */
export async function readXlsxRows(
  data: Uint8Array,
  options: { required: string[]; maxRows: number },
): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError('import.UNREADABLE', 400, 'import.UNREADABLE', {
      params: { reason: (err as Error).message.slice(0, 200) },
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('import.EMPTY', 400);
  const header = sheet.getRow(1);
  const columns = new Map<number, string>();
  header.eachCell((cell, col) => {
    const name = cellText(cell.value).trim();
    if (name) columns.set(col, name);
  });
  const names = new Set(columns.values());
  const missing = options.required.filter((r) => !names.has(r));
  if (missing.length > 0) {
    throw new AppError('import.NO_HEADER', 400, 'import.NO_HEADER', {
      params: { columns: options.required.join('、') },
    });
  }
  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: Record<string, string> = {};
    let any = false;
    for (const [col, name] of columns) {
      const text = cellText(row.getCell(col).value).trim();
      values[name] = text;
      if (text) any = true;
    }
    if (!any) continue;
    rows.push({ rowNumber: r, values });
    if (rows.length > options.maxRows) {
      throw new AppError('import.TOO_MANY_ROWS', 400, 'import.TOO_MANY_ROWS', { params: { max: options.maxRows } });
    }
  }
  if (rows.length === 0) throw new AppError('import.EMPTY', 400);
  return rows;
}

/** An xlsx with a bold header row and example rows, for "download the template" links. */
export async function buildTemplate(sheetName: string, headers: string[], examples: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const example of examples) sheet.addRow(example);
  sheet.columns.forEach((c) => {
    c.width = 22;
    c.numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
