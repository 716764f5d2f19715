import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReportWorkbook, chinaDateTime, type ReportSheet } from './report-workbook.js';

async function read(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

const spec: ReportSheet = {
  name: '资金/执行',
  title: '2026年度资金执行情况',
  meta: [
    ['区划', '青禾县'],
    ['Year', '2026'],
  ],
  columns: [
    { key: 'name', header: '项目' },
    { key: 'budget', header: '预算（元）', group: '金额', kind: 'money' },
    { key: 'paid', header: '已发放（元）', group: '金额', kind: 'money' },
    { key: 'rate', header: '执行率（%）', kind: 'percent', empty: '—' },
    { key: 'persons', header: '人数', group: '人员', kind: 'integer' },
  ],
  rows: [
    { name: '=HYPERLINK("http://x","y")', budget: 123456, paid: 5, rate: 0.01, persons: 1200 },
    { name: '@SUM(A1)', budget: null, paid: 0, rate: null, persons: 0 },
    { name: '-1+2', budget: 1, paid: 1, rate: 100, persons: 3 },
  ],
  totals: [{ name: '合计', budget: 123457, paid: 6, rate: null, persons: 1203 }],
  notes: ['+note'],
};

describe('buildReportWorkbook', () => {
  it('writes title, meta, merged group headers, typed figures and bold totals', async () => {
    const sheet = (await read(await buildReportWorkbook(spec, { now: new Date('2026-01-02T03:04:00Z') })))
      .worksheets[0]!;
    expect(sheet.name).toBe('资金 执行');
    expect(sheet.getCell('A1').value).toBe('2026年度资金执行情况');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getCell('A2').value).toBe('区划：青禾县');
    expect(sheet.getCell('A3').value).toBe('Year: 2026');
    // header rows 5–6: 项目 merged down, 金额 over two columns, 执行率 down, 人员 over one
    expect(sheet.getCell('A5').value).toBe('项目');
    expect(sheet.getCell('A6').isMerged).toBe(true);
    expect(sheet.getCell('B5').value).toBe('金额');
    expect(sheet.getCell('C5').isMerged).toBe(true);
    expect(sheet.getCell('B6').value).toBe('预算（元）');
    expect(sheet.getCell('D5').value).toBe('执行率（%）');
    expect(sheet.getCell('E5').value).toBe('人员');
    expect(sheet.getCell('E6').value).toBe('人数');
    // figures: money from fen to yuan, numbers stay numbers
    expect(sheet.getCell('B7').value).toBe(1234.56);
    expect(sheet.getCell('B7').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('D7').value).toBe(0.01);
    expect(sheet.getCell('D7').numFmt).toBe('0.00');
    expect(sheet.getCell('E7').value).toBe(1200);
    expect(sheet.getCell('B8').value).toBe('');
    expect(sheet.getCell('D8').value).toBe('—');
    expect(sheet.getCell('A10').value).toBe('合计');
    expect(sheet.getCell('A10').font?.bold).toBe(true);
    expect(sheet.getCell('E10').value).toBe(1203);
    expect(sheet.getCell('A12').value).toBe("'+note");
  });

  it('neutralises text a spreadsheet would run as a formula', async () => {
    const sheet = (await read(await buildReportWorkbook(spec))).worksheets[0]!;
    expect(sheet.getCell('A7').value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(sheet.getCell('A8').value).toBe("'@SUM(A1)");
    expect(sheet.getCell('A9').value).toBe("'-1+2");
    for (let r = 1; r <= sheet.rowCount; r++) {
      for (let c = 1; c <= 5; c++) {
        const cell = sheet.getCell(r, c);
        expect(cell.type, `${r},${c}`).not.toBe(ExcelJS.ValueType.Formula);
      }
    }
  });

  it('says so when there are no rows, and holds several sheets', async () => {
    const workbook = await read(
      await buildReportWorkbook([
        { ...spec, rows: [], totals: [], emptyText: '无数据' },
        { ...spec, name: 'second', columns: [{ key: 'name', header: 'Name' }] },
      ]),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['资金 执行', 'second']);
    expect(workbook.worksheets[0]!.getCell('A6').value).toBe('项目');
    expect(workbook.worksheets[0]!.getCell('A7').value).toBe('无数据');
    expect(workbook.worksheets[1]!.getCell('A5').value).toBe('Name');
    expect(workbook.worksheets[1]!.getCell('A6').value).toBe(`'=HYPERLINK("http://x","y")`);
  });
});

describe('chinaDateTime', () => {
  it('is China time to the minute', () => {
    expect(chinaDateTime(new Date('2026-12-31T16:30:59Z'))).toBe('2027-01-01 00:30');
  });
});
