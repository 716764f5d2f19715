import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ERROR_COLUMN, type RefusedRow, streamErrorWorkbook } from './error-workbook.js';

async function* rows(list: RefusedRow[]) {
  yield* list;
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part as Buffer));
  return Buffer.concat(parts);
}

describe('streamErrorWorkbook', () => {
  it('repeats the header and the cells, adds the message column, and neutralises formulas', async () => {
    const stream = streamErrorWorkbook({
      header: ['姓名', '身份证号'],
      rows: rows([
        { cells: { 姓名: '张三', 身份证号: '341599198005120517', 多余: 'x' }, message: '身份证号：校验位错误' },
        { cells: { 姓名: '=1+1' }, message: '身份证号：必填' },
      ]),
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await collect(stream)) as never);
    const sheet = book.worksheets[0]!;
    const text = (r: number) => [1, 2, 3].map((c) => sheet.getRow(r).getCell(c).value ?? '');
    expect(text(1)).toEqual(['姓名', '身份证号', ERROR_COLUMN]);
    expect(text(2)).toEqual(['张三', '341599198005120517', '身份证号：校验位错误']);
    expect(text(3)).toEqual(["'=1+1", '', '身份证号：必填']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('ends the stream with an error when the rows fail', async () => {
    let reported: unknown = null;
    const failing = (async function* () {
      yield { cells: {}, message: 'x' };
      throw new Error('database gone');
    })();
    const stream = streamErrorWorkbook({ header: ['a'], rows: failing, onError: (err) => (reported = err) });
    await expect(collect(stream)).rejects.toThrowError('database gone');
    expect(reported).toBeInstanceOf(Error);
  });
});
