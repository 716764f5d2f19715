// Test helpers shared by the eligibility and programme tests (not exported from the package).

import fc from 'fast-check';
import { DISABILITY_CATEGORIES, DISABILITY_GRADES } from '../certificate.js';
import { NEED_KINDS, PERSON_STATUSES } from '../disability.js';
import { type PersonFacts, RULE_CERTIFICATE_STATUSES, RULE_FLAGS, type Rule } from './rule.js';

/** An eligible-looking adult: valid certificate, grade 2 physical, 低保, on the register. */
export function facts(overrides: Partial<PersonFacts> = {}): PersonFacts {
  return {
    category: 4,
    grade: 2,
    birthDate: '1980-03-15',
    flags: { lowIncome: true, extremePoverty: false, povertyMonitored: false },
    certificateStatus: 'valid',
    status: 'active',
    regionCode: '341522101203',
    householdDisabledCount: 1,
    programsHeld: [],
    needs: [],
    ...overrides,
  };
}

const REGIONS = ['341522000000', '341522101000', '341522101203', '341522102000', '341523000000'];
const PROGRAMS = ['living_subsidy', 'nursing_subsidy', 'accident_insurance'];

const nonEmptySubset = <T>(values: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: values.length });

export const factRuleArb: fc.Arbitrary<Rule> = fc.oneof(
  nonEmptySubset(DISABILITY_CATEGORIES).map((v): Rule => ({ fact: 'category', in: v })),
  nonEmptySubset(DISABILITY_GRADES).map((v): Rule => ({ fact: 'grade', in: v })),
  fc
    .tuple(fc.option(fc.integer({ min: 0, max: 90 })), fc.option(fc.integer({ min: 0, max: 90 })))
    .filter(([a, b]) => a !== null || b !== null)
    .map(([a, b]): Rule => {
      const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b];
      return { fact: 'age', ...(min === null ? {} : { min }), ...(max === null ? {} : { max }) };
    }),
  fc.tuple(fc.constantFrom(...RULE_FLAGS), fc.boolean()).map(([flag, is]): Rule => ({ fact: 'flag', flag, is })),
  nonEmptySubset(RULE_CERTIFICATE_STATUSES).map((v): Rule => ({ fact: 'certificateStatus', in: v })),
  nonEmptySubset(PERSON_STATUSES).map((v): Rule => ({ fact: 'personStatus', in: v })),
  nonEmptySubset(REGIONS).map((v): Rule => ({ fact: 'region', within: v })),
  fc.integer({ min: 1, max: 4 }).map((min): Rule => ({ fact: 'householdDisabledCount', min })),
  fc
    .tuple(fc.constantFrom(...PROGRAMS), fc.boolean())
    .map(([program, held]): Rule => ({ fact: 'programHeld', program, held })),
  nonEmptySubset(NEED_KINDS).map((v): Rule => ({ fact: 'needs', any: v })),
);

/** Rules up to depth 4 with at most 3 children per list (well within the validator's limits). */
export const ruleArb: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    factRuleArb,
    fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((all): Rule => ({ all })),
    fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((any): Rule => ({ any })),
    tie('rule').map((not): Rule => ({ not })),
  ),
})).rule;

export const factsArb: fc.Arbitrary<PersonFacts> = fc.record({
  category: fc.option(fc.constantFrom(...DISABILITY_CATEGORIES)),
  grade: fc.option(fc.constantFrom(...DISABILITY_GRADES)),
  birthDate: fc
    .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  flags: fc.record({ lowIncome: fc.boolean(), extremePoverty: fc.boolean(), povertyMonitored: fc.boolean() }),
  certificateStatus: fc.constantFrom(...RULE_CERTIFICATE_STATUSES),
  status: fc.constantFrom(...PERSON_STATUSES),
  regionCode: fc.constantFrom('341522101203', '341522102201', '341523100200'),
  householdDisabledCount: fc.integer({ min: 1, max: 5 }),
  programsHeld: fc.subarray(PROGRAMS),
  needs: fc.subarray([...NEED_KINDS]),
});

export const onArb: fc.Arbitrary<string> = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
