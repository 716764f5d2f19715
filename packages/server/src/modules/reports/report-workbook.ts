import ExcelJS from 'exceljs';
import { safeCell } from '../../spreadsheets/safe-cell.js';

// A formatted report workbook (报表) for any report: a title row, meta rows (region, year, generated at…),
// a header with group headers merged over their columns, the table, totals rows and notes. Numbers are
// written as numbers with a display format; text cells that a spreadsheet would run as formulas are
// neutralised (safeCell). Reports are small (a row per region and programme): built in memory.

export type ReportColumnKind =
  /** text, written as given (formula-like text neutralised) */
  | 'text'
  /** a count: integer with thousands separators */
  | 'integer'
  /** a percent already × 100 (149.09), shown with two decimals; the header says (%) */
  | 'percent'
  /** integer fen, written as yuan with two decimals (12345 → 123.45) */
  | 'money';

export type ReportColumn = {
  key: string;
  header: string;
  /** A header above this column, merged over the adjacent columns of the same group. */
  group?: string;
  kind?: ReportColumnKind;
  /** Width in characters (default from the kind). */
  width?: number;
  /** What a null value shows (default: empty). */
  empty?: string;
};

export type ReportCell = string | number | null | undefined;
export type ReportRow = Record<string, ReportCell>;

export type ReportSheet = {
  /** Sheet name (at most 31 characters; []:*?/\ are replaced). */
  name: string;
  title: string;
  /** Lines under the title: [label, value], e.g. ['区划', '青禾县（341599000000）']. */
  meta: [string, string][];
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Rows in bold under the table (合计). */
  totals?: ReportRow[];
  /** Footnotes under the table (how a figure is counted). */
  notes?: string[];
  /** Shown in the table's first row when there are no rows. */
  emptyText?: string;
};

const FORMATS: Record<ReportColumnKind, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  percent: '0.00',
  money: '#,##0.00',
};
const WIDTHS: Record<ReportColumnKind, number> = { text: 18, integer: 12, percent: 12, money: 16 };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** A cell's value as written: numbers stay numbers (money: fen → yuan), text is neutralised. */
function cellValue(column: ReportColumn, value: ReportCell): string | number {
  if (value === null || value === undefined) return safeCell(column.empty ?? '');
  if (typeof value === 'number') {
    if (column.kind === 'money') return value / 100;
    return value;
  }
  return safeCell(value);
}

function sheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').trim();
  return (cleaned || 'Sheet1').slice(0, 31);
}

function addSheet(workbook: ExcelJS.Workbook, spec: ReportSheet) {
  const columns = spec.columns;
  const width = Math.max(1, columns.length);
  const sheet = workbook.addWorksheet(sheetName(spec.name), {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  sheet.columns = columns.map((c) => ({ width: c.width ?? WIDTHS[c.kind ?? 'text'] }));
  let row = 1;
  const fullWidth = (r: number) => {
    if (width > 1) sheet.mergeCells(r, 1, r, width);
  };

  const title = sheet.getCell(row, 1);
  title.value = safeCell(spec.title);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(row).height = 28;
  fullWidth(row);
  row++;
  for (const [label, value] of spec.meta) {
    // a full-width colon after a Chinese label, ': ' after an English one
    const separator = /[\u3000-\u9fff\uff00-\uffef]/.test(label) ? '：' : ': ';
    sheet.getCell(row, 1).value = safeCell(`${label}${separator}${value}`);
    fullWidth(row);
    row++;
  }
  row++; // a blank row before the table

  // Header: one row, or two when columns have groups (a group merged across its columns, an ungrouped
  // column merged down over both rows).
  const grouped = columns.some((c) => c.group);
  const headerTop = row;
  const headerBottom = grouped ? row + 1 : row;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    if (!grouped) {
      sheet.getCell(headerTop, i + 1).value = safeCell(column.header);
      continue;
    }
    if (!column.group) {
      sheet.getCell(headerTop, i + 1).value = safeCell(column.header);
      sheet.mergeCells(headerTop, i + 1, headerBottom, i + 1);
      continue;
    }
    sheet.getCell(headerBottom, i + 1).value = safeCell(column.header);
    if (i > 0 && columns[i - 1]!.group === column.group) continue;
    let end = i;
    while (end + 1 < columns.length && columns[end + 1]!.group === column.group) end++;
    sheet.getCell(headerTop, i + 1).value = safeCell(column.group);
    if (end > i) sheet.mergeCells(headerTop, i + 1, headerTop, end + 1);
  }
  for (let r = headerTop; r <= headerBottom; r++) {
    for (let c = 1; c <= columns.length; c++) {
      const cell = sheet.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
    }
  }
  row = headerBottom + 1;
  sheet.views = [{ state: 'frozen', ySplit: headerBottom }];

  const writeRow = (values: ReportRow, total: boolean) => {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const cell = sheet.getCell(row, i + 1);
      cell.value = cellValue(column, values[column.key]);
      const format = FORMATS[column.kind ?? 'text'];
      if (format && typeof cell.value === 'number') cell.numFmt = format;
      if (column.kind && column.kind !== 'text') cell.alignment = { horizontal: 'right' };
      cell.border = THIN;
      if (total) {
        cell.font = { bold: true };
        cell.fill = TOTAL_FILL;
      }
    }
    row++;
  };
  if (spec.rows.length === 0 && spec.emptyText) {
    sheet.getCell(row, 1).value = safeCell(spec.emptyText);
    fullWidth(row);
    row++;
  }
  for (const values of spec.rows) writeRow(values, false);
  for (const values of spec.totals ?? []) writeRow(values, true);

  if (spec.notes && spec.notes.length > 0) {
    row++;
    for (const note of spec.notes) {
      const cell = sheet.getCell(row, 1);
      cell.value = safeCell(note);
      cell.font = { italic: true, color: { argb: 'FF595959' } };
      fullWidth(row);
      row++;
    }
  }
}

/** The workbook of one or more report sheets, as xlsx bytes. */
export async function buildReportWorkbook(
  sheets: ReportSheet | ReportSheet[],
  options: { creator?: string; now?: Date } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? 'Huican 惠残';
  workbook.created = options.now ?? new Date();
  for (const spec of Array.isArray(sheets) ? sheets : [sheets]) addSheet(workbook, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 'YYYY-MM-DD HH:mm' in China time (UTC+8), for a report's "generated at" line. */
export function chinaDateTime(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A Content-Disposition value for a report file with a Chinese name. */
export function attachmentName(fileName: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
