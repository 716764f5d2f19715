import { todayInChina } from '@huican/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';
import { registry } from './test-registry.js';

// A hand-built registry of the living subsidy in a past year Y (every month of it is over), cycles for
// January to March, and the exact lines each must hold. Standard: grade 1 ¥100, 2 ¥80, 3 ¥0, 4 ¥50.

let t: TestContext;
let r: ReturnType<typeof registry>;
let Y: number;
const STANDARD = { monthlyCentsByGrade: { '1': 10_000, '2': 8_000, '3': 0, '4': 5_000 } };
const p: Record<string, string> = {};
const m = (month: number) => `${Y}-${String(month).padStart(2, '0')}`;
const d = (month: number, day: number) => `${m(month)}-${String(day).padStart(2, '0')}`;

beforeAll(async () => {
  t = await createTestContext();
  Y = Number(todayInChina(t.now()).slice(0, 4)) - 1;
  r = registry(t, { seqBase: 100 });
  await r.standard('living_subsidy', Y, STANDARD);
  const db = t.database.db;

  // Enrolled from January.
  p.g1 = await r.person({ grade: 1 });
  await r.enrol(p.g1, { year: Y, appliedOn: d(1, 10) });
  p.g2 = await r.person({ grade: 2, region: '341599102201' });
  await r.enrol(p.g2, { year: Y, appliedOn: d(1, 31) });
  p.g3 = await r.person({ grade: 3 }); // standard 0: never a line
  await r.enrol(p.g3, { year: Y, appliedOn: d(1, 10) });
  // Enrolled from March.
  p.march = await r.person({ grade: 4 });
  await r.enrol(p.march, { year: Y, appliedOn: d(3, 5) });
  // Died on 14 February: paid January and February, not March.
  p.dead = await r.person({ grade: 2 });
  await r.enrol(p.dead, { year: Y, appliedOn: d(1, 10) });
  // Moved out on 28 February: paid February, not March.
  p.moved = await r.person({ grade: 1, region: '341599102201' });
  await r.enrol(p.moved, { year: Y, appliedOn: d(1, 10) });
  // Died on 1 March: the effective date is not before March's first day, so March is still paid.
  p.deadMarch1 = await r.person({ grade: 4 });
  await r.enrol(p.deadMarch1, { year: Y, appliedOn: d(1, 10) });
  // Certificate valid until 15 February: February paid (valid on the 1st), March not.
  p.expired = await r.person({ grade: 2 });
  await r.enrol(p.expired, { year: Y, appliedOn: d(1, 10) });
  // Loses 低保 and has the certificate frozen before the March cycle.
  p.lostLowIncome = await r.person({ grade: 1 });
  await r.enrol(p.lostLowIncome, { year: Y, appliedOn: d(1, 10) });
  p.frozen = await r.person({ grade: 2 });
  await r.enrol(p.frozen, { year: Y, appliedOn: d(1, 10) });
  // Filed, never approved.
  p.submitted = await r.person({ grade: 1 });
  await r.enrol(p.submitted, { year: Y, appliedOn: d(1, 10), approve: false });
  // Another county.
  p.elsewhere = await r.person({ grade: 1, region: '341598101000' });
  await r.enrol(p.elsewhere, { year: Y, appliedOn: d(1, 10), as: 'otherOfficer' });
  // Approved late: not enrolled until after the February cycle, then found to have applied in January.
  p.late = await r.person({ grade: 1 });
  p.lateApplication = await r.enrol(p.late, { year: Y });

  for (const [id, status, date] of [
    [p.dead, 'deceased', d(2, 14)],
    [p.moved, 'moved_out', d(2, 28)],
    [p.deadMarch1, 'deceased', d(3, 1)],
  ] as const) {
    const res = await r.call('officer', 'POST', `/api/persons/${id}/status`, { status, effectiveDate: date });
    expect(res.statusCode, res.body).toBe(200);
  }
  await db.execute(sql`update persons set cert_valid_until = ${d(2, 15)} where id = ${p.expired}`);
  await db.execute(
    sql`update persons set bank_name = '农商银行', bank_account = '6228480012345678901' where id = ${p.g1}`,
  );
}, 120_000);
afterAll(() => t.close());

const JAN_FEB = ['g1', 'g2', 'dead', 'moved', 'deadMarch1', 'expired', 'lostLowIncome', 'frozen'];
const AMOUNT: Record<string, number> = {
  g1: 10_000,
  g2: 8_000,
  dead: 8_000,
  moved: 10_000,
  deadMarch1: 5_000,
  expired: 8_000,
  lostLowIncome: 10_000,
  frozen: 8_000,
  march: 5_000,
  late: 10_000,
};
const sum = (keys: string[]) => keys.reduce((s, k) => s + AMOUNT[k]!, 0);
const cycleIds: Record<string, string> = {};

describe('monthly subsidy cycles', () => {
  it('January: one regular line per entitled person, amounts by grade, snapshot of payee and account', async () => {
    const cycle = await r.generated('officer', { programCode: 'living_subsidy', period: m(1) });
    cycleIds.jan = cycle.id;
    expect(cycle).toMatchObject({
      programCode: 'living_subsidy',
      period: m(1),
      status: 'draft',
      kind: 'monthly',
      regionCode: '341599000000',
      count: JAN_FEB.length,
      totalCents: sum(JAN_FEB),
    });
    const lines = await r.lines(cycle.id);
    expect(lines.map((l) => l.person_id).sort()).toEqual(JAN_FEB.map((k) => p[k]).sort());
    expect(lines.every((l) => l.kind === 'regular' && l.period === m(1) && l.status === 'pending')).toBe(true);
    for (const l of lines) expect(l.amount_cents).toBe(AMOUNT[JAN_FEB.find((k) => p[k] === l.person_id)!]);
    const res = await r.call('officer', 'GET', `/api/cycles/${cycle.id}/entitlements?q=${encodeURIComponent('发放1')}`);
    const mine = res.json().items.find((i: { personId: string }) => i.personId === p.g1);
    expect(mine).toMatchObject({
      bankAccount: '6228***********8901',
      bankName: '农商银行',
      grade: 1,
      amountCents: 10_000,
    });
  });

  it('refuses a second run for the same programme, period and region (409 CYCLE_EXISTS), writing nothing', async () => {
    const again = await r.generate('finance', { programCode: 'living_subsidy', period: m(1) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CYCLE_EXISTS');
    const [row] = rowsOf<{ n: number; cycles: number }>(
      await t.database.db.execute(sql`select (select count(*)::int from payment_lines where period = ${m(1)}) as n,
        (select count(*)::int from payment_cycles where period = ${m(1)}) as cycles`),
    );
    expect(row).toEqual({ n: JAN_FEB.length, cycles: 1 });
  });

  it('February: the dead and the moved are still paid (effective dates within February)', async () => {
    const cycle = await r.generated('officer', { programCode: 'living_subsidy', period: m(2) });
    cycleIds.feb = cycle.id;
    expect(cycle).toMatchObject({ count: JAN_FEB.length, totalCents: sum(JAN_FEB) });
  });

  it('March: the dead, moved, expired, frozen and no longer 低保 drop out; the late approval gets back-pay', async () => {
    await r.setAppliedOn(p.lateApplication!, d(1, 15));
    const patch = await r.call('officer', 'GET', `/api/persons/${p.lostLowIncome}`);
    const lost = await r.call('officer', 'PATCH', `/api/persons/${p.lostLowIncome}`, {
      version: patch.json().version,
      flags: { lowIncome: false, extremePoverty: false, povertyMonitored: false },
    });
    expect(lost.statusCode, lost.body).toBe(200);
    await t.database.db.execute(sql`update persons set cert_state = 'frozen' where id = ${p.frozen}`);

    const cycle = await r.generated('officer', { programCode: 'living_subsidy', period: m(3) });
    cycleIds.mar = cycle.id;
    const regular = ['g1', 'g2', 'march', 'deadMarch1', 'late'];
    expect(cycle.count).toBe(regular.length + 2);
    expect(cycle.totalCents).toBe(sum(regular) + 2 * AMOUNT.late!);
    const lines = await r.lines(cycle.id);
    expect(
      lines
        .filter((l) => l.person_id === p.late)
        .map((l) => [l.kind, l.period, l.amount_cents])
        .sort(),
    ).toEqual([
      ['back_pay', m(1), 10_000],
      ['back_pay', m(2), 10_000],
      ['regular', m(3), 10_000],
    ]);
    expect(
      lines
        .filter((l) => l.kind === 'regular')
        .map((l) => l.person_id)
        .sort(),
    ).toEqual(regular.map((k) => p[k]).sort());
  });

  it('lists the stopped payments of March with their reasons', async () => {
    const res = await r.call('officer', 'GET', `/api/cycles/${cycleIds.mar}/stopped`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const byPerson = Object.fromEntries(
      body.items.map((i: { personId: string; reason: string; reasonDate: string | null; details: string[] }) => [
        i.personId,
        i,
      ]),
    );
    expect(body.total).toBe(5);
    expect(byPerson[p.dead!]).toMatchObject({ reason: 'deceased', reasonDate: d(2, 14) });
    expect(byPerson[p.moved!]).toMatchObject({ reason: 'moved_out', reasonDate: d(2, 28) });
    expect(byPerson[p.expired!]).toMatchObject({ reason: 'certificate_expired', reasonDate: d(2, 15) });
    expect(byPerson[p.frozen!]).toMatchObject({ reason: 'certificate_frozen' });
    expect(byPerson[p.lostLowIncome!].reason).toBe('rule_not_met');
    expect(byPerson[p.lostLowIncome!].details.join()).toContain('低保');
    expect(body.byReason).toMatchObject({ deceased: 1, moved_out: 1, certificate_expired: 1 });
    const en = await t.call('officer', 'GET', `/api/cycles/${cycleIds.mar}/stopped`, undefined, {
      'accept-language': 'en',
    });
    expect(en.json().items.find((i: { personId: string }) => i.personId === p.dead).reasonText).toBe(
      `Deceased (${d(2, 14)})`,
    );
  });

  it('April: a death effective on 1 March stops April', async () => {
    const cycle = await r.generated('officer', { programCode: 'living_subsidy', period: m(4) });
    const ids = (await r.lines(cycle.id)).map((l) => l.person_id);
    expect(ids).not.toContain(p.deadMarch1);
    expect(ids.sort()).toEqual(['g1', 'g2', 'march', 'late'].map((k) => p[k]).sort());
  });

  it('runs two generations of the same month at once: one 201, one 409, no duplicate line', async () => {
    const [a, b] = await Promise.all([
      r.generate('officer', { programCode: 'living_subsidy', period: m(5) }),
      r.generate('finance', { programCode: 'living_subsidy', period: m(5) }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const [row] = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from payment_lines where period = ${m(5)} and status = 'pending'`,
      ),
    );
    expect(row!.n).toBe(4);
  });

  it('pays a township cycle, and the county cycle of the same month then pays only the rest', async () => {
    const township = await r.generated('officer', {
      programCode: 'living_subsidy',
      period: m(6),
      regionCode: '341599102000',
    });
    expect(township.count).toBe(1); // g2
    const county = await r.generated('officer', { programCode: 'living_subsidy', period: m(6) });
    expect(county.count).toBe(3);
    expect(township.totalCents + county.totalCents).toBe(sum(['g1', 'g2', 'march', 'late']));
  });

  it('refuses what is not a cash programme, a missing standard, a bad region or period', async () => {
    const inKind = await r.generate('officer', { programCode: 'assistive_device', period: m(1) });
    expect(inKind.statusCode).toBe(422);
    expect(inKind.json().error.code).toBe('NOT_A_CASH_PROGRAMME');
    const noStandard = await r.generate('officer', { programCode: 'nursing_subsidy', period: m(1) });
    expect(noStandard.statusCode).toBe(422);
    expect(noStandard.json().error.code).toBe('STANDARD_MISSING');
    expect(noStandard.json().error.message).toContain(String(Y));
    const village = await r.generate('officer', {
      programCode: 'living_subsidy',
      period: m(7),
      regionCode: '341599101201',
    });
    expect(village.statusCode).toBe(400);
    expect(village.json().error.fields).toHaveProperty('regionCode');
    const rootWithout = await r.generate('root', { programCode: 'living_subsidy', period: m(7) });
    expect(rootWithout.statusCode).toBe(400);
    expect((await r.generate('officer', { programCode: 'living_subsidy', period: `${Y}-13` })).statusCode).toBe(400);
    expect((await r.generate('officer', { programCode: 'no_such_programme', period: m(7) })).statusCode).toBe(404);
  });

  it('checks role and scope: 403 for roles that may not, 404 for another county or township', async () => {
    expect((await r.generate('township', { programCode: 'living_subsidy', period: m(7) })).statusCode).toBe(403);
    expect((await r.generate('auditor', { programCode: 'living_subsidy', period: m(7) })).statusCode).toBe(403);
    const other = await r.generate('officer', {
      programCode: 'living_subsidy',
      period: m(7),
      regionCode: '341598000000',
    });
    expect(other.statusCode).toBe(404);
    expect((await r.call('otherOfficer', 'GET', `/api/cycles/${cycleIds.jan}`)).statusCode).toBe(404);
    expect((await r.call('otherOfficer', 'GET', `/api/cycles/${cycleIds.jan}/entitlements`)).statusCode).toBe(404);
    expect((await r.act('otherOfficer', cycleIds.jan!, 'submit')).statusCode).toBe(404);
    const list = await r.call('otherOfficer', 'GET', '/api/cycles');
    expect(list.json().total).toBe(0);

    // A township officer sees the county's cycle but only its own township's lines, with full IDs.
    const seen = await r.call('township', 'GET', `/api/cycles/${cycleIds.jan}/entitlements`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items.every((i: { regionCode: string }) => i.regionCode.startsWith('341599101'))).toBe(true);
    expect(seen.json().totals.count).toBe(6);
    expect(seen.json().items[0].personIdNumber).not.toContain('*');
    const detail = (await r.call('township', 'GET', `/api/cycles/${cycleIds.jan}`)).json();
    expect(detail).toMatchObject({ linesScope: 'own_region', count: JAN_FEB.length });
    expect(detail.lines.count).toBe(6);
    // …and not another township's cycle.
    const [townshipCycle] = (await r.call('officer', 'GET', `/api/cycles?period=${m(6)}`))
      .json()
      .items.filter((c: { regionCode: string }) => c.regionCode === '341599102000');
    expect((await r.call('township', 'GET', `/api/cycles/${townshipCycle.id}`)).statusCode).toBe(404);
    expect((await r.call('township2', 'GET', `/api/cycles/${townshipCycle.id}`)).statusCode).toBe(200);
    // Finance sees masked ID numbers; everyone sees masked bank accounts.
    const masked = await r.call('finance', 'GET', `/api/cycles/${cycleIds.jan}/entitlements?pageSize=200`);
    expect(masked.json().items.every((i: { personIdNumber: string }) => i.personIdNumber.includes('*'))).toBe(true);
    expect(
      (await r.call('township', 'GET', `/api/cycles/${cycleIds.jan}/entitlements?regionCode=341599102000`)).statusCode,
    ).toBe(404);
  });

  it('filters entitlements and totals them', async () => {
    const all = await r.call('auditor', 'GET', `/api/cycles/${cycleIds.mar}/entitlements?pageSize=2`);
    expect(all.json()).toMatchObject({ total: 7, page: 1, pageSize: 2 });
    expect(all.json().items).toHaveLength(2);
    expect(all.json().totals).toEqual({
      count: 7,
      amountCents: sum(['g1', 'g2', 'march', 'deadMarch1', 'late']) + 20_000,
    });
    const backPay = await r.call('auditor', 'GET', `/api/cycles/${cycleIds.mar}/entitlements?kind=back_pay`);
    expect(backPay.json().totals).toEqual({ count: 2, amountCents: 20_000 });
    const township = await r.call('auditor', 'GET', `/api/cycles/${cycleIds.mar}/entitlements?regionCode=341599102000`);
    expect(township.json().totals).toEqual({ count: 1, amountCents: 8_000 });
  });

  it('lists cycles with filters, and shows one with its figures', async () => {
    const list = await r.call('auditor', 'GET', `/api/cycles?programCode=living_subsidy&year=${Y}&status=draft`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(7);
    expect(list.json().items[0]).toMatchObject({ programName: '困难残疾人生活补贴', status: 'draft' });
    const one = await r.call('auditor', 'GET', `/api/cycles?period=${m(3)}`);
    expect(one.json().items.map((c: { id: string }) => c.id)).toEqual([cycleIds.mar]);
    expect(one.json().items[0].createdByName).toBe('测试 officer');
    const detail = (await r.call('auditor', 'GET', `/api/cycles/${cycleIds.mar}`)).json();
    expect(detail).toMatchObject({
      linesScope: 'cycle',
      lines: { count: 7, byStatus: { pending: { count: 7 } }, byKind: { back_pay: { count: 2, amountCents: 20_000 } } },
      steps: { created: { userName: '测试 officer' }, submitted: null },
      allowedActions: [],
    });
  });
});

describe('maker-checker', () => {
  it('walks draft → submitted → approved → paid, approval by another user only', async () => {
    const id = cycleIds.jan!;
    expect((await r.act('officer', id, 'approve')).statusCode).toBe(403);
    expect((await r.act('finance', id, 'approve')).json().error.code).toBe('ILLEGAL_TRANSITION');
    expect((await r.act('auditor', id, 'submit')).statusCode).toBe(403);
    expect((await r.act('township', id, 'submit')).statusCode).toBe(403);
    const submitted = await r.act('officer', id, 'submit');
    expect(submitted.json()).toMatchObject({ status: 'submitted' });
    expect((await r.act('officer', id, 'submit')).statusCode).toBe(409);
    expect((await r.act('admin', id, 'mark_paid')).statusCode).toBe(409);
    expect((await r.act('finance', id, 'approve')).json()).toMatchObject({ status: 'approved' });
    const paid = await r.act('finance', id, 'mark_paid');
    expect(paid.json()).toMatchObject({ status: 'paid' });
    const lines = await r.lines(id);
    expect(lines.every((l) => l.status === 'paid')).toBe(true);
    expect((await r.act('admin', id, 'cancel', '错了')).statusCode).toBe(409);
    const detail = (await r.call('officer', 'GET', `/api/cycles/${id}`)).json();
    expect(detail.steps.approved.userName).toBe('测试 finance');
    expect(detail.lines.byStatus.paid.count).toBe(JAN_FEB.length);
    const audit = rowsOf<{ action: string }>(
      await t.database.db.execute(sql`select action from audit_log where entity_id = ${id} order by id`),
    );
    expect(audit.map((a) => a.action)).toEqual(['cycle.generate', 'cycle.submit', 'cycle.approve', 'cycle.mark_paid']);

    // Paid: the enrolling applications of the persons paid are completed (办结), with an event; the others are not.
    const statusOf = async (key: string) => {
      const [row] = rowsOf<{ status: string; events: number }>(
        await t.database.db.execute(sql`
          select a.status, (select count(*)::int from application_events e
            where e.application_id = a.id and e.action = 'complete') as events
          from applications a where a.person_id = ${p[key]!} and a.program_code = 'living_subsidy'`),
      );
      return row;
    };
    for (const key of JAN_FEB) expect(await statusOf(key), key).toEqual({ status: 'completed', events: 1 });
    for (const key of ['g3', 'march', 'late'])
      expect(await statusOf(key), key).toEqual({ status: 'approved', events: 0 });
    expect(await statusOf('submitted')).toMatchObject({ status: 'submitted' });
    const [markPaid] = rowsOf<{ details: { applicationsCompleted: number } }>(
      await t.database.db.execute(
        sql`select details from audit_log where entity_id = ${id} and action = 'cycle.mark_paid'`,
      ),
    );
    expect(markPaid!.details.applicationsCompleted).toBe(JAN_FEB.length);
  });

  it('refuses approval by the user who generated the cycle (409 SAME_USER)', async () => {
    const id = cycleIds.feb!;
    // Generated by the officer; a cycle generated by finance cannot be approved by finance.
    const mine = await r.generated('finance', { programCode: 'living_subsidy', period: m(8) });
    expect((await r.act('finance', mine.id, 'submit')).statusCode).toBe(200);
    const same = await r.act('finance', mine.id, 'approve');
    expect(same.statusCode).toBe(409);
    expect(same.json().error.code).toBe('SAME_USER');
    expect((await r.call('finance', 'GET', `/api/cycles/${mine.id}`)).json().allowedActions).toEqual(['cancel']);
    expect((await r.act('admin', mine.id, 'approve')).json().status).toBe('approved');
    expect((await r.act('officer', mine.id, 'cancel', '重新核对')).statusCode).toBe(403); // approved: a checker cancels
    expect((await r.act('officer', id, 'submit')).statusCode).toBe(200);
  });

  it('cancels with a reason, voiding the lines, and lets the month be generated again', async () => {
    const id = cycleIds.mar!;
    const noReason = await r.act('officer', id, 'cancel');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    expect((await r.act('officer', id, 'cancel', '标准有误')).json()).toMatchObject({ status: 'cancelled' });
    expect((await r.lines(id)).every((l) => l.status === 'void')).toBe(true);
    const again = await r.generated('officer', { programCode: 'living_subsidy', period: m(3) });
    expect(again.count).toBe(7);
    expect(again.id).not.toBe(id);
  });
});

describe("a person's payments (GET /api/persons/{id}/payments)", () => {
  it('lists every line of the person, newest period first, with paid and pending totals', async () => {
    const res = await r.call('officer', 'GET', `/api/persons/${p.g1}/payments?pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const raw = rowsOf<{ id: string | number; period: string; status: string; amount_cents: number }>(
      await t.database.db.execute(
        sql`select id, period, status, amount_cents from payment_lines where person_id = ${p.g1} order by period desc, id desc`,
      ),
    );
    expect(raw.length).toBeGreaterThan(3);
    expect(body.total).toBe(raw.length);
    expect(body.items.map((i: { id: number }) => i.id)).toEqual(raw.map((l) => Number(l.id)));
    const total = (status: string) =>
      raw.filter((l) => l.status === status).reduce((s, l) => s + Number(l.amount_cents), 0);
    expect(body.totals).toEqual({
      paidCents: total('paid'),
      pendingCents: total('pending'),
      failedCount: raw.filter((l) => l.status === 'failed').length,
    });
    const january = body.items.find((i: { period: string; cycleId: string }) => i.cycleId === cycleIds.jan);
    expect(january).toMatchObject({
      period: m(1),
      programCode: 'living_subsidy',
      programName: '困难残疾人生活补贴',
      kind: 'regular',
      status: 'paid',
      cycleStatus: 'paid',
      amountCents: 10_000,
    });
    expect(body.items.some((i: { bankAccount: string | null }) => i.bankAccount?.includes('*'))).toBe(true);
    expect(JSON.stringify(body)).not.toContain('6228480012345678901');
    const en = await t.call('officer', 'GET', `/api/persons/${p.g1}/payments`, undefined, { 'accept-language': 'en' });
    expect(en.json().items[0].programName).toMatch(/living/i);
    const paged = (await r.call('officer', 'GET', `/api/persons/${p.g1}/payments?pageSize=2&page=2`)).json();
    expect(paged.items.map((i: { id: number }) => i.id)).toEqual(raw.slice(2, 4).map((l) => Number(l.id)));
  });

  it('refuses roles without payments.read, and persons outside the scope (404)', async () => {
    const village = await r.call('village', 'GET', `/api/persons/${p.g1}/payments`);
    expect(village.statusCode).toBe(403);
    expect((await r.call('township', 'GET', `/api/persons/${p.g1}/payments`)).statusCode).toBe(200);
    expect((await r.call('township2', 'GET', `/api/persons/${p.g1}/payments`)).statusCode).toBe(404);
    expect((await r.call('otherOfficer', 'GET', `/api/persons/${p.g1}/payments`)).statusCode).toBe(404);
    const missing = await r.call('officer', 'GET', '/api/persons/00000000-0000-4000-8000-000000000000/payments');
    expect(missing.statusCode).toBe(404);
    expect((await r.call('officer', 'GET', `/api/persons/not-a-uuid/payments`)).statusCode).toBe(400);
  });
});

describe('budget', () => {
  it('refuses a cycle that takes the year above its budget, unless an admin overrides with a reason', async () => {
    // Committed so far in Y: every pending or paid line of live cycles.
    const before = (await r.call('officer', 'GET', `/api/budgets?year=${Y}`)).json();
    const living = before.find((b: { programCode: string }) => b.programCode === 'living_subsidy');
    expect(living).toMatchObject({ budgetCents: null, executionRate: null });
    expect(living.paidCents).toBe(sum(JAN_FEB));
    const committed = living.committedCents as number;
    const budget = await r.call('officer', 'PUT', `/api/programs/living_subsidy/budgets/${Y}`, {
      budgetCents: committed + 10_000,
    });
    expect(budget.statusCode, budget.body).toBe(200);

    const refused = await r.generate('officer', { programCode: 'living_subsidy', period: m(9) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'BUDGET_EXCEEDED', committedCents: committed });
    expect(refused.json().error.message).toContain('超出');
    const officerOverride = await r.generate('officer', {
      programCode: 'living_subsidy',
      period: m(9),
      budgetOverrideReason: '追加预算已批',
    });
    expect(officerOverride.statusCode).toBe(422);
    const [nothing] = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from payment_cycles where period = ${m(9)}`),
    );
    expect(nothing!.n).toBe(0);

    const overridden = await r.generated('admin', {
      programCode: 'living_subsidy',
      period: m(9),
      budgetOverrideReason: '追加预算已批',
    });
    const detail = (await r.call('officer', 'GET', `/api/cycles/${overridden.id}`)).json();
    expect(detail.budgetOverrideReason).toBe('追加预算已批');
    const [audit] = rowsOf<{ details: { budgetOverride: { reason: string } } }>(
      await t.database.db.execute(
        sql`select details from audit_log where entity_id = ${overridden.id} and action = 'cycle.generate'`,
      ),
    );
    expect(audit!.details.budgetOverride.reason).toBe('追加预算已批');

    const after = (await r.call('officer', 'GET', `/api/budgets?year=${Y}`)).json();
    const row = after.find((b: { programCode: string }) => b.programCode === 'living_subsidy');
    expect(row.committedCents).toBe(committed + overridden.totalCents);
    const rate = Math.floor((row.paidCents * 20_000 + row.budgetCents) / (2 * row.budgetCents)) / 100;
    expect(row.executionRate).toBe(rate);
    expect(after.some((b: { programCode: string }) => b.programCode === 'assistive_device')).toBe(false);
  });
});

describe('a failed generation', () => {
  it('leaves no cycle and no line behind', async () => {
    const db = t.database.db;
    await db.execute(sql`create function fail_generation() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash'; end $$`);
    await db.execute(sql`create trigger fail_generation after update of count on payment_cycles
      for each statement execute function fail_generation()`);
    try {
      const res = await r.generate('officer', { programCode: 'living_subsidy', period: m(10) });
      expect(res.statusCode).toBe(500);
    } finally {
      await db.execute(sql`drop trigger fail_generation on payment_cycles`);
      await db.execute(sql`drop function fail_generation()`);
    }
    const [row] = rowsOf<{ lines: number; cycles: number }>(
      await db.execute(sql`select (select count(*)::int from payment_lines where period = ${m(10)}) as lines,
        (select count(*)::int from payment_cycles where period = ${m(10)}) as cycles`),
    );
    expect(row).toEqual({ lines: 0, cycles: 0 });
    const retried = await r.generate('admin', {
      programCode: 'living_subsidy',
      period: m(10),
      budgetOverrideReason: '追加预算已批',
    });
    expect(retried.statusCode).toBe(201);
  });
});
