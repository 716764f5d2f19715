import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createTestContext, type FixtureUser, type TestContext } from '../../test-support/index.js';

// The completion report of a hand-built county with known answers (GET /api/reports/completion and its
// workbook). Persons and applications are written with SQL (thousands of them: the rounding examples
// need 4,120 completions), so the counters are kept by the triggers alone, as after an import or a seed.

let t: TestContext;
const YEAR = 2025;
let sequence = 0;

const get = (as: FixtureUser | null, url: string, headers: Record<string, string> = {}) =>
  t.call(as, 'GET', url, undefined, headers);

/** `n` persons in `region`, tagged (address) for the applications below. */
async function persons(tag: string, region: string, n: number) {
  const first = sequence;
  sequence += n;
  await t.database.db.execute(sql`
    insert into persons (name, name_pinyin, name_initials, id_number, gender, birth_date, region_code, county_code,
      address, category, grade, cert_number, cert_issued_on, cert_valid_until, cert_state)
    select '测试' || g, 'ceshi', 'cs', lpad((${first} + g)::text, 18, '0'), 'male', '1970-01-01', ${region},
      left(${region}, 6), ${tag}, 4, 2, lpad((${first} + g)::text, 18, '0') || '42', '2020-01-01', '2030-01-01',
      'normal'
    from generate_series(1, ${n}) as g`);
}

/** An application of every person tagged `tag`, filed where the person is registered. */
async function applications(tag: string, program: string, year: number, status: string) {
  await t.database.db.execute(sql`
    insert into applications (person_id, program_code, year, region_code, county_code, status, filed_at,
      applied_on, updated_at, completed_at)
    select id, ${program}, ${year}, region_code, county_code, ${status}, now(), make_date(${year}, 3, 1), now(),
      case when ${status} = 'completed' then now() end
    from persons where address = ${tag}`);
}

async function targets(program: string, year: number, list: [string, number][]) {
  for (const [region, target] of list) {
    await t.database.db.execute(sql`
      insert into program_targets (program_code, year, region_code, county_code, target)
      values (${program}, ${year}, ${region}, left(${region}, 6), ${target})`);
  }
}

beforeAll(async () => {
  t = await createTestContext();
  // 生活补贴: 青禾镇 165 → 246 (149.09 %), 柳河镇 1,120 → 4,120 (367.86 %).
  await persons('ls-101', '341599101201', 246);
  await applications('ls-101', 'living_subsidy', YEAR, 'completed');
  await persons('ls-102', '341599102201', 4120);
  await applications('ls-102', 'living_subsidy', YEAR, 'completed');
  await targets('living_subsidy', YEAR, [
    ['341599101000', 165],
    ['341599102000', 1120],
  ]);
  // 护理补贴: 青禾镇 146 → 153 (104.79 %), of whom 3 registered at the township itself and 40 who also
  // completed the living subsidy (counted once in each programme); 柳河镇 a zero target and 5 completed.
  await persons('ns-101', '341599101201', 110);
  await persons('ns-101-town', '341599101000', 3);
  for (const tag of ['ns-101', 'ns-101-town']) await applications(tag, 'nursing_subsidy', YEAR, 'completed');
  await t.database.db.execute(sql`
    insert into applications (person_id, program_code, year, region_code, county_code, status, filed_at,
      applied_on, updated_at, completed_at)
    select id, 'nursing_subsidy', ${YEAR}, region_code, county_code, 'completed', now(), '2025-03-01', now(), now()
    from persons where address = 'ls-101' order by id limit 40`);
  await persons('ns-102', '341599102201', 5);
  await applications('ns-102', 'nursing_subsidy', YEAR, 'completed');
  await targets('nursing_subsidy', YEAR, [
    ['341599101000', 146],
    ['341599102000', 0],
  ]);
  // 儿童康复: a zero target and nothing done — a row all the same.
  await targets('child_rehab', YEAR, [['341599102000', 0]]);
  // 精准康复: no target, 2 completed; persons completed twice: the year before (not counted in YEAR), and an
  // application withdrawn then filed again and completed (counted once).
  await persons('pr-101', '341599101201', 2);
  await applications('pr-101', 'precise_rehab', YEAR - 1, 'completed');
  await applications('pr-101', 'precise_rehab', YEAR, 'withdrawn');
  await applications('pr-101', 'precise_rehab', YEAR, 'completed');
  // What does not count: other statuses, other years, certificate services, the other county.
  await persons('other-status', '341599101201', 7);
  await applications('other-status', 'living_subsidy', YEAR, 'approved');
  await applications('other-status', 'nursing_subsidy', YEAR, 'rejected');
  await applications('other-status', 'cert_renew', YEAR, 'completed');
  await applications('ls-102', 'living_subsidy', YEAR + 1, 'completed');
  await persons('other-county', '341598101000', 9);
  await applications('other-county', 'living_subsidy', YEAR, 'completed');
  await targets('living_subsidy', YEAR, [['341598101000', 10]]);
}, 120_000);
afterAll(() => t.close());

const row = (
  programCode: string,
  regionCode: string,
  regionName: string | null,
  target: number,
  completed: number,
  rate: number | null,
  exceeded: number,
  hasTarget = true,
) => ({ programCode, regionCode, regionName, target, completed, rate, exceeded, hasTarget });

const COUNTY_ROWS = [
  row('living_subsidy', '341599101000', '青禾镇', 165, 246, 149.09, 81),
  row('living_subsidy', '341599102000', '柳河镇', 1120, 4120, 367.86, 3000),
  row('nursing_subsidy', '341599101000', '青禾镇', 146, 153, 104.79, 7),
  row('nursing_subsidy', '341599102000', '柳河镇', 0, 5, null, 5),
  row('child_rehab', '341599102000', '柳河镇', 0, 0, null, 0),
  row('precise_rehab', '341599101000', '青禾镇', 0, 2, null, 2, false),
];
const COUNTY_TOTALS = [
  // 4,366 of 1,285: 339.766… → 339.77
  { programCode: 'living_subsidy', target: 1285, completed: 4366, rate: 339.77, exceeded: 3081 },
  // 158 of 146: 108.219… → 108.22
  { programCode: 'nursing_subsidy', target: 146, completed: 158, rate: 108.22, exceeded: 12 },
  { programCode: 'child_rehab', target: 0, completed: 0, rate: null, exceeded: 0 },
  { programCode: 'precise_rehab', target: 0, completed: 2, rate: null, exceeded: 2 },
];
type Figures = { programCode: string; completed: number; [field: string]: unknown };
/** Rows without their programme names (checked once, below). */
const strip = (items: Figures[]): Figures[] => items.map(({ programName: _, ...rest }) => rest as Figures);

describe('GET /api/reports/completion', () => {
  it('answers the county officer per township and programme, with the rounding of the work report', async () => {
    const res = await get('officer', `/api/reports/completion?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      year: YEAR,
      regionCode: '341599000000',
      regionName: '青禾县',
      childLevel: 'township',
    });
    expect(strip(body.rows)).toEqual(COUNTY_ROWS);
    expect(strip(body.totals)).toEqual(COUNTY_TOTALS);
    expect(body.rows[0].programName).toBe('困难残疾人生活补贴');
  });

  it('is the same for every county role, and with the county named', async () => {
    for (const as of ['admin', 'finance', 'auditor'] as const) {
      const res = await get(as, `/api/reports/completion?year=${YEAR}&regionCode=341599000000`);
      expect(res.statusCode, `${as}: ${res.body}`).toBe(200);
      expect(strip(res.json().rows)).toEqual(COUNTY_ROWS);
    }
  });

  it('drills down into a township: its villages, the township’s own target in the totals', async () => {
    const res = await get('officer', `/api/reports/completion?year=${YEAR}&regionCode=341599101000`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ regionCode: '341599101000', regionName: '青禾镇', childLevel: 'village' });
    expect(strip(body.rows)).toEqual([
      row('living_subsidy', '341599101201', '王庄村', 0, 246, null, 246, false),
      row('nursing_subsidy', '341599101000', '青禾镇', 0, 3, null, 3, false),
      row('nursing_subsidy', '341599101201', '王庄村', 0, 150, null, 150, false),
      row('precise_rehab', '341599101201', '王庄村', 0, 2, null, 2, false),
    ]);
    expect(strip(body.totals)).toEqual([
      { programCode: 'living_subsidy', target: 165, completed: 246, rate: 149.09, exceeded: 81 },
      { programCode: 'nursing_subsidy', target: 146, completed: 153, rate: 104.79, exceeded: 7 },
      { programCode: 'precise_rehab', target: 0, completed: 2, rate: null, exceeded: 2 },
    ]);
    // a township user gets its own township by default, the same figures
    const own = await get('township', `/api/reports/completion?year=${YEAR}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual(body);
  });

  it('gives the whole database per county, each county with its own figures', async () => {
    const res = await get('root', `/api/reports/completion?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ regionCode: null, childLevel: 'county' });
    const living = strip(body.rows).filter((r: { programCode: string }) => r.programCode === 'living_subsidy');
    expect(living).toEqual([
      row('living_subsidy', '341598000000', '邻县', 10, 9, 90, 0),
      row('living_subsidy', '341599000000', '青禾县', 1285, 4366, 339.77, 3081),
    ]);
  });

  it('counts completions of the year asked for only', async () => {
    const next = await get('officer', `/api/reports/completion?year=${YEAR + 1}`);
    expect(strip(next.json().rows)).toEqual([
      row('living_subsidy', '341599102000', '柳河镇', 0, 4120, null, 4120, false),
    ]);
    const before = await get('officer', `/api/reports/completion?year=${YEAR - 1}`);
    expect(strip(before.json().totals)).toEqual([
      { programCode: 'precise_rehab', target: 0, completed: 2, rate: null, exceeded: 2 },
    ]);
    const empty = await get('officer', '/api/reports/completion?year=2030');
    expect(empty.json()).toMatchObject({ year: 2030, rows: [], totals: [] });
  });

  it('refuses regions outside the caller’s scope as absent, and bad input by field', async () => {
    const other = await get('township', `/api/reports/completion?year=${YEAR}&regionCode=341599102000`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('REGION_NOT_FOUND');
    expect((await get('township', `/api/reports/completion?year=${YEAR}&regionCode=341599000000`)).statusCode).toBe(
      404,
    );
    expect((await get('township2', `/api/reports/completion?year=${YEAR}&regionCode=341599102000`)).statusCode).toBe(
      200,
    );
    expect((await get('officer', `/api/reports/completion?year=${YEAR}&regionCode=341598000000`)).statusCode).toBe(404);
    expect((await get('otherOfficer', `/api/reports/completion?year=${YEAR}&regionCode=341599101000`)).statusCode).toBe(
      404,
    );
    // in scope but no such region
    expect((await get('officer', `/api/reports/completion?year=${YEAR}&regionCode=341599199000`)).statusCode).toBe(404);
    // the village user sees its village
    const village = await get('village', `/api/reports/completion?year=${YEAR}`);
    expect(village.statusCode).toBe(200);
    expect(strip(village.json().rows).map((r: { completed: number }) => r.completed)).toEqual([246, 150, 2]);

    const english = await get('township', `/api/reports/completion?year=${YEAR}&regionCode=341599102000`, {
      'accept-language': 'en',
    });
    expect(english.json().error.message).toBe('Region not found');
    const chinese = await get('township', `/api/reports/completion?year=${YEAR}&regionCode=341599102000`);
    expect(chinese.json().error.message).toBe('区划不存在');

    for (const year of ['1999', '2101', 'abc', '2025.5']) {
      const bad = await get('officer', `/api/reports/completion?year=${year}`);
      expect(bad.statusCode, year).toBe(400);
      expect(Object.keys(bad.json().error.fields)).toEqual(['year']);
    }
    const badRegion = await get('officer', `/api/reports/completion?year=${YEAR}&regionCode=3415`, {
      'accept-language': 'en',
    });
    expect(badRegion.statusCode).toBe(400);
    expect(Object.keys(badRegion.json().error.fields)).toEqual(['regionCode']);
    expect(badRegion.json().error.message).toMatch(/^[\x20-\x7e]+$/);

    expect((await get(null, `/api/reports/completion?year=${YEAR}`)).statusCode).toBe(401);
    expect((await get('institution', `/api/reports/completion?year=${YEAR}`)).statusCode).toBe(403);
  });

  it('defaults to the current year', async () => {
    const res = await get('officer', '/api/reports/completion');
    expect(res.statusCode).toBe(200);
    expect(res.json().year).toBe(Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)));
  });

  it('agrees with the raw rows: distinct persons with a completed application, per township', async () => {
    const raw = rowsOf<{ program_code: string; region_code: string; completed: number }>(
      await t.database.db.execute(sql`
        select a.program_code, rpad(left(a.region_code, 9), 12, '0') as region_code,
          count(distinct a.person_id)::int as completed
        from applications a join programs p on p.code = a.program_code and p.catalogue = 'programme'
        where a.year = ${YEAR} and a.status = 'completed' and a.region_code like '341599%'
        group by 1, 2`),
    );
    const report = (await get('officer', `/api/reports/completion?year=${YEAR}`)).json();
    const fromReport = report.rows
      .filter((r: { completed: number }) => r.completed > 0)
      .map((r: { programCode: string; regionCode: string; completed: number }) => ({
        program_code: r.programCode,
        region_code: r.regionCode,
        completed: r.completed,
      }));
    const key = (r: { program_code: string; region_code: string }) => `${r.program_code} ${r.region_code}`;
    expect([...fromReport].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...raw].sort((a, b) => key(a).localeCompare(key(b))),
    );
  });
});

describe('GET /api/reports/completion.xlsx', () => {
  it('is a formatted workbook with the figures as numbers', async () => {
    const res = await get('officer', `/api/reports/completion.xlsx?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('青禾县'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('目标任务完成情况');
    expect(sheet.getCell('A1').value).toBe('2025年度惠残项目目标任务完成情况');
    const texts = sheet.getColumn(1).values.map((v) => String(v ?? ''));
    expect(texts).toContain('区划：青禾县（341599000000）');
    expect(texts).toContain('年度：2025年');
    expect(texts.some((v) => /^生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v))).toBe(true);

    // merged header: 项目 over two rows, 区划 over code and name, 完成情况 over the four figures
    const headerRow = texts.indexOf('项目');
    expect(headerRow).toBeGreaterThan(0);
    expect(sheet.getCell(headerRow, 2).value).toBe('区划');
    expect(sheet.getCell(headerRow, 4).value).toBe('完成情况');
    expect(sheet.getCell(headerRow + 1, 4).value).toBe('目标任务数');
    expect(sheet.getCell(headerRow + 1, 6).value).toBe('完成率（%）');
    expect(sheet.getCell(headerRow + 1, 1).isMerged).toBe(true);
    expect(sheet.getCell(headerRow, 5).isMerged).toBe(true);

    const table: unknown[][] = [];
    for (let r = headerRow + 2; r <= sheet.rowCount; r++) {
      const values = [1, 2, 3, 4, 5, 6, 7].map((c) => sheet.getCell(r, c).value);
      if (values.every((v) => v === null || v === '')) break;
      table.push(values);
    }
    expect(table).toEqual([
      ['困难残疾人生活补贴', '341599101000', '青禾镇', 165, 246, 149.09, 81],
      ['困难残疾人生活补贴', '341599102000', '柳河镇', 1120, 4120, 367.86, 3000],
      ['重度残疾人护理补贴', '341599101000', '青禾镇', 146, 153, 104.79, 7],
      ['重度残疾人护理补贴', '341599102000', '柳河镇', 0, 5, '—', 5],
      ['残疾儿童康复救助', '341599102000', '柳河镇', 0, 0, '—', 0],
      ['精准康复服务', '341599101000', '青禾镇', '', 2, '—', ''],
      ['困难残疾人生活补贴', '341599000000', '青禾县合计', 1285, 4366, 339.77, 3081],
      ['重度残疾人护理补贴', '341599000000', '青禾县合计', 146, 158, 108.22, 12],
      ['残疾儿童康复救助', '341599000000', '青禾县合计', 0, 0, '—', 0],
      ['精准康复服务', '341599000000', '青禾县合计', 0, 2, '—', 2],
    ]);
    const totalRow = headerRow + 2 + 6;
    expect(sheet.getCell(totalRow, 1).font?.bold).toBe(true);
    expect(sheet.getCell(headerRow + 2, 6).numFmt).toBe('0.00');
  });

  it('speaks English when asked, and refuses as the report does', async () => {
    const res = await get('township', `/api/reports/completion.xlsx?year=${YEAR}`, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('Programme targets and completions, 2025');
    const refused = await get('township', `/api/reports/completion.xlsx?year=${YEAR}&regionCode=341599102000`);
    expect(refused.statusCode).toBe(404);
    expect((await get('officer', '/api/reports/completion.xlsx?year=1')).statusCode).toBe(400);
  });
});
