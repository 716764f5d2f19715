import { describe, expect, it } from 'vitest';
import { describeRule } from './eligibility/describe.js';
import { evaluateRule } from './eligibility/evaluate.js';
import { facts } from './eligibility/fixtures.js';
import type { PersonFacts } from './eligibility/rule.js';
import { validateRule } from './eligibility/validate.js';
import { DEFAULT_PROGRAM_CODES, DEFAULT_PROGRAMS, isProgramKind, PROGRAM_KINDS } from './programs.js';

const ON = '2025-06-01';
const NO_FLAGS = { lowIncome: false, extremePoverty: false, povertyMonitored: false };

function program(code: string) {
  const p = DEFAULT_PROGRAMS.find((x) => x.code === code);
  if (!p) throw new Error(code);
  return p;
}

function check(code: string, overrides: Partial<PersonFacts>, on = ON) {
  return evaluateRule(program(code).rule, facts(overrides), on);
}

function eligible(code: string, overrides: Partial<PersonFacts> = {}, on = ON): boolean {
  return check(code, overrides, on).eligible;
}

function reasonsZh(code: string, overrides: Partial<PersonFacts>, on = ON): string[] {
  return check(code, overrides, on).reasons.map((r) => r.zh);
}

describe('DEFAULT_PROGRAMS', () => {
  it('has every programme of the glossary, once', () => {
    expect([...DEFAULT_PROGRAM_CODES].sort()).toEqual(
      [
        'living_subsidy',
        'nursing_subsidy',
        'child_rehab',
        'psych_medication',
        'assistive_device',
        'prosthetic_orthotic',
        'precise_rehab',
        'home_modification',
        'respite_care',
        'education_aid',
        'vocational_training',
        'self_employment',
        'accident_insurance',
        'cataract_surgery',
      ].sort(),
    );
  });

  it.each(DEFAULT_PROGRAMS.map((p) => [p.code, p] as const))('%s is well-formed and its rule valid', (_, p) => {
    expect(validateRule(p.rule, { programCodes: DEFAULT_PROGRAM_CODES })).toEqual({ ok: true, rule: p.rule });
    expect(isProgramKind(p.kind)).toBe(true);
    expect(p.name.zh).toMatch(/\p{Script=Han}/u);
    expect(p.name.en).toMatch(/^[A-Z]/);
    expect(p.requiredDocuments.length).toBeGreaterThan(0);
    for (const doc of p.requiredDocuments) expect(doc).toMatch(/\p{Script=Han}/u);
    for (const cents of [p.standard?.amountCents, ...Object.values(p.standard?.monthlyCentsByGrade ?? {})]) {
      if (cents !== undefined) expect(Number.isSafeInteger(cents) && cents > 0).toBe(true);
    }
    expect(describeRule(p.rule, 'zh').length).toBeGreaterThan(0);
    // nobody deceased, moved out or cancelled qualifies for anything
    for (const status of ['deceased', 'moved_out', 'cancelled'] as const) {
      expect(evaluateRule(p.rule, facts({ status }), ON).eligible).toBe(false);
    }
  });

  it('uses only the programme kinds, and approves automatically only the accident insurance', () => {
    expect(DEFAULT_PROGRAMS.every((p) => (PROGRAM_KINDS as readonly string[]).includes(p.kind))).toBe(true);
    expect(DEFAULT_PROGRAMS.filter((p) => p.autoApproval).map((p) => p.code)).toEqual(['accident_insurance']);
    expect(program('living_subsidy').kind).toBe('monthly_subsidy');
    expect(program('nursing_subsidy').kind).toBe('monthly_subsidy');
    expect(program('home_modification').unit).toBe('household');
  });

  it('carries the glossary amounts in fen', () => {
    expect(program('psych_medication').standard).toEqual({ amountCents: 100_000 });
    expect(program('home_modification').standard).toEqual({ amountCents: 600_000 });
    expect(program('accident_insurance').standard).toEqual({ amountCents: 4_000 });
    expect(program('education_aid').standard).toBeUndefined();
  });
});

describe('default rules at their boundaries', () => {
  it('living_subsidy: valid certificate, 低保, not 特困, on the register', () => {
    expect(eligible('living_subsidy')).toBe(true);
    expect(eligible('living_subsidy', { certificateStatus: 'expiring' })).toBe(true);
    expect(reasonsZh('living_subsidy', { certificateStatus: 'expired' })).toEqual(['残疾人证已过期']);
    expect(reasonsZh('living_subsidy', { certificateStatus: 'none' })).toEqual(['没有残疾人证']);
    expect(eligible('living_subsidy', { certificateStatus: 'frozen' })).toBe(false);
    expect(eligible('living_subsidy', { certificateStatus: 'cancelled' })).toBe(false);
    expect(reasonsZh('living_subsidy', { flags: NO_FLAGS })).toEqual(['不是低保家庭']);
    expect(reasonsZh('living_subsidy', { flags: { ...NO_FLAGS, lowIncome: true, extremePoverty: true } })).toEqual([
      '是特困供养人员',
    ]);
    expect(eligible('living_subsidy', { flags: { ...NO_FLAGS, povertyMonitored: true } })).toBe(false);
    expect(reasonsZh('living_subsidy', { status: 'deceased' })).toEqual(['人员已死亡']);
    // every failing condition is explained
    expect(
      check('living_subsidy', { certificateStatus: 'expired', flags: { ...NO_FLAGS, extremePoverty: true } }).reasons,
    ).toHaveLength(3);
  });

  it('nursing_subsidy: grade 2 yes, grade 3 no, whatever the family income', () => {
    expect(eligible('nursing_subsidy', { grade: 1, flags: NO_FLAGS })).toBe(true);
    expect(eligible('nursing_subsidy', { grade: 2, flags: NO_FLAGS })).toBe(true);
    expect(reasonsZh('nursing_subsidy', { grade: 3 })).toEqual(['残疾等级为三级，不在一级、二级之内']);
    expect(eligible('nursing_subsidy', { grade: 3, category: 5 })).toBe(false); // the grade 3–4 extension is off
    expect(eligible('nursing_subsidy', { grade: 2, certificateStatus: 'expired' })).toBe(false);
    // can be held with the living subsidy
    expect(eligible('nursing_subsidy', { programsHeld: ['living_subsidy'] })).toBe(true);
  });

  it('child_rehab: 6 the day before the seventh birthday, 7 on it', () => {
    const child = { birthDate: '2018-06-01', category: 2 };
    expect(eligible('child_rehab', child, '2025-05-31')).toBe(true);
    expect(check('child_rehab', child, '2025-06-01').reasons).toEqual([
      { zh: '年龄 7 岁，超过 0–6 岁', en: 'Age 7, above 0–6' },
    ]);
    expect(eligible('child_rehab', { ...child, birthDate: '2025-06-01' })).toBe(true); // newborn
    // 6: autism is certified as a mental disability
    for (const category of [1, 2, 3, 4, 5, 6])
      expect(eligible('child_rehab', { ...child, category }, '2025-05-31')).toBe(true);
    expect(eligible('child_rehab', { ...child, category: 7 }, '2025-05-31')).toBe(false);
    expect(eligible('child_rehab', { ...child, category: null }, '2025-05-31')).toBe(false);
    // no certificate condition: a diagnosis may stand in (handled by the application)
    expect(eligible('child_rehab', { ...child, certificateStatus: 'none' }, '2025-05-31')).toBe(true);
  });

  it('psych_medication: mental disability and any one of the three hardship flags', () => {
    const mental = { category: 6, flags: NO_FLAGS };
    for (const flag of ['lowIncome', 'extremePoverty', 'povertyMonitored'] as const) {
      expect(eligible('psych_medication', { ...mental, flags: { ...NO_FLAGS, [flag]: true } })).toBe(true);
    }
    expect(check('psych_medication', mental).reasons).toEqual([
      {
        zh: '以下条件均不满足：为低保家庭；为特困供养人员；为防返贫监测户',
        en:
          'None of these holds: belongs to a minimum living guarantee (dibao) family; receives extreme-poverty ' +
          'support (tekun); belongs to a household under poverty-return monitoring',
      },
    ]);
    expect(reasonsZh('psych_medication', { category: 5 })).toEqual(['残疾类别为智力残疾，不是精神残疾']);
    expect(eligible('psych_medication', { category: 6, certificateStatus: 'expired' })).toBe(false);
  });

  it('home_modification: severe, or a poor household', () => {
    expect(eligible('home_modification', { grade: 2, flags: NO_FLAGS })).toBe(true);
    expect(eligible('home_modification', { grade: 3, flags: NO_FLAGS })).toBe(false);
    expect(reasonsZh('home_modification', { grade: 3, flags: NO_FLAGS })[0]).toMatch(
      /^以下条件均不满足：残疾等级为一级或二级；/,
    );
    expect(eligible('home_modification', { grade: 3, flags: { ...NO_FLAGS, lowIncome: true } })).toBe(true);
    expect(eligible('home_modification', { grade: 4, flags: { ...NO_FLAGS, extremePoverty: true } })).toBe(true);
    expect(eligible('home_modification', { grade: 2, certificateStatus: 'none' })).toBe(false);
  });

  it('respite_care: grade 2 yes, grade 3 no', () => {
    expect(eligible('respite_care', { grade: 2 })).toBe(true);
    expect(eligible('respite_care', { grade: 3 })).toBe(false);
  });

  it('prosthetic_orthotic: physical or multiple disability', () => {
    expect(eligible('prosthetic_orthotic', { category: 4 })).toBe(true);
    expect(eligible('prosthetic_orthotic', { category: 7 })).toBe(true);
    expect(eligible('prosthetic_orthotic', { category: 1 })).toBe(false);
  });

  it.each(['vocational_training', 'self_employment'])('%s: working age 16–59 on the birthdays', (code) => {
    expect(eligible(code, { birthDate: '2009-06-01' })).toBe(true); // 16 today
    expect(reasonsZh(code, { birthDate: '2009-06-02' })).toEqual(['年龄 15 岁，低于 16–59 岁']);
    expect(eligible(code, { birthDate: '1965-06-02' })).toBe(true); // 59, 60 tomorrow
    expect(eligible(code, { birthDate: '1965-06-01' })).toBe(false); // 60 today
  });

  it.each(['assistive_device', 'precise_rehab', 'education_aid', 'accident_insurance'])(
    '%s: any category and grade with a valid certificate',
    (code) => {
      expect(eligible(code, { category: 6, grade: 4, flags: NO_FLAGS })).toBe(true);
      expect(eligible(code, { certificateStatus: 'expiring' })).toBe(true);
      expect(eligible(code, { certificateStatus: 'expired' })).toBe(false);
      expect(eligible(code, { certificateStatus: 'none' })).toBe(false);
    },
  );

  it('cataract_surgery: no certificate needed, on the register', () => {
    expect(eligible('cataract_surgery', { certificateStatus: 'none', category: null, grade: null })).toBe(true);
    expect(reasonsZh('cataract_surgery', { status: 'moved_out' })).toEqual(['人员已迁出']);
  });
});
