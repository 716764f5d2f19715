import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type DatabaseHandle, openPglite, openPostgres, rowsOf } from './db/client.js';

// The CLI and the server's start are exercised as processes, the way an operator runs them; each
// spawns Node with tsx and opens a database, so they get more time than in-process tests.
vi.setConfig({ testTimeout: 180_000 });
const serverDir = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huican-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string>) {
  const out = spawnSync('node', ['bin/huican.mjs', ...args], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: out.status, output: `${out.stdout}${out.stderr}` };
}

/** Row counts and an order-independent checksum of every table a backup must carry. */
async function fingerprint(handle: DatabaseHandle) {
  const result: Record<string, string> = {};
  for (const table of ['regions', 'users', 'audit_log', 'jobs']) {
    const [row] = rowsOf<{ n: number; sum: string | null }>(
      await handle.db.execute(
        sql.raw(
          `select count(*)::int as n, md5(string_agg(md5(t::text), '' order by md5(t::text))) as sum from ${table} t`,
        ),
      ),
    );
    result[table] = `${row?.n}:${row?.sum}`;
  }
  return result;
}

const pgUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(Boolean(pgUrl))('CLI on the embedded database', () => {
  it('seeds, backs up and restores into an empty directory with identical contents', async () => {
    const source = path.join(tmp, 'source');
    const target = path.join(tmp, 'target');
    const file = path.join(tmp, 'backup.tar.gz');
    expect(cli(['seed'], { HUICAN_DATA_DIR: source, HUICAN_SEED: 'demo' }).status).toBe(0);
    const created = cli(
      ['create-user', '--username', 'li', '--role', 'township', '--region', '341599103000', '--name', '李红'],
      {
        HUICAN_DATA_DIR: source,
        HUICAN_NEW_PASSWORD: 'Li-hong-2026x',
      },
    );
    expect(created.status, created.output).toBe(0);
    const backup = cli(['backup', file], { HUICAN_DATA_DIR: source });
    expect(backup.status, backup.output).toBe(0);
    const restore = cli(['restore', file], { HUICAN_DATA_DIR: target });
    expect(restore.status, restore.output).toBe(0);

    const a = await openPglite({ dataDir: source });
    const before = await fingerprint(a);
    await a.close();
    const b = await openPglite({ dataDir: target });
    const after = await fingerprint(b);
    await b.close();
    expect(after).toEqual(before);
    expect(Number(before.users!.split(':')[0])).toBe(9);

    const again = cli(['restore', file], { HUICAN_DATA_DIR: target });
    expect(again.status).not.toBe(0);
    expect(again.output).toContain('not empty');
  });

  it('refuses to open a data directory a running server holds', () => {
    const dir = path.join(tmp, 'locked');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'huican.pid'), String(process.pid));
    const res = cli(['backup', path.join(tmp, 'x.tar.gz')], { HUICAN_DATA_DIR: dir });
    expect(res.status).not.toBe(0);
    expect(res.output).toContain('stop it first');
  });

  it('refuses an unknown role for create-user', () => {
    const res = cli(['create-user', '--username', 'x', '--role', 'king', '--region', '341599000000'], {
      HUICAN_DATA_DIR: path.join(tmp, 'other'),
      HUICAN_NEW_PASSWORD: 'Li-hong-2026x',
    });
    expect(res.status).not.toBe(0);
    expect(res.output).toContain('Unknown role');
  });
});

describe.skipIf(!pgUrl)('CLI on PostgreSQL', () => {
  it('backs up with pg_dump and restores into an empty database with identical contents', async () => {
    const admin = postgres(pgUrl!, { max: 1, onnotice: () => {} });
    const names = [`huican_cli_a_${process.pid}`, `huican_cli_b_${process.pid}`];
    const urls = names.map((n) => {
      const u = new URL(pgUrl!);
      u.pathname = `/${n}`;
      return u.toString();
    });
    try {
      for (const n of names) {
        await admin.unsafe(`drop database if exists ${n}`);
        await admin.unsafe(`create database ${n}`);
      }
      const file = path.join(tmp, 'pg.dump');
      expect(cli(['seed'], { DATABASE_URL: urls[0]!, HUICAN_SEED: 'demo' }).status).toBe(0);
      const backup = cli(['backup', file], { DATABASE_URL: urls[0]! });
      expect(backup.status, backup.output).toBe(0);
      const restore = cli(['restore', file], { DATABASE_URL: urls[1]! });
      expect(restore.status, restore.output).toBe(0);
      const a = await openPostgres(urls[0]!, { max: 1 });
      const b = await openPostgres(urls[1]!, { max: 1 });
      expect(await fingerprint(b)).toEqual(await fingerprint(a));
      await a.close();
      await b.close();
      const again = cli(['restore', file], { DATABASE_URL: urls[1]! });
      expect(again.status).not.toBe(0);
      expect(again.output).toContain('not empty');
    } finally {
      for (const n of names) await admin.unsafe(`drop database if exists ${n} with (force)`);
      await admin.end();
    }
  });
});

describe('server start', () => {
  it('stops with a clear message and a non-zero exit on bad configuration', () => {
    const out = spawnSync('node', ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, PORT: 'eighty', HUICAN_SEED: 'everything', HUICAN_DATA_DIR: path.join(tmp, 'bad') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('Invalid configuration');
    expect(out.stderr).toContain('PORT');
    expect(out.stderr).toContain('HUICAN_SEED');
  });

  it('stops with a clear message when HUICAN_SEED=none has no admin password', () => {
    const out = spawnSync('node', ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        HUICAN_SEED: 'none',
        HUICAN_ADMIN_PASSWORD: '',
        HUICAN_DATA_DIR: path.join(tmp, 'none'),
        PORT: '0',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('HUICAN_ADMIN_PASSWORD is required');
  });
});
