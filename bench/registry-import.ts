// Person import at scale: a CSV of 1,000,000 valid persons (BENCH_IMPORT_ROWS) uploaded through
// POST /api/imports/persons on PostgreSQL, timed from upload to job done (validation included), and
// compared with a plain COPY of the same rows into a table of the same shape and indexes; then
// 100,000 rows (BENCH_PGLITE_ROWS) on the embedded database. Target (issue 3): ≥ 50,000 rows/s on
// PostgreSQL. BENCH_EXTRA_SQL applies DDL not yet in a migration first (see lib.ts). Loopback only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, openPglite, rowsOf } from '../packages/server/src/db/client.ts';
import { seedDemo, seedProgramCatalogue } from '../packages/server/src/seed.ts';
import { freshPostgres, login, serve } from './lib.ts';
import { makeCsv } from './person-csv.ts';

const pgRows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const pgliteRows = Number(process.env.BENCH_PGLITE_ROWS ?? 100_000);

async function importThroughApi(base: string, csv: Buffer, label: string) {
  const cookie = await login(base, 'officer');
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'persons.csv');
  const t0 = performance.now();
  const res = await fetch(`${base}/api/imports/persons?mode=strict`, {
    method: 'POST',
    body: form,
    headers: { cookie },
  });
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: string };
  const uploaded = performance.now();
  let job: { status: string; result: { imported: number; rejected: number } | null; error: string | null };
  for (;;) {
    job = (await (await fetch(`${base}/api/jobs/${jobId}`, { headers: { cookie } })).json()) as typeof job;
    if (job.status === 'succeeded' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const total = (performance.now() - t0) / 1000;
  const rows = job.result?.imported ?? 0;
  console.info(
    `${label}: ${job.status}, imported ${rows.toLocaleString()} (rejected ${job.result?.rejected ?? '?'}) — upload ${((uploaded - t0) / 1000).toFixed(1)} s, end to end ${total.toFixed(1)} s → ${Math.round(rows / total).toLocaleString()} rows/s`,
  );
  return { rows, seconds: total };
}

console.info(
  `machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

// PostgreSQL (BENCH_IMPORT_ROWS=0 skips it)
if (pgRows > 0) {
  const csv = makeCsv(pgRows, 0);
  console.info(`CSV: ${pgRows.toLocaleString()} rows, ${(csv.length / 2 ** 20).toFixed(0)} MiB`);
  const db = await freshPostgres('huican_bench_import');
  await seedProgramCatalogue(db.handle.db);
  await seedDemo(db.handle.db, { persons: 0 });
  const { app, base } = await serve(db.handle, { HUICAN_UPLOAD_LIMIT_MB: '500' });
  const api = await importThroughApi(base, csv, `PostgreSQL, API import of ${pgRows.toLocaleString()} rows`);
  await app.close();

  // The same rows, already valid and derived, loaded with one plain COPY (psql's \copy) into an empty
  // table of the same shape and indexes, all of them kept up to date row by row.
  const file = path.join(os.tmpdir(), `huican-bench-copy-${process.pid}.tsv`);
  const psql = (command: string) => {
    const out = spawnSync('psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-qc', command], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`psql: ${out.stderr}`);
  };
  psql('create table persons_copy (like persons including all)');
  psql(`\\copy persons to '${file}'`);
  const t0 = performance.now();
  psql(`\\copy persons_copy from '${file}'`);
  const copySeconds = (performance.now() - t0) / 1000;
  fs.rmSync(file, { force: true });
  console.info(
    `PostgreSQL, plain COPY of the same ${api.rows.toLocaleString()} rows (same indexes, no checks): ${copySeconds.toFixed(1)} s → ${Math.round(api.rows / copySeconds).toLocaleString()} rows/s; the API import (upload, validation, pinyin, duplicates, audit) takes ${(api.seconds / copySeconds).toFixed(1)}× as long`,
  );
  await db.drop();
}

// PGlite (BENCH_PGLITE_ROWS=0 skips it)
if (pgliteRows > 0) {
  const handle: DatabaseHandle = await openPglite();
  await handle.migrate();
  await seedProgramCatalogue(handle.db);
  await seedDemo(handle.db, { persons: 0 });
  const { app, base } = await serve(handle, { HUICAN_UPLOAD_LIMIT_MB: '500' });
  await importThroughApi(base, makeCsv(pgliteRows, 1), `PGlite, API import of ${pgliteRows.toLocaleString()} rows`);
  const [count] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from persons`));
  console.info(`PGlite persons after import: ${count?.n}`);
  await app.close();
  await handle.close();
}
