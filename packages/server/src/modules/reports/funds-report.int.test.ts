import { todayInChina } from '@huican/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createTestContext, type FixtureUser, type TestContext } from '../../test-support/index.js';
import { registry } from '../payments/test-registry.js';

// A hand-built county paying the living subsidy in a past year Y, with known answers:
//   g1 (grade 1, ¥100, 青禾镇王庄村), g2 (grade 2, ¥80, 柳河镇李岗村), late (grade 4, ¥50, 王庄村, applied in
//   February, approved after the February cycle), elsewhere (grade 1, the other county).
//   January: paid (g1, g2).  February: lines pending (g1, g2).  March: cancelled (void).
//   April: regular g1, g2, late + back-pay March g1, g2, late + back-pay February late; late's April
//   line failed at the bank, the rest paid.
//   The other county: January paid (elsewhere).
// Budgets of Y: living subsidy ¥2,100, nursing subsidy ¥500.

let t: TestContext;
let r: ReturnType<typeof registry>;
let Y: number;
const p: Record<string, string> = {};
const cycles: Record<string, string> = {};
const m = (month: number) => `${Y}-${String(month).padStart(2, '0')}`;

const funds = (as: FixtureUser, query: string, lang?: string) =>
  t.call(as, 'GET', `/api/reports/funds?${query}`, undefined, lang ? { 'accept-language': lang } : {});

type Month = { month: string; personsPaid: number; paidCents: number };
type Programme = {
  programCode: string;
  budgetCents: number | null;
  committedCents: number;
  paidCents: number;
  executionRate: number | null;
  personsPaid: number;
  months: Month[];
};

/** Twelve months of Y, zero except the ones given. */
const monthsWith = (given: Record<number, [number, number]>): Month[] =>
  Array.from({ length: 12 }, (_, i) => ({
    month: m(i + 1),
    personsPaid: given[i + 1]?.[0] ?? 0,
    paidCents: given[i + 1]?.[1] ?? 0,
  }));

async function paidCycle(month: number, as = 'officer', checker = 'finance', regionCode?: string) {
  const cycle = await r.generated(as, {
    programCode: 'living_subsidy',
    period: m(month),
    ...(regionCode ? { regionCode } : {}),
  });
  expect((await r.act(as, cycle.id, 'submit')).statusCode).toBe(200);
  expect((await r.act(checker, cycle.id, 'approve')).statusCode).toBe(200);
  return cycle.id;
}

beforeAll(async () => {
  t = await createTestContext();
  Y = Number(todayInChina(t.now()).slice(0, 4)) - 1;
  r = registry(t, { seqBase: 300 });
  await r.standard('living_subsidy', Y, { monthlyCentsByGrade: { '1': 10_000, '2': 8_000, '3': 0, '4': 5_000 } });
  for (const [program, budgetCents] of [
    ['living_subsidy', 210_000],
    ['nursing_subsidy', 50_000],
  ] as const) {
    const res = await r.call('officer', 'PUT', `/api/programs/${program}/budgets/${Y}`, { budgetCents });
    expect(res.statusCode, res.body).toBe(200);
  }

  p.g1 = await r.person({ grade: 1 });
  await r.enrol(p.g1, { year: Y, appliedOn: `${m(1)}-05` });
  p.g2 = await r.person({ grade: 2, region: '341599102201' });
  await r.enrol(p.g2, { year: Y, appliedOn: `${m(1)}-05` });
  p.late = await r.person({ grade: 4 });
  const lateApplication = await r.enrol(p.late, { year: Y }); // applied today: not enrolled in Y yet
  p.elsewhere = await r.person({ grade: 1, region: '341598101000' });
  await r.enrol(p.elsewhere, { year: Y, appliedOn: `${m(1)}-05`, as: 'otherOfficer' });

  cycles.jan = await paidCycle(1);
  expect((await r.act('finance', cycles.jan, 'mark_paid')).statusCode).toBe(200);
  cycles.feb = await paidCycle(2); // approved, not paid: lines pending
  const mar = await r.generated('officer', { programCode: 'living_subsidy', period: m(3) });
  expect((await r.act('officer', mar.id, 'cancel', '标准有误')).statusCode).toBe(200);

  await r.setAppliedOn(lateApplication, `${m(2)}-10`);
  cycles.apr = await paidCycle(4);
  expect((await r.lines(cycles.apr)).length).toBe(7);
  // The bank's return file marked late's April line failed (the account was wrong).
  await t.database.db.execute(sql`
    update payment_lines set status = 'failed', failure_reason = '账号错误'
    where cycle_id = ${cycles.apr} and person_id = ${p.late} and kind = 'regular'`);
  expect((await r.act('finance', cycles.apr, 'mark_paid')).statusCode).toBe(200);

  cycles.other = await paidCycle(1, 'otherOfficer', 'otherAdmin');
  expect((await r.act('otherAdmin', cycles.other, 'mark_paid')).statusCode).toBe(200);
}, 180_000);
afterAll(() => t.close());

const living = (body: { programs: Programme[] }) => body.programs.find((x) => x.programCode === 'living_subsidy')!;
const nursing = (body: { programs: Programme[] }) => body.programs.find((x) => x.programCode === 'nursing_subsidy')!;

describe('GET /api/reports/funds', () => {
  it('county: budget, committed (pending + paid, cancelled cycles out), paid, execution rate and months', async () => {
    const res = await funds('officer', `year=${Y}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: Y, regionCode: '341599000000', regionName: '青禾县', budgetApplies: true });
    // committed = January 18,000 + February 18,000 + April 46,000 (51,000 less the failed 5,000)
    expect(living(body)).toEqual({
      programCode: 'living_subsidy',
      name: '困难残疾人生活补贴',
      kind: 'monthly_subsidy',
      budgetCents: 210_000,
      committedCents: 82_000,
      paidCents: 64_000,
      executionRate: 30.48, // 64,000 ÷ 210,000 = 30.476…% → 30.48
      personsPaid: 3,
      // April: g1 and g2 paid twice (April and back-pay March), late for February and March: 3 persons
      months: monthsWith({ 1: [2, 18_000], 4: [3, 46_000] }),
    });
    expect(nursing(body)).toMatchObject({
      budgetCents: 50_000,
      committedCents: 0,
      paidCents: 0,
      executionRate: 0,
      personsPaid: 0,
      months: monthsWith({}),
    });
    // cash programmes only: an in-kind programme has no money
    expect(body.programs.map((x: Programme) => x.programCode)).not.toContain('assistive_device');
    expect(body.programs.find((x: Programme) => x.programCode === 'education_aid')).toMatchObject({
      budgetCents: null,
      executionRate: null,
    });
    expect(body.totals).toEqual({
      budgetCents: 260_000,
      committedCents: 82_000,
      paidCents: 64_000,
      executionRate: 24.62, // 64,000 ÷ 260,000 = 24.615…% → 24.62 (only budgeted programmes' money)
      personsPaid: 3,
      months: monthsWith({ 1: [2, 18_000], 4: [3, 46_000] }),
    });
  });

  it('agrees with the raw lines, and over the whole database with GET /api/budgets', async () => {
    const raw = rowsOf<{ period: string; committed: number; paid: number; persons: number }>(
      await t.database.db.execute(sql`
        select c.period,
          coalesce(sum(l.amount_cents) filter (where l.status in ('pending', 'paid')), 0)::int as committed,
          coalesce(sum(l.amount_cents) filter (where l.status = 'paid'), 0)::int as paid,
          count(distinct l.person_id) filter (where l.status = 'paid')::int as persons
        from payment_cycles c join payment_lines l on l.cycle_id = c.id
        where c.year = ${Y} and c.status <> 'cancelled' and l.region_code like '341599%'
        group by c.period`),
    );
    const body = (await funds('admin', `year=${Y}`)).json();
    expect(body.totals.committedCents).toBe(raw.reduce((s, x) => s + x.committed, 0));
    for (const month of body.totals.months as Month[]) {
      const row = raw.find((x) => x.period === month.month);
      expect(month).toEqual({ month: month.month, personsPaid: row?.persons ?? 0, paidCents: row?.paid ?? 0 });
    }

    const whole = (await funds('root', `year=${Y}`)).json();
    expect(whole).toMatchObject({ regionCode: null, regionName: null, budgetApplies: true });
    const budgets = (await r.call('root', 'GET', `/api/budgets?year=${Y}`)).json();
    const budget = budgets.find((b: { programCode: string }) => b.programCode === 'living_subsidy');
    expect(living(whole)).toMatchObject({
      budgetCents: budget.budgetCents,
      committedCents: budget.committedCents,
      paidCents: budget.paidCents,
      executionRate: budget.executionRate,
    });
    expect(living(whole)).toMatchObject({ committedCents: 92_000, paidCents: 74_000, executionRate: 35.24 });
  });

  it('a township sees its own lines, without a budget (budgets are county-wide)', async () => {
    const own = (await funds('township2', `year=${Y}`)).json();
    expect(own).toMatchObject({ regionCode: '341599102000', regionName: '柳河镇', budgetApplies: false });
    expect(living(own)).toMatchObject({
      budgetCents: null,
      committedCents: 32_000, // g2: January 8,000, February 8,000, April 16,000
      paidCents: 24_000,
      executionRate: null,
      personsPaid: 1,
      months: monthsWith({ 1: [1, 8_000], 4: [1, 16_000] }),
    });
    expect(own.totals).toMatchObject({ budgetCents: null, executionRate: null, committedCents: 32_000 });

    // A county user drilling into a township gets the same figures.
    const drill = (await funds('officer', `year=${Y}&regionCode=341599101000`)).json();
    expect(living(drill)).toMatchObject({
      budgetCents: null,
      committedCents: 50_000,
      paidCents: 40_000,
      personsPaid: 2,
    });
    const village = (await funds('township', `year=${Y}&regionCode=341599101201`)).json();
    expect(living(village)).toMatchObject({ committedCents: 50_000, paidCents: 40_000 });
  });

  it('the other county sees only its own money against the budget', async () => {
    const other = (await funds('otherOfficer', `year=${Y}`)).json();
    expect(living(other)).toMatchObject({
      budgetCents: 210_000,
      committedCents: 10_000,
      paidCents: 10_000,
      executionRate: 4.76,
      months: monthsWith({ 1: [1, 10_000] }),
    });
  });

  it('names in English; the current year by default', async () => {
    const en = (await funds('finance', `year=${Y}`, 'en')).json();
    expect(living(en)).toMatchObject({ name: 'Living subsidy for disabled persons in hardship' });
    const current = (await funds('auditor', '')).json();
    expect(current.year).toBe(Y + 1);
    expect(living(current)).toMatchObject({ committedCents: 0, paidCents: 0, budgetCents: null });
  });

  it('refuses roles without payments.read (403), regions outside the scope or unknown (404), bad input (400)', async () => {
    for (const as of ['village', 'institution'] as const) {
      const res = await funds(as, `year=${Y}`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    for (const [as, region] of [
      ['township2', '341599101000'],
      ['township2', '341599000000'],
      ['otherOfficer', '341599000000'],
      ['officer', '341598000000'],
      ['officer', '341599103000'],
    ] as const) {
      const res = await funds(as, `year=${Y}&regionCode=${region}`);
      expect(res.statusCode, `${as} ${region}`).toBe(404);
      expect(res.json().error.code).toBe('REGION_NOT_FOUND');
    }
    const zh = await funds('officer', 'year=1999');
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({ code: 'VALIDATION', message: '输入有误，请检查标出的字段' });
    expect(zh.json().error.fields.year).toBe('不能小于 2000');
    const en = await funds('officer', 'year=2026&regionCode=3415', 'en');
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toBe('Invalid input: check the fields marked');
    expect(en.json().error.fields.regionCode).toBeTruthy();
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/reports/funds?year=${Y}` });
    expect(anonymous.statusCode).toBe(401);
  });
});
