import { makeCertificateNumber, makeIdNumber, todayInChina } from '@huican/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { institutions } from '../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';
import { addMonths } from './months.js';
import { registry } from './test-registry.js';

// Grants (one line per completed application, per household for household programmes, once a year) and
// institution settlements (advance on placement, the rest on completion), in the current year.

let t: TestContext;
let r: ReturnType<typeof registry>;
let year: number;
let period: string;
let centre: string;

beforeAll(async () => {
  t = await createTestContext({ env: { HUICAN_SETTLEMENT_ADVANCE_PERCENT: '40' } });
  const today = todayInChina(t.now());
  year = Number(today.slice(0, 4));
  period = today.slice(0, 7);
  r = registry(t, { seqBase: 300 });
  const [created] = await t.database.db
    .insert(institutions)
    .values({
      name: '青禾县残疾儿童康复中心',
      kind: 'rehab_center',
      regionCode: '341599101000',
      countyCode: '341599',
      capacity: 30,
      programs: ['child_rehab'],
    })
    .returning({ id: institutions.id });
  centre = created!.id;
}, 60_000);
afterAll(() => t.close());

describe('grants', () => {
  it('pays each completed application of the year once, nobody deceased before the period', async () => {
    await r.standard('psych_medication', year, { amountCents: 100_000 });
    const mental = { category: 6, grade: 2, flags: { lowIncome: true } };
    const completed = await r.person(mental);
    await r.enrol(completed, { program: 'psych_medication', year, complete: true });
    const approvedOnly = await r.person(mental);
    await r.enrol(approvedOnly, { program: 'psych_medication', year });
    const dead = await r.person(mental);
    await r.enrol(dead, { program: 'psych_medication', year, complete: true });
    const died = await r.call('officer', 'POST', `/api/persons/${dead}/status`, {
      status: 'deceased',
      effectiveDate: `${year - 1}-12-31`,
    });
    expect(died.statusCode, died.body).toBe(200);
    await t.database.db.execute(
      sql`update persons set bank_name = '农商银行', bank_account = '6228480099998888777' where id = ${completed}`,
    );

    const cycle = await r.generated('officer', { programCode: 'psych_medication', period });
    expect(cycle).toMatchObject({ kind: 'grant', count: 1, totalCents: 100_000 });
    const [line] = await r.lines(cycle.id);
    expect(line).toMatchObject({ person_id: completed, kind: 'grant', amount_cents: 100_000, payee_name: '发放1' });
    expect(line!.application_id).not.toBeNull();

    // The same year again, in another month: nothing left to pay.
    const other = addMonths(period, period.endsWith('-01') ? 1 : -1);
    const next = await r.generated('officer', { programCode: 'psych_medication', period: other });
    expect(next.count).toBe(0);
    const again = await r.generate('officer', { programCode: 'psych_medication', period });
    expect(again.statusCode).toBe(409);
  });

  it('pays a household programme once per household', async () => {
    await r.standard('home_modification', year, { amountCents: 600_000 });
    const head = await r.person({ grade: 1 });
    const member = await r.person({ grade: 2 });
    const household = await r.call('officer', 'POST', '/api/households', {
      regionCode: '341599101201',
      members: [
        { personId: head, relation: 'head' },
        { personId: member, relation: 'spouse' },
      ],
    });
    expect(household.statusCode, household.body).toBe(201);
    await r.enrol(head, { program: 'home_modification', year, complete: true });
    const second = await r.call('officer', 'POST', '/api/applications', {
      personId: member,
      programCode: 'home_modification',
      year,
    });
    expect(second.statusCode).toBe(409); // one application per household and year
    const cycle = await r.generated('officer', { programCode: 'home_modification', period });
    expect(cycle).toMatchObject({ count: 1, totalCents: 600_000 });
    const [line] = rowsOf<{ household_id: string | null }>(
      await t.database.db.execute(sql`select household_id from payment_lines where cycle_id = ${cycle.id}`),
    );
    expect(line!.household_id).toBe(household.json().id);
  });
});

describe('institution settlements', () => {
  let seq = 0;
  /** A child of 4 with an approved children's rehab application, placed at the centre. */
  async function placedChild(): Promise<string> {
    seq++;
    const idNumber = makeIdNumber('341599', `${year - 4}-03-${String(seq).padStart(2, '0')}`, 500 + seq * 2);
    const p = await r.call('officer', 'POST', '/api/persons', {
      name: `儿童${seq}`,
      idNumber,
      regionCode: '341599101201',
      certificate: { number: makeCertificateNumber(idNumber, 5, 2), issuedOn: `${year - 1}-06-01` },
    });
    expect(p.statusCode, p.body).toBe(201);
    const applicationId = await r.enrol(p.json().id, { program: 'child_rehab', year });
    const placed = await r.call('officer', 'POST', `/api/applications/${applicationId}/placement`, {
      institutionId: centre,
    });
    expect(placed.statusCode, placed.body).toBe(201);
    return applicationId;
  }
  const complete = async (applicationId: string) => {
    const res = await r.call('officer', 'POST', `/api/applications/${applicationId}/actions`, { action: 'complete' });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('pays the institution an advance, then the rest on completion', async () => {
    const first = await r.generate('officer', { programCode: 'child_rehab', period: addMonths(period, -3) });
    expect(first.statusCode).toBe(201);
    expect(first.json().count).toBe(0);

    const a = await placedChild();
    const b = await placedChild();
    // Needs the year's amount.
    const missing = await r.generate('officer', { programCode: 'child_rehab', period: addMonths(period, -2) });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe('STANDARD_MISSING');
    await r.standard('child_rehab', year, { amountCents: 1_000_005 });

    // 40 % in advance (HUICAN_SETTLEMENT_ADVANCE_PERCENT), half-up to the fen: 400,002.
    const advance = await r.generated('officer', { programCode: 'child_rehab', period: addMonths(period, -2) });
    expect(advance).toMatchObject({ kind: 'settlement', count: 2, totalCents: 2 * 400_002 });
    const lines = await r.lines(advance.id);
    expect(lines.every((l) => l.kind === 'advance' && l.payee_name === '青禾县残疾儿童康复中心')).toBe(true);
    expect(lines.every((l) => l.institution_id === centre)).toBe(true);
    expect(lines.map((l) => l.application_id).sort()).toEqual([a, b].sort());

    // A placement completed before any advance: the final line is the whole amount.
    const c = await placedChild();
    await complete(c);
    // a is completed while its advance is still pending: its final line waits for the advance to be paid.
    await complete(a);
    const waiting = await r.generated('officer', { programCode: 'child_rehab', period: addMonths(period, -1) });
    expect(waiting.count).toBe(1);
    expect((await r.lines(waiting.id))[0]).toMatchObject({ kind: 'final', amount_cents: 1_000_005, application_id: c });

    for (const action of ['submit', 'approve', 'mark_paid']) {
      const res = await r.act(action === 'submit' ? 'officer' : 'finance', advance.id, action);
      expect(res.statusCode, res.body).toBe(200);
    }
    const final = await r.generated('officer', { programCode: 'child_rehab', period });
    expect(final.count).toBe(1);
    expect((await r.lines(final.id))[0]).toMatchObject({ kind: 'final', amount_cents: 600_003, application_id: a });
    const [placement] = rowsOf<{ person_id: string }>(
      await t.database.db.execute(sql`select person_id from placements where application_id = ${a}`),
    );
    expect((await r.lines(final.id))[0]!.person_id).toBe(placement!.person_id);
  });

  it('refuses settlements to roles that may not generate, and the institution user sees no cycles', async () => {
    expect((await r.generate('township', { programCode: 'child_rehab', period })).statusCode).toBe(403);
    expect((await r.generate('institution', { programCode: 'child_rehab', period })).statusCode).toBe(403);
    expect((await r.call('institution', 'GET', '/api/cycles')).statusCode).toBe(403);
    const [row] = await t.database.db.select().from(institutions).where(eq(institutions.id, centre));
    expect(row?.name).toBe('青禾县残疾儿童康复中心');
  });
});
