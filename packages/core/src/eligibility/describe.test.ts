import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRule } from './describe.js';
import { ruleArb } from './fixtures.js';
import type { Rule } from './rule.js';

const LIVING: Rule = {
  all: [
    { fact: 'certificateStatus', in: ['valid', 'expiring'] },
    { fact: 'flag', flag: 'lowIncome', is: true },
    { fact: 'flag', flag: 'extremePoverty', is: false },
  ],
};

const PSYCH: Rule = {
  all: [
    { fact: 'category', in: [6] },
    {
      any: [
        { fact: 'flag', flag: 'lowIncome', is: true },
        { fact: 'flag', flag: 'extremePoverty', is: true },
        { fact: 'flag', flag: 'povertyMonitored', is: true },
      ],
    },
  ],
};

describe('describeRule', () => {
  it('reads a list of conditions joined by "and"', () => {
    expect(describeRule(LIVING, 'zh')).toBe('持有有效残疾人证，且为低保家庭，且不是特困供养人员');
    expect(describeRule(LIVING, 'en')).toBe(
      'Holds a valid disability certificate, and belongs to a minimum living guarantee (dibao) family, ' +
        'and does not receive extreme-poverty support (tekun)',
    );
  });

  it('brackets alternatives inside a list of conditions', () => {
    expect(describeRule(PSYCH, 'zh')).toBe('残疾类别为精神残疾，且（为低保家庭，或为特困供养人员，或为防返贫监测户）');
    expect(describeRule(PSYCH, 'en')).toBe(
      'Has a mental disability, and (belongs to a minimum living guarantee (dibao) family, ' +
        'or receives extreme-poverty support (tekun), or belongs to a household under poverty-return monitoring)',
    );
  });

  it('ages, programmes, regions, household and needs', () => {
    const rule: Rule = {
      all: [
        { fact: 'age', min: 0, max: 6 },
        { fact: 'programHeld', program: 'child_rehab', held: false },
        { fact: 'region', within: ['341522101000'] },
        { fact: 'householdDisabledCount', min: 2 },
        { fact: 'needs', any: ['rehab_training'] },
      ],
    };
    const labels = {
      programNames: { child_rehab: { zh: '残疾儿童康复救助', en: 'child rehabilitation assistance' } },
      regionNames: { '341522101000': '城关镇' },
    };
    expect(describeRule(rule, 'zh', labels)).toBe(
      '年龄 0–6 岁，且当年未享受残疾儿童康复救助，且所在地属于城关镇，且户内登记残疾人不少于 2 人，且当年登记有康复训练需求',
    );
    expect(describeRule(rule, 'en', labels)).toBe(
      'Is aged 0–6, and does not receive child rehabilitation assistance in the year, and lives in 城关镇, ' +
        'and lives in a household with at least 2 registered disabled persons, and has a recorded need for rehabilitation ' +
        'training in the year',
    );
    expect(describeRule({ fact: 'age', min: 16 }, 'zh')).toBe('年龄 16 岁及以上');
    expect(describeRule({ fact: 'age', max: 60 }, 'en')).toBe('Is aged 60 or under');
  });

  it('negations: flipped where natural, quoted otherwise', () => {
    expect(describeRule({ not: { fact: 'flag', flag: 'extremePoverty', is: true } }, 'zh')).toBe('不是特困供养人员');
    expect(describeRule({ not: { not: { fact: 'grade', in: [1] } } }, 'zh')).toBe('残疾等级为一级');
    expect(describeRule({ not: { fact: 'category', in: [6] } }, 'zh')).toBe('不满足“残疾类别为精神残疾”');
    expect(describeRule({ not: { fact: 'category', in: [6] } }, 'en')).toBe('Not (has a mental disability)');
  });

  it('flattens all within all and any within any', () => {
    const a: Rule = { fact: 'grade', in: [1] };
    const b: Rule = { fact: 'category', in: [5] };
    const c: Rule = { fact: 'flag', flag: 'lowIncome', is: true };
    expect(describeRule({ all: [a, { all: [b, c] }] }, 'zh')).toBe(
      '残疾等级为一级，且残疾类别为智力残疾，且为低保家庭',
    );
    expect(describeRule({ any: [a, { all: [b, c] }] }, 'zh')).toBe(
      '残疾等级为一级，或（残疾类别为智力残疾，且为低保家庭）',
    );
  });

  it('never leaves a placeholder', () => {
    fc.assert(
      fc.property(ruleArb, fc.constantFrom('zh' as const, 'en' as const), (rule, lang) => {
        const text = describeRule(rule, lang);
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/undefined|NaN|\[object/);
      }),
    );
  });
});
