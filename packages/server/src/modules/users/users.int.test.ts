import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/index.js';

let t: TestContext;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestContext();
  for (const u of ['root', 'admin', 'officer', 'township', 'auditor', 'otherAdmin']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: 'zhangsan',
  password: 'Zhang-2026-pass',
  displayName: '张三',
  role: 'township',
  regionCode: '341599102000',
  ...overrides,
});
const post = (as: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie: cookies[as]!, ...headers } });

describe('POST /api/users', () => {
  it('creates a user who can then sign in, and audits it', async () => {
    const res = await post('admin', '/api/users', newUser());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'zhangsan',
      role: 'township',
      regionCode: '341599102000',
      regionName: '柳河镇',
    });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhangsan', password: 'Zhang-2026-pass' },
    });
    expect(login.statusCode).toBe(200);
    const audit = await t.app.inject({ url: '/api/audit?action=user.create', headers: { cookie: cookies.root! } });
    expect(audit.json().items[0]).toMatchObject({ actorUsername: 'admin', entityId: res.json().id, ip: '127.0.0.1' });
    expect(JSON.stringify(audit.json().items[0].details)).not.toContain('Zhang-2026-pass');
  });

  it('enforces the password policy', async () => {
    for (const [password, message] of [
      ['Ab1!', '密码至少 10 个字符'],
      ['abcdefghijk1', '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'],
      ['Lisi-lisi-2026', '密码不能包含用户名'],
    ]) {
      const res = await post('admin', '/api/users', newUser({ username: 'lisi', password }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.password).toBe(message);
    }
  });

  it('refuses a taken username (any case) with 409', async () => {
    const res = await post('admin', '/api/users', newUser({ username: 'ZhangSan' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE_USERNAME');
  });

  it('refuses bad input with 400 per field', async () => {
    const res = await post('admin', '/api/users', newUser({ username: 'a b', role: 'king', regionCode: '123' }), {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['regionCode', 'role', 'username']);
    expect(res.json().error.message).toBe('Invalid input: check the fields marked');
  });

  it('refuses a role at the wrong level of region', async () => {
    const res = await post('admin', '/api/users', newUser({ username: 'wangwu', regionCode: '341599000000' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.regionCode).toBeTruthy();
  });

  it('keeps a county admin inside its county; other roles may not create users', async () => {
    const other = await post('admin', '/api/users', newUser({ username: 'wangwu', regionCode: '341598101000' }));
    expect(other.statusCode).toBe(404);
    const root = await post(
      'admin',
      '/api/users',
      newUser({ username: 'wangwu', role: 'admin', regionCode: '000000000000' }),
    );
    expect(root.statusCode).toBe(404);
    for (const u of ['officer', 'township', 'auditor']) {
      expect((await post(u, '/api/users', newUser({ username: `x${u}` }))).statusCode, u).toBe(403);
    }
  });
});

describe('GET /api/users', () => {
  it('lists the users of the caller’s scope only', async () => {
    const res = await t.app.inject({ url: '/api/users?pageSize=200', headers: { cookie: cookies.admin! } });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('township');
    expect(names).not.toContain('otherOfficer');
    expect(names).not.toContain('root');
    expect(res.json()).toMatchObject({ page: 1, pageSize: 200, total: names.length });
  });

  it('lets the auditor read and refuses township users', async () => {
    expect((await t.app.inject({ url: '/api/users', headers: { cookie: cookies.auditor! } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/users', headers: { cookie: cookies.township! } })).statusCode).toBe(403);
  });

  it('refuses pageSize above 200', async () => {
    const res = await t.app.inject({ url: '/api/users?pageSize=201', headers: { cookie: cookies.admin! } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.pageSize).toBeTruthy();
  });
});

describe('reset password and disable', () => {
  it('reset unlocks, changes the password and ends the user’s sessions', async () => {
    const target = t.userId('township2');
    const session = await t.login('township2');
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'township2', password: 'x-Wrong-123' },
      });
    }
    const res = await post('admin', `/api/users/${target}/reset-password`, { password: 'Fresh-pass-2026' });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).statusCode).toBe(401);
    expect((await t.login('township2', 'Fresh-pass-2026')).length).toBeGreaterThan(10);
  });

  it('disabling ends sessions and refuses sign-in; other counties’ users are not found', async () => {
    const target = t.userId('institution');
    const session = await t.login('institution');
    const res = await post('admin', `/api/users/${target}/active`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).statusCode).toBe(401);
    expect((await post('otherAdmin', `/api/users/${target}/active`, { active: true })).statusCode).toBe(404);
    expect((await post('officer', `/api/users/${target}/active`, { active: true })).statusCode).toBe(403);
  });
});
