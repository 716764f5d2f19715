import {
  DISABILITY_CATEGORIES,
  evaluateRule,
  makeCertificateNumber,
  makeIdNumber,
  type PersonFacts,
  type Rule,
  todayInChina,
} from '@huican/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, persons, programYears } from '../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';
import { loadFactsForMany } from '../applications/person-facts.js';
import { GRADES, type MonthlyStandard } from './entitlement-sql.js';
import { addMonths, monthOf } from './months.js';

// Property: for a random small registry (statuses with effective dates, certificates ending or frozen,
// flags, grades, ages, applications filed in random months of two years, approved or not), random
// standards and rules per year, the monthly cycle's total is the sum, over every month from each enrolled
// person's month of application to the period, of the standard of the persons core's evaluateRule admits
// on that month's first day — computed here in TypeScript, person by person and month by month.

let t: TestContext;
/** A past year: every month of it is over (the arbitraries below need it before the context exists). */
const Y = Number(todayInChina().slice(0, 4)) - 1;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const ACTIVE: Rule = { fact: 'personStatus', in: ['active'] };
const RULES: Rule[] = [
  // the living subsidy's default
  {
    all: [
      { fact: 'certificateStatus', in: ['valid', 'expiring'] },
      { fact: 'flag', flag: 'lowIncome', is: true },
      { fact: 'flag', flag: 'extremePoverty', is: false },
      ACTIVE,
    ],
  },
  // month-sensitive: the 60th birthday, a certificate "valid" only while more than 90 days from its end
  { all: [ACTIVE, { fact: 'age', min: 60 }] },
  { all: [{ fact: 'certificateStatus', in: ['valid'] }, { not: { fact: 'flag', flag: 'lowIncome', is: false } }] },
  {
    any: [
      { fact: 'grade', in: [1, 2] },
      { fact: 'category', in: [5, 6] },
    ],
  },
  // a rule that admits the dead as of the day: status is judged as it stood then
  { not: { fact: 'personStatus', in: ['deceased'] } },
];
const REGIONS = ['341599101201', '341599102201', '341599101000', '341598101000'];

/** A day of the two years Y-1 and Y: month index 0–23 (and a little beyond, for certificates). */
const dayArb = (maxMonth: number) =>
  fc.record({ month: fc.integer({ min: 0, max: maxMonth }), day: fc.integer({ min: 1, max: 28 }) });
const dateOf = (d: { month: number; day: number }) =>
  `${addMonths(`${Y - 1}-01`, d.month)}-${String(d.day).padStart(2, '0')}`;

const personArb = fc.record({
  status: fc.constantFrom('active', 'active', 'active', 'deceased', 'moved_out', 'cancelled'),
  statusDate: dayArb(23),
  certState: fc.constantFrom('normal', 'normal', 'normal', 'normal', 'frozen', 'cancelled'),
  validUntil: dayArb(40),
  grade: fc.integer({ min: 1, max: 4 }),
  category: fc.constantFrom(...DISABILITY_CATEGORIES),
  lowIncome: fc.boolean(),
  extremePoverty: fc.boolean(),
  // around the 60th birthday during the two years, or far from it
  birth: fc.oneof(
    dayArb(23).map((d) => ({ ...d, yearsBack: 60 })),
    fc.constant({ month: 0, day: 1, yearsBack: 30 }),
  ),
  region: fc.constantFrom(...REGIONS),
  apps: fc.uniqueArray(
    fc.record({
      year: fc.constantFrom(Y - 1, Y),
      status: fc.constantFrom('approved', 'approved', 'approved', 'completed', 'submitted', 'rejected'),
      applied: dayArb(23),
    }),
    { minLength: 1, maxLength: 2, selector: (a) => a.year },
  ),
});

const standardArb = fc.tuple(...GRADES.map(() => fc.constantFrom(0, 5_000, 8_000, 12_345))) as fc.Arbitrary<
  [number, number, number, number]
>;

const caseArb = fc.record({
  people: fc.array(personArb, { minLength: 5, maxLength: 25 }),
  standards: fc.tuple(standardArb, standardArb),
  rules: fc.tuple(fc.constantFrom(...RULES), fc.constantFrom(...RULES)),
  periodMonth: fc.integer({ min: 12, max: 23 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

async function reset() {
  await t.database.db.execute(sql`delete from payment_lines`);
  await t.database.db.execute(sql`delete from payment_cycles`);
  await t.database.db.execute(sql`delete from applications`);
  await t.database.db.execute(sql`delete from persons`);
  await t.database.db.execute(sql`delete from program_years where program_code = 'living_subsidy'`);
}

async function load(c: Case) {
  const standards = c.standards.map((s) => Object.fromEntries(GRADES.map((g, i) => [g, s[i]!])) as MonthlyStandard);
  await t.database.db.insert(programYears).values(
    [Y - 1, Y].map((year, i) => ({
      programCode: 'living_subsidy',
      year,
      rule: c.rules[i]!,
      monthlyCentsByGrade: standards[i]!,
    })),
  );
  const rows = await t.database.db
    .insert(persons)
    .values(
      c.people.map((p, i) => {
        const birthDate = `${Number(dateOf(p.birth).slice(0, 4)) - p.birth.yearsBack}${dateOf(p.birth).slice(4)}`;
        const idNumber = makeIdNumber('341599', birthDate, i);
        return {
          name: `性质${i}`,
          namePinyin: `xingzhi${i}`,
          nameInitials: 'xz',
          idNumber,
          gender: Number(idNumber[16]) % 2 === 1 ? ('male' as const) : ('female' as const),
          birthDate,
          regionCode: p.region,
          countyCode: p.region.slice(0, 6),
          lowIncome: p.lowIncome,
          extremePoverty: p.extremePoverty,
          status: p.status as 'active',
          statusDate: p.status === 'active' ? null : dateOf(p.statusDate),
          certNumber: makeCertificateNumber(idNumber, p.category, p.grade),
          category: p.category,
          grade: p.grade,
          certIssuedOn: '2016-01-01',
          certValidUntil: dateOf(p.validUntil),
          certState: p.certState as 'normal',
        };
      }),
    )
    .returning();
  const apps = c.people.flatMap((p, i) =>
    p.apps.map((a) => ({
      personId: rows[i]!.id,
      programCode: 'living_subsidy',
      year: a.year,
      regionCode: p.region,
      countyCode: p.region.slice(0, 6),
      status: a.status as 'approved',
      filedAt: new Date(),
      appliedOn: dateOf(a.applied),
      updatedAt: new Date(),
    })),
  );
  if (apps.length > 0) await t.database.db.insert(applications).values(apps);
  return { rows, standards };
}

/** The expected total and count, in TypeScript: core's evaluator month by month. */
async function expected(c: Case, rows: (typeof persons.$inferSelect)[], standards: MonthlyStandard[]) {
  const period = addMonths(`${Y - 1}-01`, c.periodMonth);
  let total = 0;
  let count = 0;
  const since = new Map<string, string>();
  c.people.forEach((p, i) => {
    const held = p.apps
      .filter((a) => a.status === 'approved' || a.status === 'completed')
      .map((a) => dateOf(a.applied));
    if (held.length > 0) since.set(rows[i]!.id, held.sort()[0]!.slice(0, 7));
  });
  for (let m = `${Y - 1}-01`; m <= period; m = addMonths(m, 1)) {
    const month = monthOf(m);
    const yearIndex = month.year - (Y - 1);
    const enrolled = rows.filter((row) => (since.get(row.id) ?? '9999-99') <= m && row.regionCode.startsWith('341599'));
    const facts = await loadFactsForMany(
      t.database.db,
      enrolled.map((person) => ({ person, year: month.year })),
      month.first,
    );
    for (const row of enrolled) {
      const activeThen = row.status === 'active' || (row.statusDate !== null && row.statusDate >= month.first);
      const certificate = row.certState === 'normal' && row.certValidUntil! >= month.first;
      const amount = standards[yearIndex]![String(row.grade) as '1'];
      if (!activeThen || !certificate || amount <= 0) continue;
      const f: PersonFacts = { ...facts.get(`${row.id}/${month.year}`)!, status: activeThen ? 'active' : row.status };
      if (!evaluateRule(c.rules[yearIndex]!, f, month.first).eligible) continue;
      total += amount;
      count++;
    }
  }
  return { period, total, count };
}

describe('monthly cycle total (property)', () => {
  it('equals the sum of the standards of the persons the evaluator admits, month by month', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        await reset();
        const { rows, standards } = await load(c);
        const want = await expected(c, rows, standards);
        const res = await t.call('officer', 'POST', '/api/cycles', {
          programCode: 'living_subsidy',
          period: want.period,
        });
        expect(res.statusCode, res.body).toBe(201);
        expect({ total: res.json().totalCents, count: res.json().count }).toEqual({
          total: want.total,
          count: want.count,
        });
      }),
      { numRuns: 15, seed: 20261125 },
    );
  }, 120_000);
});
