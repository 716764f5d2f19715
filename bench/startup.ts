// Benchmarks of the foundation: start-up of `npm start` on an empty and on an existing data
// directory (target ≤ 30 s with the demo county), and signed-in request throughput and latency on
// loopback (the contract: ≥ 50 requests per second per user must not be slowed). Bounded in time,
// loopback only. Record the figures in docs/benchmarks.md.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(dataDir: string, port: number): Promise<{ server: ChildProcess; readyMs: number }> {
  const started = Date.now();
  const server = spawn('node', ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HUICAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not yet
    }
    if (Date.now() - started > 120_000) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { server, readyMs: Date.now() - started };
}

async function stop(server: ChildProcess) {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(url: string, cookie: string, concurrency: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const res = await fetch(url, { headers: { cookie } });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!res.ok) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50: percentile(latencies, 50).toFixed(1),
    p95: percentile(latencies, 95).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
    errors,
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huican-bench-'));
try {
  const port = await freePort();
  const cold = await startServer(dataDir, port);
  console.info(`cold start (empty data dir, migrations + demo county): ${cold.readyMs} ms`);
  await stop(cold.server);
  const warm = await startServer(dataDir, port);
  console.info(`warm start (existing data dir): ${warm.readyMs} ms`);

  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: 'Huican@2026' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  for (const [name, url] of [
    ['GET /api/auth/me', `http://127.0.0.1:${port}/api/auth/me`],
    ['GET /api/regions/{county}/children', `http://127.0.0.1:${port}/api/regions/341599000000/children`],
  ] as const) {
    for (const concurrency of [1, 10]) {
      const r = await load(url, cookie, concurrency, 5);
      console.info(
        `${name} — one user, ${concurrency} in flight, 5 s: ${r.perSecond} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, errors ${r.errors}`,
      );
    }
  }
  const rss = fs.readFileSync(`/proc/${warm.server.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1];
  if (rss) console.info(`server peak RSS: ${Math.round(Number(rss) / 1024)} MiB`);
  await stop(warm.server);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
