// Bank file (issue 5): GET /api/cycles/{id}/bank-file.xlsx (and .csv) of a cycle of 1,000,000 lines,
// streamed: time, bytes, and the server's peak RSS while it streams, against a cycle of 100,000 lines
// (flat memory: the peak must not grow with the lines). The server runs in this process; RSS is sampled
// every 10 ms during each download. PostgreSQL on 127.0.0.1 needed; `BENCH_REUSE=1` keeps the database
// huican_bench_bankfile between runs (dropped otherwise). Run: npm run bench -- bank-file
import { sql } from 'drizzle-orm';
import { rowsOf } from '../packages/server/src/db/client.ts';
import { seedAdminOnly, seedProgramCatalogue } from '../packages/server/src/seed.ts';
import { freshPostgres, login, serve } from './lib.ts';

const LINES = Number(process.env.BENCH_BANK_LINES ?? 1_000_000);
const SMALL = Math.min(LINES, 100_000);
const PASSWORD = 'Bench-bank-2026';
const reuse = process.env.BENCH_REUSE === '1';
const db = await freshPostgres('huican_bench_bankfile', { reuse });
const q = db.handle.db;

const [ready] = rowsOf<{ n: number }>(await q.execute(sql`select count(*)::int as n from payment_cycles`));
if (!ready || ready.n < 2) {
  const t = performance.now();
  await seedProgramCatalogue(q);
  await seedAdminOnly(q, PASSWORD);
  await q.execute(sql`insert into regions (code, name, level, parent_code, county_code) values
    ('341599000000', '青禾县', 'county', null, '341599'), ('341599101000', '青禾镇', 'township', '341599000000', '341599'),
    ('341599101201', '王庄村', 'village', '341599101000', '341599')`);
  // One payee per line, set-based: names, 18-character IDs and 19-digit accounts that differ per person.
  await q.execute(sql`
    insert into persons (name, name_pinyin, name_initials, id_number, gender, birth_date, region_code, county_code,
      bank_name, bank_account)
    select '代发' || i, 'daifa' || i, 'df', '341599' || to_char(date '1950-01-01' + (i / 500), 'YYYYMMDD')
        || lpad((i % 500)::text, 3, '0') || '0',
      case when i % 2 = 0 then 'female' else 'male' end, date '1950-01-01' + (i / 500), '341599101201', '341599',
      '青禾农村商业银行', '623668' || lpad(i::text, 13, '0')
    from generate_series(1, ${LINES}) as i`);
  const [admin] = rowsOf<{ id: string }>(await q.execute(sql`select id from users where username = 'admin'`));
  for (const [period, n] of [
    ['2026-10', LINES],
    ['2026-09', SMALL],
  ] as const) {
    const [cycle] = rowsOf<{ id: string }>(
      await q.execute(sql`insert into payment_cycles (program_code, kind, period, year, region_code, county_code,
        status, created_by, created_at, approved_by, approved_at)
        values ('living_subsidy', 'monthly', ${period}, 2026, '341599000000', '341599', 'approved',
          ${admin!.id}::uuid, now(), ${admin!.id}::uuid, now()) returning id`),
    );
    await q.execute(sql`
      insert into payment_lines (cycle_id, program_code, kind, period, year, person_id, region_code, grade,
        amount_cents, payee_name, bank_name, bank_account)
      select ${cycle!.id}::uuid, 'living_subsidy', 'regular', ${period}, 2026, p.id, p.region_code, 1,
        9000 + (row_number() over (order by p.id_number) % 7) * 100 + 5, p.name, p.bank_name, p.bank_account
      from persons p order by p.id_number limit ${n}`);
    await q.execute(sql`update payment_cycles set count = s.n, total_cents = s.total
      from (select count(*)::int as n, sum(amount_cents)::bigint as total from payment_lines
        where cycle_id = ${cycle!.id}::uuid) s where id = ${cycle!.id}::uuid`);
  }
  await q.execute(sql`analyze`);
  console.info(
    `seeded ${LINES.toLocaleString()} persons and ${(LINES + SMALL).toLocaleString()} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
const cycles = rowsOf<{ id: string; count: number }>(
  await q.execute(sql`select id, count from payment_cycles order by count`),
);

const { app, base } = await serve(db.handle);
const cookie = await login(base, 'admin', PASSWORD);
const MiB = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

async function download(cycleId: string, format: 'xlsx' | 'csv') {
  const before = process.memoryUsage().rss;
  const t = performance.now();
  const samples: [number, number][] = [];
  const timer = setInterval(() => samples.push([performance.now() - t, process.memoryUsage().rss]), 10);
  const res = await fetch(`${base}/api/cycles/${cycleId}/bank-file.${format}`, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`bank file: HTTP ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
  const seconds = (performance.now() - t) / 1000;
  clearInterval(timer);
  samples.push([seconds * 1000, process.memoryUsage().rss]);
  // The peak in each quarter of the download: flat memory levels off instead of climbing with the lines.
  const quarters = [0, 1, 2, 3].map((i) =>
    Math.max(
      0,
      ...samples
        .filter(([ms]) => ms >= (i * seconds * 1000) / 4 && ms <= ((i + 1) * seconds * 1000) / 4)
        .map(([, rss]) => rss),
    ),
  );
  const peak = Math.max(before, ...quarters);
  return { seconds, bytes, before, peak, quarters, lines: Number(res.headers.get('x-line-count')) };
}

// A warm-up on the small cycle, then each size and format.
await download(cycles[0]!.id, 'xlsx');
for (const cycle of cycles) {
  for (const format of ['xlsx', 'csv'] as const) {
    const r = await download(cycle.id, format);
    console.info(
      `bank file ${format}, ${r.lines.toLocaleString()} lines: ${r.seconds.toFixed(1)} s ` +
        `(${Math.round(r.lines / r.seconds).toLocaleString()} lines/s), ${MiB(r.bytes)}; ` +
        `RSS before ${MiB(r.before)}, peak ${MiB(r.peak)} (+${MiB(r.peak - r.before)}); ` +
        `peak by quarter of the download ${r.quarters.map((b) => (b / 1024 / 1024).toFixed(0)).join(' / ')} MiB`,
    );
  }
}
await app.close();
if (reuse) await db.close();
else await db.drop();
