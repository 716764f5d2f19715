import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxTable } from './read-xlsx-table.js';

async function workbook(build: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('数据'), book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('readXlsxTable', () => {
  it('reads the first sheet as text cells with sheet row numbers, skipping blank rows', async () => {
    const data = await workbook((sheet, book) => {
      sheet.addRow([' 姓名 ', '发证日期', '电话', '公式']);
      sheet.addRow(['张三', new Date(Date.UTC(2020, 5, 1)), 13800001111, { formula: '1+1', result: 2 }]);
      sheet.addRow([]);
      sheet.addRow([{ richText: [{ text: '李' }, { text: '四' }] }, null, '', null]);
      book.addWorksheet('其他').addRow(['不读']);
    });
    const table = await readXlsxTable(data);
    expect(table.header).toEqual(['姓名', '发证日期', '电话', '公式']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['张三', '2020-06-01', '13800001111', '2'] },
      { row: 4, cells: ['李四'] },
    ]);
  });

  it('refuses a file that is not an xlsx', async () => {
    await expect(readXlsxTable(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toThrowError(
      'import.UNREADABLE',
    );
  });
});
