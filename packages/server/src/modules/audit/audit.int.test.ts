import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('is append-only in the database itself', async () => {
    await t.login('officer');
    await expect(t.database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  it('is readable by admin and auditor within their scope, refused to others', async () => {
    const auditor = await t.login('auditor');
    const res = await t.app.inject({ url: '/api/audit', headers: { cookie: auditor } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    for (const item of res.json().items) expect(item.regionCode).toMatch(/^341599/);
    for (const u of ['officer', 'township', 'finance']) {
      const cookie = await t.login(u);
      expect((await t.app.inject({ url: '/api/audit', headers: { cookie } })).statusCode, u).toBe(403);
    }
    const other = await t.login('otherAdmin');
    const otherRows = (await t.app.inject({ url: '/api/audit?pageSize=200', headers: { cookie: other } })).json().items;
    expect(otherRows.every((i: { regionCode: string }) => i.regionCode.startsWith('341598'))).toBe(true);
  });

  it('filters by action, user and date', async () => {
    const root = await t.login('root');
    // Dates in filters are China Standard Time days.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await t.app.inject({
      url: `/api/audit?action=auth.login&username=officer&from=${today}&to=${today}`,
      headers: { cookie: root },
    });
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.every((i: { actorUsername: string }) => i.actorUsername === 'officer')).toBe(true);
    const past = await t.app.inject({ url: '/api/audit?from=2001-01-01&to=2001-01-02', headers: { cookie: root } });
    expect(past.json().total).toBe(0);
  });

  it('an auditor cannot write', async () => {
    const auditor = await t.login('auditor');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      payload: { code: '341599109000', name: '新店镇', parentCode: '341599000000' },
      headers: { cookie: auditor },
    });
    expect(res.statusCode).toBe(403);
  });
});
