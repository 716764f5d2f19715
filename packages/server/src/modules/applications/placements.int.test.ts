import { makeCertificateNumber, makeIdNumber, todayInChina } from '@huican/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutions, users } from '../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';

let t: TestContext;
let year: number;
let today: string;
let centre: string;
let small: string;
let elsewhere: string;

beforeAll(async () => {
  t = await createTestContext();
  today = todayInChina(t.now());
  year = Number(today.slice(0, 4));
  const db = t.database.db;
  const created = await db
    .insert(institutions)
    .values([
      {
        name: '青禾县残疾儿童康复中心',
        kind: 'rehab_center',
        regionCode: '341599101000',
        countyCode: '341599',
        capacity: 30,
        programs: ['child_rehab', 'precise_rehab'],
      },
      {
        name: '小康复站',
        kind: 'rehab_center',
        regionCode: '341599102000',
        countyCode: '341599',
        capacity: 1,
        programs: ['child_rehab'],
      },
      {
        name: '邻县康复中心',
        kind: 'rehab_center',
        regionCode: '341598101000',
        countyCode: '341598',
        capacity: 10,
        programs: ['child_rehab'],
      },
    ])
    .returning({ id: institutions.id });
  [centre, small, elsewhere] = created.map((c) => c.id) as [string, string, string];
  await db.update(users).set({ institutionId: centre }).where(eq(users.username, 'institution'));
});
afterAll(() => t.close());
const call: TestContext['call'] = (...a) => t.call(...a);

let seq = 0;
/** A child of 4 with an intellectual disability, and an approved children's rehab application. */
async function approvedChildRehab() {
  seq++;
  const idNumber = makeIdNumber('341599', `${year - 4}-02-10`, 300 + seq * 2);
  const p = await call('officer', 'POST', '/api/persons', {
    name: `儿童${seq}`,
    idNumber,
    regionCode: '341599101201',
    certificate: { number: makeCertificateNumber(idNumber, 5, 2), issuedOn: `${year - 1}-06-01` },
  });
  expect(p.statusCode, p.body).toBe(201);
  const a = await call('township', 'POST', '/api/applications', {
    personId: p.json().id,
    programCode: 'child_rehab',
    year,
  });
  expect(a.statusCode, a.body).toBe(201);
  const id = a.json().id as string;
  expect((await call('officer', 'POST', `/api/applications/${id}/actions`, { action: 'approve' })).statusCode).toBe(
    200,
  );
  return id;
}

describe('placements and institution services', () => {
  it('places a child at a designated institution, which records services and completes the application', async () => {
    const id = await approvedChildRehab();
    // before placement the institution cannot see the application
    expect((await call('institution', 'GET', `/api/applications/${id}`)).statusCode).toBe(404);
    const placed = await call('officer', 'POST', `/api/applications/${id}/placement`, { institutionId: centre });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({ status: 'open', startedOn: today });
    expect(
      (await call('officer', 'POST', `/api/applications/${id}/placement`, { institutionId: centre })).statusCode,
    ).toBe(409);

    const mine = await call('institution', 'GET', '/api/applications');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    const service = await call('institution', 'POST', `/api/applications/${id}/services`, {
      kind: 'rehab_training',
      date: today,
    });
    expect(service.statusCode, service.body).toBe(201);
    expect(service.json()).toMatchObject({ provider: '青禾县残疾儿童康复中心', kind: 'rehab_training' });

    const done = await call('institution', 'POST', `/api/applications/${id}/actions`, { action: 'complete' });
    expect(done.json().status).toBe('completed');
    const detail = (await call('officer', 'GET', `/api/applications/${id}`)).json();
    expect(detail.placement).toMatchObject({
      status: 'closed',
      endedOn: today,
      institutionName: '青禾县残疾儿童康复中心',
    });
    const late = await call('institution', 'POST', `/api/applications/${id}/services`, {
      kind: 'rehab_training',
      date: today,
    });
    expect(late.statusCode).toBe(409);
  });

  it('keeps an institution to its own placements', async () => {
    const id = await approvedChildRehab();
    await call('officer', 'POST', `/api/applications/${id}/placement`, { institutionId: small });
    expect((await call('institution', 'GET', `/api/applications/${id}`)).statusCode).toBe(404);
    const res = await call('institution', 'POST', `/api/applications/${id}/services`, {
      kind: 'rehab_training',
      date: today,
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await call('institution', 'POST', `/api/applications/${id}/actions`, { action: 'complete' })).statusCode,
    ).toBe(404);
  });

  it('refuses a full, undesignated or out-of-scope institution, and a non-service programme', async () => {
    const full = await approvedChildRehab();
    const res = await call('officer', 'POST', `/api/applications/${full}/placement`, { institutionId: small });
    expect(res.json().error.code).toBe('INSTITUTION_FULL');
    expect(res.statusCode).toBe(422);
    const far = await call('officer', 'POST', `/api/applications/${full}/placement`, { institutionId: elsewhere });
    expect(far.statusCode).toBe(404);
    expect(
      (await call('township', 'POST', `/api/applications/${full}/placement`, { institutionId: centre })).statusCode,
    ).toBe(403);
    const idNumber = makeIdNumber('341599', '1970-01-01', 901);
    const adult = await call('officer', 'POST', '/api/persons', {
      name: '成人',
      idNumber,
      regionCode: '341599101201',
      flags: { lowIncome: true },
      certificate: { number: makeCertificateNumber(idNumber, 4, 1), issuedOn: '2020-01-01' },
    });
    const subsidy = await call('officer', 'POST', '/api/applications', {
      personId: adult.json().id,
      programCode: 'living_subsidy',
      year,
    });
    const wrong = await call('officer', 'POST', `/api/applications/${subsidy.json().id}/placement`, {
      institutionId: centre,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('NOT_A_SERVICE_PROGRAM');
  });
});
