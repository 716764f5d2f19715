// Cycle generation at scale (issue 5): a monthly living-subsidy cycle over 1,000,000 enrolled persons on
// PostgreSQL (BENCH_PERSONS to change), generated through the HTTP API by the county officer
// (POST /api/cycles), against a bare INSERT … SELECT of the same rows into the same table measured in the
// same run. Target ≤ 5 s end to end. Each run starts from empty payment tables (TRUNCATE); runs alternate
// bare / API, BENCH_RUNS times (default 3), and the medians are reported. Then the same on the embedded
// PGlite with 20,000 persons (BENCH_PGLITE_PERSONS, 0 to skip), where generation holds the one connection.
// Run: npm run bench -- cycle-generation (PostgreSQL on 127.0.0.1 needed; BENCH_REUSE=1 keeps the database).
import { todayInChina } from '@huican/core';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, openPglite, rowsOf } from '../packages/server/src/db/client.ts';
import { seedDemo, seedProgramCatalogue } from '../packages/server/src/seed.ts';
import { freshPostgres, login, serve } from './lib.ts';

/** 0 skips that database. */
const persons = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const pglitePersons = Number(process.env.BENCH_PGLITE_PERSONS ?? 20_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const year = Number(todayInChina().slice(0, 4));
const period = `${year}-01`;
const STANDARD = { '1': 15_000, '2': 12_000, '3': 10_000, '4': 8_000 };

/** The demo registry with every person entitled in January and enrolled by an application filed then. */
async function seed(handle: DatabaseHandle, count: number) {
  const q = handle.db;
  const t0 = Date.now();
  await seedProgramCatalogue(q);
  const [existing] = rowsOf<{ n: number }>(await q.execute(sql`select count(*)::int as n from applications`));
  if (existing?.n !== count) {
    await seedDemo(q, { persons: count, programmes: false });
    // Active, a certificate in force, 低保 and not 特困 (the living subsidy's default rule), a 一卡通 account;
    // enrolled by an approved application filed in January (no back-pay).
    await q.execute(sql`
      update persons set status = 'active', status_date = null, cert_state = 'normal',
        cert_valid_until = greatest(cert_valid_until, ${`${year + 5}-01-01`}::date),
        low_income = true, extreme_poverty = false, bank_name = '农村商业银行',
        bank_account = '6228' || lpad((abs(hashtext(id::text)) % 1000000000000000)::text, 15, '0')`);
    await q.execute(sql`
      insert into applications (person_id, program_code, year, region_code, county_code, status, filed_at,
        applied_on, decided_at, updated_at)
      select id, 'living_subsidy', ${year}, region_code, county_code, 'approved', now(), ${`${year}-01-05`}::date,
        now(), now()
      from persons`);
    await q.execute(handle.kind === 'postgres' ? sql`vacuum analyze` : sql`analyze`);
    console.info(`seeded ${count.toLocaleString()} persons in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  await q.execute(sql`
    insert into program_years (program_code, year, monthly_cents_by_grade, updated_at)
    values ('living_subsidy', ${year}, ${JSON.stringify(STANDARD)}::jsonb, now())
    on conflict (program_code, year) do update set monthly_cents_by_grade = excluded.monthly_cents_by_grade,
      budget_cents = null`);
}

async function measure(handle: DatabaseHandle, label: string) {
  const q = handle.db;
  const { app, base } = await serve(handle);
  const officer = await login(base, 'officer');
  const [officerRow] = rowsOf<{ id: string; region_code: string }>(
    await q.execute(sql`select id, region_code from users where username = 'officer'`),
  );

  async function empty() {
    await q.execute(sql`truncate payment_lines, payment_cycles`);
    await q.execute(handle.kind === 'postgres' ? sql`vacuum analyze payment_lines, payment_cycles` : sql`analyze`);
  }

  /** The same rows as the cycle's, by the plainest statement: no rule, no dedupe, no back-pay, no HTTP. */
  async function bare(): Promise<{ seconds: number; count: number }> {
    await empty();
    const [cycle] = rowsOf<{ id: string }>(
      await q.execute(sql`
        insert into payment_cycles (program_code, kind, period, year, region_code, county_code, created_by,
          created_at)
        values ('living_subsidy', 'monthly', ${period}, ${year}, ${officerRow!.region_code},
          ${officerRow!.region_code.slice(0, 6)}, ${officerRow!.id}, now())
        returning id`),
    );
    const t = performance.now();
    const result = rowsOf<{ n: number }>(
      await q.execute(sql`
        with inserted as (
          insert into payment_lines (cycle_id, program_code, kind, period, year, person_id, region_code, grade,
            amount_cents, payee_name, bank_name, bank_account)
          select ${cycle!.id}::uuid, 'living_subsidy', 'regular', ${period}, ${year}, p.id, p.region_code,
            p.grade, (${JSON.stringify(STANDARD)}::jsonb ->> p.grade::text)::int, p.name, p.bank_name,
            p.bank_account
          from persons p join applications a on a.person_id = p.id
          where a.program_code = 'living_subsidy' and a.status = 'approved'
          returning 1
        ) select count(*)::int as n from inserted`),
    );
    return { seconds: (performance.now() - t) / 1000, count: result[0]!.n };
  }

  async function api(): Promise<{ seconds: number; count: number; totalCents: number }> {
    await empty();
    const t = performance.now();
    const res = await fetch(`${base}/api/cycles`, {
      method: 'POST',
      headers: { cookie: officer, 'content-type': 'application/json' },
      body: JSON.stringify({ programCode: 'living_subsidy', period }),
    });
    const seconds = (performance.now() - t) / 1000;
    const body = (await res.json()) as { count: number; totalCents: number };
    if (res.status !== 201) throw new Error(`POST /api/cycles: ${res.status} ${JSON.stringify(body)}`);
    return { seconds, count: body.count, totalCents: body.totalCents };
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const bareTimes: number[] = [];
  const apiTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const b = await bare();
    const a = await api();
    if (a.count !== b.count) throw new Error(`the cycle has ${a.count} lines, the bare insert ${b.count}`);
    bareTimes.push(b.seconds);
    apiTimes.push(a.seconds);
    console.info(
      `${label} run ${i + 1}: bare INSERT … SELECT ${b.seconds.toFixed(2)} s, POST /api/cycles ${a.seconds.toFixed(2)} s ` +
        `(${a.count.toLocaleString()} lines, ¥${(a.totalCents / 100).toLocaleString()})`,
    );
  }
  const apiMedian = median(apiTimes);
  const bareMedian = median(bareTimes);
  console.info(
    `${label} median: POST /api/cycles ${apiMedian.toFixed(2)} s, bare ${bareMedian.toFixed(2)} s, ` +
      `ratio ${(apiMedian / bareMedian).toFixed(2)}×`,
  );
  await empty();
  await app.close();
  return apiMedian;
}

if (persons > 0) {
  const pg = await freshPostgres('huican_bench_cycles', { reuse: process.env.BENCH_REUSE === '1' });
  await seed(pg.handle, persons);
  const pgMedian = await measure(pg.handle, `PostgreSQL ${persons.toLocaleString()}`);
  console.info(`target ≤ 5 s on PostgreSQL: ${pgMedian <= 5 ? '✔' : '✘'}`);
  if (process.env.BENCH_REUSE === '1') await pg.close();
  else await pg.drop();
}

if (pglitePersons > 0) {
  const lite = await openPglite();
  await lite.migrate();
  await seed(lite, pglitePersons);
  await measure(lite, `PGlite ${pglitePersons.toLocaleString()}`);
  await lite.close();
}
