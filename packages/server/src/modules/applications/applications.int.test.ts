import { makeCertificateNumber, makeIdNumber, todayInChina } from '@huican/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createTestContext, type FixtureUser, multipartFile, type TestContext } from '../../test-support/index.js';
import { takeBulkAction } from './take-actions.js';

let t: TestContext;
let year: number;
beforeAll(async () => {
  t = await createTestContext();
  year = Number(todayInChina(t.now()).slice(0, 4));
});
afterAll(() => t.close());
const call: TestContext['call'] = (...a) => t.call(...a);

let seq = 0;
/** Registers a person (grade 2 physical, 低保 by default) and returns its id. */
async function person(
  o: { region?: string; birthDate?: string; issuedOn?: string; category?: number; grade?: number; flags?: object } = {},
) {
  seq++;
  const idNumber = makeIdNumber('341599', o.birthDate ?? '1965-03-15', 200 + seq * 2);
  const res = await call('officer', 'POST', '/api/persons', {
    name: `测试${seq}`,
    idNumber,
    regionCode: o.region ?? '341599101201',
    flags: o.flags ?? { lowIncome: true },
    certificate: {
      number: makeCertificateNumber(idNumber, o.category ?? 4, o.grade ?? 2),
      issuedOn: o.issuedOn ?? '2020-05-01',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function file(as: FixtureUser, personId: string, programCode = 'living_subsidy', y = year) {
  return call(as, 'POST', '/api/applications', { personId, programCode, year: y });
}

async function filed(as: FixtureUser, personId: string, programCode = 'living_subsidy') {
  const res = await file(as, personId, programCode);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const act = (as: FixtureUser, id: string, action: string, comment?: string) =>
  call(as, 'POST', `/api/applications/${id}/actions`, comment === undefined ? { action } : { action, comment });

describe('POST /api/applications', () => {
  it('files an application as submitted, with a due date 10 working days on and a history', async () => {
    const id = await filed('township', await person());
    const res = await call('township', 'GET', `/api/applications/${id}`);
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ id, programCode: 'living_subsidy', year, status: 'submitted', overdue: false });
    expect(a.dueOn > todayInChina(t.now())).toBe(true);
    expect(a.history).toEqual([expect.objectContaining({ action: 'file', toStatus: 'submitted' })]);
    expect(a.allowedActions).toEqual(['review', 'reject', 'return', 'withdraw']);
    expect(a.personIdNumber).not.toContain('*'); // township sees full IDs
    const masked = (await call('auditor', 'GET', `/api/applications/${id}`)).json();
    expect(masked.personIdNumber).toContain('*');
    expect(masked.allowedActions).toEqual([]);
  });

  it('approves at once (秒批) where the programme allows it and the rule passes', async () => {
    const res = await file('village', await person(), 'accident_insurance');
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('approved');
    const detail = (await call('officer', 'GET', `/api/applications/${res.json().id}`)).json();
    expect(detail.autoApproved).toBe(true);
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['file', 'auto_approve']);
  });

  it('refuses a person who does not meet the rule: 422 NOT_ELIGIBLE with reasons, in both languages', async () => {
    const adult = await person({ flags: {} });
    const res = await file('township', adult, 'child_rehab');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NOT_ELIGIBLE');
    expect(res.json().error.reasons).toEqual([expect.stringMatching(/年龄 \d+ 岁/)]);
    const en = await call(
      'township',
      'POST',
      '/api/applications',
      { personId: adult, programCode: 'living_subsidy', year },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(422);
    expect(en.json().error.reasons.join(' ')).toMatch(/minimum living/i);
    expect(en.json().error.message).toMatch(/not eligible/i);
  });

  it('refuses a deceased person whatever the programme’s rule says', async () => {
    const id = await person({ birthDate: '2022-01-10', issuedOn: '2024-06-01', category: 5 });
    const dead = await call('officer', 'POST', `/api/persons/${id}/status`, {
      status: 'deceased',
      effectiveDate: todayInChina(t.now()),
    });
    expect(dead.statusCode).toBe(200);
    const res = await file('officer', id, 'child_rehab');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.reasons.join()).toContain('死亡');
  });

  it('refuses a second open or approved application for the same person, programme and year (409)', async () => {
    const p = await person();
    const first = await filed('township', p);
    expect((await file('officer', p)).statusCode).toBe(409);
    expect((await file('officer', p)).json().error.code).toBe('DUPLICATE_APPLICATION');
    // another year, or after a withdrawal, is fine
    expect((await act('township', first, 'withdraw')).statusCode).toBe(200);
    expect((await file('officer', p)).statusCode).toBe(201);
  });

  it('checks input, role and scope', async () => {
    const p = await person();
    expect((await file('auditor', p)).statusCode).toBe(403);
    expect((await file('finance', p)).statusCode).toBe(403);
    expect((await file('otherOfficer', p)).statusCode).toBe(404);
    expect((await file('township2', p)).statusCode).toBe(404);
    const bad = await call('township', 'POST', '/api/applications', { personId: p, programCode: 'living_subsidy' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('year');
    expect((await file('township', p, 'no_such_programme')).statusCode).toBe(404);
    const far = await file('township', p, 'living_subsidy', year + 5);
    expect(far.statusCode).toBe(400);
    expect(far.json().error.fields.year).toContain(String(year + 1));
    expect((await call(null, 'POST', '/api/applications', {})).statusCode).toBe(401);
  });
});

describe('POST /api/applications/{id}/actions', () => {
  it('walks submitted → reviewed → approved → completed, keeping the history', async () => {
    const id = await filed('village', await person());
    expect((await act('township', id, 'review', '材料齐全')).json()).toMatchObject({ id, status: 'reviewed' });
    expect((await act('officer', id, 'approve')).json()).toMatchObject({ status: 'approved' });
    expect((await act('officer', id, 'complete')).json()).toMatchObject({ status: 'completed' });
    const detail = (await call('officer', 'GET', `/api/applications/${id}`)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['file', 'review', 'approve', 'complete']);
    expect(detail.history[1]).toMatchObject({ fromStatus: 'submitted', toStatus: 'reviewed', comment: '材料齐全' });
    expect(detail.dueOn).toBeNull();
    const audit = await t.database.db.execute(sql`select action from audit_log where entity_id = ${id} order by id`);
    expect(rowsOf<{ action: string }>(audit).map((r) => r.action)).toEqual([
      'application.file',
      'application.review',
      'application.approve',
      'application.complete',
    ]);
  });

  it('lets the county approve straight from submitted', async () => {
    const id = await filed('township', await person());
    expect((await act('officer', id, 'approve')).json().status).toBe('approved');
  });

  it('refuses actions the role may never take (403) and illegal ones for the state (409)', async () => {
    const id = await filed('township', await person());
    expect((await act('township', id, 'approve')).statusCode).toBe(403);
    expect((await act('auditor', id, 'review')).statusCode).toBe(403);
    expect((await act('finance', id, 'withdraw')).statusCode).toBe(403);
    expect((await act('officer', id, 'complete')).statusCode).toBe(409);
    expect((await act('officer', id, 'complete')).json().error.code).toBe('ILLEGAL_TRANSITION');
    expect((await act('township', id, 'review')).statusCode).toBe(200);
    expect((await act('township', id, 'review')).statusCode).toBe(409);
    // the township's step is over: rejecting is now the county's
    expect((await act('township', id, 'reject', '不符合')).statusCode).toBe(409);
    expect((await act('officer', id, 'approve')).statusCode).toBe(200);
    expect((await act('officer', id, 'approve')).statusCode).toBe(409);
    expect((await act('officer', id, 'withdraw')).statusCode).toBe(409);
  });

  it('answers 404 outside the scope: another township, another county', async () => {
    const id = await filed('township', await person());
    expect((await act('township2', id, 'review')).statusCode).toBe(404);
    expect((await act('otherOfficer', id, 'approve')).statusCode).toBe(404);
    expect((await call('township2', 'GET', `/api/applications/${id}`)).statusCode).toBe(404);
    expect((await call('institution', 'GET', `/api/applications/${id}`)).statusCode).toBe(404);
  });

  it('requires a reason to reject or return; a returned application is resubmitted', async () => {
    const id = await filed('township', await person());
    const noReason = await act('township', id, 'return');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty('comment');
    expect((await act('township', id, 'reject', '   ')).statusCode).toBe(400);
    expect((await act('township', id, 'return', '缺少户口簿复印件')).json().status).toBe('returned');
    expect((await act('township', id, 'review')).statusCode).toBe(409);
    expect((await act('village', id, 'resubmit')).json().status).toBe('submitted');
    expect((await act('officer', id, 'reject', '不符合低保条件')).json().status).toBe('rejected');
    const detail = (await call('township', 'GET', `/api/applications/${id}`)).json();
    expect(detail.history.at(-1)).toMatchObject({ action: 'reject', comment: '不符合低保条件' });
    // rejected no longer blocks a new application
    expect((await file('township', detail.personId)).statusCode).toBe(201);
  });

  it('re-checks the rule at approval: a person who lost 低保 since filing is refused with reasons', async () => {
    const p = await person();
    const id = await filed('township', p);
    const current = (await call('officer', 'GET', `/api/persons/${p}`)).json();
    const patch = await call('officer', 'PATCH', `/api/persons/${p}`, {
      version: current.version,
      flags: { lowIncome: false },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const res = await act('officer', id, 'approve');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.reasons.join()).toContain('低保');
    expect((await call('officer', 'GET', `/api/applications/${id}`)).json().status).toBe('submitted');
  });

  it('of two officers approving the same application at once, exactly one succeeds', async () => {
    const id = await filed('township', await person());
    const results = await Promise.all([act('officer', id, 'approve'), act('admin', id, 'approve')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const detail = (await call('officer', 'GET', `/api/applications/${id}`)).json();
    expect(detail.history.filter((h: { action: string }) => h.action === 'approve')).toHaveLength(1);
  });

  it('rejects unknown actions and ids that are not uuids (400)', async () => {
    const id = await filed('township', await person());
    expect((await act('officer', id, 'promote')).statusCode).toBe(400);
    expect((await call('officer', 'POST', '/api/applications/xyz/actions', { action: 'approve' })).statusCode).toBe(
      400,
    );
  });
});

describe('POST /api/applications/actions (bulk)', () => {
  it('approves many, reports each refusal, and keeps the successes', async () => {
    const a = await filed('township', await person());
    const b = await filed('township', await person());
    const done = await filed('township', await person());
    await act('officer', done, 'approve');
    const other = await filed('township2', await person({ region: '341599102201' }));
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await call('township', 'POST', '/api/applications/actions', {
      ids: [a, b, done, other, missing],
      action: 'review',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().succeeded.sort()).toEqual([a, b].sort());
    expect(res.json().failed).toEqual(
      expect.arrayContaining([
        { id: done, code: 'ILLEGAL_TRANSITION' },
        { id: other, code: 'APPLICATION_NOT_FOUND' },
        { id: missing, code: 'APPLICATION_NOT_FOUND' },
      ]),
    );
    expect((await call('officer', 'GET', `/api/applications/${a}`)).json().status).toBe('reviewed');
  });

  it('does the work set-based, without falling back to one transaction per application', async () => {
    const ids = [await filed('township', await person()), await filed('township', await person())];
    const warnings: unknown[] = [];
    const log = {
      warn: (...args: unknown[]) => warnings.push(args),
      error: (...args: unknown[]) => warnings.push(args),
    };
    const [officer] = rowsOf<{ id: string; display_name: string }>(
      await t.database.db.execute(sql`select id, display_name from users where username = 'officer'`),
    );
    const actor = {
      userId: officer!.id,
      username: 'officer',
      displayName: officer!.display_name,
      role: 'officer' as const,
      regionCode: '341599000000',
      sessionId: 'test',
      ip: '127.0.0.1',
      requestId: 'test',
    };
    const settings = { stepWorkingDays: 10, workCalendar: {} };
    const now = t.now();
    const result = await takeBulkAction(
      t.database.db,
      { actor, now, today: todayInChina(now), settings },
      ids,
      { action: 'approve', comment: '同意' },
      log as never,
    );
    expect(warnings).toEqual([]);
    expect(result).toEqual({ succeeded: ids.sort(), failed: [] });
    const detail = (await call('officer', 'GET', `/api/applications/${ids[0]}`)).json();
    expect(detail).toMatchObject({ status: 'approved', dueOn: null });
    expect(detail.decidedAt).toBe(now.toISOString());
    expect(detail.history.at(-1)).toMatchObject({ action: 'approve', comment: '同意', fromStatus: 'submitted' });
  });

  it('refuses as a whole a role that may never take the action, and a return without reason', async () => {
    const a = await filed('township', await person());
    expect(
      (await call('township', 'POST', '/api/applications/actions', { ids: [a], action: 'approve' })).statusCode,
    ).toBe(403);
    expect(
      (await call('officer', 'POST', '/api/applications/actions', { ids: [a], action: 'return' })).statusCode,
    ).toBe(400);
    expect(
      (await call('officer', 'POST', '/api/applications/actions', { ids: [], action: 'approve' })).statusCode,
    ).toBe(400);
  });
});

describe('GET /api/applications', () => {
  it('lists in scope, with filters', async () => {
    const p2 = await person({ region: '341599102201' });
    const there = await filed('township2', p2, 'nursing_subsidy');
    const mine = await call('township', 'GET', '/api/applications?pageSize=200');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.some((i: { id: string }) => i.id === there)).toBe(false);
    expect(mine.json().items.every((i: { regionCode: string }) => i.regionCode.startsWith('341599101'))).toBe(true);
    const county = await call('officer', 'GET', `/api/applications?programCode=nursing_subsidy&status=submitted`);
    expect(county.json().items.map((i: { id: string }) => i.id)).toContain(there);
    expect(county.json().items.every((i: { status: string }) => i.status === 'submitted')).toBe(true);
    const byRegion = await call('officer', 'GET', '/api/applications?regionCode=341599102000');
    expect(byRegion.json().total).toBeGreaterThanOrEqual(1);
    expect(byRegion.json().items.every((i: { regionCode: string }) => i.regionCode.startsWith('341599102'))).toBe(true);
    expect((await call('township', 'GET', '/api/applications?regionCode=341599102000')).statusCode).toBe(404);
    expect((await call('officer', 'GET', '/api/applications?status=bogus')).statusCode).toBe(400);
    expect((await call('otherOfficer', 'GET', '/api/applications')).json().total).toBe(0);
  });

  it('lists the overdue: pending past their step’s 10 working days', async () => {
    const id = await filed('township', await person());
    const before = await call('officer', 'GET', '/api/applications?overdue=true&pageSize=200');
    expect(before.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    t.advance(16 * 24 * 3600 * 1000); // 16 calendar days ≥ 10 working days + a weekend or two
    t.forgetCookies(); // the sessions have expired: sign in again
    const after = await call('officer', 'GET', '/api/applications?overdue=true&pageSize=200');
    const row = after.json().items.find((i: { id: string }) => i.id === id);
    expect(row).toMatchObject({ overdue: true, status: 'submitted' });
  });
});

describe('attachments', () => {
  const pdf = Buffer.from('%PDF-1.4\n%…\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  it('stores a document checked by content, lists it, and serves it back', async () => {
    const id = await filed('township', await person());
    const upload = multipartFile('户口簿.pdf', pdf, 'application/pdf');
    const res = await call('township', 'POST', `/api/applications/${id}/attachments`, upload.payload, upload.headers);
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await call('township', 'GET', `/api/applications/${id}`)).json();
    expect(detail.attachments).toEqual([expect.objectContaining({ fileName: '户口簿.pdf', size: pdf.length })]);
    const download = await call('officer', 'GET', `/api/applications/${id}/attachments/${res.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await call('township2', 'GET', `/api/applications/${id}/attachments/${res.json().id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses a file whose content does not match its name', async () => {
    const id = await filed('township', await person());
    const upload = multipartFile('scan.pdf', Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf');
    const res = await call('township', 'POST', `/api/applications/${id}/attachments`, upload.payload, upload.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
  });
});
