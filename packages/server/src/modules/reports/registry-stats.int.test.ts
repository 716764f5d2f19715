import { addDays, addYears, makeCertificateNumber, makeIdNumber, todayInChina } from '@huican/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createTestContext, type FixtureUser, type TestContext } from '../../test-support/index.js';

// A hand-built county with known answers. T = today (China), the period is [T − 60 days, T].
// 王庄村 (青禾镇, 341599101201):
//   A 60 on T, 4/2, 低保, issued on the period's first day          B 7 on T, 1/1, 特困, valid until T (expiring)
//   E 17, 6/2, valid until T + 91 (valid)                          F 59, 4/4, valid until T − 1 (expired)
//   G 4/… 3/1, frozen                                               I no certificate, 监测户
//   J 4/1, 低保, surveyed, then deceased                             L 4/3, renewed in the period
//   N 3/3, issued in the period, then reissued                       P 2/4, issued the day before the period
// 李岗村 (柳河镇, 341599102201):
//   C 6, 2/3, 低保 + 监测户                                          D 18 on T, 5/4, valid until T + 90 (expiring)
//   H 4/1, issued in the period, then the certificate cancelled     K 2/2, issued in the period, moved out
//   M 1/2 → changed to 1/1 in the period                            R 5/2, loaded by an import, issued in the period
//   S 4/3, the person cancelled (注销)
// 邻县 (341598101000): Q 4/2, issued in the period.
// Needs surveys this year: A, C, G, H, J; D last year.

let t: TestContext;
let T: string;
let FROM: string;
let Y: number;
const id: Record<string, string> = {};
let seq = 0;

const call = (as: FixtureUser, method: 'GET' | 'POST', url: string, payload?: object, lang?: string) =>
  t.call(as, method, url, payload, lang ? { 'accept-language': lang } : {});

async function ok(as: FixtureUser, url: string, payload: object, status = 200) {
  const res = await call(as, 'POST', url, payload);
  expect(res.statusCode, `${url} ${res.body}`).toBe(status);
  return res.json();
}

async function person(
  key: string,
  o: {
    region: string;
    born: string;
    cert?: [number, number, string];
    flags?: { lowIncome?: boolean; extremePoverty?: boolean; povertyMonitored?: boolean };
  },
) {
  const idNumber = makeIdNumber(o.region.slice(0, 6), o.born, 500 + ++seq * 2);
  const body = await ok(
    o.region.startsWith('341598') ? 'otherOfficer' : 'officer',
    '/api/persons',
    {
      name: `统计${seq}`,
      idNumber,
      regionCode: o.region,
      ...(o.flags ? { flags: o.flags } : {}),
      ...(o.cert
        ? { certificate: { number: makeCertificateNumber(idNumber, o.cert[0], o.cert[1]), issuedOn: o.cert[2] } }
        : {}),
    },
    201,
  );
  id[key] = body.id;
}

const certAction = (key: string, body: object) => ok('officer', `/api/persons/${id[key]}/certificate`, body);
const setValidUntil = (key: string, date: string) =>
  t.database.db.execute(sql`update persons set cert_valid_until = ${date} where id = ${id[key]!}`);

beforeAll(async () => {
  t = await createTestContext();
  T = todayInChina(t.now());
  FROM = addDays(T, -60);
  Y = Number(T.slice(0, 4));
  const V1 = '341599101201';
  const V2 = '341599102201';
  const old = addDays(T, -1000);
  const ago = (years: number, days = 0) => addDays(addYears(T, -years), days);

  await person('A', { region: V1, born: ago(60), cert: [4, 2, FROM], flags: { lowIncome: true } });
  await person('B', { region: V1, born: ago(7), cert: [1, 1, old], flags: { extremePoverty: true } });
  await person('C', {
    region: V2,
    born: ago(7, 1),
    cert: [2, 3, addDays(T, -200)],
    flags: { lowIncome: true, povertyMonitored: true },
  });
  await person('D', { region: V2, born: ago(18), cert: [5, 4, old] });
  await person('E', { region: V1, born: ago(18, 1), cert: [6, 2, old] });
  await person('F', { region: V1, born: ago(60, 1), cert: [4, 4, old] });
  await person('G', { region: V1, born: ago(46), cert: [3, 1, old] });
  await person('H', { region: V2, born: ago(51), cert: [4, 1, addDays(T, -3)] });
  await person('I', { region: V1, born: ago(36), flags: { povertyMonitored: true } });
  await person('J', { region: V1, born: ago(76), cert: [4, 1, old], flags: { lowIncome: true } });
  await person('K', { region: V2, born: ago(41), cert: [2, 2, addDays(T, -10)] });
  await person('L', { region: V1, born: ago(66), cert: [4, 3, addDays(addYears(T, -9), -30)] });
  await person('M', { region: V2, born: ago(56), cert: [1, 2, old] });
  await person('N', { region: V1, born: ago(38), cert: [3, 3, addDays(T, -20)] });
  await person('P', { region: V1, born: ago(34), cert: [2, 4, addDays(FROM, -1)] });
  await person('R', { region: V2, born: ago(60, -30), cert: [5, 2, addDays(T, -30)] });
  await person('S', { region: V2, born: ago(44), cert: [4, 3, old] });
  await person('Q', { region: '341598101000', born: ago(40), cert: [4, 2, addDays(T, -2)] });

  await setValidUntil('B', T);
  await setValidUntil('D', addDays(T, 90));
  await setValidUntil('E', addDays(T, 91));
  await setValidUntil('F', addDays(T, -1));
  // R came in through a person import (the importer marks its certificate 'import').
  await t.database.db.execute(sql`update persons set cert_event = 'import' where id = ${id.R!}`);

  await certAction('G', { action: 'freeze', reason: '核查中' });
  await certAction('H', { action: 'cancel', reason: '复核不符' });
  await certAction('L', { action: 'renew', issuedOn: addDays(T, -5) });
  await certAction('M', { action: 'change', category: 1, grade: 1, issuedOn: T });
  await certAction('N', { action: 'reissue' });

  for (const key of ['A', 'C', 'G', 'H', 'J']) {
    await ok('officer', `/api/persons/${id[key]}/needs`, { year: Y, kinds: ['rehab_training'] }, 201);
  }
  await ok('officer', `/api/persons/${id.D}/needs`, { year: Y - 1, kinds: [] }, 201);

  await ok('officer', `/api/persons/${id.J}/status`, { status: 'deceased', effectiveDate: T });
  await ok('officer', `/api/persons/${id.K}/status`, { status: 'moved_out', effectiveDate: T });
  await ok('officer', `/api/persons/${id.S}/status`, { status: 'cancelled', effectiveDate: T, reason: '复核' });
}, 180_000);
afterAll(() => t.close());

const stats = (as: FixtureUser, query: string, lang?: string) =>
  call(as, 'GET', `/api/reports/registry${query ? `?${query}` : ''}`, undefined, lang);

const grades = (g1: number, g2: number, g3: number, g4: number) => ({ '1': g1, '2': g2, '3': g3, '4': g4 });

describe('GET /api/reports/registry', () => {
  it('county: persons by status, category × grade, age band at `to`, flag, township; certificates; coverage', async () => {
    const res = await stats('officer', `from=${FROM}&to=${T}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      regionCode: '341599000000',
      regionName: '青禾县',
      from: FROM,
      to: T,
      persons: {
        total: 17,
        active: 14,
        byStatus: { active: 14, deceased: 1, moved_out: 1, cancelled: 1 },
        categoryGrade: {
          rows: [
            { category: 1, byGrade: grades(2, 0, 0, 0), total: 2 }, // B; M after its change
            { category: 2, byGrade: grades(0, 0, 1, 1), total: 2 }, // C, P
            { category: 3, byGrade: grades(1, 0, 1, 0), total: 2 }, // G (frozen), N
            { category: 4, byGrade: grades(0, 1, 1, 1), total: 3 }, // A, L, F (expired)
            { category: 5, byGrade: grades(0, 1, 0, 1), total: 2 }, // R, D
            { category: 6, byGrade: grades(0, 1, 0, 0), total: 1 }, // E
            { category: 7, byGrade: grades(0, 0, 0, 0), total: 0 },
          ],
          gradeTotals: grades(3, 3, 3, 3),
          withCertificate: 12,
          withoutCertificate: 2, // H (cancelled certificate), I (none)
        },
        byAgeGroup: [
          { ageGroup: '0-6', minAge: 0, maxAge: 6, count: 1 }, // C
          { ageGroup: '7-17', minAge: 7, maxAge: 17, count: 2 }, // B (7 on T), E
          { ageGroup: '18-59', minAge: 18, maxAge: 59, count: 8 }, // D (18 on T), F (59), G, H, I, M, N, P
          { ageGroup: '60+', minAge: 60, maxAge: null, count: 3 }, // A (60 on T), L, R
        ],
        flags: { lowIncome: 2, extremePoverty: 1, povertyMonitored: 2, any: 4 },
        byRegion: [
          { regionCode: '341599101000', regionName: '青禾镇', active: 9, surveyed: 2, coverageRate: 22.22 },
          { regionCode: '341599102000', regionName: '柳河镇', active: 5, surveyed: 2, coverageRate: 40 },
        ],
      },
      certificates: {
        // issued: A (on the first day), H (then cancelled), K (moved out since), N (then reissued); not P
        // (the day before), R (imported), Q (other county)
        events: { issued: 4, renewed: 1, changed: 1, reissued: 1, cancelled: 1, imported: 1 },
        status: { valid: 8, expiring: 2, expired: 1, frozen: 1, cancelled: 1, none: 1 },
        expiringWithinDays: 90,
      },
      needsUpdate: { year: Y, active: 14, surveyed: 4, rate: 28.57 },
    });
  });

  it('agrees with the raw rows', async () => {
    const body = (await stats('admin', `from=${FROM}&to=${T}`)).json();
    const raw = rowsOf<{ category: number | null; n: number }>(
      await t.database.db.execute(sql`
        select case when cert_state <> 'cancelled' then category end as category, count(*)::int as n
        from persons where county_code = '341599' and status = 'active' group by 1`),
    );
    expect(body.persons.active).toBe(raw.reduce((s, r) => s + r.n, 0));
    for (const row of body.persons.categoryGrade.rows) {
      expect(row.total).toBe(raw.find((r) => r.category === row.category)?.n ?? 0);
    }
    const [surveys] = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`
        select count(*)::int as n from need_surveys s join persons p on p.id = s.person_id
        where s.year = ${Y} and p.status = 'active' and p.county_code = '341599'`),
    );
    expect(body.needsUpdate.surveyed).toBe(surveys!.n);
  });

  it('ages, expiry and coverage follow `to`; events follow the period', async () => {
    const dayBefore = addDays(T, -1);
    const body = (await stats('officer', `from=${addDays(FROM, -1)}&to=${dayBefore}`)).json();
    // B is 6 the day before turning 7, D 17, A 59.
    expect(body.persons.byAgeGroup.map((b: { count: number }) => b.count)).toEqual([2, 2, 8, 2]);
    // Within 90 days of T − 1: B (valid until T) and F (until T − 1: its last day, not expired yet); D
    // (until T + 90) is 91 days away, valid.
    expect(body.certificates.status).toMatchObject({ valid: 9, expiring: 2, expired: 0 });
    // P now falls in the period; M's change (issued T) and the reissue, cancel and change recorded today do not.
    expect(body.certificates.events).toMatchObject({ issued: 5, changed: 0, reissued: 0, cancelled: 0 });
    expect(body.needsUpdate.year).toBe(Number(dayBefore.slice(0, 4)));
  });

  it('default period: this year so far', async () => {
    const body = (await stats('auditor', '')).json();
    expect(body).toMatchObject({ from: `${Y}-01-01`, to: T, regionCode: '341599000000' });
  });

  it('a township user sees its township, broken down by village; a county user may drill down', async () => {
    const own = (await stats('township', `from=${FROM}&to=${T}`)).json();
    expect(own).toMatchObject({
      regionCode: '341599101000',
      regionName: '青禾镇',
      persons: {
        total: 10,
        active: 9,
        byStatus: { active: 9, deceased: 1, moved_out: 0, cancelled: 0 },
        byRegion: [{ regionCode: '341599101201', regionName: '王庄村', active: 9, surveyed: 2, coverageRate: 22.22 }],
      },
      certificates: { events: { issued: 2, renewed: 1, changed: 0, reissued: 1, cancelled: 0, imported: 0 } },
      needsUpdate: { active: 9, surveyed: 2, rate: 22.22 },
    });
    const drill = (await stats('officer', `regionCode=341599102000&from=${FROM}&to=${T}`)).json();
    expect(drill.persons).toMatchObject({ active: 5, byStatus: { moved_out: 1, cancelled: 1 } });
    expect(drill.certificates.events).toEqual({
      issued: 2, // H, K
      renewed: 0,
      changed: 1,
      reissued: 0,
      cancelled: 1,
      imported: 1,
    });
    const village = (await stats('village', `from=${FROM}&to=${T}`)).json();
    expect(village).toMatchObject({ regionCode: '341599101201', persons: { active: 9 } });
    const other = (await stats('otherOfficer', `from=${FROM}&to=${T}`)).json();
    expect(other).toMatchObject({ persons: { active: 1 }, certificates: { events: { issued: 1 } } });
    const whole = (await stats('root', `from=${FROM}&to=${T}`)).json();
    expect(whole).toMatchObject({ regionCode: null, persons: { active: 15 } });
    expect(whole.persons.byRegion.map((r: { regionCode: string }) => r.regionCode)).toEqual([
      '341598000000',
      '341599000000',
    ]);
  });

  it('refuses roles without persons.read (403) and regions outside the scope or unknown (404)', async () => {
    const res = await stats('institution', '');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    for (const [as, region] of [
      ['township', '341599102000'],
      ['township', '341599000000'],
      ['village', '341599101000'],
      ['otherOfficer', '341599000000'],
      ['officer', '341598000000'],
      ['officer', '341599103000'],
    ] as const) {
      const refused = await stats(as, `regionCode=${region}`);
      expect(refused.statusCode, `${as} ${region}`).toBe(404);
      expect(refused.json().error.code).toBe('REGION_NOT_FOUND');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/registry' })).statusCode).toBe(401);
  });

  it('bad dates: 400 with the field, in Chinese or English', async () => {
    const zh = await stats('officer', `from=${Y}-02-30`);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toEqual({
      code: 'VALIDATION',
      message: '输入有误，请检查标出的字段',
      fields: { from: '日期格式应为 YYYY-MM-DD' },
    });
    const en = await stats('officer', 'to=2026/05/01', 'en');
    expect(en.json().error).toEqual({
      code: 'VALIDATION',
      message: 'Invalid input: check the fields marked',
      fields: { to: 'Dates are written YYYY-MM-DD' },
    });
    const reversed = await stats('officer', `from=${T}&to=${FROM}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields).toEqual({ to: '结束日期不能早于开始日期' });
    const reversedEn = await stats('officer', `from=${T}&to=${FROM}`, 'en');
    expect(reversedEn.json().error.fields).toEqual({ to: 'The end date cannot be before the start date' });
    const future = await stats('officer', `from=${addDays(T, 1)}`);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({ from: '日期不能晚于今天' });
    const unknown = await stats('officer', 'since=2026-01-01');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ since: '不认识的字段' });
  });
});
