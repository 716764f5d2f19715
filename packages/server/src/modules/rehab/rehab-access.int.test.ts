import { makeCertificateNumber, makeIdNumber } from '@huican/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureUser } from '../../test-support/index.js';
import { createRehabFixture, type RehabFixture } from './rehab-test-fixture.js';

let f: RehabFixture;
let personId: string;
let planId: string;
beforeAll(async () => {
  f = await createRehabFixture();
  // a person of township 101 with an assessment and an active plan, neither at an institution
  personId = await f.person('341599101201');
  const a = await f.call('officer', 'POST', `/api/persons/${personId}/rehab/assessments`, assessment());
  expect(a.statusCode, a.body).toBe(201);
  const p = await f.call('officer', 'POST', `/api/persons/${personId}/rehab/plans`, plan());
  expect(p.statusCode, p.body).toBe(201);
  planId = p.json().id;
});
afterAll(() => f.t.close());

const assessment = (o: Record<string, unknown> = {}) => ({
  year: f.year,
  place: 'home',
  assessedOn: f.today,
  assessor: '李医生',
  needs: ['rehab_training'],
  ...o,
});
const plan = (o: Record<string, unknown> = {}) => ({
  year: f.year,
  agreementSignedOn: `${f.year}-01-01`,
  startsOn: `${f.year}-01-01`,
  endsOn: `${f.year}-12-31`,
  goals: '提高生活自理能力',
  services: [{ kind: 'rehab_training', sessions: 10 }],
  ...o,
});

/** Every endpoint, as a user, against the fixture person and plan. */
const endpoints = () => [
  { method: 'POST' as const, url: `/api/persons/${personId}/rehab/assessments`, body: assessment(), write: true },
  { method: 'GET' as const, url: `/api/persons/${personId}/rehab`, body: undefined, write: false },
  { method: 'POST' as const, url: `/api/persons/${personId}/rehab/plans`, body: plan(), write: true },
  { method: 'PATCH' as const, url: `/api/rehab/plans/${planId}`, body: { version: 1, goals: '新目标' }, write: true },
  {
    method: 'POST' as const,
    url: `/api/rehab/plans/${planId}/services`,
    body: { kind: 'rehab_training', date: f.today },
    write: true,
  },
];

describe('who may do what', () => {
  it('answers 401 to anonymous callers', async () => {
    for (const e of [...endpoints(), { method: 'GET' as const, url: '/api/rehab/plans', body: undefined }]) {
      const res = await f.call(null, e.method, e.url, e.body);
      expect(res.statusCode, `${e.method} ${e.url}`).toBe(401);
    }
  });

  it('answers 403 to roles without the permission (finance; auditor and village writing)', async () => {
    for (const e of endpoints()) {
      expect((await f.call('finance', e.method, e.url, e.body)).statusCode, `finance ${e.url}`).toBe(403);
      for (const who of ['auditor', 'village'] as FixtureUser[]) {
        const res = await f.call(who, e.method, e.url, e.body);
        expect(res.statusCode, `${who} ${e.method} ${e.url}`).toBe(e.write ? 403 : 200);
      }
    }
    expect((await f.call('finance', 'GET', '/api/rehab/plans')).statusCode).toBe(403);
    expect((await f.call('auditor', 'GET', '/api/rehab/plans')).statusCode).toBe(200);
  });

  it('answers 404 outside the caller’s township or county', async () => {
    for (const who of ['township2', 'otherOfficer'] as FixtureUser[]) {
      for (const e of endpoints()) {
        const res = await f.call(who, e.method, e.url, e.body);
        expect(res.statusCode, `${who} ${e.method} ${e.url}`).toBe(404);
        expect(res.json().error.code).toMatch(/^(PERSON|REHAB_PLAN)_NOT_FOUND$/);
      }
      const list = await f.call(who, 'GET', '/api/rehab/plans');
      expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(planId);
    }
    expect((await f.call('township2', 'GET', '/api/rehab/plans?regionCode=341599101000')).statusCode).toBe(404);
    // a township user's own records still work
    const mine = await f.call('township', 'GET', `/api/rehab/plans?regionCode=341599101000`);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(planId);
  });

  it('refuses institutions out of scope or not designated for precise rehabilitation', async () => {
    const far = await f.call(
      'officer',
      'POST',
      `/api/persons/${personId}/rehab/assessments`,
      assessment({ place: 'institution', institutionId: f.elsewhere }),
    );
    expect(far.statusCode).toBe(404);
    expect(far.json().error.code).toBe('INSTITUTION_NOT_FOUND');
    const undesignated = await f.call(
      'officer',
      'POST',
      `/api/persons/${personId}/rehab/plans`,
      plan({ institutionId: f.undesignated }),
    );
    expect(undesignated.statusCode).toBe(422);
    expect(undesignated.json().error.code).toBe('INSTITUTION_NOT_DESIGNATED');
  });
});

describe('institution users', () => {
  it('reach only persons assessed at or placed with their institution, and their own plans', async () => {
    // not linked yet: as if the person did not exist
    for (const e of endpoints()) {
      const res = await f.call('institution', e.method, e.url, e.body);
      expect(res.statusCode, `${e.method} ${e.url}`).toBe(404);
    }
    const assessed = await f.call(
      'officer',
      'POST',
      `/api/persons/${personId}/rehab/assessments`,
      assessment({ place: 'institution', institutionId: f.centre, needs: ['assistive_device'] }),
    );
    expect(assessed.statusCode, assessed.body).toBe(201);

    const view = await f.call('institution', 'GET', `/api/persons/${personId}/rehab`);
    expect(view.statusCode, view.body).toBe(200);
    // its own part only: the home assessment and the county's plan are not shown
    expect(view.json().assessments.map((a: { id: string }) => a.id)).toEqual([assessed.json().id]);
    expect(view.json().plans).toEqual([]);

    const naming = await f.call(
      'institution',
      'POST',
      `/api/persons/${personId}/rehab/plans`,
      plan({ institutionId: f.other }),
    );
    expect(naming.statusCode).toBe(400);
    expect(naming.json().error.fields.institutionId).toBeTruthy();
    const created = await f.call(
      'institution',
      'POST',
      `/api/persons/${personId}/rehab/plans`,
      plan({ services: [{ kind: 'assistive_device', sessions: 1 }] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ institutionId: f.centre, institutionName: '青禾县康复中心' });
    const own = created.json().id as string;
    const service = await f.call('institution', 'POST', `/api/rehab/plans/${own}/services`, {
      kind: 'assistive_device',
      date: f.today,
    });
    expect(service.statusCode, service.body).toBe(201);
    expect(service.json()).toMatchObject({ institutionId: f.centre, provider: '青禾县康复中心', planId: own });

    // the county's plan for the same person stays another's
    expect((await f.call('institution', 'PATCH', `/api/rehab/plans/${planId}`, { version: 1 })).statusCode).toBe(404);
    const refused = await f.call('institution', 'POST', `/api/rehab/plans/${planId}/services`, {
      kind: 'rehab_training',
      date: f.today,
    });
    expect(refused.statusCode).toBe(404);
    const list = await f.call('institution', 'GET', `/api/rehab/plans?year=${f.year}`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([own]);
    expect(list.json().items[0].personIdNumber).toContain('*');
    const done = await f.call('institution', 'PATCH', `/api/rehab/plans/${own}`, { version: 1, status: 'completed' });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('may assess a person placed with their institution', async () => {
    const idNumber = makeIdNumber('341599', `${f.year - 4}-02-10`, 777);
    const child = await f.call('officer', 'POST', '/api/persons', {
      name: '儿童',
      idNumber,
      regionCode: '341599101201',
      certificate: { number: makeCertificateNumber(idNumber, 5, 2), issuedOn: `${f.year - 1}-06-01` },
    });
    const id = child.json().id as string;
    const before = await f.call('institution', 'POST', `/api/persons/${id}/rehab/assessments`, assessment());
    expect(before.statusCode).toBe(404);
    const app = await f.call('township', 'POST', '/api/applications', {
      personId: id,
      programCode: 'child_rehab',
      year: f.year,
    });
    expect(app.statusCode, app.body).toBe(201);
    const appId = app.json().id as string;
    await f.call('officer', 'POST', `/api/applications/${appId}/actions`, { action: 'approve' });
    const placed = await f.call('officer', 'POST', `/api/applications/${appId}/placement`, { institutionId: f.centre });
    expect(placed.statusCode, placed.body).toBe(201);
    const res = await f.call(
      'institution',
      'POST',
      `/api/persons/${id}/rehab/assessments`,
      assessment({ place: 'institution' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ place: 'institution', institutionId: f.centre });
  });
});
