// Shared pieces of the benchmarks: a fresh PostgreSQL database, an HTTP server on loopback, and
// latency percentiles. Loopback only; every loop is bounded.
import { spawnSync } from 'node:child_process';
import type net from 'node:net';
import postgres from 'postgres';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { type DatabaseHandle, openPostgres } from '../packages/server/src/db/client.ts';

export const BENCH_PG = process.env.BENCH_DATABASE_URL ?? 'postgres://huican:huican@127.0.0.1:5432/postgres';

export async function freshPostgres(
  name: string,
  options: { reuse?: boolean } = {},
): Promise<{ url: string; handle: DatabaseHandle; close: () => Promise<void>; drop: () => Promise<void> }> {
  const admin = postgres(BENCH_PG, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!options.reuse || !exists) {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  }
  const u = new URL(BENCH_PG);
  u.pathname = `/${name}`;
  const handle = await openPostgres(u.toString(), { max: 10 });
  await handle.migrate();
  // BENCH_EXTRA_SQL: a file of DDL not yet in a migration (say, a proposed index), applied after them.
  if (process.env.BENCH_EXTRA_SQL) {
    const out = spawnSync('psql', [u.toString(), '-v', 'ON_ERROR_STOP=1', '-qf', process.env.BENCH_EXTRA_SQL], {
      encoding: 'utf8',
    });
    if (out.status !== 0) throw new Error(`BENCH_EXTRA_SQL: ${out.stderr}`);
  }
  return {
    url: u.toString(),
    handle,
    /** Keeps the database (BENCH_REUSE); ends both connections so that the process can exit. */
    close: async () => {
      await handle.close();
      await admin.end();
    },
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export async function serve(handle: DatabaseHandle, env: Record<string, string> = {}) {
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'warn', HUICAN_WEB_DIST: '/nonexistent', ...env }),
    database: handle,
    startJobRunner: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as net.AddressInfo;
  return { app, base: `http://127.0.0.1:${port}` };
}

export async function login(base: string, username: string, password = 'Huican@2026'): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1]! };
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
