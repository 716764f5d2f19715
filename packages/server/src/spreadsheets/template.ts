import ExcelJS from 'exceljs';

export type TemplateColumn = { header: string; note: string; width?: number };

/**
 * An import template: a bold header whose cells carry a note explaining the column, text-formatted
 * columns (so that an 18-digit ID typed in stays text instead of turning into 3.41599E+17), a frozen
 * header row, and example rows.
 */
export async function buildAnnotatedTemplate(
  sheetName: string,
  columns: TemplateColumn[],
  examples: string[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16, style: { numFmt: '@' } }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  columns.forEach((c, i) => {
    head.getCell(i + 1).note = { texts: [{ text: c.note }], editAs: 'oneCells' } as ExcelJS.Comment;
  });
  for (const example of examples) sheet.addRow(example);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
