import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, programTargets } from '../../db/schema/index.js';
import {
  createTestContext,
  type FixtureUser,
  makeXlsx,
  multipartFile,
  type TestContext,
} from '../../test-support/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
const call: TestContext['call'] = (...a) => t.call(...a);

const upload = (as: FixtureUser | null, url: string, data: Buffer, fileName = 'targets.xlsx', headers = {}) => {
  const body = multipartFile(fileName, data);
  return t.call(as, 'POST', url, body.payload, { ...body.headers, ...headers });
};

async function auditRows(action: string, programCode: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, programCode)))
    .orderBy(desc(auditLog.id));
}

describe('PUT /api/programs/:code/targets/:year', () => {
  it('sets the listed townships’ targets, leaves the others, and sums per county', async () => {
    const first = await call('officer', 'PUT', '/api/programs/living_subsidy/targets/2026', [
      { regionCode: '341599101000', target: 120 },
      { regionCode: '341599102000', target: 45 },
    ]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      programCode: 'living_subsidy',
      year: 2026,
      targets: [
        { regionCode: '341599101000', regionName: '青禾镇', target: 120 },
        { regionCode: '341599102000', regionName: '柳河镇', target: 45 },
      ],
      totals: [{ countyCode: '341599', regionCode: '341599000000', regionName: '青禾县', target: 165 }],
    });
    // only 柳河镇 changes; 0 is a target
    const second = await call('admin', 'PUT', '/api/programs/living_subsidy/targets/2026', [
      { regionCode: '341599102000', target: 0 },
    ]);
    expect(second.statusCode).toBe(200);
    expect(second.json().targets.map((x: { target: number }) => x.target)).toEqual([120, 0]);
    expect(second.json().totals[0].target).toBe(120);
    const audit = await auditRows('program.targets.set', 'living_subsidy');
    expect(audit).toHaveLength(2);
    expect(audit[0]!.details).toMatchObject({
      year: 2026,
      changes: [{ regionCode: '341599102000', from: 45, to: 0 }],
    });
    expect(audit[0]!.regionCode).toBe('341599000000');
  });

  it('answers 404 REGION_NOT_FOUND for a township outside the caller’s county, writing nothing', async () => {
    const res = await call('otherOfficer', 'PUT', '/api/programs/living_subsidy/targets/2026', [
      { regionCode: '341598101000', target: 9 },
      { regionCode: '341599101000', target: 1 },
    ]);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('REGION_NOT_FOUND');
    const admin = await call('otherAdmin', 'PUT', '/api/programs/living_subsidy/targets/2026', [
      { regionCode: '341599101000', target: 1 },
    ]);
    expect(admin.statusCode).toBe(404);
    const rows = await t.database.db
      .select()
      .from(programTargets)
      .where(and(eq(programTargets.programCode, 'living_subsidy'), eq(programTargets.regionCode, '341598101000')));
    expect(rows).toHaveLength(0);
    expect((await call('officer', 'GET', '/api/programs/living_subsidy/targets/2026')).json().targets[0].target).toBe(
      120,
    );
  });

  it('refuses unknown codes, non-townships and duplicates with 400 per row (all or nothing)', async () => {
    const res = await call('officer', 'PUT', '/api/programs/nursing_subsidy/targets/2026', [
      { regionCode: '341599101000', target: 5 },
      { regionCode: '341599103000', target: 5 },
      { regionCode: '341599101201', target: 5 },
      { regionCode: '341599000000', target: 5 },
    ]);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['1.regionCode', '2.regionCode', '3.regionCode']);
    expect(res.json().error.fields['2.regionCode']).toContain('乡镇');
    const dup = await call(
      'officer',
      'PUT',
      '/api/programs/nursing_subsidy/targets/2026',
      [
        { regionCode: '341599101000', target: 5 },
        { regionCode: '341599101000', target: 6 },
      ],
      { 'accept-language': 'en' },
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields['1.regionCode']).toMatch(/more than once/);
    for (const body of [[], [{ regionCode: '341599101000', target: -1 }], [{ regionCode: '3415', target: 1 }], {}]) {
      expect((await call('officer', 'PUT', '/api/programs/nursing_subsidy/targets/2026', body)).statusCode).toBe(400);
    }
    const bad = await call('officer', 'PUT', '/api/programs/nursing_subsidy/targets/2026', [
      { regionCode: '341599101000', target: 1.5 },
    ]);
    expect(bad.json().error.fields['0.target']).toBeTruthy();
    expect((await call('officer', 'GET', '/api/programs/nursing_subsidy/targets/2026')).json().targets).toEqual([]);
  });

  it('refuses township, auditor (403), no session (401), unknown programme (404), bad year (400)', async () => {
    const body = [{ regionCode: '341599101000', target: 1 }];
    for (const as of ['township', 'auditor'] as const) {
      expect((await call(as, 'PUT', '/api/programs/living_subsidy/targets/2026', body)).statusCode, as).toBe(403);
    }
    expect((await call(null, 'PUT', '/api/programs/living_subsidy/targets/2026', body)).statusCode).toBe(401);
    expect((await call('officer', 'PUT', '/api/programs/nope/targets/2026', body)).statusCode).toBe(404);
    expect((await call('officer', 'PUT', '/api/programs/living_subsidy/targets/20x6', body)).statusCode).toBe(400);
  });

  it('lets the root admin set targets in several counties, summed per county', async () => {
    const res = await call('root', 'PUT', '/api/programs/accident_insurance/targets/2026', [
      { regionCode: '341599101000', target: 10 },
      { regionCode: '341598101000', target: 7 },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json().totals).toEqual([
      { countyCode: '341598', regionCode: '341598000000', regionName: '邻县', target: 7 },
      { countyCode: '341599', regionCode: '341599000000', regionName: '青禾县', target: 10 },
    ]);
    const county = await call('officer', 'GET', '/api/programs/accident_insurance/targets/2026');
    expect(county.json().totals).toEqual([
      { countyCode: '341599', regionCode: '341599000000', regionName: '青禾县', target: 10 },
    ]);
  });
});

describe('GET /api/programs/:code/targets/:year', () => {
  it('is scoped: a township user sees its own township only', async () => {
    const township = await call('township', 'GET', '/api/programs/living_subsidy/targets/2026');
    expect(township.statusCode).toBe(200);
    expect(township.json().targets).toEqual([{ regionCode: '341599101000', regionName: '青禾镇', target: 120 }]);
    expect(township.json().totals).toEqual([
      { countyCode: '341599', regionCode: '341599000000', regionName: '青禾县', target: 120 },
    ]);
    const other = await call('otherOfficer', 'GET', '/api/programs/living_subsidy/targets/2026');
    expect(other.json()).toMatchObject({ targets: [], totals: [] });
    const auditor = await call('auditor', 'GET', '/api/programs/living_subsidy/targets/2026');
    expect(auditor.json().targets).toHaveLength(2);
    expect((await call(null, 'GET', '/api/programs/living_subsidy/targets/2026')).statusCode).toBe(401);
    expect((await call('officer', 'GET', '/api/programs/nope/targets/2026')).statusCode).toBe(404);
  });
});

describe('targets xlsx import and template', () => {
  it('downloads a template with the caller’s townships (and current targets when asked)', async () => {
    const res = await call(
      'officer',
      'GET',
      '/api/programs/targets-template.xlsx?programCode=living_subsidy&year=2026',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.worksheets[0]!;
    const rows = [1, 2, 3, 4].map((r) => [1, 2, 3].map((c) => sheet.getRow(r).getCell(c).value ?? null));
    expect(rows).toEqual([
      ['区划代码', '乡镇名称', '目标数'],
      ['341599101000', '青禾镇', '120'],
      ['341599102000', '柳河镇', '0'],
      [null, null, null],
    ]);
    const plain = await call('otherOfficer', 'GET', '/api/programs/targets-template.xlsx');
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(plain.rawPayload as never);
    expect(other.worksheets[0]!.getRow(2).getCell(1).value).toBe('341598101000');
    expect(other.worksheets[0]!.getRow(3).getCell(1).value ?? null).toBe(null);
    expect((await call('township', 'GET', '/api/programs/targets-template.xlsx')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/programs/targets-template.xlsx')).statusCode).toBe(401);
  });

  it('imports every row in one transaction with one audit row', async () => {
    const data = await makeXlsx([
      ['区划代码', '乡镇名称', '目标数'],
      ['341599101000', '青禾镇', 30],
      ['341599102000', '(名字不核对)', '12'],
    ]);
    const res = await upload('officer', '/api/programs/child_rehab/targets/2026/import', data);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      programCode: 'child_rehab',
      year: 2026,
      imported: 2,
      targets: [
        { regionCode: '341599101000', target: 30 },
        { regionCode: '341599102000', target: 12 },
      ],
      totals: [{ countyCode: '341599', target: 42 }],
    });
    const audit = await auditRows('program.targets.import', 'child_rehab');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ fileName: 'targets.xlsx', rows: 2, year: 2026 });
  });

  it('refuses a file with any bad row, naming rows and columns, and writes nothing', async () => {
    const data = await makeXlsx([
      ['区划代码', '目标数'],
      ['341599101000', 99],
      ['341599101000', 1],
      ['341599103000', 2],
      ['341598101000', 3],
      ['341599101201', 4],
      ['abc', -1],
      ['341599102000', '十'],
      ['', 5],
      ['341599102000', ''],
    ]);
    const res = await upload('officer', '/api/programs/child_rehab/targets/2026/import', data);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      'row 3.区划代码': '文件中重复的区划代码（第 2 行）',
      'row 4.区划代码': '区划不存在',
      'row 5.区划代码': '不在你的管辖范围内',
      'row 6.区划代码': '目标任务只能下达到乡镇（街道）',
      'row 7.区划代码': '区划代码应为 12 位数字',
      'row 7.目标数': '应为不小于 0 的整数',
      'row 8.目标数': '应为不小于 0 的整数',
      'row 9.区划代码': '必填',
      'row 10.区划代码': '文件中重复的区划代码（第 8 行）',
      'row 10.目标数': '必填',
    });
    const en = await upload('officer', '/api/programs/child_rehab/targets/2026/import', data, 'targets.xlsx', {
      'accept-language': 'en',
    });
    expect(en.json().error.fields['row 6.区划代码']).toBe('Targets are set for townships only');
    const current = await call('officer', 'GET', '/api/programs/child_rehab/targets/2026');
    expect(current.json().targets.map((x: { target: number }) => x.target)).toEqual([30, 12]);
  });

  it('refuses a sheet without the columns, an empty one, too many rows, and a file that is not xlsx', async () => {
    const url = '/api/programs/child_rehab/targets/2026/import';
    const noHeader = await upload(
      'officer',
      url,
      await makeXlsx([
        ['代码', '数'],
        ['341599101000', 1],
      ]),
    );
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.message).toContain('区划代码');
    const empty = await upload('officer', url, await makeXlsx([['区划代码', '目标数']]));
    expect(empty.json().error.message).toBe('文件中没有数据行');
    const many = [['区划代码', '目标数'], ...Array.from({ length: 1001 }, () => ['341599101000', 1])];
    const tooMany = await upload('officer', url, await makeXlsx(many));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toContain('1000');
    const csv = await upload('officer', url, Buffer.from('区划代码,目标数\n341599101000,1\n'), 'targets.csv');
    expect(csv.json().error.code).toBe('UNSUPPORTED_FILE');
  });

  it('refuses township and auditor (403), no session (401), unknown programme (404)', async () => {
    const data = await makeXlsx([
      ['区划代码', '目标数'],
      ['341599101000', 1],
    ]);
    for (const as of ['township', 'auditor'] as const) {
      expect((await upload(as, '/api/programs/child_rehab/targets/2026/import', data)).statusCode, as).toBe(403);
    }
    expect((await upload(null, '/api/programs/child_rehab/targets/2026/import', data)).statusCode).toBe(401);
    expect((await upload('officer', '/api/programs/nope/targets/2026/import', data)).statusCode).toBe(404);
  });
});
