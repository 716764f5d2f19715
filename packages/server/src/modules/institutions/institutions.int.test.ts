import { makeIdNumber } from '@huican/core';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, persons, placements } from '../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
const call: TestContext['call'] = (...a) => t.call(...a);

const centre = {
  name: '青禾县残疾人康复中心',
  kind: 'rehab_center',
  regionCode: '341599101000',
  address: '青禾镇人民路 8 号',
  phone: '0551-12345678',
  capacity: 2,
  programs: ['child_rehab', 'precise_rehab'],
  agreementFrom: '2026-01-01',
  agreementUntil: '2028-12-31',
};

async function lastAudit(action: string) {
  const [row] = await t.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

/** Places a new person at the institution (an open or closed placement) straight in the database. */
async function place(institutionId: string, status: 'open' | 'closed', seq: number) {
  const db = t.database.db;
  const [person] = await db
    .insert(persons)
    .values({
      name: `安置${seq}`,
      namePinyin: `anzhi${seq}`,
      nameInitials: 'az',
      idNumber: makeIdNumber('341599', '2021-03-03', seq),
      gender: seq % 2 === 1 ? 'male' : 'female',
      birthDate: '2021-03-03',
      regionCode: '341599101201',
      countyCode: '341599',
    })
    .returning();
  const [app] = await db
    .insert(applications)
    .values({
      personId: person!.id,
      programCode: 'child_rehab',
      year: 2026,
      regionCode: '341599101201',
      countyCode: '341599',
      status: 'approved',
      filedAt: new Date(),
      appliedOn: '2026-02-01',
      updatedAt: new Date(),
    })
    .returning();
  await db.insert(placements).values({
    applicationId: app!.id,
    institutionId,
    personId: person!.id,
    regionCode: '341599101201',
    startedOn: '2026-03-01',
    status,
  });
}

describe('POST /api/institutions', () => {
  it('registers an institution (officer) with its view and an audit row', async () => {
    const res = await call('officer', 'POST', '/api/institutions', centre);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ...centre,
      regionName: '青禾镇',
      openPlacements: 0,
      availablePlaces: 2,
      active: true,
      version: 1,
    });
    const audit = await lastAudit('institution.create');
    expect(audit).toMatchObject({ entityId: res.json().id, regionCode: '341599101000', actorUsername: 'officer' });
  });

  it('refuses bad input with 400 fields, in both languages', async () => {
    const zh = await call('officer', 'POST', '/api/institutions', {
      ...centre,
      kind: 'spa',
      phone: '12',
      capacity: -1,
      programs: ['child_rehab', 'no_such', 'child_rehab'],
      agreementFrom: '2026-02-30',
    });
    expect(zh.statusCode).toBe(400);
    expect(Object.keys(zh.json().error.fields).sort()).toEqual(['agreementFrom', 'capacity', 'kind']);
    const checked = await call(
      'officer',
      'POST',
      '/api/institutions',
      { ...centre, phone: '12', programs: ['child_rehab', 'no_such', 'child_rehab'], agreementUntil: '2025-01-01' },
      { 'accept-language': 'en' },
    );
    expect(checked.statusCode).toBe(400);
    expect(checked.json().error.fields).toMatchObject({
      'programs.1': 'No programme with code no_such',
      'programs.2': 'Listed more than once',
      agreementUntil: 'The agreement cannot end before it starts',
    });
    expect(checked.json().error.fields.phone).toBeTruthy();
    const unknownRegion = await call('officer', 'POST', '/api/institutions', { ...centre, regionCode: '341599109000' });
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json().error.fields.regionCode).toBe('区划不存在');
    const missing = await call('officer', 'POST', '/api/institutions', { kind: 'hospital' });
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(['name', 'regionCode']);
  });

  it('refuses a region outside the scope (404), township/auditor/institution (403), no session (401)', async () => {
    const outside = await call('otherOfficer', 'POST', '/api/institutions', centre);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('REGION_NOT_FOUND');
    for (const as of ['township', 'auditor', 'institution'] as const) {
      expect((await call(as, 'POST', '/api/institutions', centre)).statusCode, as).toBe(403);
    }
    expect((await call(null, 'POST', '/api/institutions', centre)).statusCode).toBe(401);
  });
});

describe('GET /api/institutions and /api/institutions/:id', () => {
  let hospitalId: string;
  let centreId: string;
  beforeAll(async () => {
    const hospital = await call('admin', 'POST', '/api/institutions', {
      name: '柳河镇卫生院',
      kind: 'hospital',
      regionCode: '341599102000',
      programs: ['cataract_surgery'],
    });
    hospitalId = hospital.json().id;
    await call('otherOfficer', 'POST', '/api/institutions', {
      name: '邻县托养中心',
      kind: 'care_home',
      regionCode: '341598101000',
      programs: ['respite_care'],
    });
    const list = await call('officer', 'GET', '/api/institutions?q=康复中心');
    centreId = list.json().items[0].id;
    await place(centreId, 'open', 301);
    await place(centreId, 'open', 303);
    await place(centreId, 'closed', 305);
  });

  it('lists the institutions of the scope with filters and placement counts', async () => {
    const all = await call('officer', 'GET', '/api/institutions');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    expect(all.json().items.map((i: { name: string }) => i.name)).toEqual(['青禾县残疾人康复中心', '柳河镇卫生院']);
    expect(all.json().items[0]).toMatchObject({ openPlacements: 2, capacity: 2, availablePlaces: 0 });
    const byProgram = await call('officer', 'GET', '/api/institutions?programCode=cataract_surgery');
    expect(byProgram.json().items.map((i: { id: string }) => i.id)).toEqual([hospitalId]);
    const byKind = await call('officer', 'GET', '/api/institutions?kind=rehab_center&active=true');
    expect(byKind.json().items.map((i: { id: string }) => i.id)).toEqual([centreId]);
    // Institutions serve their whole county: a township officer sees the county's, wherever they stand.
    const township = await call('township2', 'GET', '/api/institutions');
    expect(
      township
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([centreId, hospitalId].sort());
    const other = await call('otherOfficer', 'GET', '/api/institutions');
    expect(other.json().items.map((i: { name: string }) => i.name)).toEqual(['邻县托养中心']);
    expect((await call('root', 'GET', '/api/institutions')).json().total).toBe(3);
    expect((await call(null, 'GET', '/api/institutions')).statusCode).toBe(401);
    expect((await call('officer', 'GET', '/api/institutions?pageSize=500')).statusCode).toBe(400);
  });

  it('shows one institution in scope; 404 outside, in both languages', async () => {
    const res = await call('institution', 'GET', `/api/institutions/${centreId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: centreId, openPlacements: 2, availablePlaces: 0 });
    expect((await call('township2', 'GET', `/api/institutions/${centreId}`)).statusCode).toBe(200);
    const zh = await call('otherOfficer', 'GET', `/api/institutions/${centreId}`);
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error).toEqual({ code: 'INSTITUTION_NOT_FOUND', message: '机构不存在' });
    const en = await call('otherOfficer', 'GET', `/api/institutions/${centreId}`, undefined, {
      'accept-language': 'en',
    });
    expect(en.json().error.message).toBe('Institution not found');
    expect((await call('officer', 'GET', '/api/institutions/not-a-uuid')).statusCode).toBe(400);
    expect((await call(null, 'GET', `/api/institutions/${centreId}`)).statusCode).toBe(401);
  });

  it('edits with optimistic locking and an audit row of before → after', async () => {
    const res = await call('officer', 'PATCH', `/api/institutions/${hospitalId}`, {
      version: 1,
      capacity: 10,
      phone: null,
      programs: ['cataract_surgery', 'assistive_device'],
      agreementUntil: '2027-06-30',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 2,
      capacity: 10,
      availablePlaces: 10,
      programs: ['cataract_surgery', 'assistive_device'],
      agreementUntil: '2027-06-30',
    });
    const audit = await lastAudit('institution.update');
    expect(audit!.details.changes).toEqual({
      capacity: { from: null, to: 10 },
      programs: { from: ['cataract_surgery'], to: ['cataract_surgery', 'assistive_device'] },
      agreementUntil: { from: null, to: '2027-06-30' },
    });
    const stale = await call('admin', 'PATCH', `/api/institutions/${hospitalId}`, { version: 1, name: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const moved = await call('admin', 'PATCH', `/api/institutions/${hospitalId}`, {
      version: 2,
      regionCode: '341599102201',
      active: false,
    });
    expect(moved.json()).toMatchObject({ regionCode: '341599102201', regionName: '李岗村', active: false, version: 3 });
  });

  it('refuses bad edits (400), regions outside the scope and institutions outside it (404), other roles (403)', async () => {
    const order = await call('officer', 'PATCH', `/api/institutions/${centreId}`, {
      version: 1,
      agreementFrom: '2029-01-01',
    });
    expect(order.statusCode).toBe(400);
    expect(order.json().error.fields.agreementUntil).toBeTruthy();
    const noVersion = await call('officer', 'PATCH', `/api/institutions/${centreId}`, { name: 'x' });
    expect(noVersion.json().error.fields.version).toBe('必填');
    const region = await call('officer', 'PATCH', `/api/institutions/${centreId}`, {
      version: 1,
      regionCode: '341598101000',
    });
    expect(region.statusCode).toBe(404);
    expect(region.json().error.code).toBe('REGION_NOT_FOUND');
    const other = await call('otherOfficer', 'PATCH', `/api/institutions/${centreId}`, { version: 1, name: 'x' });
    expect(other.statusCode).toBe(404);
    for (const as of ['township', 'auditor', 'institution'] as const) {
      expect((await call(as, 'PATCH', `/api/institutions/${centreId}`, { version: 1, name: 'x' })).statusCode).toBe(
        403,
      );
    }
    expect((await call(null, 'PATCH', `/api/institutions/${centreId}`, { version: 1 })).statusCode).toBe(401);
    const unchanged = await call('officer', 'GET', `/api/institutions/${centreId}`);
    expect(unchanged.json()).toMatchObject({ version: 1, name: centre.name });
  });
});
