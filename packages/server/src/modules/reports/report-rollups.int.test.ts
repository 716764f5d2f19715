import { makeCertificateNumber, makeIdNumber } from '@huican/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { seedDemo } from '../../seed.js';
import { createTestContext, type FixtureUser, type TestContext } from '../../test-support/index.js';

// The report rollups (report_completions, report_rehab_persons, report_rehab_counts, kept by the triggers
// of migration 0013) must agree with the raw rows after every kind of change. Data is changed through the
// real endpoints (persons, needs, services, rehabilitation assessments and plans, certificates, moves,
// status changes, applications one by one and in bulk), then the reports and the rollup tables are compared
// with figures recomputed here by independent SQL (EXISTS per person, age from age()).

const REHAB = sql.raw(`('rehab_training', 'assistive_device', 'medication', 'supportive_service')`);
const TOWNSHIPS = ['341599101000', '341599102000'];

/** The rehabilitation counters recomputed from need_surveys, person_services and persons. */
async function rawRehabCounts(t: TestContext) {
  return rowsOf<Record<string, number | string>>(
    await t.database.db.execute(sql`
      select s.year, p.region_code, coalesce(p.category, 0) as category,
        case when extract(year from age(make_date(s.year, 12, 31), p.birth_date)) < 7 then 0
             when extract(year from age(make_date(s.year, 12, 31), p.birth_date)) < 18 then 1
             when extract(year from age(make_date(s.year, 12, 31), p.birth_date)) < 60 then 2
             else 3 end as age_group,
        count(*)::int as needs,
        count(*) filter (where exists (select 1 from person_services v
          where v.person_id = s.person_id and v.year = s.year and v.kind in ${REHAB}))::int as served,
        count(*) filter (where 'assistive_device' = any (s.needs))::int as device_needs,
        count(*) filter (where 'assistive_device' = any (s.needs) and exists (select 1 from person_services v
          where v.person_id = s.person_id and v.year = s.year and v.kind = 'assistive_device'))::int as device_fitted
      from need_surveys s join persons p on p.id = s.person_id
      where exists (select 1 from unnest(s.needs) as k where k in ${REHAB})
      group by 1, 2, 3, 4
      order by 1, 2, 3, 4`),
  );
}

async function rollupRehabCounts(t: TestContext) {
  return rowsOf<Record<string, number | string>>(
    await t.database.db.execute(sql`
      select year, region_code, category, age_group, needs, served, device_needs, device_fitted
      from report_rehab_counts
      where needs <> 0 or served <> 0 or device_needs <> 0 or device_fitted <> 0
      order by 1, 2, 3, 4`),
  );
}

async function rawCompletions(t: TestContext) {
  return rowsOf<Record<string, number | string>>(
    await t.database.db.execute(sql`
      select year, program_code, region_code, count(distinct person_id)::int as completed
      from applications where status = 'completed'
      group by 1, 2, 3 order by 1, 2, 3`),
  );
}

async function rollupCompletions(t: TestContext) {
  return rowsOf<Record<string, number | string>>(
    await t.database.db.execute(sql`
      select year, program_code, region_code, completed from report_completions where completed <> 0
      order by 1, 2, 3`),
  );
}

/** The rollup tables hold exactly what the raw rows say, for every year. */
async function expectRollupsAgree(t: TestContext) {
  expect(await rollupRehabCounts(t)).toEqual(await rawRehabCounts(t));
  expect(await rollupCompletions(t)).toEqual(await rawCompletions(t));
  // and the per-person table has one row per person and year with a rehabilitation need
  const [persons] = rowsOf<{ rollup: number; raw: number }>(
    await t.database.db.execute(sql`
      select (select count(*)::int from report_rehab_persons) as rollup,
        (select count(*)::int from need_surveys where needs && array['rehab_training', 'assistive_device',
          'medication', 'supportive_service']) as raw`),
  );
  expect(persons!.rollup).toBe(persons!.raw);
}

describe('report rollups after changes through the API', () => {
  let t: TestContext;
  const YEAR = 2026;
  let seq = 0;

  const call = (as: FixtureUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.call(as, method, url, payload);
  async function ok(as: FixtureUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    const res = await call(as, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  }

  /** A person registered through the API (a certificate of `category`, or none). */
  async function person(region: string, birthDate: string, category: number | null, as: FixtureUser = 'officer') {
    seq++;
    const idNumber = makeIdNumber(region.slice(0, 6), birthDate, seq * 2);
    const body = await ok(as, 'POST', '/api/persons', {
      name: `汇总${seq}`,
      idNumber,
      regionCode: region,
      flags: { lowIncome: true },
      ...(category
        ? { certificate: { number: makeCertificateNumber(idNumber, category, 2), issuedOn: '2022-05-01' } }
        : {}),
    });
    return body.id as string;
  }
  const needs = (id: string, year: number, kinds: string[], as: FixtureUser = 'officer') =>
    ok(as, 'POST', `/api/persons/${id}/needs`, { year, kinds });
  const service = (id: string, year: number, kind: string, as: FixtureUser = 'officer') =>
    ok(as, 'POST', `/api/persons/${id}/services`, { year, kind, date: `${year}-03-0${1 + (seq % 8)}` });

  /** The county and township reports of the year equal figures recomputed from the raw rows. */
  async function expectReportsAgree(year = YEAR) {
    const raw = rowsOf<{
      region_code: string;
      category: number;
      needs: number;
      served: number;
      device_needs: number;
      device_fitted: number;
    }>(
      await t.database.db.execute(sql`
        select rpad(left(p.region_code, 9), 12, '0') as region_code, coalesce(p.category, 0) as category,
          count(*)::int as needs,
          count(*) filter (where exists (select 1 from person_services v
            where v.person_id = s.person_id and v.year = s.year and v.kind in ${REHAB}))::int as served,
          count(*) filter (where 'assistive_device' = any (s.needs))::int as device_needs,
          count(*) filter (where 'assistive_device' = any (s.needs) and exists (select 1 from person_services v
            where v.person_id = s.person_id and v.year = s.year and v.kind = 'assistive_device'))::int as device_fitted
        from need_surveys s join persons p on p.id = s.person_id
        where s.year = ${year} and p.region_code like '341599%'
          and exists (select 1 from unnest(s.needs) as k where k in ${REHAB})
        group by 1, 2`),
    );
    const sum = (rows: typeof raw) =>
      rows.reduce(
        (a, r) => ({
          needs: a.needs + r.needs,
          served: a.served + r.served,
          deviceNeeds: a.deviceNeeds + r.device_needs,
          deviceFitted: a.deviceFitted + r.device_fitted,
        }),
        { needs: 0, served: 0, deviceNeeds: 0, deviceFitted: 0 },
      );
    const county = await ok('officer', 'GET', `/api/reports/rehab?year=${year}`);
    expect(county).toMatchObject(sum(raw));
    for (const township of TOWNSHIPS) {
      const byRegion = county.byRegion.find((r: { regionCode: string }) => r.regionCode === township);
      expect(byRegion, township).toMatchObject(sum(raw.filter((r) => r.region_code === township)));
      const own = await ok('officer', 'GET', `/api/reports/rehab?year=${year}&regionCode=${township}`);
      expect(own).toMatchObject(sum(raw.filter((r) => r.region_code === township)));
    }
    for (const c of county.byCategory as { category: number | null }[]) {
      expect(c, `category ${c.category}`).toMatchObject(sum(raw.filter((r) => r.category === (c.category ?? 0))));
    }

    const completions = rowsOf<{ program_code: string; region_code: string; completed: number }>(
      await t.database.db.execute(sql`
        select a.program_code, rpad(left(a.region_code, 9), 12, '0') as region_code,
          count(distinct a.person_id)::int as completed
        from applications a join programs p on p.code = a.program_code and p.catalogue = 'programme'
        where a.year = ${year} and a.status = 'completed' and a.region_code like '341599%'
        group by 1, 2 order by 1, 2`),
    );
    const report = await ok('officer', 'GET', `/api/reports/completion?year=${year}`);
    expect(
      report.rows
        .filter((r: { completed: number }) => r.completed > 0)
        .map((r: { programCode: string; regionCode: string; completed: number }) => ({
          program_code: r.programCode,
          region_code: r.regionCode,
          completed: r.completed,
        }))
        .sort((a: { program_code: string }, b: { program_code: string }) =>
          a.program_code.localeCompare(b.program_code),
        ),
    ).toEqual(completions);
    await expectRollupsAgree(t);
  }

  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('follows needs, services, rehabilitation assessments and plans', async () => {
    ids.a = await person('341599101201', '2021-04-04', 4);
    ids.b = await person('341599101201', '1955-02-02', 1);
    ids.c = await person('341599102201', '2012-06-06', 5, 'township2');
    ids.d = await person('341599102201', '1985-08-08', null, 'township2');
    ids.e = await person('341599101000', '1975-09-09', 6, 'township');
    await needs(ids.a, YEAR, ['rehab_training']);
    await needs(ids.b, YEAR, ['assistive_device', 'medication'], 'township');
    await needs(ids.c, YEAR, ['assistive_device'], 'township2');
    await needs(ids.d, YEAR, ['education']);
    await needs(ids.e, YEAR - 1, ['medication']);
    await expectReportsAgree();
    await service(ids.a, YEAR, 'rehab_training', 'village');
    await service(ids.b, YEAR, 'medication');
    await service(ids.c, YEAR, 'education');
    await service(ids.d, YEAR, 'rehab_training');
    await service(ids.e, YEAR - 1, 'nursing');
    await expectReportsAgree();
    await expectReportsAgree(YEAR - 1);

    // an assessment adds a device need to D's survey; a plan's service record fits C's device
    await ok('officer', 'POST', `/api/persons/${ids.d}/rehab/assessments`, {
      year: YEAR,
      place: 'home',
      assessedOn: `${YEAR}-02-01`,
      assessor: '康复评估员',
      needs: ['assistive_device'],
    });
    const plan = await ok('officer', 'POST', `/api/persons/${ids.c}/rehab/plans`, {
      year: YEAR,
      agreementSignedOn: `${YEAR}-01-10`,
      startsOn: `${YEAR}-01-15`,
      endsOn: `${YEAR}-12-15`,
      goals: '辅具适配',
      services: [{ kind: 'assistive_device', sessions: 1 }],
    });
    await ok('officer', 'POST', `/api/rehab/plans/${plan.id}/services`, {
      kind: 'assistive_device',
      date: `${YEAR}-02-20`,
    });
    await expectReportsAgree();
    const report = await ok('officer', 'GET', `/api/reports/rehab?year=${YEAR}`);
    // A, B, C, D need; A, B, C, D served (D by its earlier training); B, C, D need devices, C has one
    expect(report).toMatchObject({ needs: 4, served: 4, deviceNeeds: 3, deviceFitted: 1 });

    // a survey replaced without the rehabilitation needs takes the person out
    await needs(ids.b, YEAR, ['nursing'], 'township');
    await expectReportsAgree();
    expect(await ok('officer', 'GET', `/api/reports/rehab?year=${YEAR}`)).toMatchObject({ needs: 3, deviceNeeds: 2 });
  });

  it('follows moves, certificate changes, status changes and corrections made in SQL', async () => {
    // A moves to 柳河镇; D is issued a certificate; C's category changes; E dies
    const a = await ok('officer', 'GET', `/api/persons/${ids.a}`);
    await ok('officer', 'PATCH', `/api/persons/${ids.a}`, { version: a.version, regionCode: '341599102201' });
    const d = await ok('officer', 'GET', `/api/persons/${ids.d}`);
    await ok('officer', 'POST', `/api/persons/${ids.d}/certificate`, {
      action: 'issue',
      number: makeCertificateNumber(d.idNumber, 2, 3),
      issuedOn: `${YEAR}-03-01`,
    });
    await ok('officer', 'POST', `/api/persons/${ids.c}/certificate`, {
      action: 'change',
      category: 7,
      grade: 2,
      components: [
        { category: 5, grade: 2 },
        { category: 4, grade: 3 },
      ],
      issuedOn: `${YEAR}-04-01`,
    });
    await ok('officer', 'POST', `/api/persons/${ids.e}/status`, {
      status: 'deceased',
      effectiveDate: `${YEAR}-05-01`,
    });
    await expectReportsAgree();
    await expectReportsAgree(YEAR - 1);
    const byRegion = (await ok('officer', 'GET', `/api/reports/rehab?year=${YEAR}`)).byRegion;
    expect(byRegion.map((r: { regionCode: string; needs: number }) => [r.regionCode, r.needs])).toEqual([
      ['341599101000', 0],
      ['341599102000', 3],
    ]);

    // corrections an administrator makes in the database directly (there is no endpoint to delete):
    // a service removed, a survey removed, a service's kind corrected
    await t.database.db.execute(sql`delete from person_services where person_id = ${ids.a}`);
    await expectReportsAgree();
    await t.database.db.execute(sql`delete from need_surveys where person_id = ${ids.d}`);
    await expectReportsAgree();
    await t.database.db.execute(sql`update person_services set kind = 'rehab_training' where person_id = ${ids.d}`);
    await t.database.db.execute(
      sql`update person_services set kind = 'employment' where person_id = ${ids.c} and kind = 'assistive_device'`,
    );
    await expectReportsAgree();
  });

  it('follows applications filed, approved, completed one by one and in bulk, rejected and withdrawn', async () => {
    const people: string[] = [];
    for (let i = 0; i < 6; i++) people.push(await person(i % 2 ? '341599102201' : '341599101201', '1980-01-01', 4));
    const file = async (personId: string, programCode: string) =>
      (await ok('officer', 'POST', '/api/applications', { personId, programCode, year: YEAR })).id as string;
    const act = (id: string, action: string, comment?: string) =>
      ok('officer', 'POST', `/api/applications/${id}/actions`, { action, ...(comment ? { comment } : {}) });

    const single = await file(people[0]!, 'precise_rehab');
    await act(single, 'approve');
    await expectReportsAgree();
    await act(single, 'complete');
    await expectReportsAgree();
    // the same person completes a second programme: counted once in each
    const second = await file(people[0]!, 'living_subsidy');
    await act(second, 'approve');
    await act(second, 'complete');

    const bulk = [];
    for (const p of people.slice(1)) bulk.push(await file(p, 'precise_rehab'));
    await ok('officer', 'POST', '/api/applications/actions', { ids: bulk, action: 'approve' });
    await expectReportsAgree();
    const done = await ok('officer', 'POST', '/api/applications/actions', {
      ids: bulk.slice(0, 4),
      action: 'complete',
    });
    expect(done.succeeded).toHaveLength(4);
    await expectReportsAgree();

    const rejected = await file(people[1]!, 'living_subsidy');
    await act(rejected, 'reject', '材料不全');
    const withdrawn = await file(people[2]!, 'living_subsidy');
    await act(withdrawn, 'withdraw');
    await expectReportsAgree();
    const report = await ok('officer', 'GET', `/api/reports/completion?year=${YEAR}`);
    expect(report.totals).toMatchObject([
      { programCode: 'living_subsidy', completed: 1 },
      { programCode: 'precise_rehab', completed: 5 },
    ]);

    // a correction in SQL: an application deleted with its history
    await t.database.db.execute(sql`delete from application_events where application_id = ${single}`);
    await t.database.db.execute(sql`delete from applications where id = ${single}`);
    await expectReportsAgree();
  });

  it('stays exact under concurrent writes for the same persons', async () => {
    const people = [
      await person('341599101201', '1990-01-01', 4),
      await person('341599101201', '2018-01-01', 5),
      await person('341599102201', '1950-01-01', 1, 'township2'),
    ];
    await Promise.all(
      people.flatMap((id, i) => [
        needs(id, YEAR, i % 2 ? ['assistive_device'] : ['rehab_training', 'assistive_device']),
        service(id, YEAR, 'assistive_device'),
        service(id, YEAR, 'rehab_training'),
        needs(id, YEAR - 1, ['medication']),
        service(id, YEAR - 1, 'medication'),
      ]),
    );
    await expectReportsAgree();
    await expectReportsAgree(YEAR - 1);
  });
});

describe('report rollups after the demo seed (bulk writers)', () => {
  it('hold what the raw rows say', async () => {
    const t = await createTestContext({ fixtures: false });
    try {
      await seedDemo(t.database.db, { persons: 3000, programmes: true });
      const [sizes] = rowsOf<{ surveys: number; services: number; completed: number }>(
        await t.database.db.execute(sql`select (select count(*)::int from need_surveys) as surveys,
          (select count(*)::int from person_services) as services,
          (select count(*)::int from applications where status = 'completed') as completed`),
      );
      expect(sizes!.surveys).toBeGreaterThan(500);
      expect(sizes!.services).toBeGreaterThan(500);
      expect(sizes!.completed).toBeGreaterThan(10);
      await expectRollupsAgree(t);
      // and a rebuild from scratch gives the same counters
      const before = await rollupRehabCounts(t);
      await t.database.db.execute(sql`select report_rehab_rebuild(), report_completions_rebuild()`);
      expect(await rollupRehabCounts(t)).toEqual(before);
    } finally {
      await t.close();
    }
  }, 180_000);
});
