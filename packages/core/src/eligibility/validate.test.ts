import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleArb } from './fixtures.js';
import { ruleProblemMessage } from './messages.js';
import { RULE_MAX_DEPTH, RULE_MAX_NODES, RULE_PROBLEM_KEYS, type RuleProblem } from './rule.js';
import { validateRule } from './validate.js';

function problems(json: unknown, options = {}): RuleProblem[] {
  const result = validateRule(json, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

const LEAF = { fact: 'grade', in: [1, 2] };

function nestedNots(depth: number): unknown {
  let rule: unknown = LEAF;
  for (let i = 1; i < depth; i++) rule = { not: rule };
  return rule;
}

describe('validateRule accepts', () => {
  it('every fact and connective, returning a fresh copy', () => {
    const json = {
      all: [
        { fact: 'category', in: [1, 7] },
        { fact: 'grade', in: [1, 2] },
        { fact: 'age', min: 0, max: 6 },
        { fact: 'age', min: 16 },
        { fact: 'age', max: 60 },
        { fact: 'flag', flag: 'lowIncome', is: true },
        { fact: 'certificateStatus', in: ['valid', 'expiring', 'none'] },
        { fact: 'personStatus', in: ['active'] },
        { fact: 'region', within: ['341522100000', '000000000000'] },
        { fact: 'householdDisabledCount', min: 2 },
        { fact: 'programHeld', program: 'living_subsidy', held: false },
        { any: [{ fact: 'needs', any: ['nursing'] }, { not: { fact: 'flag', flag: 'extremePoverty', is: true } }] },
      ],
    };
    const result = validateRule(json);
    expect(result).toEqual({ ok: true, rule: json });
    if (result.ok) expect(result.rule).not.toBe(json);
  });
  it('an age rule with min = max', () => {
    expect(validateRule({ fact: 'age', min: 6, max: 6 }).ok).toBe(true);
  });
  it(`nesting of exactly ${RULE_MAX_DEPTH} and exactly ${RULE_MAX_NODES} nodes`, () => {
    expect(validateRule(nestedNots(RULE_MAX_DEPTH)).ok).toBe(true);
    expect(validateRule({ all: Array.from({ length: RULE_MAX_NODES - 1 }, () => LEAF) }).ok).toBe(true);
  });
  it('any generated rule, unchanged through JSON', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        expect(validateRule(JSON.parse(JSON.stringify(rule)))).toEqual({ ok: true, rule });
      }),
    );
  });
});

describe('validateRule reports', () => {
  it('NOT_AN_OBJECT for non-objects, arrays and class instances', () => {
    for (const json of [null, undefined, 3, 'all', [LEAF], new Date()]) {
      expect(problems(json)).toEqual([{ path: '', key: 'NOT_AN_OBJECT' }]);
    }
    expect(problems({ all: [LEAF, null] })).toEqual([{ path: 'all.1', key: 'NOT_AN_OBJECT' }]);
  });
  it('NOT_A_RULE without all, any, not or fact', () => {
    expect(problems({ in: [1] })).toEqual([{ path: '', key: 'NOT_A_RULE', params: { keys: ['in'] } }]);
  });
  it('AMBIGUOUS_RULE with two of all, any, not, fact', () => {
    expect(problems({ all: [LEAF], not: LEAF })).toEqual([
      { path: '', key: 'AMBIGUOUS_RULE', params: { keys: ['all', 'not'] } },
    ]);
  });
  it('UNKNOWN_KEY on connectives and facts', () => {
    expect(problems({ all: [LEAF], comment: 'x' })).toEqual([
      { path: 'comment', key: 'UNKNOWN_KEY', params: { key: 'comment' } },
    ]);
    expect(problems({ all: [LEAF, { fact: 'grade', in: [1], max: 2 }] })).toEqual([
      { path: 'all.1.max', key: 'UNKNOWN_KEY', params: { key: 'max' } },
    ]);
    // a fact is told by its `fact` key: a connective key beside it is unknown (the needs fact's own `any` is not)
    expect(problems({ fact: 'grade', in: [1], all: [LEAF] })).toEqual([
      { path: 'all', key: 'UNKNOWN_KEY', params: { key: 'all' } },
    ]);
  });
  it('MISSING_KEY', () => {
    expect(problems({ fact: 'flag', flag: 'lowIncome' })).toEqual([
      { path: 'is', key: 'MISSING_KEY', params: { key: 'is' } },
    ]);
    expect(problems({ fact: 'programHeld' }).map((p) => p.path)).toEqual(['program', 'held']);
  });
  it('UNKNOWN_FACT', () => {
    const [p] = problems({ any: [LEAF, { fact: 'income', min: 1 }] });
    expect(p).toMatchObject({ path: 'any.1.fact', key: 'UNKNOWN_FACT', params: { fact: 'income' } });
  });
  it('NOT_A_LIST and EMPTY_LIST', () => {
    expect(problems({ all: LEAF })).toEqual([{ path: 'all', key: 'NOT_A_LIST' }]);
    expect(problems({ any: [] })).toEqual([{ path: 'any', key: 'EMPTY_LIST' }]);
    expect(problems({ all: [LEAF, { fact: 'category', in: 5 }] })).toEqual([{ path: 'all.1.in', key: 'NOT_A_LIST' }]);
    expect(problems({ all: [LEAF, { fact: 'category', in: [] }] })).toEqual([{ path: 'all.1.in', key: 'EMPTY_LIST' }]);
    expect(problems({ fact: 'region', within: [] })).toEqual([{ path: 'within', key: 'EMPTY_LIST' }]);
  });
  it('DUPLICATE_VALUE', () => {
    expect(problems({ fact: 'needs', any: ['nursing', 'education', 'nursing'] })).toEqual([
      { path: 'any.2', key: 'DUPLICATE_VALUE', params: { value: 'nursing' } },
    ]);
  });
  it('VALUE_NOT_ALLOWED for each enumeration', () => {
    const cases: [unknown, string, unknown][] = [
      [{ fact: 'category', in: [1, 8] }, 'in.1', 8],
      [{ fact: 'category', in: ['1'] }, 'in.0', '1'],
      [{ fact: 'grade', in: [0] }, 'in.0', 0],
      [{ fact: 'grade', in: [2.5] }, 'in.0', 2.5],
      [{ fact: 'certificateStatus', in: ['valid', 'revoked'] }, 'in.1', 'revoked'],
      [{ fact: 'personStatus', in: ['dead'] }, 'in.0', 'dead'],
      [{ fact: 'needs', any: ['money'] }, 'any.0', 'money'],
      [{ fact: 'flag', flag: 'poor', is: true }, 'flag', 'poor'],
    ];
    for (const [json, path, value] of cases) {
      const [p, ...rest] = problems(json);
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ path, key: 'VALUE_NOT_ALLOWED', params: { value } });
    }
  });
  it('BAD_REGION_CODE', () => {
    expect(problems({ fact: 'region', within: ['341522100000', '341522', 341522100000] })).toEqual([
      { path: 'within.1', key: 'BAD_REGION_CODE', params: { value: '341522' } },
      { path: 'within.2', key: 'BAD_REGION_CODE', params: { value: 341522100000 } },
    ]);
  });
  it('BAD_PROGRAM_CODE and UNKNOWN_PROGRAM', () => {
    expect(problems({ fact: 'programHeld', program: 'Living Subsidy', held: true })).toEqual([
      { path: 'program', key: 'BAD_PROGRAM_CODE', params: { value: 'Living Subsidy' } },
    ]);
    const rule = { fact: 'programHeld', program: 'living_subsidy', held: true };
    expect(validateRule(rule).ok).toBe(true);
    expect(validateRule(rule, { programCodes: ['living_subsidy'] }).ok).toBe(true);
    expect(problems(rule, { programCodes: ['nursing_subsidy'] })).toEqual([
      { path: 'program', key: 'UNKNOWN_PROGRAM', params: { value: 'living_subsidy' } },
    ]);
  });
  it('NOT_A_BOOLEAN', () => {
    expect(problems({ fact: 'flag', flag: 'lowIncome', is: 'yes' })).toEqual([
      { path: 'is', key: 'NOT_A_BOOLEAN', params: { value: 'yes' } },
    ]);
    expect(problems({ fact: 'programHeld', program: 'living_subsidy', held: 1 })).toEqual([
      { path: 'held', key: 'NOT_A_BOOLEAN', params: { value: 1 } },
    ]);
  });
  it('NOT_AN_INTEGER and OUT_OF_RANGE', () => {
    expect(problems({ fact: 'age', min: 6.5 })).toEqual([
      { path: 'min', key: 'NOT_AN_INTEGER', params: { value: 6.5 } },
    ]);
    expect(problems({ fact: 'age', max: '6' })).toEqual([
      { path: 'max', key: 'NOT_AN_INTEGER', params: { value: '6' } },
    ]);
    expect(problems({ fact: 'age', min: -1 })).toEqual([
      { path: 'min', key: 'OUT_OF_RANGE', params: { value: -1, min: 0, max: 150 } },
    ]);
    expect(problems({ fact: 'householdDisabledCount', min: 0 })).toEqual([
      { path: 'min', key: 'OUT_OF_RANGE', params: { value: 0, min: 1, max: 99 } },
    ]);
  });
  it('MISSING_BOUND for an age rule without bounds', () => {
    expect(problems({ fact: 'age' })).toEqual([{ path: '', key: 'MISSING_BOUND' }]);
  });
  it('MIN_GREATER_THAN_MAX', () => {
    expect(problems({ all: [LEAF, { fact: 'age', min: 7, max: 6 }] })).toEqual([
      { path: 'all.1', key: 'MIN_GREATER_THAN_MAX', params: { min: 7, max: 6 } },
    ]);
  });
  it(`TOO_DEEP beyond ${RULE_MAX_DEPTH} levels`, () => {
    expect(problems(nestedNots(RULE_MAX_DEPTH + 1))).toEqual([
      { path: Array(RULE_MAX_DEPTH).fill('not').join('.'), key: 'TOO_DEEP', params: { max: RULE_MAX_DEPTH } },
    ]);
  });
  it(`TOO_MANY_NODES beyond ${RULE_MAX_NODES}, once`, () => {
    expect(problems({ all: Array.from({ length: RULE_MAX_NODES * 5 }, () => LEAF) })).toEqual([
      { path: '', key: 'TOO_MANY_NODES', params: { max: RULE_MAX_NODES } },
    ]);
  });
  it('every problem at once, with paths into the tree', () => {
    const found = problems({
      all: [{ fact: 'category', in: [0, 1, 1], note: 'x' }, { any: [] }, { not: { fact: 'age', min: 9, max: 3 } }],
    });
    expect(found.map((p) => `${p.path} ${p.key}`)).toEqual([
      'all.0.note UNKNOWN_KEY',
      'all.0.in.0 VALUE_NOT_ALLOWED',
      'all.0.in.2 DUPLICATE_VALUE',
      'all.1.any EMPTY_LIST',
      'all.2.not MIN_GREATER_THAN_MAX',
    ]);
  });
});

describe('ruleProblemMessage', () => {
  it('words every problem key in both languages', () => {
    const params = { key: 'k', keys: ['all', 'any'], fact: 'f', value: 'v', allowed: [1, 2], min: 1, max: 2 };
    for (const key of RULE_PROBLEM_KEYS) {
      for (const lang of ['zh', 'en'] as const) {
        const text = ruleProblemMessage({ path: '', key, params }, lang);
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/undefined|\[object/);
      }
    }
  });
  it('reads naturally', () => {
    const p: RuleProblem = { path: 'all.0', key: 'MIN_GREATER_THAN_MAX', params: { min: 7, max: 6 } };
    expect(ruleProblemMessage(p, 'zh')).toBe('下限 7 大于上限 6');
    expect(ruleProblemMessage(p, 'en')).toBe('The lower bound 7 is above the upper bound 6');
  });
});
