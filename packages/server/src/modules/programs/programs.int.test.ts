import { DEFAULT_PROGRAMS } from '@huican/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProgramCatalogue } from '../../seed.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('GET /api/programs', () => {
  it('lists the glossary catalogue seeded on every new database', async () => {
    const cookie = await t.login('township');
    const res = await t.app.inject({ url: '/api/programs', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const codes = res.json().map((p: { code: string }) => p.code);
    expect(codes.sort()).toEqual(DEFAULT_PROGRAMS.map((p) => p.code).sort());
    const living = res.json().find((p: { code: string }) => p.code === 'living_subsidy');
    expect(living).toMatchObject({
      name: '困难残疾人生活补贴',
      kind: 'monthly_subsidy',
      active: true,
      autoApproval: false,
    });
    expect(living.ruleText).toContain('低保');
  });

  it('answers in English on request, and 401 without a session', async () => {
    const cookie = await t.login('officer');
    const res = await t.app.inject({ url: '/api/programs', headers: { cookie, 'accept-language': 'en' } });
    expect(res.json().find((p: { code: string }) => p.code === 'child_rehab').name).toMatch(/rehabilitation/i);
    expect((await t.app.inject({ url: '/api/programs' })).statusCode).toBe(401);
  });

  it('seeding again adds nothing and keeps an admin’s changes', async () => {
    await t.database.db.execute(
      (await import('drizzle-orm')).sql`update programs set active = false where code = 'cataract_surgery'`,
    );
    await seedProgramCatalogue(t.database.db);
    const cookie = await t.login('officer');
    const list = (await t.app.inject({ url: '/api/programs', headers: { cookie } })).json();
    expect(list).toHaveLength(DEFAULT_PROGRAMS.length);
    expect(list.find((p: { code: string }) => p.code === 'cataract_surgery').active).toBe(false);
  });
});
