import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, seed: 'demo', sessionIdleMs: 30 * 60_000, databaseUrl: undefined });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'abc', HUICAN_SEED: 'lots', DATABASE_URL: 'mysql://x', HUICAN_ADMIN_PASSWORD: 'short' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      for (const name of ['PORT', 'HUICAN_SEED', 'DATABASE_URL', 'HUICAN_ADMIN_PASSWORD'])
        expect(message).toContain(name);
    }
  });

  it('refuses a login rate limit below the contract’s 30 per minute', () => {
    expect(() => loadConfig({ HUICAN_LOGIN_RATE_LIMIT_PER_MINUTE: '10' })).toThrow(ConfigError);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });
});
