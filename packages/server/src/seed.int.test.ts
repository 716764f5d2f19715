import { todayInChina } from '@huican/core';
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from './db/client.js';
import { certificates, persons, regions, users } from './db/schema/index.js';
import { DEMO_PASSWORD } from './demo/demo-county.js';
import { SeedError, seedIfEmpty } from './seed.js';
import { createTestContext, type TestContext } from './test-support/index.js';

let t: TestContext | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('seeding', () => {
  it('demo: a county with 16 townships, about 200 villages and a user per role', async () => {
    t = await createTestContext({ fixtures: false });
    expect(await seedIfEmpty(t.database.db, { seed: 'demo', adminPassword: undefined })).toBe('demo');
    const byLevel = await t.database.db
      .select({ level: regions.level, n: count() })
      .from(regions)
      .groupBy(regions.level);
    const n = Object.fromEntries(byLevel.map((r) => [r.level, r.n]));
    expect(n.county).toBe(1);
    expect(n.township).toBe(16);
    expect(n.village).toBeGreaterThanOrEqual(180);
    expect(n.village).toBeLessThanOrEqual(230);
    const roles = (await t.database.db.select({ role: users.role }).from(users)).map((u) => u.role);
    for (const role of ['admin', 'officer', 'finance', 'township', 'village', 'institution', 'auditor']) {
      expect(roles).toContain(role);
    }
    const [registry] = await t.database.db.select({ n: count() }).from(persons);
    expect(registry!.n).toBe(20_000);
    // Every demo person carries a current certificate, on the person row; none has ended yet.
    const [withCert] = await t.database.db
      .select({ n: count() })
      .from(persons)
      .where(and(isNotNull(persons.certNumber), eq(persons.certState, 'normal'), eq(persons.certEvent, 'issue')));
    expect(withCert!.n).toBe(20_000);
    const [history] = await t.database.db.select({ n: count() }).from(certificates);
    expect(history!.n).toBe(0);
    expect((await t.login('township', DEMO_PASSWORD)).length).toBeGreaterThan(10);
    // Every generated person passes the same rules as a registration through the API.
    const cookie = await t.login('officer', DEMO_PASSWORD);
    const sample = await t.app.inject({ url: '/api/persons?pageSize=200&sort=name', headers: { cookie } });
    expect(sample.json().items).toHaveLength(200);
    const { checkIdNumber, checkCertificateNumber } = await import('@huican/core');
    for (const p of sample.json().items) {
      expect(checkIdNumber(p.idNumber)).toBeNull();
      expect(checkCertificateNumber(p.certificate.number, p.idNumber)).toBeNull();
    }
    expect(await seedIfEmpty(t.database.db, { seed: 'demo', adminPassword: undefined })).toBeNull();

    // A year of programme work: applications in every state, each with a history that ends in its status.
    const byStatus = rowsOf<{ status: string; n: number }>(
      await t.database.db.execute(sql`select status, count(*)::int as n from applications group by status`),
    );
    for (const status of ['submitted', 'reviewed', 'approved', 'completed', 'rejected', 'returned', 'withdrawn']) {
      expect(byStatus.find((r) => r.status === status)?.n ?? 0, status).toBeGreaterThan(5);
    }
    const inconsistent = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from applications a
        where a.status <> (select e.to_status from application_events e where e.application_id = a.id
          order by e.at desc, e.id desc limit 1)`),
    );
    expect(inconsistent[0]!.n).toBe(0);
    const overdue = await t.app.inject({ url: '/api/applications?overdue=true', headers: { cookie } });
    expect(overdue.json().total).toBeGreaterThan(0);
    const targets = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(distinct region_code)::int as n from program_targets`),
    );
    expect(targets[0]!.n).toBe(16);
    const extra = rowsOf<{ plans: number; delivered: number; renewals: number; unmerged: number }>(
      await t.database.db.execute(sql`select
        (select count(*)::int from rehab_plans) as plans,
        (select count(*)::int from person_services where plan_id is not null) as delivered,
        (select count(*)::int from applications where program_code = 'cert_renew') as renewals,
        (select count(*)::int from rehab_assessments r where not exists (select 1 from need_surveys n
          where n.person_id = r.person_id and n.year = r.year and n.needs @> r.needs)) as unmerged`),
    )[0]!;
    expect(extra.plans).toBeGreaterThan(10);
    expect(extra.delivered).toBeGreaterThan(10);
    expect(extra.renewals).toBeGreaterThan(10);
    expect(extra.unmerged).toBe(0);
    // Subsidies paid are 办结: their applications completed when the cycle was marked paid.
    const [subsidies] = rowsOf<{ completed: number; approved: number }>(
      await t.database.db.execute(sql`select count(*) filter (where status = 'completed')::int as completed,
        count(*) filter (where status = 'approved')::int as approved
        from applications where program_code = 'living_subsidy' and year = ${Number(todayInChina().slice(0, 4))}`),
    );
    expect(subsidies!.completed).toBeGreaterThan(100);
    expect(subsidies!.approved).toBeGreaterThan(0);
    const institution = await t.login('institution', DEMO_PASSWORD);
    const placed = await t.app.inject({ url: '/api/applications', headers: { cookie: institution } });
    expect(placed.json().total).toBeGreaterThan(0);

    // Twelve months of the two monthly subsidies: paid cycles, the current month's waiting for approval.
    const db = t.database.db;
    const cycles = rowsOf<{ program_code: string; kind: string; status: string; n: number }>(
      await db.execute(sql`select program_code, kind, status, count(*)::int as n from payment_cycles
        where region_code = '341599000000' group by 1, 2, 3 order by 1, 2, 3`),
    );
    for (const code of ['living_subsidy', 'nursing_subsidy']) {
      const monthly = cycles.filter((c) => c.program_code === code && c.kind === 'monthly');
      expect(monthly.find((c) => c.status === 'paid')?.n, code).toBe(11);
      expect(monthly.filter((c) => c.status !== 'paid').map((c) => c.n)).toEqual([1]);
      expect(cycles.find((c) => c.program_code === code && c.kind === 'repayment')?.n ?? 0).toBeGreaterThan(0);
    }
    type Checks = Record<
      | 'same_user'
      | 'by_finance'
      | 'approved'
      | 'paid'
      | 'failed'
      | 'odd_reasons'
      | 'awaiting'
      | 'twice'
      | 'after_death'
      | 'paid_without_account'
      | 'wrong_totals'
      | 'no_account'
      | 'odd_accounts',
      number
    >;
    const checks = rowsOf<Checks>(
      await db.execute(sql`select
        (select count(*)::int from payment_cycles where status = 'paid'
          and (approved_by is null or approved_by = created_by)) as same_user,
        (select count(*)::int from payment_cycles c join users o on o.id = c.created_by
          join users f on f.id = c.approved_by where o.username = 'officer' and f.username = 'finance') as by_finance,
        (select count(*)::int from payment_cycles where status in ('approved', 'paid')) as approved,
        (select count(*)::int from payment_lines where status = 'paid') as paid,
        (select count(*)::int from payment_lines where status = 'failed') as failed,
        (select count(*)::int from payment_lines where status = 'failed'
          and failure_reason not in ('账号不存在', '户名不符', '账户已冻结')) as odd_reasons,
        (select count(*)::int from payment_lines where status = 'failed' and repaid_by_line_id is null) as awaiting,
        (select count(*)::int from (select 1 from payment_lines where status in ('paid', 'pending')
          and kind in ('regular', 'back_pay', 'repayment')
          group by person_id, program_code, period having count(*) > 1) d) as twice,
        (select count(*)::int from payment_lines l join persons p on p.id = l.person_id
          where p.status <> 'active' and (l.period || '-01')::date > p.status_date) as after_death,
        (select count(*)::int from payment_lines where status = 'paid'
          and (bank_account is null or paid_on is null or bank_reference is null)) as paid_without_account,
        (select count(*)::int from payment_cycles c where total_cents <> (select coalesce(sum(amount_cents), 0)
          from payment_lines l where l.cycle_id = c.id)) as wrong_totals,
        (select count(*)::int from persons where bank_account is null) as no_account,
        (select count(*)::int from persons where bank_account !~ '^[0-9]{19}$') as odd_accounts`),
    )[0]!;
    expect(checks).toMatchObject({
      same_user: 0,
      odd_reasons: 0,
      twice: 0,
      after_death: 0,
      paid_without_account: 0,
      wrong_totals: 0,
      odd_accounts: 0,
    });
    expect(checks.by_finance).toBe(checks.approved);
    expect(checks.paid).toBeGreaterThan(20_000);
    expect(checks.failed).toBeGreaterThan(10);
    expect(checks.failed / (checks.paid + checks.failed)).toBeLessThan(0.01);
    expect(checks.awaiting).toBeGreaterThan(0);
    expect(checks.no_account / 20_000).toBeGreaterThan(0.01);
    expect(checks.no_account / 20_000).toBeLessThan(0.03);
    // The last paid month's failures wait for a re-payment batch, which the officer can make now; the
    // bank file of a paid cycle downloads for finance.
    const [last] = rowsOf<{ id: string }>(
      await db.execute(sql`select c.id from payment_cycles c where c.kind = 'monthly' and c.status = 'paid'
        and exists (select 1 from payment_lines l where l.cycle_id = c.id and l.status = 'failed'
          and l.repaid_by_line_id is null)
        order by c.period desc limit 1`),
    );
    const repay = await t.app.inject({ method: 'POST', url: `/api/cycles/${last!.id}/repayment`, headers: { cookie } });
    expect(repay.statusCode, repay.body).toBe(201);
    const finance = await t.login('finance', DEMO_PASSWORD);
    const file = await t.app.inject({ url: `/api/cycles/${last!.id}/bank-file.csv`, headers: { cookie: finance } });
    expect(file.statusCode).toBe(200);
    expect(Number(file.headers['x-line-count'])).toBeGreaterThan(1000);
  }, 180_000); // the whole demo (registry, programme work, a year of payments): slow on a loaded machine

  it('none: only the admin, with the configured password, scoped to the whole database', async () => {
    t = await createTestContext({ fixtures: false });
    await expect(seedIfEmpty(t.database.db, { seed: 'none', adminPassword: undefined })).rejects.toBeInstanceOf(
      SeedError,
    );
    expect(await seedIfEmpty(t.database.db, { seed: 'none', adminPassword: 'Only-admin-2026' })).toBe('none');
    const all = await t.database.db.select().from(users);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ username: 'admin', role: 'admin', regionCode: '000000000000' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Only-admin-2026' },
    });
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'admin', regionCode: '000000000000' });
    expect(await t.database.db.select().from(regions).where(eq(regions.level, 'county'))).toHaveLength(0);
  });
});
