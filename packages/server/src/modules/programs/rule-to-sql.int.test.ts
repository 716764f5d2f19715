import {
  addDays,
  addYears,
  DEFAULT_PROGRAMS,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  evaluateRule,
  makeCertificateNumber,
  makeIdNumber,
  NEED_KINDS,
  PERSON_STATUSES,
  type PersonFacts,
  RULE_CERTIFICATE_STATUSES,
  RULE_FLAGS,
  type Rule,
  validateRule,
} from '@huican/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { applications, households, needSurveys, persons } from '../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';
import { loadPersonFacts } from '../applications/person-facts.js';
import { ruleToSql } from './rule-to-sql.js';

// The SQL compilation of a rule must admit exactly the persons core's evaluator admits over the facts the
// applications module loads (loadPersonFacts), person for person, on dates chosen to sit on the boundaries:
// a 29 February, the day before and after it in a common year, and an ordinary day.

const ONS = ['2026-11-25', '2024-02-29', '2025-02-28', '2025-03-01'] as const;
const REGIONS = ['341599101201', '341599102201', '341599101000', '341598101000'];
const HELD_PROGRAMS = ['living_subsidy', 'nursing_subsidy', 'child_rehab'] as const;

let t: TestContext;
let personRows: (typeof persons.$inferSelect)[] = [];
const factsOn = new Map<string, Map<string, PersonFacts>>();

/** A deterministic generator (mulberry32), so that a failure can be replayed. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  const random = seeded(20261125);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const householdIds: string[] = [];
  for (let i = 0; i < 30; i++) {
    const [h] = await db
      .insert(households)
      .values({ regionCode: '341599101201', countyCode: '341599' })
      .returning({ id: households.id });
    householdIds.push(h!.id);
  }

  // Birth dates on and around every age boundary the rules use, for every evaluation date, plus
  // 29 February birthdays; then random ones.
  const births = new Set<string>(['2020-02-29', '2008-02-29', '1964-02-29', '2019-02-28', '2019-03-01']);
  for (const on of ONS) {
    for (const age of [0, 1, 6, 7, 15, 16, 17, 18, 59, 60, 61]) {
      const b = addYears(on, -age);
      for (const d of [-1, 0, 1]) births.add(addDays(b, d));
    }
  }
  const birthList = [...births].filter((b) => b <= '2026-11-25');
  for (let i = 0; i < 60; i++) birthList.push(addDays('1940-01-01', Math.floor(random() * 31_000)));

  // End-of-validity dates on the expired / expiring / valid boundaries of every evaluation date.
  const validUntils: string[] = ['2040-01-01', '2010-01-01'];
  for (const on of ONS) for (const d of [-1, 0, 1, 89, 90, 91]) validUntils.push(addDays(on, d));

  const values: (typeof persons.$inferInsert)[] = [];
  birthList.forEach((birthDate, i) => {
    const idNumber = makeIdNumber('341599', birthDate, (i * 7) % 1000);
    const regionCode = pick(REGIONS);
    const hasCertificate = random() > 0.12;
    const category = hasCertificate ? pick(DISABILITY_CATEGORIES) : null;
    const grade = hasCertificate ? pick(DISABILITY_GRADES) : null;
    const stateRoll = random();
    values.push({
      name: `测试${i}`,
      namePinyin: `ceshi${i}`,
      nameInitials: 'cs',
      idNumber,
      gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      birthDate,
      regionCode,
      countyCode: regionCode.slice(0, 6),
      lowIncome: random() < 0.4,
      extremePoverty: random() < 0.2,
      povertyMonitored: random() < 0.2,
      status: random() < 0.75 ? 'active' : pick(PERSON_STATUSES),
      householdId: random() < 0.45 ? pick(householdIds) : null,
      certNumber: hasCertificate ? makeCertificateNumber(idNumber, category!, grade!) : null,
      category,
      grade,
      certIssuedOn: hasCertificate ? '2016-01-01' : null,
      certValidUntil: hasCertificate ? pick(validUntils) : null,
      certState: hasCertificate ? (stateRoll < 0.1 ? 'frozen' : stateRoll < 0.2 ? 'cancelled' : 'normal') : null,
    });
  });
  // Incomplete certificate data (a number without end of validity or state) counts as no certificate.
  const certified = values.filter((v) => v.certNumber);
  certified[0]!.certValidUntil = null;
  certified[1]!.certState = null;
  personRows = await db.insert(persons).values(values).returning();

  const surveys: (typeof needSurveys.$inferInsert)[] = [];
  const apps: (typeof applications.$inferInsert)[] = [];
  for (const p of personRows) {
    for (const year of [2024, 2025, 2026]) {
      if (random() < 0.35) {
        surveys.push({
          personId: p.id,
          year,
          regionCode: p.regionCode,
          method: 'home_visit',
          surveyedOn: `${year}-01-15`,
          needs: NEED_KINDS.filter(() => random() < 0.25),
        });
      }
      for (const program of HELD_PROGRAMS) {
        if (random() < 0.2) {
          apps.push({
            personId: p.id,
            programCode: program,
            year,
            regionCode: p.regionCode,
            countyCode: p.countyCode,
            status: pick(['approved', 'completed', 'submitted', 'rejected', 'withdrawn'] as const),
            filedAt: new Date(`${year}-01-10T00:00:00Z`),
            appliedOn: `${year}-01-10`,
            updatedAt: new Date(`${year}-01-10T00:00:00Z`),
          });
        }
      }
    }
  }
  await db.insert(needSurveys).values(surveys);
  await db.insert(applications).values(apps);

  for (const on of ONS) {
    const year = Number(on.slice(0, 4));
    const map = new Map<string, PersonFacts>();
    for (const p of personRows) map.set(p.id, await loadPersonFacts(db, p, year, on));
    factsOn.set(on, map);
  }
}, 120_000);
afterAll(() => t.close());

async function sqlIds(rule: Rule, on: string): Promise<string[]> {
  const { joins, where } = ruleToSql(rule, { on, year: Number(on.slice(0, 4)) });
  const rows = rowsOf<{ id: string }>(
    await t.database.db.execute(sql`select ${persons.id} as id from ${persons} ${joins} where ${where}`),
  );
  return rows.map((r) => r.id).sort();
}

function evaluatorIds(rule: Rule, on: string): string[] {
  const ids: string[] = [];
  for (const [id, facts] of factsOn.get(on)!) if (evaluateRule(rule, facts, on).eligible) ids.push(id);
  return ids.sort();
}

async function expectSameAsEvaluator(rule: Rule, on: string) {
  expect(validateRule(rule).ok, JSON.stringify(rule)).toBe(true);
  const fromSql = await sqlIds(rule, on);
  const fromCore = evaluatorIds(rule, on);
  if (fromSql.join() !== fromCore.join()) {
    const differing = [...new Set([...fromSql, ...fromCore])].filter(
      (id) => fromSql.includes(id) !== fromCore.includes(id),
    );
    const sample = differing.slice(0, 3).map((id) => ({ sql: fromSql.includes(id), facts: factsOn.get(on)!.get(id) }));
    expect.fail(
      `rule ${JSON.stringify(rule)} on ${on}: ${differing.length} persons differ, e.g. ${JSON.stringify(sample)}`,
    );
  }
  return fromSql.length;
}

const HAND_WRITTEN: Rule[] = [
  {
    not: {
      all: [
        { fact: 'age', min: 16, max: 59 },
        { fact: 'grade', in: [1, 2] },
      ],
    },
  },
  {
    any: [
      { fact: 'householdDisabledCount', min: 2 },
      { fact: 'needs', any: ['assistive_device', 'rehab_training'] },
    ],
  },
  { fact: 'householdDisabledCount', min: 3 },
  { fact: 'householdDisabledCount', min: 1 },
  {
    all: [
      { fact: 'programHeld', program: 'living_subsidy', held: true },
      { not: { fact: 'programHeld', program: 'nursing_subsidy', held: true } },
    ],
  },
  { fact: 'programHeld', program: 'child_rehab', held: false },
  { fact: 'region', within: ['341599101000'] },
  { fact: 'region', within: ['341599102201', '341598000000'] },
  { fact: 'region', within: ['000000000000'] },
  { not: { fact: 'category', in: [4] } },
  { not: { fact: 'grade', in: [3, 4] } },
  { fact: 'certificateStatus', in: ['expiring'] },
  { fact: 'certificateStatus', in: ['expired', 'none'] },
  { not: { fact: 'certificateStatus', in: ['frozen', 'cancelled'] } },
  { fact: 'age', max: 6 },
  { fact: 'age', min: 60 },
  { fact: 'age', min: 0, max: 0 },
  { not: { fact: 'age', min: 18 } },
  { fact: 'personStatus', in: ['deceased', 'moved_out'] },
  { not: { fact: 'needs', any: ['medication'] } },
  {
    any: [
      {
        all: [
          { fact: 'flag', flag: 'povertyMonitored', is: true },
          { fact: 'age', max: 17 },
        ],
      },
      {
        not: {
          any: [
            { fact: 'flag', flag: 'lowIncome', is: false },
            { fact: 'category', in: [5, 6] },
          ],
        },
      },
    ],
  },
];

describe('ruleToSql agrees with evaluateRule', () => {
  it('on a registry with every boundary case', () => {
    expect(personRows.length).toBeGreaterThan(150);
    const statuses = new Set([...factsOn.get('2026-11-25')!.values()].map((f) => f.certificateStatus));
    expect([...statuses].sort()).toEqual([...RULE_CERTIFICATE_STATUSES].sort());
    const counts = new Set([...factsOn.get('2026-11-25')!.values()].map((f) => f.householdDisabledCount));
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(3);
  });

  for (const on of ONS) {
    it(`for every seeded programme rule, on ${on}`, async () => {
      let admitted = 0;
      for (const program of DEFAULT_PROGRAMS) admitted += await expectSameAsEvaluator(program.rule, on);
      expect(admitted).toBeGreaterThan(0);
    });

    it(`for hand-written all/any/not rules, on ${on}`, async () => {
      for (const rule of HAND_WRITTEN) await expectSameAsEvaluator(rule, on);
    });
  }

  it('for random rules (property)', async () => {
    const values = <T>(items: readonly T[]) => fc.uniqueArray(fc.constantFrom(...items), { minLength: 1 });
    const fact: fc.Arbitrary<Rule> = fc.oneof(
      values(DISABILITY_CATEGORIES).map((v): Rule => ({ fact: 'category', in: [...v] })),
      values(DISABILITY_GRADES).map((v): Rule => ({ fact: 'grade', in: [...v] })),
      fc
        .tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 2 }))
        .map(([a, b, which]): Rule => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          return which === 0 ? { fact: 'age', min } : which === 1 ? { fact: 'age', max } : { fact: 'age', min, max };
        }),
      fc.tuple(fc.constantFrom(...RULE_FLAGS), fc.boolean()).map(([flag, is]): Rule => ({ fact: 'flag', flag, is })),
      values(RULE_CERTIFICATE_STATUSES).map((v): Rule => ({ fact: 'certificateStatus', in: [...v] })),
      values(PERSON_STATUSES).map((v): Rule => ({ fact: 'personStatus', in: [...v] })),
      values(['341599101000', '341599102201', '341598000000', '341599000000']).map(
        (v): Rule => ({ fact: 'region', within: [...v] }),
      ),
      fc.integer({ min: 1, max: 4 }).map((min): Rule => ({ fact: 'householdDisabledCount', min })),
      fc
        .tuple(fc.constantFrom(...HELD_PROGRAMS), fc.boolean())
        .map(([program, held]): Rule => ({ fact: 'programHeld', program, held })),
      values(NEED_KINDS).map((v): Rule => ({ fact: 'needs', any: [...v] })),
    );
    const rule = fc
      .letrec<{ rule: Rule }>((tie) => ({
        rule: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          fact,
          fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((all): Rule => ({ all })),
          fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((any): Rule => ({ any })),
          tie('rule').map((not): Rule => ({ not })),
        ),
      }))
      .rule.filter((r) => validateRule(r).ok);
    await fc.assert(
      fc.asyncProperty(rule, fc.constantFrom(...ONS), async (r, on) => {
        await expectSameAsEvaluator(r, on);
      }),
      { numRuns: 150, seed: 4 },
    );
  });
});
