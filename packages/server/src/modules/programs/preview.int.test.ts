import { addYears, makeCertificateNumber, makeIdNumber, todayInChina } from '@huican/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persons } from '../../db/schema/index.js';
import { createTestContext, type FixtureUser, type TestContext } from '../../test-support/index.js';
import { previewDate } from './preview-rule.js';

let t: TestContext;
const cookies: Partial<Record<FixtureUser, string>> = {};
let today: string;

beforeAll(async () => {
  t = await createTestContext();
  for (const u of ['root', 'admin', 'officer', 'township', 'auditor', 'otherOfficer'] as const) {
    cookies[u] = await t.login(u);
  }
  today = todayInChina(t.now());
  // 青禾镇: 3 active (2 on 低保 with a valid certificate, one of them 特困), 1 deceased on 低保;
  // 柳河镇: 1 active on 低保 with a valid certificate, 1 active without certificate; 邻县: 1 active on 低保.
  const people: { region: string; lowIncome: boolean; extreme?: boolean; status?: 'deceased'; cert?: boolean }[] = [
    { region: '341599101201', lowIncome: true },
    { region: '341599101201', lowIncome: true, extreme: true },
    { region: '341599101201', lowIncome: false },
    { region: '341599101201', lowIncome: true, status: 'deceased' },
    { region: '341599102201', lowIncome: true },
    { region: '341599102201', lowIncome: true, cert: false },
    { region: '341598101000', lowIncome: true },
  ];
  await t.database.db.insert(persons).values(
    people.map((p, i) => {
      const birthDate = i === 2 ? addYears(today, -5) : '1960-05-05';
      const idNumber = makeIdNumber('341599', birthDate, 200 + i * 2);
      const cert = p.cert !== false;
      return {
        name: `预览${i}`,
        namePinyin: `yulan${i}`,
        nameInitials: 'yl',
        idNumber,
        gender: 'female' as const,
        birthDate,
        regionCode: p.region,
        countyCode: p.region.slice(0, 6),
        lowIncome: p.lowIncome,
        extremePoverty: p.extreme ?? false,
        status: p.status ?? ('active' as const),
        certNumber: cert ? makeCertificateNumber(idNumber, 4, 2) : null,
        category: cert ? 4 : null,
        grade: cert ? 2 : null,
        certIssuedOn: cert ? '2020-01-01' : null,
        certValidUntil: cert ? addYears(today, 5) : null,
        certState: cert ? ('normal' as const) : null,
      };
    }),
  );
});
afterAll(() => t.close());

const preview = (as: FixtureUser | null, code: string, body: unknown, headers = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/programs/${code}/preview`,
    payload: body as object,
    headers: { ...(as ? { cookie: cookies[as]! } : {}), ...headers },
  });

describe('previewDate', () => {
  it('takes today inside the year, else clamps to 1 January or 31 December', () => {
    expect(previewDate(2026, '2026-11-25')).toBe('2026-11-25');
    expect(previewDate(2027, '2026-11-25')).toBe('2027-01-01');
    expect(previewDate(2025, '2026-11-25')).toBe('2025-12-31');
  });
});

describe('POST /api/programs/:code/preview', () => {
  const year = () => Number(today.slice(0, 4));

  it('counts the active persons of the scope the year’s effective rule admits', async () => {
    const res = await preview('officer', 'living_subsidy', { year: year() });
    expect(res.statusCode).toBe(200);
    // 低保, not 特困, valid certificate, active: one in 青禾镇, one in 柳河镇; 邻县 is outside the scope
    expect(res.json()).toEqual({ matched: 2, total: 5, on: today, year: year() });
    const root = await preview('root', 'living_subsidy', { year: year() });
    expect(root.json()).toMatchObject({ matched: 3, total: 6 });
    const other = await preview('otherOfficer', 'living_subsidy', { year: year() });
    expect(other.json()).toMatchObject({ matched: 1, total: 1 });
  });

  it('previews a rule being edited, and uses the year’s own rule when one is set', async () => {
    const draft = {
      all: [
        { fact: 'flag', flag: 'lowIncome', is: true },
        { fact: 'region', within: ['341599102000'] },
      ],
    };
    const res = await preview('admin', 'living_subsidy', { year: year(), rule: draft });
    expect(res.json()).toMatchObject({ matched: 2, total: 5 });
    const next = year() + 1;
    await t.app.inject({
      method: 'PUT',
      url: `/api/programs/child_rehab/rules/${next}`,
      payload: { rule: { fact: 'age', max: 6 } },
      headers: { cookie: cookies.admin! },
    });
    const own = await preview('officer', 'child_rehab', { year: next });
    // on 1 January of next year the child born 5 years before today is still ≤ 6
    expect(own.json()).toEqual({ matched: 1, total: 5, on: `${next}-01-01`, year: next });
  });

  it('refuses a bad rule or year (400), other roles (403), no session (401), unknown programmes (404)', async () => {
    const bad = await preview('officer', 'living_subsidy', { year: year(), rule: { any: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields['rule.any']).toBeTruthy();
    const en = await preview(
      'officer',
      'living_subsidy',
      { rule: { fact: 'grade', in: [1] } },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields.year).toBe('Required');
    for (const as of ['township', 'auditor'] as const) {
      expect((await preview(as, 'living_subsidy', { year: year() })).statusCode, as).toBe(403);
    }
    expect((await preview(null, 'living_subsidy', { year: year() })).statusCode).toBe(401);
    expect((await preview('officer', 'nope', { year: year() })).statusCode).toBe(404);
  });
});
