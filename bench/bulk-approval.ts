// Bulk approval (issue 4): an officer approves 10,000 submitted applications in one request
// (POST /api/applications/actions), each in its own transaction with the rule re-checked.
// Target ≤ 10 s on PostgreSQL. Run: npm run bench -- bulk-approval (PostgreSQL on 127.0.0.1 needed).
import { sql } from 'drizzle-orm';
import { rowsOf } from '../packages/server/src/db/client.ts';
import { seedDemo, seedProgramCatalogue } from '../packages/server/src/seed.ts';
import { freshPostgres, login, serve } from './lib.ts';

const count = Number(process.env.BENCH_APPLICATIONS ?? 10_000);
const db = await freshPostgres('huican_bench_bulk');
await seedProgramCatalogue(db.handle.db);
await seedDemo(db.handle.db, { persons: Math.max(20_000, Math.ceil(count * 1.5)), programmes: false });
// Submitted precise-rehab applications (rule: valid certificate, active) for `count` eligible persons.
await db.handle.db.execute(sql`
  insert into applications (person_id, program_code, year, region_code, county_code, status, due_on, filed_at,
    applied_on, updated_at)
  select id, 'precise_rehab', extract(year from current_date)::int, region_code, left(region_code, 6), 'submitted',
    current_date + 14, now(), current_date, now()
  from persons
  where status = 'active' and cert_state = 'normal' and cert_valid_until > current_date + 90
  order by id limit ${count}`);
await db.handle.db.execute(sql`
  insert into application_events (application_id, at, action, to_status, actor_name)
  select id, now(), 'file', 'submitted', 'bench' from applications`);
await db.handle.db.execute(sql`analyze`);
const ids = rowsOf<{ id: string }>(await db.handle.db.execute(sql`select id from applications`)).map((r) => r.id);
if (ids.length !== count) throw new Error(`expected ${count} applications, got ${ids.length}`);

const { app, base } = await serve(db.handle);
const officer = await login(base, 'officer');
const t = performance.now();
const res = await fetch(`${base}/api/applications/actions`, {
  method: 'POST',
  headers: { cookie: officer, 'content-type': 'application/json' },
  body: JSON.stringify({ ids, action: 'approve', comment: '批量审批' }),
});
const seconds = (performance.now() - t) / 1000;
const body = (await res.json()) as { succeeded: string[]; failed: { code: string }[] };
const [approved] = rowsOf<{ n: number }>(
  await db.handle.db.execute(sql`select count(*)::int as n from applications where status = 'approved'`),
);
console.info(
  `bulk approve ${count.toLocaleString()} applications: ${seconds.toFixed(2)} s (${Math.round(count / seconds)} /s), ` +
    `HTTP ${res.status}, succeeded ${body.succeeded?.length}, failed ${body.failed?.length}, approved in DB ${approved?.n}`,
);
await app.close();
await db.drop();
