import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildAnnotatedTemplate } from './template.js';

describe('buildAnnotatedTemplate', () => {
  it('writes a bold, annotated, text-formatted header and the examples', async () => {
    const data = await buildAnnotatedTemplate(
      '模板',
      [
        { header: '姓名', note: '必填' },
        { header: '身份证号', note: '18 位', width: 22 },
      ],
      [['张三', '341599198005120517']],
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as never);
    const sheet = book.getWorksheet('模板')!;
    const head = sheet.getRow(1);
    expect([head.getCell(1).value, head.getCell(2).value]).toEqual(['姓名', '身份证号']);
    expect(head.font?.bold).toBe(true);
    expect(JSON.stringify(head.getCell(2).note)).toContain('18 位');
    expect(sheet.getColumn(2).numFmt).toBe('@');
    expect(sheet.getRow(2).getCell(2).value).toBe('341599198005120517');
  });
});
