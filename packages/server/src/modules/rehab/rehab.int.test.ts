import { REHAB_NEED_KINDS } from '@huican/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createRehabFixture, type RehabFixture } from './rehab-test-fixture.js';

let f: RehabFixture;
beforeAll(async () => {
  f = await createRehabFixture();
});
afterAll(() => f.t.close());

const assessment = (o: Record<string, unknown> = {}) => ({
  year: f.year,
  place: 'home',
  assessedOn: f.today,
  assessor: '李医生',
  needs: ['rehab_training', 'assistive_device'],
  ...o,
});
const plan = (o: Record<string, unknown> = {}) => ({
  year: f.year,
  agreementSignedOn: `${f.year}-01-01`,
  startsOn: `${f.year}-01-01`,
  endsOn: `${f.year}-12-31`,
  goals: '提高站立平衡能力',
  services: [
    { kind: 'rehab_training', sessions: 3, provider: '康复师王' },
    { kind: 'assistive_device', sessions: 1 },
  ],
  ...o,
});

/**
 * The glossary's two rates for one person and year, straight from the tables: has a rehabilitation
 * (device) need in the year's needs record, and received a rehabilitation (device) service that year.
 */
async function ratesOf(personId: string, year: number) {
  const rehabKinds = sql`array[${sql.join(
    REHAB_NEED_KINDS.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;
  const [row] = rowsOf<{ needs_rehab: number; served_rehab: number; needs_device: number; fitted: number }>(
    await f.t.database.db.execute(sql`
      select
        count(*) filter (where s.needs && ${rehabKinds})::int as needs_rehab,
        count(*) filter (where s.needs && ${rehabKinds} and exists (select 1 from person_services ps
          where ps.person_id = s.person_id and ps.year = s.year and ps.kind = any(${rehabKinds})))::int as served_rehab,
        count(*) filter (where 'assistive_device' = any(s.needs))::int as needs_device,
        count(*) filter (where 'assistive_device' = any(s.needs) and exists (select 1 from person_services ps
          where ps.person_id = s.person_id and ps.year = s.year and ps.kind = 'assistive_device'))::int as fitted
      from need_surveys s
      where s.person_id = ${personId} and s.year = ${year}`),
  );
  return row!;
}

describe('precise rehabilitation', () => {
  it('records an assessment whose needs join the year’s needs record', async () => {
    const id = await f.person();
    const survey = await f.call('township', 'POST', `/api/persons/${id}/needs`, {
      year: f.year,
      kinds: ['nursing', 'rehab_training'],
      surveyedOn: `${f.year}-01-01`,
    });
    expect(survey.statusCode, survey.body).toBe(201);
    const res = await f.call(
      'officer',
      'POST',
      `/api/persons/${id}/rehab/assessments`,
      assessment({ devices: [{ code: '120606', name: '轮椅' }], note: '上门评估' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      personId: id,
      place: 'home',
      needs: ['rehab_training', 'assistive_device'],
      devices: [{ code: '120606', name: '轮椅' }],
      yearNeeds: ['nursing', 'rehab_training', 'assistive_device'],
    });
    const needs = (await f.call('officer', 'GET', `/api/persons/${id}/needs`)).json();
    expect(needs).toEqual([
      expect.objectContaining({
        year: f.year,
        method: 'home_visit',
        surveyedOn: `${f.year}-01-01`,
        needs: ['nursing', 'rehab_training', 'assistive_device'],
      }),
    ]);
  });

  it('creates the needs record of the year when missing, once however many assessments', async () => {
    const id = await f.person();
    const first = await f.call(
      'officer',
      'POST',
      `/api/persons/${id}/rehab/assessments`,
      assessment({ place: 'institution', institutionId: f.centre, needs: ['medication'] }),
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ institutionId: f.centre, yearNeeds: ['medication'] });
    const [again, parallel] = await Promise.all([
      f.call(
        'township',
        'POST',
        `/api/persons/${id}/rehab/assessments`,
        assessment({ needs: ['medication', 'nursing'] }),
      ),
      f.call('admin', 'POST', `/api/persons/${id}/rehab/assessments`, assessment({ needs: ['supportive_service'] })),
    ]);
    expect(again.statusCode, again.body).toBe(201);
    expect(parallel.statusCode, parallel.body).toBe(201);
    const needs = (await f.call('officer', 'GET', `/api/persons/${id}/needs`)).json();
    expect(needs).toHaveLength(1);
    expect(needs[0].method).toBe('other');
    expect([...needs[0].needs].sort()).toEqual(['medication', 'nursing', 'supportive_service']);
  });

  it('makes a plan, records services under it and reports progress', async () => {
    const id = await f.person();
    const a = (await f.call('officer', 'POST', `/api/persons/${id}/rehab/assessments`, assessment())).json();
    const created = await f.call(
      'township',
      'POST',
      `/api/persons/${id}/rehab/plans`,
      plan({ assessmentId: a.id, institutionId: f.centre }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({
      personId: id,
      assessmentId: a.id,
      institutionId: f.centre,
      institutionName: '青禾县康复中心',
      status: 'active',
      version: 1,
      progress: { planned: 4, delivered: 0, percent: 0 },
    });
    for (let i = 0; i < 4; i++) {
      const s = await f.call('township', 'POST', `/api/rehab/plans/${p.id}/services`, {
        kind: 'rehab_training',
        date: f.today,
      });
      expect(s.statusCode, s.body).toBe(201);
      expect(s.json()).toMatchObject({
        planId: p.id,
        kind: 'rehab_training',
        provider: '康复师王',
        institutionId: null,
      });
    }
    const detail = await f.call('village', 'GET', `/api/persons/${id}/rehab?year=${f.year}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json();
    expect(body.assessments.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(body.services).toHaveLength(4);
    expect(body.plans[0].services).toEqual([
      { kind: 'rehab_training', sessions: 3, provider: '康复师王', delivered: 4 },
      { kind: 'assistive_device', sessions: 1, provider: null, delivered: 0 },
    ]);
    // the fourth training session does not stand in for the missing device
    expect(body.plans[0].progress).toEqual({ planned: 4, delivered: 3, percent: 75 });

    const list = await f.call(
      'officer',
      'GET',
      `/api/rehab/plans?year=${f.year}&regionCode=341599101000&status=active`,
    );
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((x: { id: string }) => x.id === p.id);
    expect(item).toMatchObject({
      personId: id,
      personName: expect.stringMatching(/^康复/),
      regionName: '王庄村',
      institutionName: '青禾县康复中心',
      progress: { planned: 4, delivered: 3, percent: 75 },
    });
    expect(item.personIdNumber).toMatch(/^\d{17}[\dX]$/);
    const masked = (await f.call('auditor', 'GET', `/api/rehab/plans?year=${f.year}`)).json();
    expect(masked.items.find((x: { id: string }) => x.id === p.id).personIdNumber).toContain('*');
    const other = (await f.call('officer', 'GET', '/api/rehab/plans?regionCode=341599102000')).json();
    expect(other.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
  });

  it('counts a person assessed and served as served by both rates', async () => {
    const id = await f.person();
    await f.call('officer', 'POST', `/api/persons/${id}/rehab/assessments`, assessment());
    expect(await ratesOf(id, f.year)).toEqual({ needs_rehab: 1, served_rehab: 0, needs_device: 1, fitted: 0 });
    const p = (await f.call('officer', 'POST', `/api/persons/${id}/rehab/plans`, plan())).json();
    await f.call('officer', 'POST', `/api/rehab/plans/${p.id}/services`, { kind: 'rehab_training', date: f.today });
    expect(await ratesOf(id, f.year)).toEqual({ needs_rehab: 1, served_rehab: 1, needs_device: 1, fitted: 0 });
    await f.call('officer', 'POST', `/api/rehab/plans/${p.id}/services`, { kind: 'assistive_device', date: f.today });
    expect(await ratesOf(id, f.year)).toEqual({ needs_rehab: 1, served_rehab: 1, needs_device: 1, fitted: 1 });
  });

  it('edits a plan with its version and closes it for good', async () => {
    const id = await f.person();
    const p = (await f.call('officer', 'POST', `/api/persons/${id}/rehab/plans`, plan())).json();
    await f.call('officer', 'POST', `/api/rehab/plans/${p.id}/services`, { kind: 'assistive_device', date: f.today });
    const edited = await f.call('township', 'PATCH', `/api/rehab/plans/${p.id}`, {
      version: 1,
      goals: '独立行走 10 米',
      services: [
        { kind: 'assistive_device', sessions: 1 },
        { kind: 'medication', sessions: 12 },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      version: 2,
      goals: '独立行走 10 米',
      progress: { planned: 13, delivered: 1 },
    });
    const stale = await f.call('officer', 'PATCH', `/api/rehab/plans/${p.id}`, { version: 1, goals: '旧' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const dropDelivered = await f.call('officer', 'PATCH', `/api/rehab/plans/${p.id}`, {
      version: 2,
      services: [{ kind: 'medication', sessions: 12 }],
    });
    expect(dropDelivered.statusCode).toBe(400);
    expect(dropDelivered.json().error.fields.services).toContain('assistive_device');
    const endsEarly = await f.call('officer', 'PATCH', `/api/rehab/plans/${p.id}`, {
      version: 2,
      endsOn: `${f.year}-01-01`,
    });
    if (f.today > `${f.year}-01-01`) {
      expect(endsEarly.statusCode).toBe(400);
      expect(endsEarly.json().error.fields.endsOn).toContain(f.today);
    }
    const version = (await f.call('officer', 'GET', `/api/persons/${id}/rehab`)).json().plans[0].version;
    const done = await f.call('officer', 'PATCH', `/api/rehab/plans/${p.id}`, { version, status: 'completed' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');
    const late = await f.call('officer', 'POST', `/api/rehab/plans/${p.id}/services`, {
      kind: 'medication',
      date: f.today,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REHAB_PLAN_CLOSED');
    const reopen = await f.call('officer', 'PATCH', `/api/rehab/plans/${p.id}`, {
      version: version + 1,
      goals: '再来',
    });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.code).toBe('REHAB_PLAN_CLOSED');
  });

  it('refuses bad input with fields, in Chinese by default and in English when asked', async () => {
    const id = await f.person();
    const future = `${f.year + 1}-01-01`;
    const a1 = await f.call(
      'officer',
      'POST',
      `/api/persons/${id}/rehab/assessments`,
      assessment({ assessedOn: future }),
    );
    expect(a1.statusCode).toBe(400);
    expect(a1.json().error.fields.assessedOn).toBe('日期不能晚于今天');
    const a2 = await f.call(
      'officer',
      'POST',
      `/api/persons/${id}/rehab/assessments`,
      assessment({ year: f.year - 1, place: 'institution' }),
    );
    expect(a2.statusCode).toBe(400);
    expect(a2.json().error.fields).toEqual({ assessedOn: '日期不在所填年度内', institutionId: '必填' });
    const a3 = await f.call(
      'officer',
      'POST',
      `/api/persons/${id}/rehab/assessments`,
      assessment({ needs: ['flying'], place: 'garden', assessor: '' }),
    );
    expect(a3.statusCode).toBe(400);
    expect(Object.keys(a3.json().error.fields).sort()).toEqual(['assessor', 'needs.0', 'place']);
    const en = await f.call(
      'officer',
      'POST',
      `/api/persons/${id}/rehab/assessments`,
      assessment({ assessedOn: future }),
      { 'accept-language': 'en' },
    );
    expect(en.json().error).toMatchObject({
      code: 'VALIDATION',
      message: 'Invalid input: check the fields marked',
      fields: { assessedOn: 'The date cannot be in the future' },
    });

    const p1 = await f.call(
      'officer',
      'POST',
      `/api/persons/${id}/rehab/plans`,
      plan({
        startsOn: `${f.year}-06-01`,
        endsOn: `${f.year}-05-01`,
        services: [
          { kind: 'nursing', sessions: 1 },
          { kind: 'medication', sessions: 0 },
        ],
      }),
    );
    expect(p1.statusCode).toBe(400);
    expect(p1.json().error.fields).toMatchObject({
      'services.0.kind': expect.stringContaining('基本康复服务'),
      'services.1.sessions': '不能小于 1',
    });
    const p2 = await f.call(
      'officer',
      'POST',
      `/api/persons/${id}/rehab/plans`,
      plan({
        startsOn: `${f.year}-06-01`,
        endsOn: `${f.year}-05-01`,
        services: [
          { kind: 'medication', sessions: 1 },
          { kind: 'medication', sessions: 2 },
        ],
      }),
    );
    expect(p2.json().error.fields).toEqual({
      endsOn: '结束日期不能早于开始日期',
      'services.1.kind': '同一服务类别只能列一次',
    });
    const otherPerson = await f.person();
    const foreign = (
      await f.call('officer', 'POST', `/api/persons/${otherPerson}/rehab/assessments`, assessment())
    ).json();
    const p3 = await f.call('officer', 'POST', `/api/persons/${id}/rehab/plans`, plan({ assessmentId: foreign.id }));
    expect(p3.statusCode).toBe(400);
    expect(p3.json().error.fields.assessmentId).toBeTruthy();

    const p = (
      await f.call(
        'officer',
        'POST',
        `/api/persons/${id}/rehab/plans`,
        plan({ services: [{ kind: 'medication', sessions: 2 }] }),
      )
    ).json();
    const s1 = await f.call('officer', 'POST', `/api/rehab/plans/${p.id}/services`, {
      kind: 'rehab_training',
      date: f.today,
    });
    expect(s1.statusCode).toBe(400);
    expect(s1.json().error.fields.kind).toBe('此服务类别不在康复方案中');
    const s2 = await f.call('officer', 'POST', `/api/rehab/plans/${p.id}/services`, {
      kind: 'medication',
      date: future,
    });
    expect(s2.json().error.fields.date).toBe('日期不能晚于今天');
    const s3 = await f.call('officer', 'POST', `/api/rehab/plans/${p.id}/services`, {
      kind: 'medication',
      date: `${f.year - 1}-12-31`,
    });
    expect(s3.statusCode).toBe(400);
    expect(s3.json().error.fields.date).toContain(`${f.year}-01-01`);
    const s4 = await f.call('officer', 'POST', `/api/rehab/plans/${p.id}/services`, {
      kind: 'medication',
      date: '2025-02-30',
    });
    expect(s4.statusCode).toBe(400);
    const patch = await f.call('officer', 'PATCH', `/api/rehab/plans/${p.id}`, { status: 'paused' });
    expect(Object.keys(patch.json().error.fields).sort()).toEqual(['status', 'version']);
  });
});
