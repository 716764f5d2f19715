import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../test-support/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('POST /api/auth/login', () => {
  it('signs in and returns the user with a httpOnly session cookie', async () => {
    const res = await login('officer', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'officer', role: 'officer', regionCode: '341599000000' });
    expect(res.json().user.id).toMatch(/^[0-9a-f-]{36}$/);
    const cookie = res.cookies.find((c) => c.name === 'huican_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('refuses a wrong password or an unknown user with 401 in Chinese, English on request', async () => {
    const wrong = await login('finance', 'Wrong-pass-2026');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const unknown = await login('nobody', 'Wrong-pass-2026', { 'accept-language': 'en-US,en;q=0.9' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe('Wrong username or password');
  });

  it('answers 400 with fields for a malformed body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.fields.password).toBe('必填');
  });

  it('locks the account after 5 consecutive failures, even for the right password, and unlocks after 15 minutes', async () => {
    for (let i = 0; i < 5; i++) expect((await login('village', 'Wrong-pass-2026')).statusCode).toBe(401);
    const locked = await login('village', TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    t.advance(14 * 60_000);
    expect((await login('village', TEST_PASSWORD)).statusCode).toBe(423);
    t.advance(61_000);
    expect((await login('village', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts only consecutive failures: a success resets the count', async () => {
    for (let i = 0; i < 4; i++) expect((await login('institution', 'Wrong-pass-2026')).statusCode).toBe(401);
    expect((await login('institution', TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('institution', 'Wrong-pass-2026')).statusCode).toBe(401);
    expect((await login('institution', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('audits successes, failures and the lock', async () => {
    const cookie = await t.login('root');
    const res = await t.app.inject({ url: '/api/audit?pageSize=200', headers: { cookie } });
    const actions = res.json().items.map((i: { action: string }) => i.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
    expect(actions).toContain('auth.account_locked');
    expect(actions).toContain('auth.login_refused_locked');
  });
});

describe('sessions', () => {
  it('GET /api/auth/me answers the user, 401 without a cookie', async () => {
    const cookie = await t.login('township');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'township', regionCode: '341599101000', regionName: '青禾镇' });
    const anon = await t.app.inject({ url: '/api/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('expires after 30 idle minutes with SESSION_EXPIRED', async () => {
    const cookie = await t.login('township2');
    t.advance(29 * 60_000);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    t.advance(29 * 60_000); // active use keeps it alive
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    t.advance(31 * 60_000);
    const expired = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('expires after the absolute lifetime even when in use', async () => {
    const cookie = await t.login('auditor');
    for (let i = 0; i < 26; i++) {
      t.advance(29 * 60_000);
      await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    }
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('logout ends the session on the server', async () => {
    const cookie = await t.login('officer');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('a forged cookie is not a session', async () => {
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie: 'huican_session=forged' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('cross-site protection and headers', () => {
  it('refuses an unsafe request from another origin, accepts same origin and no origin', async () => {
    const cookie = await t.login('root');
    const body = { code: '341599103000', name: '石桥镇', parentCode: '341599000000' };
    const cross = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      payload: body,
      headers: { cookie, origin: 'https://evil.example', host: 'huican.local' },
    });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('CROSS_SITE_REQUEST');
    const fetchSite = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      payload: body,
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.statusCode).toBe(403);
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      payload: body,
      headers: { cookie, origin: 'http://huican.local', host: 'huican.local' },
    });
    expect(same.statusCode).toBe(201);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('password change', () => {
  it('checks the current password and the policy', async () => {
    const cookie = await t.login('finance');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'nope-nope-1A', newPassword: 'Another-pass-2027' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.currentPassword).toBeTruthy();
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.newPassword).toBe('密码至少 10 个字符');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Another-pass-2027' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await login('finance', 'Another-pass-2027')).statusCode).toBe(200);
  });
});

describe('sign-in rate limit', () => {
  it('refuses an address with 429 once it has failed the limit of times in a minute; successes do not count', async () => {
    const limited = await createTestContext({ env: { HUICAN_LOGIN_RATE_LIMIT_PER_MINUTE: '30' } });
    try {
      const attempt = (username: string, password: string) =>
        limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      for (let i = 0; i < 40; i++) expect((await attempt('officer', TEST_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 30; i++) expect((await attempt(`nobody${i}`, 'Wrong-pass-2026')).statusCode).toBe(401);
      const refused = await attempt('officer', TEST_PASSWORD);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
      limited.advance(61_000);
      expect((await attempt('officer', TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
