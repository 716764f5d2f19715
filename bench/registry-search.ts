// Registry search at scale: 1,000,000 persons on PostgreSQL (BENCH_PERSONS to change), searched
// through the HTTP API by an officer. Targets (issue 3): by ID number p99 ≤ 20 ms; by name or
// pinyin p99 ≤ 100 ms. Run: npm run bench -- registry-search (PostgreSQL on 127.0.0.1 needed).
import { sql } from 'drizzle-orm';
import { rowsOf } from '../packages/server/src/db/client.ts';
import { seedDemo, seedProgramCatalogue } from '../packages/server/src/seed.ts';
import { freshPostgres, login, ms, percentiles, serve } from './lib.ts';

const persons = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 400);

// BENCH_REUSE=1 keeps the seeded database between runs (seeding a million persons takes minutes).
const t0 = Date.now();
const db = await freshPostgres('huican_bench_search', { reuse: process.env.BENCH_REUSE === '1' });
const [existing] = rowsOf<{ n: number }>(await db.handle.db.execute(sql`select count(*)::int as n from persons`));
if (existing?.n !== persons) {
  await seedProgramCatalogue(db.handle.db);
  await seedDemo(db.handle.db, { persons });
  // As autovacuum does after a load: statistics, and the visibility map that index-only scans need.
  await db.handle.db.execute(sql`vacuum analyze`);
  console.info(`seeded ${persons.toLocaleString()} persons in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const sample = rowsOf<{
  id_number: string;
  name: string;
  name_initials: string;
  name_pinyin: string;
  cert_number: string;
}>(
  await db.handle.db.execute(
    sql`select id_number, name, name_initials, name_pinyin, cert_number from persons tablesample system (1) limit ${requests}`,
  ),
);
const { app, base } = await serve(db.handle);
const officer = await login(base, 'officer');
const township = await login(base, 'township');

async function measure(label: string, cookie: string, queries: string[]) {
  const times: number[] = [];
  let errors = 0;
  let totalHits = 0;
  for (const q of queries) {
    const t = performance.now();
    const res = await fetch(`${base}/api/persons?q=${encodeURIComponent(q)}&pageSize=20`, { headers: { cookie } });
    const body = (await res.json()) as { total: number };
    times.push(performance.now() - t);
    if (!res.ok) errors++;
    totalHits += body.total ?? 0;
  }
  const p = percentiles(times);
  console.info(
    `${label.padEnd(44)} n=${p.n} p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}  avg hits ${(totalHits / queries.length).toFixed(1)}  errors ${errors}`,
  );
}

// warm-up
for (const s of sample.slice(0, 20))
  await fetch(`${base}/api/persons?q=${s.id_number}`, { headers: { cookie: officer } });

await measure(
  'ID number, exact (officer, county)',
  officer,
  sample.map((s) => s.id_number),
);
await measure(
  'certificate number, exact (officer)',
  officer,
  sample.map((s) => s.cert_number),
);
await measure(
  'full name (officer)',
  officer,
  sample.map((s) => s.name),
);
await measure(
  'name, surname + first given char (officer)',
  officer,
  sample.map((s) => s.name.slice(0, 2)),
);
await measure(
  'pinyin initials (officer)',
  officer,
  sample.map((s) => s.name_initials),
);
await measure(
  'full pinyin (officer)',
  officer,
  sample.map((s) => s.name_pinyin),
);
await measure(
  'full name (township user, scoped)',
  township,
  sample.map((s) => s.name),
);
await measure(
  'pinyin initials (township user, scoped)',
  township,
  sample.map((s) => s.name_initials),
);

await app.close();
if (process.env.BENCH_REUSE === '1') await db.close();
else await db.drop();
