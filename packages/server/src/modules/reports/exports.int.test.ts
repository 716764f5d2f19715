import { makeCertificateNumber, makeIdNumber, todayInChina } from '@huican/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type FixtureUser, type TestContext } from '../../test-support/index.js';
import { registry } from '../payments/test-registry.js';

// The report downloads (rehab.xlsx, funds.xlsx, registry.xlsx, summary.docx) of a small hand-built county
// with known figures, read back: the workbooks with exceljs, the Word document by unzipping
// word/document.xml. Y is last year (China time), so every period has ended.
//
// Completions (SQL, set-based: the counters are kept by the triggers): 246 persons in 王庄村 (青禾镇) completed
//   精准康复服务 (target 165 for 青禾镇: 149.09 %, 81 over), 150 of them 残疾儿童康复救助 (target 200: 75.00 %,
//   50 short), 3 of them 无障碍改造 (no target); the other county: 9 completed of a target of 10.
// Rehabilitation (API): A (王庄村) training need, trained; B (王庄村) device need, fitted; C (李岗村) device and
//   medication needs, nothing: needs 3, served 2 (66.67 %), device needs 2, fitted 1 (50.00 %).
// Funds (API): living subsidy ¥100 (grade 1, g1 in 王庄村) and ¥80 (grade 2, g2 in 李岗村) a month from
//   January; budget ¥2,100. January cycle paid (¥180); July cycle paid: July and the back pay of February
//   to June (6 × ¥180 = ¥1,080). Year: ¥1,260 paid, 60.00 %; January–June (cycles of those months): ¥180.
// Registry: besides the above (all physical, grade 2 but g1 grade 1), P1 vision grade 1 issued on Y-03-01
//   (王庄村) and P2 intellectual grade 3 issued on Y-08-01 (李岗村): 253 active persons in the county.

let t: TestContext;
let r: ReturnType<typeof registry>;
let Y: number;
let sequence = 0;
const id: Record<string, string> = {};

const get = (as: FixtureUser | null, url: string, lang?: string) =>
  t.call(as, 'GET', url, undefined, lang ? { 'accept-language': lang } : {});

async function sqlPersons(tag: string, region: string, n: number) {
  const first = sequence;
  sequence += n;
  await t.database.db.execute(sql`
    insert into persons (name, name_pinyin, name_initials, id_number, gender, birth_date, region_code, county_code,
      address, category, grade, cert_number, cert_issued_on, cert_valid_until, cert_state)
    select '导出' || g, 'daochu', 'dc', lpad((${first} + g)::text, 18, '0'), 'male', '1970-01-01', ${region},
      left(${region}, 6), ${tag}, 4, 2, lpad((${first} + g)::text, 18, '0') || '42', '2020-01-01', '2030-01-01',
      'normal'
    from generate_series(1, ${n}) as g`);
}

/** A completed application of `program` in year Y for the first `n` persons tagged `tag`. */
async function completed(tag: string, program: string, n: number) {
  await t.database.db.execute(sql`
    insert into applications (person_id, program_code, year, region_code, county_code, status, filed_at,
      applied_on, updated_at, completed_at)
    select id, ${program}, ${Y}, region_code, county_code, 'completed', now(), make_date(${Y}, 3, 1), now(), now()
    from (select * from persons where address = ${tag} order by id_number limit ${n}) p`);
}

async function target(program: string, region: string, value: number) {
  await t.database.db.execute(sql`
    insert into program_targets (program_code, year, region_code, county_code, target)
    values (${program}, ${Y}, ${region}, left(${region}, 6), ${value})`);
}

async function ok(as: FixtureUser, url: string, payload: object, status = 201) {
  const res = await t.call(as, 'POST', url, payload);
  expect(res.statusCode, `${url} ${res.body}`).toBe(status);
  return res.json();
}

async function paidCycle(period: string) {
  const cycle = await r.generated('officer', { programCode: 'living_subsidy', period });
  for (const [as, action] of [
    ['officer', 'submit'],
    ['finance', 'approve'],
    ['finance', 'mark_paid'],
  ] as const) {
    const res = await r.act(as, cycle.id, action);
    expect(res.statusCode, res.body).toBe(200);
  }
  return cycle;
}

beforeAll(async () => {
  t = await createTestContext();
  Y = Number(todayInChina(t.now()).slice(0, 4)) - 1;
  r = registry(t, { seqBase: 700 });

  await sqlPersons('done', '341599101201', 246);
  await completed('done', 'precise_rehab', 246);
  await completed('done', 'child_rehab', 150);
  await completed('done', 'home_modification', 3);
  await target('precise_rehab', '341599101000', 165);
  await target('child_rehab', '341599101000', 200);
  await sqlPersons('other-county', '341598101000', 9);
  await completed('other-county', 'precise_rehab', 9);
  await target('precise_rehab', '341598101000', 10);

  id.A = await r.person();
  id.B = await r.person();
  id.C = await r.person({ region: '341599102201' });
  await ok('officer', `/api/persons/${id.A}/needs`, { year: Y, kinds: ['rehab_training'] });
  await ok('officer', `/api/persons/${id.A}/services`, { year: Y, kind: 'rehab_training', date: `${Y}-06-15` });
  await ok('officer', `/api/persons/${id.B}/needs`, { year: Y, kinds: ['assistive_device'] });
  await ok('officer', `/api/persons/${id.B}/services`, { year: Y, kind: 'assistive_device', date: `${Y}-09-15` });
  await ok('officer', `/api/persons/${id.C}/needs`, { year: Y, kinds: ['assistive_device', 'medication'] });

  await r.standard('living_subsidy', Y, { monthlyCentsByGrade: { '1': 10_000, '2': 8_000, '3': 0, '4': 5_000 } });
  const budget = await t.call('officer', 'PUT', `/api/programs/living_subsidy/budgets/${Y}`, { budgetCents: 210_000 });
  expect(budget.statusCode, budget.body).toBe(200);
  id.g1 = await r.person({ grade: 1 });
  id.g2 = await r.person({ grade: 2, region: '341599102201' });
  for (const p of [id.g1, id.g2]) await r.enrol(p, { year: Y, appliedOn: `${Y}-01-05` });
  expect((await paidCycle(`${Y}-01`)).count).toBe(2);
  expect((await paidCycle(`${Y}-07`)).count).toBe(12);

  for (const [key, region, category, grade, issuedOn] of [
    ['P1', '341599101201', 1, 1, `${Y}-03-01`],
    ['P2', '341599102201', 5, 3, `${Y}-08-01`],
  ] as const) {
    const idNumber = makeIdNumber('341599', '1985-05-05', 900 + grade * 2);
    const body = await ok('officer', '/api/persons', {
      name: `证件${key}`,
      idNumber,
      regionCode: region,
      certificate: { number: makeCertificateNumber(idNumber, category, grade), issuedOn },
    });
    id[key] = body.id;
  }
}, 180_000);
afterAll(() => t.close());

async function workbookOf(res: { rawPayload: Buffer }) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

type Value = string | number | null;
/** The table under the header row whose first cell is `header` (its last header row: `depth` 1 or 2). */
function tableOf(sheet: ExcelJS.Worksheet, header: string, columns: number, depth = 2): Value[][] {
  const texts = sheet.getColumn(1).values.map((v) => String(v ?? ''));
  const top = texts.indexOf(header);
  expect(top, `header ${header}`).toBeGreaterThan(0);
  const rows: Value[][] = [];
  for (let row = top + depth; row <= sheet.rowCount; row++) {
    const values = Array.from({ length: columns }, (_, i) => sheet.getCell(row, i + 1).value as Value);
    if (values.every((v) => v === null || v === '')) break;
    rows.push(values);
  }
  return rows;
}
const metaOf = (sheet: ExcelJS.Worksheet) => sheet.getColumn(1).values.map((v) => String(v ?? ''));
const disposition = (res: { headers: Record<string, unknown> }) =>
  decodeURIComponent(String(res.headers['content-disposition']).replace(/^attachment; filename\*=UTF-8''/, ''));

/** The paragraphs of a Word document (text of each w:p) and its tables (rows of cell texts). */
async function documentOf(res: { rawPayload: Buffer }) {
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = await zip.file('word/document.xml')!.async('string');
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const textOf = (part: string) =>
    decode([...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  // paragraphs outside tables
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = outside
    .split('</w:p>')
    .map(textOf)
    .filter((p) => p !== '');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => ({
    headerRows: (m[1]!.match(/<w:tblHeader\/>/g) ?? []).length,
    rows: m[1]!
      .split('</w:tr>')
      .slice(0, -1)
      .map((row) => row.split('</w:tc>').slice(0, -1).map(textOf)),
  }));
  return { xml, paragraphs, tables };
}

describe('GET /api/reports/rehab.xlsx', () => {
  it('has the figures of the rehabilitation report, by region, category and age group, with totals', async () => {
    const res = await get('officer', `/api/reports/rehab.xlsx?year=${Y}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(disposition(res)).toBe(`康复服务情况-${Y}-青禾县.xlsx`);
    const json = (await get('officer', `/api/reports/rehab?year=${Y}`)).json();
    const workbook = await workbookOf(res);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['按区划', '按残疾类别', '按年龄段']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(`${Y}年度残疾人康复服务情况（按区划）`);
    const meta = metaOf(sheet);
    expect(meta).toContain('区划：青禾县（341599000000）');
    expect(meta).toContain(`年度：${Y}年`);
    expect(meta.some((v) => /^生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v))).toBe(true);
    // merged group headers over the two blocks of figures
    const top = meta.indexOf('区划');
    expect(sheet.getCell(top, 3).value).toBe('康复服务');
    expect(sheet.getCell(top, 6).value).toBe('辅具适配');
    expect(sheet.getCell(top, 4).isMerged).toBe(true);
    expect(sheet.getCell(top + 1, 3).value).toBe('有康复需求（人）');

    const table = tableOf(sheet, '区划代码', 8, 1);
    expect(table).toEqual([
      ['341599101000', '青禾镇', 2, 2, 100, 1, 1, 100],
      ['341599102000', '柳河镇', 1, 0, 0, 1, 0, 0],
      ['341599000000', '合计', 3, 2, 66.67, 2, 1, 50],
    ]);
    // the same figures as the JSON report
    expect(table.slice(0, -1)).toEqual(
      json.byRegion.map((x: Record<string, number | string>) => [
        x.regionCode,
        x.regionName,
        x.needs,
        x.served,
        x.serviceRate,
        x.deviceNeeds,
        x.deviceFitted,
        x.fittingRate,
      ]),
    );
    expect(sheet.getCell(top + 4, 3).font?.bold).toBe(true); // the total row
    expect(meta.some((v) => v.startsWith('康复服务率 = 已获服务'))).toBe(true);

    const categories = tableOf(workbook.worksheets[1]!, '残疾类别', 7);
    expect(categories.find((row) => row[0] === '肢体')).toEqual(['肢体', 3, 2, 66.67, 2, 1, 50]);
    expect(categories.at(-1)).toEqual(['合计', 3, 2, 66.67, 2, 1, 50]);
    const ages = tableOf(workbook.worksheets[2]!, '年龄段（年末）', 7);
    expect(ages.map((row) => row[0])).toEqual(['0–6岁', '7–17岁', '18–59岁', '60岁及以上', '合计']);
    expect(ages[2]).toEqual(['18–59岁', 3, 2, 66.67, 2, 1, 50]);
  });

  it('covers the township of a township user, in English when asked', async () => {
    const res = await get('township', `/api/reports/rehab.xlsx?year=${Y}`, 'en');
    expect(res.statusCode, res.body).toBe(200);
    expect(disposition(res)).toBe(`rehab-${Y}-341599101000.xlsx`);
    const sheet = (await workbookOf(res)).worksheets[0]!;
    expect(sheet.name).toBe('By region');
    expect(sheet.getCell('A1').value).toBe(`Rehabilitation services, ${Y}, by region`);
    expect(metaOf(sheet)).toContain('Region: 青禾镇 (341599101000)');
    expect(tableOf(sheet, 'Code', 8, 1)).toEqual([
      ['341599101201', '王庄村', 2, 2, 100, 1, 1, 100],
      ['341599101000', 'Total', 2, 2, 100, 1, 1, 100],
    ]);
  });
});

describe('GET /api/reports/funds.xlsx', () => {
  it('has the budget, committed, paid and execution rate per programme, and the months', async () => {
    const res = await get('finance', `/api/reports/funds.xlsx?year=${Y}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(disposition(res)).toBe(`资金执行情况-${Y}-青禾县.xlsx`);
    const json = (await get('finance', `/api/reports/funds?year=${Y}`)).json();
    const workbook = await workbookOf(res);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(`${Y}年度惠残资金执行情况`);
    expect(metaOf(sheet)).toContain(`年度：${Y}年`);
    const table = tableOf(sheet, '项目', 6);
    const living = table.find((row) => row[0] === '困难残疾人生活补贴');
    expect(living).toEqual(['困难残疾人生活补贴', 2100, 1260, 1260, 60, 2]);
    // every programme of the JSON report, in yuan; the total row last
    expect(table.slice(0, -1)).toEqual(
      json.programs.map((p: Record<string, number | string | null>) => [
        p.name,
        p.budgetCents === null ? '—' : (p.budgetCents as number) / 100,
        (p.committedCents as number) / 100,
        (p.paidCents as number) / 100,
        p.executionRate === null ? '—' : p.executionRate,
        p.personsPaid,
      ]),
    );
    expect(table.at(-1)).toEqual(['合计', 2100, 1260, 1260, 60, 2]);
    const header = metaOf(sheet).indexOf('项目');
    expect(sheet.getCell(header, 2).value).toBe('资金（元）');
    expect(sheet.getCell(header, 3).isMerged).toBe(true);
    const livingRow = metaOf(sheet).indexOf('困难残疾人生活补贴');
    expect(sheet.getCell(livingRow, 2).numFmt).toBe('#,##0.00');
    expect(sheet.getCell(livingRow, 5).numFmt).toBe('0.00');

    const months = workbook.worksheets[1]!;
    expect(months.name).toBe('分月发放');
    const monthHeader = metaOf(months).indexOf('发放月份');
    expect(months.getCell(monthHeader, 2).value).toBe('困难残疾人生活补贴');
    expect(months.getCell(monthHeader, 4).value).toBe('合计');
    const rows = tableOf(months, '发放月份', 5);
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual(['1月', 2, 180, 2, 180]);
    expect(rows[1]).toEqual(['2月', 0, 0, 0, 0]);
    expect(rows[6]).toEqual(['7月', 2, 1080, 2, 1080]);
    expect(rows[12]).toEqual(['全年', 2, 1260, 2, 1260]);
  });

  it('has no budget below the county, and refuses who may not read payments', async () => {
    const res = await get('township2', `/api/reports/funds.xlsx?year=${Y}`, 'en');
    expect(res.statusCode, res.body).toBe(200);
    const sheet = (await workbookOf(res)).worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(`Programme funds, ${Y}`);
    const living = tableOf(sheet, 'Programme', 6).find(
      (row) => row[0] === 'Living subsidy for disabled persons in hardship',
    );
    expect(living).toEqual(['Living subsidy for disabled persons in hardship', '—', 560, 560, '—', 1]);
    expect(metaOf(sheet).some((v) => v.startsWith('Budgets are set for the county'))).toBe(true);
    const village = await get('village', `/api/reports/funds.xlsx?year=${Y}`);
    expect(village.statusCode).toBe(403);
    expect(village.json().error.code).toBe('FORBIDDEN');
  });
});

describe('GET /api/reports/registry.xlsx', () => {
  it('has the persons by category and grade, the regions, the persons and the certificates of the period', async () => {
    const query = `from=${Y}-01-01&to=${Y}-06-30`;
    const res = await get('officer', `/api/reports/registry.xlsx?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(disposition(res)).toBe(`残疾人基本状况统计-${Y}-01-01至${Y}-06-30-青禾县.xlsx`);
    const json = (await get('officer', `/api/reports/registry?${query}`)).json();
    const workbook = await workbookOf(res);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['类别等级', '区划与动态更新', '人员概况', '残疾证办理']);
    const grades = workbook.worksheets[0]!;
    expect(grades.getCell('A1').value).toBe('残疾人基本状况统计（按残疾类别和等级）');
    expect(metaOf(grades)).toContain(`统计期间：${Y}年1月1日至6月30日`);
    const table = tableOf(grades, '残疾类别', 6);
    expect(table).toHaveLength(8);
    expect(table[0]).toEqual(['视力', 1, 0, 0, 0, 1]);
    expect(table[3]).toEqual(['肢体', 1, 250, 0, 0, 251]);
    expect(table[4]).toEqual(['智力', 0, 0, 1, 0, 1]);
    expect(table[7]).toEqual(['合计', 2, 250, 1, 0, 253]);
    expect(table.slice(0, 7)).toEqual(
      json.persons.categoryGrade.rows.map((x: { byGrade: Record<string, number>; total: number }, i: number) => [
        table[i]![0],
        x.byGrade['1'],
        x.byGrade['2'],
        x.byGrade['3'],
        x.byGrade['4'],
        x.total,
      ]),
    );
    expect(tableOf(workbook.worksheets[1]!, '区划代码', 5, 1)).toEqual([
      ['341599101000', '青禾镇', 250, 2, 0.8],
      ['341599102000', '柳河镇', 3, 1, 33.33],
      ['341599000000', '合计', 253, 3, 1.19],
    ]);
    const persons = tableOf(workbook.worksheets[2]!, '分组', 3, 1);
    expect(persons.find((row) => row[1] === '在册')).toEqual(['人员状态（全部）', '在册', 253]);
    expect(persons.find((row) => row[1] === '低保')?.[2]).toBe(json.persons.flags.lowIncome);
    const certificates = tableOf(workbook.worksheets[3]!, '分组', 3, 1);
    expect(certificates[0]).toEqual(['期内办证（本）', '新办', 1]);
    expect(certificates.find((row) => row[1] === '有效')?.[2]).toBe(json.certificates.status.valid);

    // the year: P2's certificate too
    const year = await workbookOf(await get('officer', `/api/reports/registry.xlsx?from=${Y}-01-01&to=${Y}-12-31`));
    expect(tableOf(year.worksheets[3]!, '分组', 3, 1)[0]).toEqual(['期内办证（本）', '新办', 2]);
  });

  it('validates the period as the statistics do', async () => {
    const reversed = await get('officer', `/api/reports/registry.xlsx?from=${Y}-06-30&to=${Y}-01-01`);
    expect(reversed.statusCode).toBe(400);
    expect(Object.keys(reversed.json().error.fields)).toEqual(['to']);
    const bad = await get('officer', `/api/reports/registry.xlsx?from=${Y}-02-30`, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.from).toBe('Dates are written YYYY-MM-DD');
  });
});

describe('GET /api/reports/summary.docx', () => {
  it('is the year’s work summary with the sentences of a work report and a table per area', async () => {
    const res = await get('officer', `/api/reports/summary.docx?year=${Y}&period=year`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(disposition(res)).toBe(`青禾县${Y}年度工作数据汇总.docx`);
    const { paragraphs, tables } = await documentOf(res);
    expect(paragraphs[0]).toBe(`青禾县残联${Y}年度工作数据汇总`);
    expect(paragraphs).toContain('区划：青禾县（341599000000）');
    expect(paragraphs).toContain(`统计期间：${Y}年1月1日至12月31日`);
    expect(paragraphs.some((p) => /^生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/.test(p))).toBe(true);

    // The living subsidy's two persons paid are 办结 (completed when their cycle was marked paid).
    expect(paragraphs).toContain('1. 困难残疾人生活补贴：完成 2 人(未下达目标任务)。');
    expect(paragraphs).toContain('2. 残疾儿童康复救助：目标任务数 200 人,完成 150 人,完成率 75.00%,尚差 50 人。');
    expect(paragraphs).toContain('3. 精准康复服务：目标任务数 165 人,完成 246 人,完成率 149.09%,超额完成 81 人。');
    expect(paragraphs).toContain('4. 无障碍改造：完成 3 人(未下达目标任务)。');
    expect(paragraphs.join('\n')).not.toContain('邻县');
    expect(paragraphs).toContain(
      `${Y}年,有康复需求 3 人,获得康复服务 2 人,康复服务率 66.67%;有辅具适配需求 2 人,已适配 1 人,辅具适配率 50.00%。`,
    );
    expect(paragraphs).toContain(
      '1. 困难残疾人生活补贴：预算 2,100.00 元,已发放 1,260.00 元,资金执行率 60.00%,发放 2 人。',
    );
    expect(paragraphs).toContain(
      `截至${Y}年12月31日,在册残疾人 253 人,其中持证 253 人,类别分布为视力 1 人、肢体 251 人、智力 1 人,等级分布为一级 2 人、二级 250 人、三级 1 人。`,
    );
    expect(paragraphs).toContain(
      `${Y}年1月1日至12月31日,新办残疾证 2 本,换证 0 本,变更类别等级 0 本,补领 0 本,注销 0 本。`,
    );
    expect(paragraphs).toContain(`${Y}年需求动态更新已调查 3 人,在册 253 人,覆盖率 1.19%。`);

    // real Word tables, each with a header row: completion (by programme, by region), rehab, funds,
    // category × grade, survey coverage
    expect(tables).toHaveLength(6);
    for (const table of tables) expect(table.headerRows).toBe(1);
    expect(tables[0]!.rows).toEqual([
      ['项目', '目标任务数（人）', '完成（人）', '完成率（%）', '超额完成（人）', '尚差（人）'],
      ['困难残疾人生活补贴', '未下达', '2', '—', '—', '—'],
      ['残疾儿童康复救助', '200', '150', '75.00', '0', '50'],
      ['精准康复服务', '165', '246', '149.09', '81', '0'],
      ['无障碍改造', '未下达', '3', '—', '—', '—'],
    ]);
    expect(tables[2]!.rows.at(-1)).toEqual(['合计', '3', '2', '66.67', '2', '1', '50.00']);
    expect(tables[3]!.rows).toContainEqual(['困难残疾人生活补贴', '2,100.00', '1,260.00', '60.00', '2']);
    expect(tables[4]!.rows.at(-1)).toEqual(['合计', '2', '250', '1', '0', '253']);
    expect(tables[5]!.rows.at(-1)).toEqual(['合计', '253', '3', '1.19']);
  });

  it('cuts the half-year where the figures have dates, and says which are the year’s', async () => {
    const res = await get('officer', `/api/reports/summary.docx?year=${Y}&period=H1`);
    expect(res.statusCode, res.body).toBe(200);
    expect(disposition(res)).toBe(`青禾县${Y}年上半年工作数据汇总.docx`);
    const { paragraphs } = await documentOf(res);
    expect(paragraphs[0]).toBe(`青禾县残联${Y}年上半年工作数据汇总`);
    expect(paragraphs).toContain(`统计期间：${Y}年1月1日至6月30日`);
    expect(
      paragraphs.some((p) => p.startsWith('说明：') && p.includes('目标任务完成情况和康复服务情况按年度统计')),
    ).toBe(true);
    // completions and rehabilitation: the year's; money: the cycles of January–June; certificates: P1 only
    expect(paragraphs).toContain('3. 精准康复服务：目标任务数 165 人,完成 246 人,完成率 149.09%,超额完成 81 人。');
    expect(paragraphs).toContain(
      '1. 困难残疾人生活补贴：预算 2,100.00 元,上半年已发放 180.00 元,资金执行率 8.57%,6月发放 0 人。',
    );
    expect(paragraphs).toContain(
      `${Y}年1月1日至6月30日,新办残疾证 1 本,换证 0 本,变更类别等级 0 本,补领 0 本,注销 0 本。`,
    );
    expect(paragraphs.some((p) => p.startsWith(`截至${Y}年6月30日,在册残疾人 253 人`))).toBe(true);
  });

  it('covers a township for its user, in English when asked, without funds for a village', async () => {
    const township = await documentOf(await get('township', `/api/reports/summary.docx?year=${Y}`, 'en'));
    expect(township.paragraphs[0]).toBe(`青禾镇 DPF: work data summary, ${Y}`);
    expect(township.paragraphs).toContain('Region: 青禾镇 (341599101000)');
    expect(township.paragraphs).toContain(
      '3. Targeted rehabilitation services: Target 165 persons, completed 246, completion rate 149.09%, exceeded by 81.',
    );
    expect(township.paragraphs.some((p) => p.includes('short by 50'))).toBe(true);
    expect(township.tables[0]!.rows[0]![0]).toBe('Programme');

    const village = await get('village', `/api/reports/summary.docx?year=${Y}`);
    expect(village.statusCode, village.body).toBe(200);
    const { paragraphs } = await documentOf(village);
    expect(paragraphs).toContain('当前角色无权查看资金情况，本节从略。');
    expect(paragraphs.join('\n')).not.toContain('困难残疾人生活补贴：预算');
  });
});

describe('refusals', () => {
  const urls = (query: string) => [
    `/api/reports/rehab.xlsx?${query}`,
    `/api/reports/funds.xlsx?${query}`,
    `/api/reports/registry.xlsx?${query.replace(/year=\d+&?/, '')}`,
    `/api/reports/summary.docx?${query}`,
  ];

  it('refuses roles without the permission, and signed-out callers', async () => {
    for (const url of urls(`year=${Y}`)) {
      const res = await get('institution', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.message).toBe('你的角色无权执行此操作');
      expect((await get('institution', url, 'en')).json().error.message).toBe('Your role may not do this');
      expect((await get(null, url)).statusCode, url).toBe(401);
    }
  });

  it('answers 404 for another township or county', async () => {
    for (const [as, region] of [
      ['township', '341599102000'],
      ['officer', '341598000000'],
      ['otherOfficer', '341599000000'],
    ] as const) {
      for (const url of urls(`year=${Y}&regionCode=${region}`)) {
        const res = await get(as, url);
        expect(res.statusCode, `${as} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('REGION_NOT_FOUND');
      }
    }
    expect(
      (await get('township', `/api/reports/summary.docx?regionCode=341599102000`, 'en')).json().error.message,
    ).toBe('Region not found');
  });

  it('refuses a bad year or period by field, in Chinese or English', async () => {
    for (const url of urls('year=1999').filter((u) => !u.includes('registry'))) {
      const zh = await get('officer', url);
      expect(zh.statusCode, url).toBe(400);
      expect(Object.keys(zh.json().error.fields)).toEqual(['year']);
      expect(zh.json().error.fields.year).toMatch(/[\u4e00-\u9fff]/);
      const en = await get('officer', url, 'en');
      expect(en.json().error.fields.year).toMatch(/^[\x20-\x7e]+$/);
    }
    const zh = await get('officer', `/api/reports/summary.docx?year=${Y}&period=H2`);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.fields).toEqual({ period: '取值应为：H1, year' });
    const en = await get('officer', `/api/reports/summary.docx?year=${Y}&period=half`, 'en');
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields).toEqual({ period: 'Must be one of: H1, year' });
  });
});
