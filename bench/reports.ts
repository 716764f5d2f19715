// Reports at scale (issue 6): the completion report and the rehabilitation report of a county with
// 1,000,000 persons (BENCH_PERSONS) and 5,000,000 service records (BENCH_SERVICES) on PostgreSQL, asked
// through the HTTP API by the county officer BENCH_RUNS times each (default 200; the first 5 warm up),
// against a bare SQL aggregate over the raw rows (applications, program_targets, need_surveys,
// person_services, persons) measured in the same run (BENCH_BARE_RUNS times, default 20: seconds each).
// Target (issue 6): p95 ≤ 200 ms. Both answers are compared with the bare aggregates: the benchmark fails
// when they differ. Then what the rollup triggers cost the writers (BENCH_WRITE_ROWS), and the same reports
// on the embedded PGlite over the demo county (BENCH_PGLITE_PERSONS, default 20,000; 0 skips it).
// Run: npm run bench -- reports (PostgreSQL on 127.0.0.1 needed; BENCH_REUSE=1 keeps the seeded database;
// BENCH_PERSONS=20000 BENCH_SERVICES=100000 for a quick run; BENCH_PERSONS=0 skips PostgreSQL).
import os from 'node:os';
import { todayInChina } from '@huican/core';
import { type SQL, sql } from 'drizzle-orm';
import { type DatabaseHandle, type Db, openPglite, rowsOf } from '../packages/server/src/db/client.ts';
import { seedDemo, seedProgramCatalogue } from '../packages/server/src/seed.ts';
import { freshPostgres, login, ms, percentiles, serve } from './lib.ts';

/** 0 skips that database. */
const persons = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const pglitePersons = Number(process.env.BENCH_PGLITE_PERSONS ?? 20_000);
const services = Number(process.env.BENCH_SERVICES ?? 5_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);
/** The bare aggregates take seconds each at full size: fewer runs of them. */
const bareRuns = Number(process.env.BENCH_BARE_RUNS ?? 20);
const WARM_UP = 5;
const year = Number(todayInChina().slice(0, 4));
const COUNTY = '341599000000';
const REHAB = sql.raw(`array['rehab_training', 'assistive_device', 'medication', 'supportive_service']`);
const KINDS = sql.raw(
  `array['rehab_training', 'assistive_device', 'medication', 'supportive_service', 'nursing', 'education', 'employment', 'home_modification']`,
);

/**
 * Two earlier years of needs surveys, services (most of them for a need of the person's, some not) up to
 * `services` records over the three years, applications of every programme in this year and the last
 * (70% of them completed), and township targets around the completions (some 0). Set-based.
 */
async function seedWork(q: Db, count: (table: string, where?: SQL) => Promise<number>) {
  let changed = false;
  const step = async (label: string, done: boolean, statement: ReturnType<typeof sql>) => {
    if (done) return;
    const t = Date.now();
    await q.execute(statement);
    changed = true;
    console.info(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await step(
    'needs surveys of the two years before',
    (await count('need_surveys', sql`year = ${year - 1}`)) > 0,
    sql`
    insert into need_surveys (person_id, year, region_code, method, identity_checked, surveyed_on, needs)
    select p.id, y.year, p.region_code, 'home_visit', true, make_date(y.year, 1 + (random() * 11)::int, 1 + (random() * 27)::int),
      array(select k from unnest(${KINDS}) as k
            where random() < case when k = any(${REHAB}) then 0.3 else 0.08 end and p.id is not null)
    from persons p cross join (values (${year - 1}::smallint), (${year - 2}::smallint)) as y(year)
    where random() < 0.6`,
  );
  // One to three services for three needs in four; the rest of the records are services without a need.
  await step(
    'services for those needs',
    (await count('person_services', sql`year < ${year}`)) > 0,
    sql`
    insert into person_services (person_id, year, kind, service_date, provider, region_code)
    select s.person_id, s.year, k.kind, make_date(s.year, 1 + (random() * 11)::int, 1 + (random() * 27)::int),
      '县残疾人康复中心', s.region_code
    from need_surveys s
    cross join lateral unnest(s.needs) as k(kind)
    cross join lateral generate_series(1, case when random() < 0.25 or k.kind is null then 0 else 1 + (random() * 2)::int end)
    where s.year < ${year}`,
  );
  const missing = services - (await count('person_services'));
  if (missing > 0) {
    await step(
      `${missing.toLocaleString()} more services`,
      false,
      sql`
      with numbered as (select id, region_code, row_number() over (order by id) as n from persons),
      total as (select count(*) as n from persons)
      insert into person_services (person_id, year, kind, service_date, provider, region_code)
      select p.id, ${year} - (g % 3), (${KINDS})[1 + (g * 7 % 8)::int], make_date(${year} - (g % 3)::int, 1 + (g % 12)::int, 1 + (g % 28)::int),
        '乡镇卫生院', p.region_code
      from generate_series(1, ${missing}::bigint) as g
      cross join total
      join numbered p on p.n = 1 + (g * 7919) % total.n`,
    );
  } else if (missing < 0) {
    await step(
      `${(-missing).toLocaleString()} services fewer`,
      false,
      sql`
      delete from person_services where id in (select id from person_services where year < ${year} limit ${-missing})`,
    );
  }
  await step(
    'applications',
    (await count('applications')) > 0,
    sql`
    insert into applications (person_id, program_code, year, region_code, county_code, status, filed_at,
      applied_on, decided_at, completed_at, updated_at)
    select p.id, pr.code, y.year, p.region_code, p.county_code, st.status, now(), make_date(y.year, 2, 1),
      now(), case when st.status = 'completed' then now() end, now()
    from persons p
    cross join (select code from programs where catalogue = 'programme') as pr
    cross join (values (${year}::smallint), (${year - 1}::smallint)) as y(year)
    cross join lateral (select case when random() < 0.7 then 'completed' when random() < 0.5 then 'approved'
      else 'rejected' end || left(pr.code, 0) as status) as st
    where random() < 0.03`,
  );
  await step(
    'targets',
    (await count('program_targets')) > 0,
    sql`
    insert into program_targets (program_code, year, region_code, county_code, target)
    select pr.code, y.year, r.code, r.county_code,
      case when random() < 0.05 then 0 else (coalesce(c.n, 0) * (0.7 + random() * 0.6))::int end
    from regions r
    cross join (select code from programs where catalogue = 'programme') as pr
    cross join (values (${year}::smallint), (${year - 1}::smallint)) as y(year)
    left join lateral (select count(*) as n from applications a
      where a.program_code = pr.code and a.year = y.year and a.status = 'completed'
        and a.region_code like left(r.code, 9) || '%') as c on true
    where r.level = 'township'`,
  );
  await step('vacuum analyze', !changed, sql`vacuum analyze`);
}

/** Both reports through the API against the bare aggregates; with `writes`, the cost of the triggers. */
async function measure(handle: DatabaseHandle, label: string, writes: boolean) {
  const q = handle.db;
  console.info(`\n### ${label}`);
  const [sizes] = rowsOf<Record<string, number>>(
    await q.execute(sql`select
      (select count(*)::int from persons) as persons,
      (select count(*)::int from person_services) as services,
      (select count(*)::int from person_services where year = ${year}) as services_this_year,
      (select count(*)::int from need_surveys) as surveys,
      (select count(*)::int from need_surveys where year = ${year} and needs && ${REHAB}) as rehab_needs_this_year,
      (select count(*)::int from applications) as applications,
      (select count(*)::int from applications where status = 'completed' and year = ${year}) as completed_this_year,
      (select count(*)::int from program_targets) as targets`),
  );
  console.info('data:', JSON.stringify(sizes));

  // The bare aggregates: the same figures straight from the raw rows, no rollup.
  type CompletionFigure = { program_code: string; region_code: string; target: number; completed: number };
  async function bareCompletion(): Promise<CompletionFigure[]> {
    return rowsOf<CompletionFigure>(
      await q.execute(sql`
        with t as (
          select program_code, rpad(left(region_code, 9), 12, '0') as region_code, sum(target)::int as target
          from program_targets where year = ${year} and region_code like '341599%' and region_code <> ${COUNTY}
          group by 1, 2),
        c as (
          select program_code, rpad(left(region_code, 9), 12, '0') as region_code, count(distinct person_id)::int as completed
          from applications where year = ${year} and status = 'completed' and region_code like '341599%'
          group by 1, 2)
        select program_code, region_code, coalesce(t.target, 0) as target, coalesce(c.completed, 0) as completed
        from t full join c using (program_code, region_code)
        join programs p on p.code = program_code and p.catalogue = 'programme'
        order by 1, 2`),
    );
  }
  type RehabFigure = { needs: number; served: number; device_needs: number; device_fitted: number };
  async function bareRehab(): Promise<RehabFigure> {
    return rowsOf<RehabFigure>(
      await q.execute(sql`
        with n as (
          select s.person_id, 'assistive_device' = any(s.needs) as device_need
          from need_surveys s join persons p on p.id = s.person_id
          where s.year = ${year} and s.needs && ${REHAB} and p.region_code like '341599%'),
        v as (
          select person_id, bool_or(kind = 'assistive_device') as device
          from person_services where year = ${year} and kind = any(${REHAB})
          group by person_id)
        select count(*)::int as needs, count(v.person_id)::int as served,
          count(*) filter (where n.device_need)::int as device_needs,
          count(*) filter (where n.device_need and v.device)::int as device_fitted
        from n left join v using (person_id)`),
    )[0]!;
  }

  async function timed<T>(f: () => Promise<T>, n = runs): Promise<{ times: number[]; last: T }> {
    const times: number[] = [];
    let last: T | undefined;
    for (let i = 0; i < n + WARM_UP; i++) {
      const t = performance.now();
      last = await f();
      if (i >= WARM_UP) times.push(performance.now() - t);
    }
    return { times, last: last as T };
  }

  const { app, base } = await serve(handle);
  const officer = await login(base, 'officer');
  async function api<T>(path: string): Promise<T> {
    const res = await fetch(`${base}${path}`, { headers: { cookie: officer } });
    const body = (await res.json()) as T;
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  }

  type CompletionReport = {
    rows: { programCode: string; regionCode: string; target: number; completed: number }[];
  };
  type RehabReport = { needs: number; served: number; deviceNeeds: number; deviceFitted: number };

  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  console.info(`load average before: ${load()}`);
  const results: { label: string; api: number[]; bare: number[] }[] = [];

  {
    const bare = await timed(bareCompletion, bareRuns);
    const viaApi = await timed(() => api<CompletionReport>(`/api/reports/completion?year=${year}`));
    const expected = bare.last.map((r) => `${r.program_code} ${r.region_code} ${r.target} ${r.completed}`);
    const actual = viaApi.last.rows.map((r) => `${r.programCode} ${r.regionCode} ${r.target} ${r.completed}`);
    if (JSON.stringify([...actual].sort()) !== JSON.stringify([...expected].sort())) {
      throw new Error(
        `completion report differs from the raw rows:\n${actual.join('\n')}\n--- raw:\n${expected.join('\n')}`,
      );
    }
    console.info(`completion: ${actual.length} rows agree with the raw rows`);
    results.push({ label: 'completion (county, by township × programme)', api: viaApi.times, bare: bare.times });
  }
  {
    const bare = await timed(bareRehab, bareRuns);
    const viaApi = await timed(() => api<RehabReport>(`/api/reports/rehab?year=${year}`));
    const b = bare.last;
    const a = viaApi.last;
    const same =
      a.needs === b.needs &&
      a.served === b.served &&
      a.deviceNeeds === b.device_needs &&
      a.deviceFitted === b.device_fitted;
    if (!same) throw new Error(`rehab report differs from the raw rows: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    console.info(
      `rehab: needs ${a.needs}, served ${a.served}, device needs ${a.deviceNeeds}, fitted ${a.deviceFitted} — agree with the raw rows`,
    );
    results.push({ label: 'rehab (county, with breakdowns)', api: viaApi.times, bare: bare.times });
  }

  for (const r of results) {
    const a = percentiles(r.api);
    const b = percentiles(r.bare);
    console.info(
      `${r.label}: API p50 ${ms(a.p50)} p95 ${ms(a.p95)} p99 ${ms(a.p99)} (n ${a.n}) ${a.p95 <= 200 ? '✔' : '✘'} ≤ 200 ms | ` +
        `bare SQL over raw rows p50 ${ms(b.p50)} p95 ${ms(b.p95)} p99 ${ms(b.p99)} | ratio API/bare p50 ${(a.p50 / b.p50).toFixed(3)}, p95 ${(a.p95 / b.p95).toFixed(3)}`,
    );
  }

  // What the rollup triggers cost the writers: one service recorded through the API (one transaction:
  // insert, audit row, trigger), and a bulk statement of BENCH_WRITE_ROWS rehabilitation services (and its
  // removal) with the triggers and without them. The rows written without triggers are removed without them
  // too, so the rollups stay exact; the reports are checked against the raw rows again at the end.
  const writeRows = Number(process.env.BENCH_WRITE_ROWS ?? 100_000);
  {
    const sample = rowsOf<{ id: string }>(
      await q.execute(sql`select person_id as id from need_surveys where year = ${year} and needs && ${REHAB}
        order by person_id limit 200`),
    );
    const times: number[] = [];
    for (const [i, p] of sample.entries()) {
      const t = performance.now();
      const res = await fetch(`${base}/api/persons/${p.id}/services`, {
        method: 'POST',
        headers: { cookie: officer, 'content-type': 'application/json' },
        body: JSON.stringify({
          year,
          kind: i % 2 ? 'assistive_device' : 'rehab_training',
          date: `${year}-01-15`,
          provider: 'bench-api',
        }),
      });
      if (res.status !== 201) throw new Error(`POST services: ${res.status} ${await res.text()}`);
      times.push(performance.now() - t);
    }
    await q.execute(sql`delete from person_services where provider = 'bench-api'`);
    const w = percentiles(times);
    console.info(
      `POST /api/persons/{id}/services (triggers included): p50 ${ms(w.p50)} p95 ${ms(w.p95)} p99 ${ms(w.p99)} (n ${w.n})`,
    );
  }
  if (writes && writeRows > 0) {
    const bulk = async (label: string) => {
      const t1 = performance.now();
      await q.execute(sql`
        insert into person_services (person_id, year, kind, service_date, provider, region_code)
        select s.person_id, s.year, 'assistive_device', make_date(s.year, 6, 1), 'bench-bulk', s.region_code
        from need_surveys s where s.year = ${year} and s.needs && ${REHAB}
        order by s.person_id limit ${writeRows}`);
      const inserted = (performance.now() - t1) / 1000;
      const t2 = performance.now();
      await q.execute(sql`delete from person_services where provider = 'bench-bulk'`);
      const deleted = (performance.now() - t2) / 1000;
      console.info(
        `${writeRows.toLocaleString()} services in one INSERT … SELECT ${label}: ${inserted.toFixed(2)} s; their DELETE: ${deleted.toFixed(2)} s`,
      );
    };
    await bulk('with the rollup triggers');
    await q.execute(sql`alter table person_services disable trigger user`);
    try {
      await bulk('without triggers');
    } finally {
      await q.execute(sql`alter table person_services enable trigger user`);
    }
  }
  {
    const b = await bareRehab();
    const a = await api<RehabReport>(`/api/reports/rehab?year=${year}`);
    if (a.needs !== b.needs || a.served !== b.served || a.deviceFitted !== b.device_fitted) {
      throw new Error(
        `after the writes the rehab report differs from the raw rows: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
      );
    }
    console.info('after the writes: the rehab report still agrees with the raw rows');
  }
  console.info(`load average after: ${load()}`);

  await app.close();
}

if (persons > 0) {
  const t0 = Date.now();
  // A database per size, so that a quick small run does not throw away the seeded million.
  const name = persons === 1_000_000 ? 'huican_bench_reports' : `huican_bench_reports_${persons}`;
  let db = await freshPostgres(name, { reuse: process.env.BENCH_REUSE === '1' });
  const count = async (table: string, where: SQL = sql`true`) =>
    rowsOf<{ n: number }>(
      await db.handle.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`),
    )[0]!.n;
  if (![0, persons].includes(await count('persons'))) {
    await db.drop(); // another size: start again
    db = await freshPostgres(name);
  }
  if ((await count('persons')) === 0) {
    await seedProgramCatalogue(db.handle.db);
    await seedDemo(db.handle.db, { persons, programmes: false });
    console.info(`demo registry of ${persons.toLocaleString()} persons: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  await seedWork(db.handle.db, count);
  await measure(db.handle, `PostgreSQL, ${persons.toLocaleString()} persons`, true);
  if (process.env.BENCH_REUSE === '1') await db.close();
  else await db.drop();
}

if (pglitePersons > 0) {
  // The demo county as `npm start` seeds it (this year's programme work, needs and services).
  const lite = await openPglite();
  await lite.migrate();
  await seedProgramCatalogue(lite.db);
  const t0 = Date.now();
  await seedDemo(lite.db, { persons: pglitePersons });
  // PGlite has no autovacuum: without statistics the bare rehabilitation aggregate took 22 s instead of 34 ms.
  await lite.db.execute(sql`analyze`);
  console.info(
    `\nPGlite demo county of ${pglitePersons.toLocaleString()} persons: ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  await measure(lite, `PGlite, ${pglitePersons.toLocaleString()} persons (demo county)`, false);
  await lite.close();
}
