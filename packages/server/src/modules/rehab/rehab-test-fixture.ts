// Shared set-up of the rehabilitation integration tests: designated institutions, the institution user
// linked to one, and persons created through the API.
import { makeCertificateNumber, makeIdNumber, todayInChina } from '@huican/core';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { institutions, users } from '../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';

export type RehabFixture = {
  t: TestContext;
  year: number;
  today: string;
  /** Designated for precise rehab (and children's rehab) in township 101; the institution user's. */
  centre: string;
  /** Designated for precise rehab in township 102; another institution. */
  other: string;
  /** In county A but not designated for precise rehab. */
  undesignated: string;
  /** Designated, in the other county. */
  elsewhere: string;
  /** `t.call`: as a fixture user (signed in on first use) or anonymously with null. */
  call: TestContext['call'];
  /** A person created by the officer in a village (default 341599101201); returns the id. */
  person(regionCode?: string, o?: { birthDate?: string; category?: number }): Promise<string>;
};

export async function createRehabFixture(): Promise<RehabFixture> {
  const t = await createTestContext();
  const today = todayInChina(t.now());
  const year = Number(today.slice(0, 4));
  const db = t.database.db;
  const base = { kind: 'rehab_center' as const, capacity: 30 };
  const created = await db
    .insert(institutions)
    .values([
      {
        ...base,
        name: '青禾县康复中心',
        regionCode: '341599101000',
        countyCode: '341599',
        programs: ['child_rehab', 'precise_rehab'],
      },
      { ...base, name: '柳河康复站', regionCode: '341599102000', countyCode: '341599', programs: ['precise_rehab'] },
      { ...base, name: '青禾县医院', regionCode: '341599101000', countyCode: '341599', programs: [] },
      { ...base, name: '邻县康复中心', regionCode: '341598101000', countyCode: '341598', programs: ['precise_rehab'] },
    ])
    .returning({ id: institutions.id });
  const [centre, other, undesignated, elsewhere] = created.map((c) => c.id) as [string, string, string, string];
  await db.update(users).set({ institutionId: centre }).where(eq(users.username, 'institution'));
  let seq = 0;
  const person: RehabFixture['person'] = async (regionCode = '341599101201', o = {}) => {
    seq++;
    const county = regionCode.slice(0, 6);
    const idNumber = makeIdNumber(county, o.birthDate ?? '1980-03-04', 100 + seq * 2);
    const res = await t.call(county === '341599' ? 'officer' : 'otherOfficer', 'POST', '/api/persons', {
      name: `康复${seq}`,
      idNumber,
      regionCode,
      certificate: { number: makeCertificateNumber(idNumber, o.category ?? 4, 2), issuedOn: `${year - 1}-05-01` },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  return { t, year, today, centre, other, undesignated, elsewhere, call: t.call, person };
}
