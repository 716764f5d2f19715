import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRule } from './evaluate.js';
import { facts, factsArb, onArb, ruleArb } from './fixtures.js';
import type { Rule } from './rule.js';

const ON = '2025-06-01';

function reasons(rule: Rule, overrides: Parameters<typeof facts>[0] = {}, on = ON) {
  return evaluateRule(rule, facts(overrides), on).reasons;
}

describe('evaluateRule on single facts', () => {
  it('is eligible with no reasons when the condition holds', () => {
    expect(evaluateRule({ fact: 'grade', in: [1, 2] }, facts(), ON)).toEqual({ eligible: true, reasons: [] });
  });

  it('age: whole years on the date, both bounds inclusive', () => {
    const rule: Rule = { fact: 'age', min: 0, max: 6 };
    const child = (birthDate: string, on: string) => evaluateRule(rule, facts({ birthDate }), on).eligible;
    expect(child('2018-06-01', '2025-05-31')).toBe(true); // 6 the day before the seventh birthday
    expect(child('2018-06-01', '2025-06-01')).toBe(false); // 7 on it
    expect(child('2025-06-01', '2025-06-01')).toBe(true); // 0 on the day of birth
    expect(reasons(rule, { birthDate: '2017-03-01' })).toEqual([
      { zh: '年龄 8 岁，超过 0–6 岁', en: 'Age 8, above 0–6' },
    ]);
    expect(reasons({ fact: 'age', min: 16 }, { birthDate: '2009-06-02' })).toEqual([
      { zh: '年龄 15 岁，不满 16 岁', en: 'Age 15, below 16' },
    ]);
    expect(reasons({ fact: 'age', max: 59 }, { birthDate: '1965-06-01' })).toEqual([
      { zh: '年龄 60 岁，超过 59 岁', en: 'Age 60, above 59' },
    ]);
    expect(reasons({ fact: 'age', min: 3, max: 6 }, { birthDate: '2023-01-01' })).toEqual([
      { zh: '年龄 2 岁，低于 3–6 岁', en: 'Age 2, below 3–6' },
    ]);
  });

  it('age: 29 February birthdays fall on 1 March in common years', () => {
    const rule: Rule = { fact: 'age', min: 18 };
    expect(evaluateRule(rule, facts({ birthDate: '2004-02-29' }), '2022-02-28').eligible).toBe(false);
    expect(evaluateRule(rule, facts({ birthDate: '2004-02-29' }), '2022-03-01').eligible).toBe(true);
  });

  it('category, with the names of disability.ts', () => {
    const rule: Rule = { fact: 'category', in: [1, 2, 3, 4, 5] };
    expect(reasons(rule, { category: 6 })).toEqual([
      {
        zh: '残疾类别为精神残疾，不在视力、听力、言语、肢体、智力残疾之内',
        en: 'Disability category is mental, not vision, hearing, speech, physical or intellectual',
      },
    ]);
    expect(reasons({ fact: 'category', in: [6] }, { category: 4 })).toEqual([
      { zh: '残疾类别为肢体残疾，不是精神残疾', en: 'Disability category is physical, not mental' },
    ]);
    expect(reasons(rule, { category: null })).toEqual([
      { zh: '没有残疾类别记录', en: 'No disability category on record' },
    ]);
  });

  it('grade', () => {
    const rule: Rule = { fact: 'grade', in: [1, 2] };
    expect(reasons(rule, { grade: 2 })).toEqual([]);
    expect(reasons(rule, { grade: 3 })).toEqual([
      { zh: '残疾等级为三级，不在一级、二级之内', en: 'Disability grade is 3, not 1 or 2' },
    ]);
    expect(reasons(rule, { grade: null })).toEqual([{ zh: '没有残疾等级记录', en: 'No disability grade on record' }]);
  });

  it('each flag, both ways', () => {
    const none = { lowIncome: false, extremePoverty: false, povertyMonitored: false };
    expect(reasons({ fact: 'flag', flag: 'lowIncome', is: true }, { flags: none })).toEqual([
      { zh: '不是低保家庭', en: 'Does not belong to a minimum living guarantee (dibao) family' },
    ]);
    expect(
      reasons({ fact: 'flag', flag: 'extremePoverty', is: false }, { flags: { ...none, extremePoverty: true } }),
    ).toEqual([{ zh: '是特困供养人员', en: 'Receives extreme-poverty support (tekun)' }]);
    expect(reasons({ fact: 'flag', flag: 'povertyMonitored', is: true }, { flags: none })).toEqual([
      { zh: '不是防返贫监测户', en: 'Does not belong to a household under poverty-return monitoring' },
    ]);
    expect(reasons({ fact: 'flag', flag: 'povertyMonitored', is: false }, { flags: none })).toEqual([]);
  });

  it('certificate status: the actual state, plus the requirement when it is unusual', () => {
    const valid: Rule = { fact: 'certificateStatus', in: ['valid', 'expiring'] };
    expect(reasons(valid, { certificateStatus: 'expiring' })).toEqual([]);
    expect(reasons(valid, { certificateStatus: 'expired' })).toEqual([
      { zh: '残疾人证已过期', en: 'The disability certificate has expired' },
    ]);
    expect(reasons(valid, { certificateStatus: 'none' })).toEqual([
      { zh: '没有残疾人证', en: 'Has no disability certificate' },
    ]);
    expect(reasons(valid, { certificateStatus: 'frozen' })[0]!.zh).toBe('残疾人证已冻结');
    expect(reasons(valid, { certificateStatus: 'cancelled' })[0]!.zh).toBe('残疾人证已注销');
    expect(reasons({ fact: 'certificateStatus', in: ['valid'] }, { certificateStatus: 'expiring' })).toEqual([
      { zh: '残疾人证将在 90 天内到期', en: 'The disability certificate expires within 90 days' },
    ]);
    expect(reasons({ fact: 'certificateStatus', in: ['expired', 'none'] })).toEqual([
      {
        zh: '残疾人证有效，不满足“残疾人证状态为已过期或无证”',
        en: 'The disability certificate is valid; required: disability certificate status is expired or none (no certificate)',
      },
    ]);
  });

  it('person status', () => {
    const active: Rule = { fact: 'personStatus', in: ['active'] };
    expect(reasons(active, { status: 'deceased' })).toEqual([{ zh: '人员已死亡', en: 'The person has died' }]);
    expect(reasons(active, { status: 'moved_out' })).toEqual([{ zh: '人员已迁出', en: 'The person has moved out' }]);
    expect(reasons({ fact: 'personStatus', in: ['deceased'] })).toEqual([
      {
        zh: '人员在册，不满足“人员状态为已死亡”',
        en: 'The person is on the register; required: person status is deceased',
      },
    ]);
  });

  it('region: the region itself or anything under it', () => {
    const rule: Rule = { fact: 'region', within: ['341522101000', '341522102000'] };
    expect(reasons(rule, { regionCode: '341522101203' })).toEqual([]);
    expect(reasons(rule, { regionCode: '341522102000' })).toEqual([]);
    expect(reasons({ fact: 'region', within: ['341522000000'] }, { regionCode: '341522101203' })).toEqual([]);
    expect(reasons(rule, { regionCode: '341522103201' })).toEqual([
      {
        zh: '所在地341522103201不属于341522101000或341522102000',
        en: 'Lives in 341522103201, outside 341522101000 or 341522102000',
      },
    ]);
    const named = evaluateRule(rule, facts({ regionCode: '341522103201' }), ON, {
      regionNames: { '341522101000': '城关镇', '341522102000': '花园镇', '341522103201': '河口村' },
    });
    expect(named.reasons[0]!.zh).toBe('所在地河口村不属于城关镇或花园镇');
  });

  it('household disabled count', () => {
    const rule: Rule = { fact: 'householdDisabledCount', min: 2 };
    expect(reasons(rule, { householdDisabledCount: 2 })).toEqual([]);
    expect(reasons(rule, { householdDisabledCount: 1 })).toEqual([
      {
        zh: '户内登记残疾人 1 人，少于 2 人',
        en: '1 registered disabled person in the household, fewer than 2',
      },
    ]);
  });

  it('programme held, with names when given', () => {
    const labels = { programNames: { living_subsidy: { zh: '困难残疾人生活补贴', en: 'the living subsidy' } } };
    const notHeld = evaluateRule(
      { fact: 'programHeld', program: 'living_subsidy', held: false },
      facts({
        programsHeld: ['living_subsidy'],
      }),
      ON,
      labels,
    );
    expect(notHeld.reasons).toEqual([
      { zh: '当年已享受困难残疾人生活补贴', en: 'Already receives the living subsidy in the year' },
    ]);
    expect(reasons({ fact: 'programHeld', program: 'living_subsidy', held: true })).toEqual([
      { zh: '当年未享受“living_subsidy”项目', en: 'Does not receive programme "living_subsidy" in the year' },
    ]);
  });

  it('needs of the year', () => {
    const rule: Rule = { fact: 'needs', any: ['rehab_training', 'assistive_device'] };
    expect(reasons(rule, { needs: ['assistive_device'] })).toEqual([]);
    expect(reasons(rule, { needs: ['nursing'] })).toEqual([
      {
        zh: '当年未登记康复训练或辅助器具需求',
        en: 'No recorded need for rehabilitation training or assistive device in the year',
      },
    ]);
  });

  it('refuses a malformed date', () => {
    expect(() => evaluateRule({ fact: 'grade', in: [1] }, facts(), '2025-02-30')).toThrow(RangeError);
    expect(() => evaluateRule({ fact: 'age', min: 1 }, facts({ birthDate: '1980-13-01' }), ON)).toThrow(RangeError);
  });
});

describe('evaluateRule on connectives', () => {
  const lowIncome: Rule = { fact: 'flag', flag: 'lowIncome', is: true };
  const severe: Rule = { fact: 'grade', in: [1, 2] };
  const mental: Rule = { fact: 'category', in: [6] };

  it('all: one reason per failing condition, in order', () => {
    const rule: Rule = { all: [severe, lowIncome, { fact: 'personStatus', in: ['active'] }] };
    const flags = { lowIncome: false, extremePoverty: false, povertyMonitored: false };
    expect(reasons(rule, { grade: 3, flags, status: 'deceased' }).map((r) => r.zh)).toEqual([
      '残疾等级为三级，不在一级、二级之内',
      '不是低保家庭',
      '人员已死亡',
    ]);
  });

  it('any: one reason saying none of the alternatives holds', () => {
    const rule: Rule = { any: [severe, lowIncome] };
    expect(reasons(rule, { grade: 4 })).toEqual([]);
    expect(
      reasons(rule, { grade: 4, flags: { lowIncome: false, extremePoverty: false, povertyMonitored: false } }),
    ).toEqual([
      {
        zh: '以下条件均不满足：残疾等级为一级或二级；为低保家庭',
        en: 'None of these holds: has disability grade 1 or 2; belongs to a minimum living guarantee (dibao) family',
      },
    ]);
  });

  it('not: describes the condition that excludes', () => {
    expect(reasons({ not: mental }, { category: 6 })).toEqual([
      { zh: '符合排除条件：残疾类别为精神残疾', en: 'Excluded: has a mental disability' },
    ]);
    expect(reasons({ not: mental }, { category: 5 })).toEqual([]);
    // a negated flag reads as the flag itself
    expect(
      reasons(
        { not: { fact: 'flag', flag: 'extremePoverty', is: true } },
        {
          flags: { lowIncome: true, extremePoverty: true, povertyMonitored: false },
        },
      ),
    ).toEqual([{ zh: '是特困供养人员', en: 'Receives extreme-poverty support (tekun)' }]);
  });
});

describe('evaluateRule properties', () => {
  const input = fc.tuple(ruleArb, factsArb, onArb);

  it('not(not(r)) evaluates like r', () => {
    fc.assert(
      fc.property(input, ([r, f, on]) => {
        expect(evaluateRule({ not: { not: r } }, f, on)).toEqual(evaluateRule(r, f, on));
      }),
    );
  });

  it('all([r]) and any([r]) evaluate like r', () => {
    fc.assert(
      fc.property(input, ([r, f, on]) => {
        const plain = evaluateRule(r, f, on);
        expect(evaluateRule({ all: [r] }, f, on)).toEqual(plain);
        expect(evaluateRule({ any: [r] }, f, on)).toEqual(plain);
      }),
    );
  });

  it('not(r) is eligible exactly when r is not', () => {
    fc.assert(
      fc.property(input, ([r, f, on]) => {
        expect(evaluateRule({ not: r }, f, on).eligible).toBe(!evaluateRule(r, f, on).eligible);
      }),
    );
  });

  it('reasons are empty exactly when eligible, and are words in both languages', () => {
    fc.assert(
      fc.property(input, ([r, f, on]) => {
        const { eligible, reasons } = evaluateRule(r, f, on);
        expect(reasons.length === 0).toBe(eligible);
        for (const reason of reasons) {
          expect(reason.zh).not.toMatch(/undefined|NaN|\[object/);
          expect(reason.en).not.toMatch(/undefined|NaN|\[object/);
          expect(reason.en).toMatch(/^[A-Z0-9]/);
        }
      }),
    );
  });
});
