import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeXlsx, multipartFile, type TestContext } from '../../test-support/index.js';

let t: TestContext;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestContext();
  for (const u of ['root', 'admin', 'officer', 'township', 'auditor', 'otherAdmin']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const create = (as: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/regions',
    payload: payload as object,
    headers: { cookie: cookies[as]!, ...headers },
  });
const get = (as: string, url: string) => t.app.inject({ url, headers: { cookie: cookies[as]! } });

describe('POST /api/regions', () => {
  it('lets the admin add a county, a township and a village', async () => {
    expect((await create('root', { code: '341597000000', name: '新县', parentCode: null })).statusCode).toBe(201);
    const town = await create('root', { code: '341597101000', name: '新镇', parentCode: '341597000000' });
    expect(town.statusCode).toBe(201);
    expect(town.json()).toEqual({ code: '341597101000', name: '新镇', level: 'township', parentCode: '341597000000' });
    expect((await create('root', { code: '341597101201', name: '新村', parentCode: '341597101000' })).statusCode).toBe(
      201,
    );
  });

  it('refuses a code that does not fit its level or parent with 400 fields.code', async () => {
    const cases = [
      { code: '341597101202', name: 'x', parentCode: '341597000000' }, // village under a county
      { code: '341596101000', name: 'x', parentCode: '341597000000' }, // other county's prefix
      { code: '341597102201', name: 'x', parentCode: '341597101000' }, // other township's prefix
      { code: '34159710100', name: 'x', parentCode: '341597000000' }, // 11 digits
      { code: '341597101000', name: 'x', parentCode: null }, // township without parent
      { code: '341597101201', name: 'x', parentCode: '341597101201' }, // under a village
    ];
    for (const body of cases) {
      const res = await create('root', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields.code, JSON.stringify(body)).toBeTruthy();
    }
    const en = await create('root', cases[1], { 'accept-language': 'en' });
    expect(en.json().error.fields.code).toBe('The code must start with its parent’s prefix 341597');
  });

  it('answers 409 for an existing code and 404 for a missing parent', async () => {
    expect((await create('root', { code: '341599101000', name: 'x', parentCode: '341599000000' })).statusCode).toBe(
      409,
    );
    expect((await create('root', { code: '341595101000', name: 'x', parentCode: '341595000000' })).statusCode).toBe(
      404,
    );
  });

  it('keeps a county admin inside its county', async () => {
    expect(
      (await create('admin', { code: '341599103000', name: '石桥镇', parentCode: '341599000000' })).statusCode,
    ).toBe(201);
    expect((await create('admin', { code: '341598102000', name: 'x', parentCode: '341598000000' })).statusCode).toBe(
      404,
    );
    expect((await create('admin', { code: '341594000000', name: 'x', parentCode: null })).statusCode).toBe(403);
  });

  it('refuses other roles with 403', async () => {
    for (const u of ['officer', 'township', 'auditor']) {
      const res = await create(u, { code: '341599104000', name: '双塘镇', parentCode: '341599000000' });
      expect(res.statusCode, u).toBe(403);
    }
  });

  it('audits each creation', async () => {
    const res = await get('root', '/api/audit?action=region.create&pageSize=50');
    expect(res.json().items.map((i: { entityId: string }) => i.entityId)).toEqual(
      expect.arrayContaining(['341597000000', '341597101000', '341597101201', '341599103000']),
    );
  });
});

describe('GET /api/regions', () => {
  it('lists children with levels', async () => {
    const res = await get('officer', '/api/regions/341599000000/children');
    expect(res.statusCode).toBe(200);
    const codes = res.json().map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['341599101000', '341599102000']));
    expect(res.json()[0]).toMatchObject({ level: 'township' });
  });

  it('shows a township user only its own branch', async () => {
    const roots = await get('township', '/api/regions/roots');
    expect(roots.json().map((r: { code: string }) => r.code)).toEqual(['341599101000']);
    const county = await get('township', '/api/regions/341599000000/children');
    expect(county.json().map((r: { code: string }) => r.code)).toEqual(['341599101000']);
    expect((await get('township', '/api/regions/341599102000/children')).statusCode).toBe(404);
    expect((await get('township', '/api/regions/341598000000/children')).statusCode).toBe(404);
    expect((await get('township', '/api/regions/341599101000/children')).json()[0].code).toBe('341599101201');
  });

  it('gives the path of a region', async () => {
    const res = await get('officer', '/api/regions/341599101201');
    expect(res.json().path.map((p: { name: string }) => p.name)).toEqual(['青禾县', '青禾镇', '王庄村']);
  });

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ url: '/api/regions/roots' })).statusCode).toBe(401);
  });
});

describe('region import', () => {
  async function upload(as: string, rows: (string | null)[][], mode = 'strict') {
    const file = multipartFile('regions.xlsx', await makeXlsx(rows));
    return t.app.inject({
      method: 'POST',
      url: `/api/regions/import?mode=${mode}`,
      payload: file.payload,
      headers: { ...file.headers, cookie: cookies[as]! },
    });
  }
  async function runJob(as: string, jobId: string, lang = 'zh') {
    await t.app.deps.jobRunner.runOnce();
    return (
      await t.app.inject({ url: `/api/jobs/${jobId}`, headers: { cookie: cookies[as]!, 'accept-language': lang } })
    ).json();
  }

  it('imports a list in one go, parents from the same file, and reports progress', async () => {
    const res = await upload('root', [
      ['区划代码', '名称'],
      ['341593101201', '甲村'],
      ['341593000000', '甲县'],
      ['341593101000', '甲镇'],
      ['341593101001', '甲社区'],
    ]);
    expect(res.statusCode).toBe(202);
    const job = await runJob('root', res.json().jobId);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 4, total: 4 } });
    expect(job.result).toMatchObject({ imported: 4, updated: 0, rejected: 0, errors: [] });
    expect((await get('root', '/api/regions/341593101000/children')).json()).toHaveLength(2);
  });

  it('strict: one bad row imports nothing and names the row and field', async () => {
    const res = await upload('root', [
      ['区划代码', '名称'],
      ['341592000000', '乙县'],
      ['341592101000', '乙镇'],
      ['341592101X01', '坏村'],
      ['341592102201', '孤村'],
    ]);
    const job = await runJob('root', res.json().jobId, 'en');
    expect(job.status).toBe('failed');
    expect(job.result.imported).toBe(0);
    expect(job.result.errors).toEqual([
      { row: 4, field: '区划代码', message: 'A region code has 12 digits' },
      { row: 5, field: '区划代码', message: 'The parent region does not exist' },
    ]);
    expect((await get('root', '/api/regions/341592000000')).statusCode).toBe(404);
  });

  it('lenient: imports the good rows and reports the rest', async () => {
    const res = await upload(
      'root',
      [
        ['区划代码', '名称'],
        ['341591000000', '丙县'],
        ['341591101000', ''],
        ['341591102000', '丙镇'],
      ],
      'lenient',
    );
    const job = await runJob('root', res.json().jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ imported: 2, rejected: 1 });
    expect(job.result.errors[0]).toEqual({ row: 3, field: '名称', message: '必填' });
  });

  it('refuses rows outside the importer’s scope', async () => {
    const res = await upload('admin', [
      ['区划代码', '名称'],
      ['341598102000', '越界镇'],
    ]);
    const job = await runJob('admin', res.json().jobId);
    expect(job.status).toBe('failed');
    expect(job.result.errors[0].message).toBe('不在你的管辖范围内');
  });

  it('refuses a non-xlsx file, a missing header, and other roles', async () => {
    const text = multipartFile('regions.xlsx', Buffer.from('区划代码,名称\n'));
    const notZip = await t.app.inject({
      method: 'POST',
      url: '/api/regions/import',
      payload: text.payload,
      headers: { ...text.headers, cookie: cookies.root! },
    });
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json().error.code).toBe('UNSUPPORTED_FILE');
    const noHeader = await upload('root', [
      ['code', 'name'],
      ['341590000000', '丁县'],
    ]);
    const job = await runJob('root', noHeader.json().jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toContain('区划代码');
    expect((await upload('officer', [['区划代码', '名称']])).statusCode).toBe(403);
  });

  it('keeps a job private to its owner and the admins over its region', async () => {
    const res = await upload('root', [
      ['区划代码', '名称'],
      ['341589000000', '戊县'],
    ]);
    const id = res.json().jobId;
    expect((await get('township', `/api/jobs/${id}`)).statusCode).toBe(404);
    expect((await get('otherAdmin', `/api/jobs/${id}`)).statusCode).toBe(404);
    expect((await get('root', `/api/jobs/${id}`)).statusCode).toBe(200);
  });

  it('serves the template', async () => {
    const res = await get('root', '/api/regions/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
