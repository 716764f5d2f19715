import { makeCertificateNumber, makeIdNumber } from '@huican/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createTestContext, type FixtureUser, type TestContext } from '../../test-support/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
const call: TestContext['call'] = (...a) => t.call(...a);

let seq = 0;
/** A fresh valid person for the fixture village 王庄村 (青禾镇). */
function newPerson(overrides: Record<string, unknown> = {}) {
  seq++;
  const idNumber = makeIdNumber('341599', '1965-03-15', 100 + seq * 2);
  return {
    name: '周冬梅',
    idNumber,
    regionCode: '341599101201',
    phone: '13800001111',
    address: '青禾镇王庄村 12 号',
    flags: { lowIncome: true },
    certificate: { number: makeCertificateNumber(idNumber, 4, 2), issuedOn: '2020-05-01' },
    ...overrides,
  };
}

describe('POST /api/persons', () => {
  it('registers a person, deriving gender, birth date and age, with the certificate', async () => {
    const body = newPerson();
    const res = await call('officer', 'POST', '/api/persons', body);
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: '周冬梅',
      idNumber: body.idNumber,
      gender: 'female',
      birthDate: '1965-03-15',
      regionCode: '341599101201',
      status: 'active',
      version: 1,
      certificate: {
        number: body.certificate.number,
        category: 4,
        grade: 2,
        issuedOn: '2020-05-01',
        validUntil: '2030-05-01',
        status: 'valid',
      },
      flags: { lowIncome: true, extremePoverty: false, povertyMonitored: false },
    });
    expect(p.age).toBeGreaterThanOrEqual(60);
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an invalid ID with 400 fields.idNumber, in Chinese and English', async () => {
    const body = newPerson();
    const broken = `${body.idNumber.slice(0, 17)}${body.idNumber[17] === '1' ? '2' : '1'}`;
    const res = await call('officer', 'POST', '/api/persons', { ...body, idNumber: broken, certificate: undefined });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.idNumber).toContain('校验位');
    const en = await call(
      'officer',
      'POST',
      '/api/persons',
      { ...body, idNumber: '12345' },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.fields.idNumber).toMatch(/18 characters/);
  });

  it('refuses a certificate that does not match the ID or has an unknown category/grade', async () => {
    const body = newPerson();
    const other = makeIdNumber('341599', '1970-01-01', 5);
    for (const number of [makeCertificateNumber(other, 4, 2), `${body.idNumber}82`, `${body.idNumber}45`]) {
      const res = await call('officer', 'POST', '/api/persons', {
        ...body,
        certificate: { number, issuedOn: '2020-05-01' },
      });
      expect(res.statusCode, number).toBe(400);
      expect(res.json().error.fields['certificate.number'], number).toBeTruthy();
    }
  });

  it('checks the components of a multiple disability', async () => {
    const body = newPerson();
    const number = makeCertificateNumber(body.idNumber, 7, 2);
    const missing = await call('officer', 'POST', '/api/persons', {
      ...body,
      certificate: { number, issuedOn: '2021-01-01' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields['certificate.components']).toBeTruthy();
    const ok = await call('officer', 'POST', '/api/persons', {
      ...body,
      certificate: {
        number,
        issuedOn: '2021-01-01',
        components: [
          { category: 1, grade: 2 },
          { category: 4, grade: 3 },
        ],
      },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().certificate.components).toHaveLength(2);
  });

  it('answers 409 DUPLICATE_PERSON for an ID registered already', async () => {
    const body = newPerson({ certificate: undefined });
    expect((await call('officer', 'POST', '/api/persons', body)).statusCode).toBe(201);
    const again = await call('township', 'POST', '/api/persons', { ...body, idNumber: body.idNumber.toLowerCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE_PERSON');
  });

  it('keeps registration inside the caller’s scope and to township or village regions', async () => {
    expect((await call('township2', 'POST', '/api/persons', newPerson())).statusCode).toBe(404);
    expect((await call('otherOfficer', 'POST', '/api/persons', newPerson())).statusCode).toBe(404);
    const county = await call('officer', 'POST', '/api/persons', newPerson({ regionCode: '341599000000' }));
    expect(county.statusCode).toBe(400);
    expect(county.json().error.fields.regionCode).toBeTruthy();
    const unknown = await call('officer', 'POST', '/api/persons', newPerson({ regionCode: '341599101299' }));
    expect(unknown.statusCode).toBe(400);
  });

  it('refuses roles that may not register', async () => {
    for (const u of ['finance', 'auditor', 'institution'] as const) {
      expect((await call(u, 'POST', '/api/persons', newPerson())).statusCode, u).toBe(403);
    }
  });
});

describe('reading persons', () => {
  let id: string;
  let body: ReturnType<typeof newPerson>;
  beforeAll(async () => {
    body = newPerson({ name: '单雄信', phone: '13912345678' });
    id = (await call('township', 'POST', '/api/persons', body)).json().id;
  });

  it('shows the full ID to an officer and a masked one to a village user', async () => {
    const officer = (await call('officer', 'GET', `/api/persons/${id}`)).json();
    expect(officer.idNumber).toBe(body.idNumber);
    expect(officer.phone).toBe('13912345678');
    const village = await call('village', 'GET', `/api/persons/${id}`);
    expect(village.statusCode).toBe(200);
    expect(village.json().idNumber).toBe(`${body.idNumber.slice(0, 4)}**********${body.idNumber.slice(14)}`);
    expect(village.json().phone).toBe('139****5678');
    expect(village.json().certificate.number).not.toContain(body.idNumber.slice(4, 14));
  });

  it('audits each unmasked view', async () => {
    const audit = (await call('root', 'GET', `/api/audit?action=person.view&entityId=${id}`)).json();
    expect(audit.items.some((i: { actorUsername: string }) => i.actorUsername === 'officer')).toBe(true);
  });

  it('answers 404 outside the caller’s scope', async () => {
    expect((await call('township2', 'GET', `/api/persons/${id}`)).statusCode).toBe(404);
    expect((await call('otherOfficer', 'GET', `/api/persons/${id}`)).statusCode).toBe(404);
    expect((await call('institution', 'GET', `/api/persons/${id}`)).statusCode).toBe(403);
  });

  it('finds by name prefix, pinyin initials (surname read as a surname), full pinyin, ID, certificate and phone', async () => {
    for (const q of [
      '单雄',
      'sxx',
      'shanxiongxin',
      body.idNumber.slice(0, 14),
      body.certificate.number,
      '13912345678',
    ]) {
      const res = await call('officer', 'GET', `/api/persons?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(
        res.json().items.map((p: { id: string }) => p.id),
        q,
      ).toContain(id);
    }
  });

  it('matches one- or two-letter initials exactly, longer ones as a prefix', async () => {
    const wl = (
      await call('officer', 'POST', '/api/persons', newPerson({ name: '王磊', certificate: undefined }))
    ).json();
    const found = async (q: string) =>
      (await call('officer', 'GET', `/api/persons?q=${q}&pageSize=200`)).json().items.map((p: { id: string }) => p.id);
    expect(await found('wl')).toContain(wl.id);
    expect(await found('WL')).toContain(wl.id);
    expect(await found('wlx')).not.toContain(wl.id);
    expect(await found('wangl')).toContain(wl.id);
    expect(await found('sx')).not.toContain(wl.id);
  });

  it('reads letters without a vowel as initials only, never as the start of a full pinyin', async () => {
    const zh = (
      await call('officer', 'POST', '/api/persons', newPerson({ name: '张华', certificate: undefined }))
    ).json();
    const zw = (
      await call('officer', 'POST', '/api/persons', newPerson({ name: '张伟', certificate: undefined }))
    ).json();
    const found = async (q: string) =>
      (await call('officer', 'GET', `/api/persons?q=${q}&pageSize=200`)).json().items.map((p: { id: string }) => p.id);
    expect(await found('zh')).toContain(zh.id); // initials of 张华
    expect(await found('zh')).not.toContain(zw.id); // zhangwei starts with zh, but zh is not pinyin
    expect(await found('zhang')).toEqual(expect.arrayContaining([zh.id, zw.id]));
    expect(await found('zw')).toContain(zw.id);
  });

  it('counts matches up to 10,001 and says when there are more', async () => {
    const list = (q: string) => call('officer', 'GET', `/api/persons?q=${q}&pageSize=5`).then((r) => r.json());
    // 10,002 persons with initials no other test uses, in the other township's village.
    await t.database.db.execute(sql`
      insert into persons (name, name_pinyin, name_initials, id_number, gender, birth_date, region_code, county_code)
      select '测试', 'zzzzzz', 'zzz', 'T' || lpad(i::text, 17, '0'), 'male', '1970-01-01', '341599102201', '341599'
      from generate_series(1, 10002) as i`);
    try {
      const capped = await list('zzz');
      expect(capped).toMatchObject({ total: 10_001, totalCapped: true, page: 1, pageSize: 5 });
      expect(capped.items).toHaveLength(5);
      expect(await list('zzzz')).toMatchObject({ total: 0, totalCapped: false, items: [] });
    } finally {
      await t.database.db.execute(sql`delete from persons where name_initials = 'zzz'`);
    }
    expect(await list('zl')).toMatchObject({ totalCapped: false });
  });

  it('filters by region subtree, category, grade, flag, certificate status and age', async () => {
    const q = (query: string) => call('officer', 'GET', `/api/persons?pageSize=200&${query}`).then((r) => r.json());
    const ids = (r: { items: { id: string }[] }) => r.items.map((p) => p.id);
    expect(ids(await q('regionCode=341599101000'))).toContain(id);
    expect(ids(await q('regionCode=341599102000'))).not.toContain(id);
    expect(ids(await q('category=4&grade=2'))).toContain(id);
    expect(ids(await q('category=5'))).not.toContain(id);
    expect(ids(await q('flag=lowIncome'))).toContain(id);
    expect(ids(await q('flag=extremePoverty'))).not.toContain(id);
    expect(ids(await q('certStatus=valid'))).toContain(id);
    expect(ids(await q('certStatus=none'))).not.toContain(id);
    expect(ids(await q('ageMin=60&ageMax=70'))).toContain(id);
    expect(ids(await q('ageMax=59'))).not.toContain(id);
    const page = await q('sort=-birthDate&page=1');
    expect(page).toMatchObject({ page: 1, pageSize: 200 });
  });

  it('keeps a township user’s list inside its township, even when it asks for the county', async () => {
    const own = (await call('township2', 'GET', '/api/persons?pageSize=200')).json();
    expect(own.items.every((p: { regionCode: string }) => p.regionCode.startsWith('341599102'))).toBe(true);
    expect((await call('township2', 'GET', '/api/persons?regionCode=341599101000')).statusCode).toBe(404);
  });

  it('refuses bad filters with 400', async () => {
    expect((await call('officer', 'GET', '/api/persons?category=9')).statusCode).toBe(400);
    expect((await call('officer', 'GET', '/api/persons?pageSize=500')).statusCode).toBe(400);
  });
});

describe('editing and history', () => {
  it('edits with optimistic locking and records before → after', async () => {
    const created = (await call('officer', 'POST', '/api/persons', newPerson({ certificate: undefined }))).json();
    const edit = await call('township', 'PATCH', `/api/persons/${created.id}`, {
      version: 1,
      address: '新地址 8 号',
      flags: { extremePoverty: true },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ version: 2, address: '新地址 8 号', flags: { extremePoverty: true } });
    const stale = await call('officer', 'PATCH', `/api/persons/${created.id}`, { version: 1, address: '旧的' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const history = (await call('officer', 'GET', `/api/persons/${created.id}/history`)).json();
    expect(history[0]).toMatchObject({
      actorUsername: 'township',
      action: 'person.update',
      changes: {
        address: { from: '青禾镇王庄村 12 号', to: '新地址 8 号' },
        extremePoverty: { from: false, to: true },
      },
    });
    const idChange = await call('officer', 'PATCH', `/api/persons/${created.id}`, { version: 2, idNumber: 'x' });
    expect(idChange.statusCode).toBe(400);
    expect(
      (await call('township2', 'PATCH', `/api/persons/${created.id}`, { version: 2, address: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await call('auditor', 'PATCH', `/api/persons/${created.id}`, { version: 2, address: 'x' })).statusCode,
    ).toBe(403);
  });

  it('moving a person to a region outside the scope is refused', async () => {
    const created = (await call('township', 'POST', '/api/persons', newPerson({ certificate: undefined }))).json();
    const res = await call('township', 'PATCH', `/api/persons/${created.id}`, {
      version: 1,
      regionCode: '341599102201',
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('life events', () => {
  it('records a death; a township user cannot set the person active again, an officer can', async () => {
    const created = (await call('township', 'POST', '/api/persons', newPerson())).json();
    const died = await call('township', 'POST', `/api/persons/${created.id}/status`, {
      status: 'deceased',
      effectiveDate: '2026-01-10',
      reason: '病故',
    });
    expect(died.statusCode).toBe(200);
    expect(died.json()).toMatchObject({ status: 'deceased', statusDate: '2026-01-10' });
    const revive = await call('township', 'POST', `/api/persons/${created.id}/status`, {
      status: 'active',
      effectiveDate: '2026-02-01',
    });
    expect(revive.statusCode).toBe(403);
    const same = await call('township', 'POST', `/api/persons/${created.id}/status`, {
      status: 'deceased',
      effectiveDate: '2026-01-10',
    });
    expect(same.statusCode).toBe(409);
    const officer = await call('officer', 'POST', `/api/persons/${created.id}/status`, {
      status: 'active',
      effectiveDate: '2026-02-01',
      reason: '误报死亡，核实后恢复',
    });
    expect(officer.statusCode).toBe(200);
    expect(officer.json().status).toBe('active');
  });

  it('refuses a death in the future and dates over a year ahead; a planned move-out is accepted', async () => {
    const created = (await call('township', 'POST', '/api/persons', newPerson())).json();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const nextMonth = new Date(Date.now() + 8 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
    const status = (as: FixtureUser, body: object) => call(as, 'POST', `/api/persons/${created.id}/status`, body);
    const futureDeath = await status('township', { status: 'deceased', effectiveDate: nextMonth });
    expect(futureDeath.statusCode).toBe(400);
    expect(futureDeath.json().error.fields.effectiveDate).toBe('日期不能晚于今天');
    expect((await status('township', { status: 'moved_out', effectiveDate: '2999-01-01' })).statusCode).toBe(400);
    expect((await status('township', { status: 'moved_out', effectiveDate: '2026-02-30' })).statusCode).toBe(400);
    const planned = await status('township', { status: 'moved_out', effectiveDate: nextMonth });
    expect(planned.statusCode).toBe(200);
    expect(planned.json()).toMatchObject({ status: 'moved_out', statusDate: nextMonth });
    expect((await status('officer', { status: 'cancelled', effectiveDate: today })).statusCode).toBe(200);
  });
});

describe('certificates', () => {
  it('renews from a year before expiry, changes grade with a new number, reissues with B1, freezes and cancels', async () => {
    const body = newPerson({ certificate: undefined });
    const created = (await call('officer', 'POST', '/api/persons', body)).json();
    const noCert = await call('officer', 'POST', `/api/persons/${created.id}/certificate`, { action: 'renew' });
    expect(noCert.statusCode).toBe(409);
    const issued = await call('officer', 'POST', `/api/persons/${created.id}/certificate`, {
      action: 'issue',
      number: makeCertificateNumber(body.idNumber, 2, 3),
      issuedOn: '2017-01-01',
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.json().certificate).toMatchObject({ category: 2, grade: 3, validUntil: '2027-01-01' });
    const renewed = await call('officer', 'POST', `/api/persons/${created.id}/certificate`, {
      action: 'renew',
      issuedOn: '2026-03-01',
    });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().certificate.validUntil).toBe('2036-03-01');
    const early = await call('officer', 'POST', `/api/persons/${created.id}/certificate`, { action: 'renew' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('RENEWAL_NOT_OPEN');
    const changed = await call('officer', 'POST', `/api/persons/${created.id}/certificate`, {
      action: 'change',
      category: 2,
      grade: 1,
      issuedOn: '2026-04-01',
    });
    expect(changed.json().certificate).toMatchObject({ number: makeCertificateNumber(body.idNumber, 2, 1), grade: 1 });
    const reissued = await call('officer', 'POST', `/api/persons/${created.id}/certificate`, { action: 'reissue' });
    expect(reissued.json().certificate.number).toBe(`${makeCertificateNumber(body.idNumber, 2, 1)}B1`);
    const frozenNoReason = await call('officer', 'POST', `/api/persons/${created.id}/certificate`, {
      action: 'freeze',
    });
    expect(frozenNoReason.statusCode).toBe(400);
    const frozen = await call('officer', 'POST', `/api/persons/${created.id}/certificate`, {
      action: 'freeze',
      reason: '待核查',
    });
    expect(frozen.json().certificate.status).toBe('frozen');
    await call('officer', 'POST', `/api/persons/${created.id}/certificate`, { action: 'unfreeze' });
    const cancelled = await call('officer', 'POST', `/api/persons/${created.id}/certificate`, {
      action: 'cancel',
      reason: '本人申请',
    });
    expect(cancelled.json().certificate.status).toBe('cancelled');
    const history = (await call('officer', 'GET', `/api/persons/${created.id}/certificates`)).json();
    expect(history.map((c: { event: string }) => c.event)).toEqual(['issue', 'renew', 'change', 'reissue']);
    expect(history.filter((c: { current: boolean }) => c.current)).toHaveLength(1);
    expect(history.map((c: { endReason: string }) => c.endReason)).toEqual([
      'renew',
      'change',
      'reissue',
      'cancel: 本人申请',
    ]);
    expect(history[3]).toMatchObject({ number: `${makeCertificateNumber(body.idNumber, 2, 1)}B1`, current: true });
    // A new certificate after a cancel ends nothing: the cancelled one is history, the new one current.
    const again = await call('officer', 'POST', `/api/persons/${created.id}/certificate`, {
      action: 'issue',
      number: makeCertificateNumber(body.idNumber, 3, 2),
      issuedOn: '2026-05-01',
    });
    expect(again.statusCode).toBe(200);
    const after = (await call('officer', 'GET', `/api/persons/${created.id}/certificates`)).json();
    expect(after.map((c: { event: string }) => c.event)).toEqual(['issue', 'renew', 'change', 'reissue', 'issue']);
    expect(after.map((c: { current: boolean }) => c.current)).toEqual([false, false, false, false, true]);
    expect(after[4]).toMatchObject({
      id: created.id,
      number: makeCertificateNumber(body.idNumber, 3, 2),
      endedOn: null,
    });
    const masked = (await call('village', 'GET', `/api/persons/${created.id}/certificates`)).json();
    expect(masked[4].number).not.toBe(after[4].number);
    expect(
      (await call('township', 'POST', `/api/persons/${created.id}/certificate`, { action: 'reissue' })).statusCode,
    ).toBe(403);
  });

  it('lists certificates expiring soon with a count per township', async () => {
    const body = newPerson({ certificate: undefined });
    const created = (await call('officer', 'POST', '/api/persons', body)).json();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const issuedOn = `${Number(today.slice(0, 4)) - 10}${today.slice(4, 8)}01`;
    await call('officer', 'POST', `/api/persons/${created.id}/certificate`, {
      action: 'issue',
      number: makeCertificateNumber(body.idNumber, 5, 3),
      issuedOn: issuedOn.endsWith('02-29') ? issuedOn.replace('29', '28') : issuedOn,
    });
    const res = await call('officer', 'GET', '/api/certificates/expiring?days=90');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { personId: string }) => i.personId)).toContain(created.id);
    const township = res.json().byRegion.find((r: { regionCode: string }) => r.regionCode === '341599101000');
    expect(township).toMatchObject({ regionName: '青禾镇' });
    expect(township.count).toBeGreaterThanOrEqual(1);
    const other = (await call('township2', 'GET', '/api/certificates/expiring?days=90')).json();
    expect(other.items.map((i: { personId: string }) => i.personId)).not.toContain(created.id);
  });
});

describe('households', () => {
  it('groups persons into a household and shows 一户多残', async () => {
    const a = (await call('township', 'POST', '/api/persons', newPerson())).json();
    const b = (await call('township', 'POST', '/api/persons', newPerson({ name: '李明' }))).json();
    const res = await call('township', 'POST', '/api/households', {
      regionCode: '341599101201',
      address: '王庄村 3 组',
      members: [
        { personId: a.id, relation: 'head' },
        { personId: b.id, relation: 'child' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ multiDisabled: true });
    expect(res.json().members.map((m: { relation: string }) => m.relation)).toEqual(['head', 'child']);
    const person = (await call('officer', 'GET', `/api/persons/${a.id}`)).json();
    expect(person.household).toMatchObject({ relation: 'head', memberCount: 2 });
    const multi = (await call('officer', 'GET', '/api/persons?multiDisabledHousehold=true&pageSize=200')).json();
    expect(multi.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const again = await call('township', 'POST', '/api/households', {
      regionCode: '341599101201',
      members: [{ personId: b.id, relation: 'head' }],
    });
    expect(again.statusCode).toBe(409);
    const twoHeads = await call('township', 'POST', '/api/households', {
      regionCode: '341599101201',
      members: [
        { personId: a.id, relation: 'head' },
        { personId: b.id, relation: 'head' },
      ],
    });
    expect(twoHeads.statusCode).toBe(400);
    expect((await call('township2', 'GET', `/api/households/${res.json().id}`)).statusCode).toBe(404);
    const removed = await call('township', 'DELETE', `/api/households/${res.json().id}/members/${b.id}`);
    expect(removed.json()).toMatchObject({ multiDisabled: false });
  });
});

describe('needs and services (动态更新)', () => {
  it('records the year’s survey, services, and shows township progress', async () => {
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const a = (await call('village', 'POST', '/api/persons', newPerson())).json();
    const needs = await call('village', 'POST', `/api/persons/${a.id}/needs`, {
      year,
      kinds: ['rehab_training', 'assistive_device'],
      method: 'home_visit',
      identityChecked: true,
      surveyedOn: `${year}-01-02`,
    });
    expect(needs.statusCode).toBe(201);
    expect(needs.json().needs).toEqual(['rehab_training', 'assistive_device']);
    const replaced = await call('village', 'POST', `/api/persons/${a.id}/needs`, {
      year,
      kinds: ['assistive_device'],
      surveyedOn: `${year}-01-03`,
    });
    expect(replaced.statusCode).toBe(200);
    expect((await call('village', 'GET', `/api/persons/${a.id}/needs`)).json()).toHaveLength(1);
    const lastYear = await call('village', 'POST', `/api/persons/${a.id}/needs`, {
      year: year - 1,
      kinds: ['medication'],
    });
    expect(lastYear.statusCode).toBe(201);
    expect(lastYear.json().surveyedOn).toBe(`${year - 1}-12-31`);
    const service = await call('village', 'POST', `/api/persons/${a.id}/services`, {
      year,
      kind: 'assistive_device',
      date: `${year}-01-05`,
      provider: '县辅具中心',
    });
    expect(service.statusCode).toBe(201);
    const wrongYear = await call('village', 'POST', `/api/persons/${a.id}/services`, {
      year,
      kind: 'medication',
      date: `${year - 1}-12-31`,
    });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.fields.date).toBeTruthy();
    const badKind = await call('village', 'POST', `/api/persons/${a.id}/services`, {
      year,
      kind: 'massage',
      date: `${year}-01-05`,
    });
    expect(badKind.statusCode).toBe(400);
    const progress = (
      await call('officer', 'GET', `/api/surveys/progress?year=${year}&regionCode=341599000000`)
    ).json();
    const row = progress.rows.find((r: { regionCode: string }) => r.regionCode === '341599101000');
    expect(row.surveyed).toBeGreaterThanOrEqual(1);
    expect(row.active).toBeGreaterThanOrEqual(row.surveyed);
    expect(row.rate).toBe(Math.floor((row.surveyed * 20000 + row.active) / (2 * row.active)) / 100);
  });

  it('deregisters a person found deceased during the survey', async () => {
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const a = (await call('village', 'POST', '/api/persons', newPerson())).json();
    const res = await call('village', 'POST', `/api/persons/${a.id}/needs`, {
      year,
      kinds: [],
      surveyedOn: `${year}-01-02`,
      personStatus: { status: 'deceased', effectiveDate: `${year}-01-01` },
    });
    expect(res.statusCode).toBe(201);
    expect((await call('officer', 'GET', `/api/persons/${a.id}`)).json().status).toBe('deceased');
  });
});

describe('export', () => {
  it('streams the search result as xlsx, masked for an auditor, and audits it', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await call('auditor', 'GET', '/api/persons/export.xlsx?regionCode=341599101000');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe('身份证号');
    expect(sheet.rowCount).toBeGreaterThan(2);
    for (let r = 2; r <= sheet.rowCount; r++) expect(String(sheet.getRow(r).getCell(4).value)).toContain('**********');
    const audit = (await call('root', 'GET', '/api/audit?action=person.export')).json();
    expect(audit.items[0].details.rows).toBe(sheet.rowCount - 1);
    expect((await call('village', 'GET', '/api/persons/export.xlsx')).statusCode).toBe(403);
  });
});

describe('bank accounts (一卡通)', () => {
  const account = '6228480012345678901';

  it('stores the account without spaces, full for an officer, masked for finance and a village user', async () => {
    const body = newPerson({ bankName: ' 中国农业银行青禾县支行 ', bankAccount: '6228 4800 1234 5678 901' });
    const res = await call('officer', 'POST', '/api/persons', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ bankName: '中国农业银行青禾县支行', bankAccount: account });
    const [row] = rowsOf<{ bank_account: string }>(
      await t.database.db.execute(sql`select bank_account from persons where id = ${res.json().id}::uuid`),
    );
    expect(row!.bank_account).toBe(account);
    for (const as of ['finance', 'village'] as const) {
      const seen = (await call(as, 'GET', `/api/persons/${res.json().id}`)).json();
      expect(seen.bankAccount, as).toBe('6228***********8901');
      expect(seen.bankName).toBe('中国农业银行青禾县支行');
    }
    const audit = (await call('root', 'GET', `/api/audit?action=person.create&entityId=${res.json().id}`)).json();
    expect(audit.items[0].details.bankAccount).toBe('6228***********8901');
  });

  it('refuses an account that is not 12–30 digits with 400 fields.bankAccount', async () => {
    for (const bankAccount of ['12345678901', '6228-4800-1234-5678', '62284800123456789O1', '1'.repeat(31)]) {
      const res = await call('officer', 'POST', '/api/persons', newPerson({ bankAccount }));
      expect(res.statusCode, bankAccount).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(['bankAccount']);
    }
    const en = await call('officer', 'POST', '/api/persons', newPerson({ bankAccount: 'abc' }), {
      'accept-language': 'en',
    });
    expect(en.json().error.fields.bankAccount).toContain('12–30 digits');
    // No account at all is fine; an empty one means none.
    const none = await call('officer', 'POST', '/api/persons', newPerson({ bankAccount: ' ' }));
    expect(none.statusCode).toBe(201);
    expect(none.json()).toMatchObject({ bankName: null, bankAccount: null });
  });

  it('edits and clears the account; the history shows it masked', async () => {
    const created = (await call('officer', 'POST', '/api/persons', newPerson({ bankAccount: account }))).json();
    const bad = await call('officer', 'PATCH', `/api/persons/${created.id}`, { version: 1, bankAccount: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.bankAccount).toBeTruthy();
    const edit = await call('township', 'PATCH', `/api/persons/${created.id}`, {
      version: 1,
      bankName: '青禾农村商业银行',
      bankAccount: '6236 6812 3456 7890 123',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ version: 2, bankName: '青禾农村商业银行', bankAccount: '6236681234567890123' });
    const history = (await call('officer', 'GET', `/api/persons/${created.id}/history`)).json();
    expect(history[0].changes).toEqual({
      bankName: { from: null, to: '青禾农村商业银行' },
      bankAccount: { from: '6228***********8901', to: '6236***********0123' },
    });
    expect(JSON.stringify(history)).not.toContain(account);
    const cleared = await call('officer', 'PATCH', `/api/persons/${created.id}`, { version: 2, bankAccount: null });
    expect(cleared.json()).toMatchObject({ version: 3, bankAccount: null });
  });
});
