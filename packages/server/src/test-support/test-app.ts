import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { regions, users } from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { createTestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'Test-pass-2026';

/** Two counties; county A has two townships with a village each. */
export const FIXTURE_REGIONS = [
  { code: '341599000000', name: '青禾县', level: 'county', parentCode: null },
  { code: '341599101000', name: '青禾镇', level: 'township', parentCode: '341599000000' },
  { code: '341599101201', name: '王庄村', level: 'village', parentCode: '341599101000' },
  { code: '341599102000', name: '柳河镇', level: 'township', parentCode: '341599000000' },
  { code: '341599102201', name: '李岗村', level: 'village', parentCode: '341599102000' },
  { code: '341598000000', name: '邻县', level: 'county', parentCode: null },
  { code: '341598101000', name: '邻县镇', level: 'township', parentCode: '341598000000' },
] as const;

export const FIXTURE_USERS = {
  root: { role: 'admin', regionCode: '000000000000' },
  admin: { role: 'admin', regionCode: '341599000000' },
  officer: { role: 'officer', regionCode: '341599000000' },
  finance: { role: 'finance', regionCode: '341599000000' },
  auditor: { role: 'auditor', regionCode: '341599000000' },
  township: { role: 'township', regionCode: '341599101000' },
  township2: { role: 'township', regionCode: '341599102000' },
  village: { role: 'village', regionCode: '341599101201' },
  institution: { role: 'institution', regionCode: '341599000000' },
  otherOfficer: { role: 'officer', regionCode: '341598000000' },
  otherAdmin: { role: 'admin', regionCode: '341598000000' },
} as const;

export type FixtureUser = keyof typeof FIXTURE_USERS;

export type TestContext = {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  /** Moves the app's clock (session expiry, lockout). */
  advance(ms: number): void;
  now(): Date;
  /** Signs in and returns the cookie header for that user. */
  login(username: FixtureUser | string, password?: string): Promise<string>;
  userId(username: FixtureUser): string;
  /**
   * Calls the API as a fixture user (signed in on first use, the cookie kept), or anonymously with null;
   * `headers` add to (or override) the cookie, e.g. `{ 'accept-language': 'en' }`.
   */
  call(
    as: FixtureUser | null,
    method: HttpMethod,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Forgets the kept cookies (e.g. once `advance` has let the sessions expire): `call` signs in again. */
  forgetCookies(): void;
  close(): Promise<void>;
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function createTestContext(
  options: { env?: Record<string, string>; fixtures?: boolean } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({
    HUICAN_DATA_DIR: '/nonexistent',
    HUICAN_LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    LOG_LEVEL: 'silent',
    HUICAN_WEB_DIST: '/nonexistent',
    ...options.env,
  });
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const ids = new Map<string, string>();
  if (options.fixtures !== false) {
    await database.db
      .insert(regions)
      .values(FIXTURE_REGIONS.map((r) => ({ ...r, level: r.level, countyCode: r.code.slice(0, 6) })));
    const passwordHash = await hashPassword(TEST_PASSWORD);
    const created = await database.db
      .insert(users)
      .values(
        Object.entries(FIXTURE_USERS).map(([username, u]) => ({
          username,
          displayName: `测试 ${username}`,
          passwordHash,
          role: u.role,
          regionCode: u.regionCode,
        })),
      )
      .returning({ id: users.id, username: users.username });
    for (const u of created) ids.set(u.username, u.id);
  }
  const app = await buildApp({ config, database, clock: now, logger: false });
  await app.ready();
  async function login(username: string, password = TEST_PASSWORD) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'huican_session');
    return `huican_session=${cookie!.value}`;
  }
  const cookies = new Map<string, Promise<string>>();
  const cookieOf = (username: string) => {
    let cookie = cookies.get(username);
    if (!cookie) {
      cookie = login(username);
      cookies.set(username, cookie);
    }
    return cookie;
  };
  return {
    app,
    database,
    config,
    advance: (ms) => {
      offset += ms;
    },
    now,
    login,
    userId: (username) => ids.get(username)!,
    async call(as, method, url, payload, headers = {}) {
      return app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
        headers: { ...(as ? { cookie: await cookieOf(as) } : {}), ...headers },
      });
    },
    forgetCookies: () => cookies.clear(),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
