import { CERTIFICATE_SERVICES, DEFAULT_PROGRAMS, todayInChina } from '@huican/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';
import { seedServiceCatalogue } from './seed-service-catalogue.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

type Summary = {
  code: string;
  name: string;
  programCode: string | null;
  conditions: string;
  materials: string[];
  timeLimitDays: number;
  online: boolean;
};

describe('GET /api/portal/services', () => {
  it('lists the catalogue without a session, in the contract’s shape', async () => {
    const res = await t.call(null, 'GET', '/api/portal/services');
    expect(res.statusCode).toBe(200);
    const list = res.json() as Summary[];
    expect(list.map((s) => s.code).sort()).toEqual(
      [...CERTIFICATE_SERVICES, ...DEFAULT_PROGRAMS].map((p) => p.code).sort(),
    );
    for (const item of list) {
      expect(Object.keys(item).sort()).toEqual(
        ['code', 'conditions', 'materials', 'name', 'online', 'programCode', 'timeLimitDays'].sort(),
      );
    }
    const living = list.find((s) => s.code === 'living_subsidy')!;
    expect(living).toMatchObject({
      name: '困难残疾人生活补贴',
      programCode: 'living_subsidy',
      timeLimitDays: 2 * t.config.stepWorkingDays,
      online: false,
    });
    expect(living.materials).toContain('最低生活保障证');
    expect(living.conditions).toContain('低保');
    expect(list.find((s) => s.code === 'accident_insurance')!.online).toBe(true);
  });

  it('describes the rule of the current year when the county set one', async () => {
    const year = Number(todayInChina(t.now()).slice(0, 4));
    const rule = { all: [{ fact: 'age', min: 0, max: 17 }] };
    await t.database.db.execute(sql`
      insert into program_years (program_code, year, rule) values ('child_rehab', ${year}, ${JSON.stringify(rule)}::jsonb)
      on conflict (program_code, year) do update set rule = excluded.rule`);
    const list = (await t.call(null, 'GET', '/api/portal/services')).json() as Summary[];
    const child = list.find((s) => s.code === 'child_rehab')!;
    expect(child.conditions).toMatch(/17/);
  });

  it('answers in English on request and leaves out withdrawn items, in sort order', async () => {
    await t.database.db.execute(sql`update service_items set active = false where code = 'cataract_surgery'`);
    await t.database.db.execute(sql`update service_items set sort_order = 1 where code = 'education_aid'`);
    const list = (await t.call(null, 'GET', '/api/portal/services', undefined, { 'accept-language': 'en' })).json();
    expect(list.map((s: Summary) => s.code)).not.toContain('cataract_surgery');
    expect(list[0].code).toBe('education_aid');
    expect(list.find((s: Summary) => s.code === 'living_subsidy').name).toMatch(/subsidy/i);
    await t.database.db.execute(sql`update service_items set active = true where code = 'cataract_surgery'`);
  });

  it('seeding again adds nothing and keeps an admin’s changes', async () => {
    await t.database.db.execute(sql`update service_items set office_hours = '周一至周五' where code = 'cert_new'`);
    await seedServiceCatalogue(t.database.db, { stepWorkingDays: 3 });
    const rows = await t.database.db.execute(sql`select code, office_hours, time_limit_days from service_items`);
    expect(rowsOf(rows)).toHaveLength(CERTIFICATE_SERVICES.length + DEFAULT_PROGRAMS.length);
    const full = (await t.call(null, 'GET', '/api/portal/services/cert_new')).json();
    expect(full.officeHours).toBe('周一至周五');
    expect(full.timeLimitDays).toBe(20);
  });
});

describe('GET /api/portal/services/{code}', () => {
  it('gives every field of one item', async () => {
    const res = await t.call(null, 'GET', '/api/portal/services/nursing_subsidy');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'nursing_subsidy',
      nameZh: '重度残疾人护理补贴',
      legalBasis: expect.stringContaining('国发〔2015〕52号'),
      fees: '不收费',
      onlineLevel: 'counter',
      online: false,
      officeAddress: expect.any(String),
      officeHours: expect.any(String),
    });
    expect(res.json().steps.length).toBeGreaterThan(2);
    expect(res.json().conditions).not.toBe('');
  });

  it('answers 404 for an unknown code, in both languages', async () => {
    const zh = await t.call(null, 'GET', '/api/portal/services/no_such_item');
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error).toEqual({ code: 'SERVICE_ITEM_NOT_FOUND', message: '服务事项不存在' });
    const en = await t.call(null, 'GET', '/api/portal/services/no_such_item', undefined, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('Service item not found');
  });
});

describe('portal pages', () => {
  it('serves the catalogue as an accessible page without a session', async () => {
    const res = await t.call(null, 'GET', '/portal/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toMatch(/<a class="skip-link" href="#main">/);
    expect(res.body).toContain('<main id="main"');
    expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
    expect(res.body).toContain('href="/portal/services/living_subsidy"');
    expect(res.body).not.toMatch(/<script/i);
    const css = res.body.match(/href="(\/portal\/portal\.css\?v=\w+)"/)![1]!;
    const sheet = await t.call(null, 'GET', css);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toMatch(/^text\/css/);
    expect(sheet.headers['cache-control']).toMatch(/max-age=\d+/);
  });

  it('serves a guide page with every section, and the portal’s own 404 page', async () => {
    const res = await t.call(null, 'GET', '/portal/services/living_subsidy');
    expect(res.statusCode).toBe(200);
    for (const heading of [
      '设定依据',
      '申请条件',
      '所需材料',
      '办理流程',
      '承诺时限',
      '收费标准',
      '办理地点',
      '办理时间',
      '办理方式',
    ]) {
      expect(res.body).toContain(heading);
    }
    expect(res.body).toContain('<ol>');
    expect(res.body).toContain('<li>最低生活保障证</li>');
    for (const url of ['/portal/services/no_such_item', '/portal/no-such-page']) {
      const missing = await t.call(null, 'GET', url);
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^text\/html/);
      expect(missing.body).toContain('<html lang="zh-CN">');
      expect(missing.body).toContain('没有找到这个页面');
    }
    const bare = await t.call(null, 'GET', '/portal');
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/portal/');
  });

  it('escapes text from the database', async () => {
    await t.database.db.execute(
      sql`update service_items set name_zh = '<script>alert(1)</script>补贴', office_address = 'A & B "窗口"' where code = 'education_aid'`,
    );
    const list = await t.call(null, 'GET', '/portal/');
    const guide = await t.call(null, 'GET', '/portal/services/education_aid');
    for (const body of [list.body, guide.body]) {
      expect(body).not.toContain('<script>');
      expect(body).toContain('&#60;script&#62;alert(1)&#60;/script&#62;补贴');
    }
    expect(guide.body).toContain('A &#38; B &#34;窗口&#34;');
  });
});
