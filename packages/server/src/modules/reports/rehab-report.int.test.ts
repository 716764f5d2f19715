import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createTestContext, type FixtureUser, type TestContext } from '../../test-support/index.js';

// The rehabilitation report of a hand-built county with known answers (GET /api/reports/rehab). Persons
// are written with SQL (to choose their birth dates and categories freely); needs and services are
// recorded through the API, as a township officer would.

let t: TestContext;
const YEAR = 2025;
let sequence = 0;

const call = (as: FixtureUser | null, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
  t.call(as, method, url, payload, headers);

async function person(region: string, birthDate: string, category: number | null): Promise<string> {
  sequence++;
  const id = String(sequence).padStart(18, '0');
  const [row] = rowsOf<{ id: string }>(
    await t.database.db.execute(sql`
      insert into persons (name, name_pinyin, name_initials, id_number, gender, birth_date, region_code, county_code,
        category, grade, cert_number, cert_issued_on, cert_valid_until, cert_state)
      values ('康复' || ${sequence}, 'kangfu', 'kf', ${id}, 'female', ${birthDate}, ${region}, left(${region}, 6),
        ${category}, ${category === null ? null : 3}, ${category === null ? null : `${id}${category}3`},
        ${category === null ? null : '2020-01-01'}, ${category === null ? null : '2030-01-01'},
        ${category === null ? null : 'normal'})
      returning id`),
  );
  return row!.id;
}

async function needs(personId: string, year: number, kinds: string[], as: FixtureUser = 'officer') {
  const res = await call(as, 'POST', `/api/persons/${personId}/needs`, { year, kinds });
  expect(res.statusCode, res.body).toBe(201);
}

async function service(personId: string, year: number, kind: string, as: FixtureUser = 'officer') {
  const res = await call(as, 'POST', `/api/persons/${personId}/services`, { year, kind, date: `${year}-06-15` });
  expect(res.statusCode, res.body).toBe(201);
}

const figures = (
  needsCount: number,
  served: number,
  serviceRate: number | null,
  deviceNeeds: number,
  deviceFitted: number,
  fittingRate: number | null,
) => ({ needs: needsCount, served, serviceRate, deviceNeeds, deviceFitted, fittingRate });

beforeAll(async () => {
  t = await createTestContext();
  // A: 5 at the year's end, physical; a training need met.
  const a = await person('341599101201', '2020-03-01', 4);
  await needs(a, YEAR, ['rehab_training', 'education']);
  await service(a, YEAR, 'rehab_training');
  // B: 75, vision; device and medication needs, medicine twice, no device: served, not fitted.
  const b = await person('341599101201', '1950-12-31', 1);
  await needs(b, YEAR, ['assistive_device', 'medication'], 'township');
  await service(b, YEAR, 'medication', 'township');
  await service(b, YEAR, 'medication', 'village');
  // C: 15, intellectual, in 柳河镇; a device need, a device fitted (and one the year before).
  const c = await person('341599102201', '2010-01-01', 5);
  await needs(c, YEAR, ['assistive_device']);
  await service(c, YEAR, 'assistive_device', 'township2');
  await service(c, YEAR - 1, 'assistive_device');
  // D: no rehabilitation need (nursing, education), a training all the same: not counted.
  const d = await person('341599102201', '1980-05-05', null);
  await needs(d, YEAR, ['nursing', 'education']);
  await service(d, YEAR, 'rehab_training');
  // E: 35, physical; a supportive-service need, only an education service: not served.
  const e = await person('341599101201', '1990-07-07', 4);
  await needs(e, YEAR, ['supportive_service']);
  await service(e, YEAR, 'education');
  // F: a need the year before, served this year: counted in neither year as served.
  const f = await person('341599102201', '1970-01-01', 6);
  await needs(f, YEAR - 1, ['rehab_training']);
  await service(f, YEAR, 'rehab_training');
  // G: the other county.
  const g = await person('341598101000', '1960-01-01', 2);
  await needs(g, YEAR, ['rehab_training'], 'otherOfficer');
  await service(g, YEAR, 'rehab_training', 'otherOfficer');
  // H: 6 at the year's end, registered at 青禾镇 itself, no certificate; medication twice.
  const h = await person('341599101000', '2019-01-01', null);
  await needs(h, YEAR, ['medication']);
  await service(h, YEAR, 'medication');
  await service(h, YEAR, 'medication');
}, 120_000);
afterAll(() => t.close());

describe('GET /api/reports/rehab', () => {
  it('counts persons once: the county’s service and fitting rates and their breakdowns', async () => {
    const res = await call('officer', 'GET', `/api/reports/rehab?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      year: YEAR,
      regionCode: '341599000000',
      regionName: '青禾县',
      // A, B, C, E, H need; A, B, C, H served; B and C need a device, C has one
      ...figures(5, 4, 80, 2, 1, 50),
      byRegion: [
        { regionCode: '341599101000', regionName: '青禾镇', ...figures(4, 3, 75, 1, 0, 0) },
        { regionCode: '341599102000', regionName: '柳河镇', ...figures(1, 1, 100, 1, 1, 100) },
      ],
      byCategory: [
        { category: 1, ...figures(1, 1, 100, 1, 0, 0) },
        { category: 2, ...figures(0, 0, null, 0, 0, null) },
        { category: 3, ...figures(0, 0, null, 0, 0, null) },
        { category: 4, ...figures(2, 1, 50, 0, 0, null) },
        { category: 5, ...figures(1, 1, 100, 1, 1, 100) },
        { category: 6, ...figures(0, 0, null, 0, 0, null) },
        { category: 7, ...figures(0, 0, null, 0, 0, null) },
        { category: null, ...figures(1, 1, 100, 0, 0, null) },
      ],
      byAgeGroup: [
        { ageGroup: '0-6', ...figures(2, 2, 100, 0, 0, null) },
        { ageGroup: '7-17', ...figures(1, 1, 100, 1, 1, 100) },
        { ageGroup: '18-59', ...figures(1, 0, 0, 0, 0, null) },
        { ageGroup: '60+', ...figures(1, 1, 100, 1, 0, 0) },
      ],
    });
  });

  it('gives a township user its township, by village (and the township itself)', async () => {
    const res = await call('township', 'GET', `/api/reports/rehab?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ regionCode: '341599101000', ...figures(4, 3, 75, 1, 0, 0) });
    expect(body.byRegion).toEqual([
      { regionCode: '341599101000', regionName: '青禾镇', ...figures(1, 1, 100, 0, 0, null) },
      { regionCode: '341599101201', regionName: '王庄村', ...figures(3, 2, 66.67, 1, 0, 0) },
    ]);
    const other = await call('township2', 'GET', `/api/reports/rehab?year=${YEAR}`);
    expect(other.json()).toMatchObject({ regionCode: '341599102000', ...figures(1, 1, 100, 1, 1, 100) });
    expect(other.json().byRegion).toEqual([
      { regionCode: '341599102201', regionName: '李岗村', ...figures(1, 1, 100, 1, 1, 100) },
    ]);
  });

  it('has every county for the whole database, and other years apart', async () => {
    const all = await call('root', 'GET', `/api/reports/rehab?year=${YEAR}`);
    expect(all.json()).toMatchObject({ regionCode: null, ...figures(6, 5, 83.33, 2, 1, 50) });
    expect(all.json().byRegion.map((r: { regionCode: string; needs: number }) => [r.regionCode, r.needs])).toEqual([
      ['341598000000', 1],
      ['341599000000', 5],
    ]);
    // the year before: F's need (no service that year) — C's device that year had no need recorded
    const before = await call('officer', 'GET', `/api/reports/rehab?year=${YEAR - 1}`);
    expect(before.json()).toMatchObject(figures(1, 0, 0, 0, 0, null));
    const none = await call('officer', 'GET', '/api/reports/rehab?year=2030');
    expect(none.json()).toMatchObject(figures(0, 0, null, 0, 0, null));
  });

  it('refuses regions outside the scope, bad years and roles without the registry', async () => {
    const refused = await call(
      'township',
      'GET',
      `/api/reports/rehab?year=${YEAR}&regionCode=341599102000`,
      undefined,
      {
        'accept-language': 'en',
      },
    );
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error).toMatchObject({ code: 'REGION_NOT_FOUND', message: 'Region not found' });
    expect((await call('officer', 'GET', `/api/reports/rehab?year=${YEAR}&regionCode=341598000000`)).statusCode).toBe(
      404,
    );
    expect((await call('officer', 'GET', `/api/reports/rehab?year=${YEAR}&regionCode=341599102000`)).statusCode).toBe(
      200,
    );
    const bad = await call('officer', 'GET', '/api/reports/rehab?year=20x5');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['year']);
    expect((await call('institution', 'GET', `/api/reports/rehab?year=${YEAR}`)).statusCode).toBe(403);
    expect((await call(null, 'GET', `/api/reports/rehab?year=${YEAR}`)).statusCode).toBe(401);
  });
});
