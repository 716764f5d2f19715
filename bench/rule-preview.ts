// Rule preview at scale: 1,000,000 persons on PostgreSQL (BENCH_PERSONS to change), previewed through the
// HTTP API by a county officer: POST /api/programs/{code}/preview for every seeded programme's rule and for
// hand-written rules over every fact (programmes held, needs, households, regions). Target (issue 4):
// ≤ 2 s per preview. Run: npm run bench -- rule-preview (PostgreSQL on 127.0.0.1 needed).
import { DEFAULT_PROGRAMS, type Rule, todayInChina } from '@huican/core';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../packages/server/src/db/client.ts';
import { seedDemo, seedProgramCatalogue } from '../packages/server/src/seed.ts';
import { freshPostgres, login, ms, percentiles, serve } from './lib.ts';

const persons = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const year = Number(todayInChina().slice(0, 4));

// BENCH_REUSE=1 keeps the seeded database between runs (seeding a million persons takes minutes).
const t0 = Date.now();
const db = await freshPostgres('huican_bench_rules', { reuse: process.env.BENCH_REUSE === '1' });
await seedProgramCatalogue(db.handle.db);
const [existing] = rowsOf<{ n: number }>(await db.handle.db.execute(sql`select count(*)::int as n from persons`));
if (existing?.n !== persons) {
  await seedDemo(db.handle.db, { persons });
  // Programmes held, so that programHeld has something to find: most 低保 persons hold the living subsidy,
  // half of the severe ones the nursing subsidy (next to whatever applications the demo generator made).
  await db.handle.db.execute(sql`
    insert into applications (person_id, program_code, year, region_code, county_code, status, filed_at,
      applied_on, updated_at)
    select p.id, x.code, ${year}, p.region_code, p.county_code, x.status, now(), ${`${year}-01-15`}::date, now()
    from persons p
    cross join (values ('living_subsidy', 'approved'), ('nursing_subsidy', 'completed')) as x(code, status)
    where p.status = 'active' and (
      (x.code = 'living_subsidy' and p.low_income and not p.extreme_poverty and random() < 0.8)
      or (x.code = 'nursing_subsidy' and p.grade <= 2 and random() < 0.5))
    on conflict do nothing`);
  await db.handle.db.execute(sql`analyze`);
  console.info(`seeded ${persons.toLocaleString()} persons in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
const [counts] = rowsOf<{ applications: number; surveys: number; households: number }>(
  await db.handle.db.execute(sql`select (select count(*)::int from applications) as applications,
    (select count(*)::int from need_surveys) as surveys,
    (select count(distinct household_id)::int from persons) as households`),
);
console.info(
  `registry: ${persons.toLocaleString()} persons, ${counts!.households.toLocaleString()} households, ${counts!.surveys.toLocaleString()} need surveys, ${counts!.applications.toLocaleString()} applications`,
);

const { app, base } = await serve(db.handle);
const officer = await login(base, 'officer');

async function measure(label: string, code: string, rule?: Rule) {
  const times: number[] = [];
  let result: { matched: number; total: number } = { matched: 0, total: 0 };
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/programs/${code}/preview`, {
      method: 'POST',
      headers: { cookie: officer, 'content-type': 'application/json' },
      body: JSON.stringify(rule ? { year, rule } : { year }),
    });
    const body = (await res.json()) as typeof result;
    if (!res.ok) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
    if (i > 0) times.push(performance.now() - t); // the first run warms the cache
    result = body;
  }
  const p = percentiles(times);
  console.info(
    `${label.padEnd(58)} matched ${result.matched.toLocaleString().padStart(9)} of ${result.total.toLocaleString()}  p50 ${ms(p.p50)}  max ${ms(p.max)}`,
  );
  return p.max;
}

let worst = 0;
for (const program of DEFAULT_PROGRAMS) {
  worst = Math.max(worst, await measure(`${program.code} (default rule)`, program.code));
}
const handWritten: [string, Rule][] = [
  [
    'living subsidy held, nursing not held, 一户多残',
    {
      all: [
        { fact: 'programHeld', program: 'living_subsidy', held: true },
        { fact: 'programHeld', program: 'nursing_subsidy', held: false },
        { fact: 'householdDisabledCount', min: 2 },
      ],
    },
  ],
  [
    'device or rehab need, or severe and not working age',
    {
      any: [
        { fact: 'needs', any: ['assistive_device', 'rehab_training'] },
        { all: [{ fact: 'grade', in: [1, 2] }, { not: { fact: 'age', min: 16, max: 59 } }] },
      ],
    },
  ],
  [
    'one township, expiring certificate, not 特困',
    {
      all: [
        { fact: 'region', within: ['341599101000'] },
        { fact: 'certificateStatus', in: ['expiring'] },
        { fact: 'flag', flag: 'extremePoverty', is: false },
      ],
    },
  ],
  [
    'every fact at once (nested all/any/not)',
    {
      all: [
        { fact: 'certificateStatus', in: ['valid', 'expiring'] },
        { fact: 'personStatus', in: ['active'] },
        {
          any: [
            { fact: 'category', in: [5, 6] },
            { fact: 'householdDisabledCount', min: 2 },
            { fact: 'needs', any: ['medication'] },
          ],
        },
        { not: { fact: 'programHeld', program: 'living_subsidy', held: true } },
        { fact: 'age', max: 80 },
        { fact: 'region', within: ['341599000000'] },
      ],
    },
  ],
];
for (const [label, rule] of handWritten) worst = Math.max(worst, await measure(label, 'precise_rehab', rule));
console.info(`slowest preview: ${ms(worst)} (target ≤ 2000 ms ${worst <= 2000 ? '✔' : '✘'})`);

await app.close();
if (process.env.BENCH_REUSE === '1') await db.close();
else await db.drop();
