// The programme catalogue seeded on every new database (GLOSSARY.md, "Programmes"). Rules, standards and
// documents are defaults: a county edits them per year, and the server keeps its copy in the database.
// Amounts in integer fen, only where the glossary gives an example; the rest is set per year (PUT standards).

import type { BilingualText, Rule } from './eligibility/rule.js';

export const PROGRAM_KINDS = ['monthly_subsidy', 'annual_grant', 'household_grant', 'service', 'in_kind'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export const PROGRAM_UNITS = ['person', 'household'] as const;
export type ProgramUnit = (typeof PROGRAM_UNITS)[number];

export type ProgramStandard = {
  monthlyCentsByGrade?: Record<'1' | '2' | '3' | '4', number>;
  amountCents?: number;
};

export type ProgramDefaults = {
  code: string;
  name: BilingualText;
  kind: ProgramKind;
  unit: ProgramUnit;
  /** Approved on filing when the rule passes; otherwise the township/county workflow decides. */
  autoApproval: boolean;
  /** Documents the applicant brings (Chinese names, as on the citizen portal). */
  requiredDocuments: string[];
  rule: Rule;
  standard?: ProgramStandard;
};

// Building blocks. "Valid" includes "expiring": a certificate within 90 days of its end is still in force.
const VALID_CERTIFICATE: Rule = { fact: 'certificateStatus', in: ['valid', 'expiring'] };
const ACTIVE: Rule = { fact: 'personStatus', in: ['active'] };
const SEVERE: Rule = { fact: 'grade', in: [1, 2] };
const LOW_INCOME: Rule = { fact: 'flag', flag: 'lowIncome', is: true };
/** "Poor family" (困难家庭) of the glossary: 低保, 特困 or under poverty-return monitoring. */
const POOR: Rule = {
  any: [
    LOW_INCOME,
    { fact: 'flag', flag: 'extremePoverty', is: true },
    { fact: 'flag', flag: 'povertyMonitored', is: true },
  ],
};
/** 劳动年龄段 as the CDPF counts it (16–59); a county may narrow it for women. */
const WORKING_AGE: Rule = { fact: 'age', min: 16, max: 59 };

const ID_CARD = '居民身份证';
const HOUSEHOLD_REGISTER = '户口簿';
const CERTIFICATE = '残疾人证';
const BANK_CARD = '银行卡（社会保障卡）';
const SUBSIDY_FORM = '困难残疾人生活补贴和重度残疾人护理补贴申请审批表';

export const DEFAULT_PROGRAMS: readonly ProgramDefaults[] = [
  {
    code: 'living_subsidy',
    name: { zh: '困难残疾人生活补贴', en: 'Living subsidy for disabled persons in hardship' },
    kind: 'monthly_subsidy',
    unit: 'person',
    // Township preliminary check and county check of certificate and grade, then public notice (国发〔2015〕52号).
    autoApproval: false,
    requiredDocuments: [SUBSIDY_FORM, ID_CARD, HOUSEHOLD_REGISTER, CERTIFICATE, '最低生活保障证', BANK_CARD],
    // 特困供养人员 are excluded: their support already covers basic living (52号文).
    rule: { all: [VALID_CERTIFICATE, LOW_INCOME, { fact: 'flag', flag: 'extremePoverty', is: false }, ACTIVE] },
    // Monthly amounts are set per year by the county (PUT standards); the glossary gives no default.
  },
  {
    code: 'nursing_subsidy',
    name: { zh: '重度残疾人护理补贴', en: 'Nursing subsidy for persons with severe disabilities' },
    kind: 'monthly_subsidy',
    unit: 'person',
    // Same two-level check as the living subsidy; "needs long-term care" is judged there, not by the registry.
    autoApproval: false,
    requiredDocuments: [SUBSIDY_FORM, ID_CARD, HOUSEHOLD_REGISTER, CERTIFICATE, BANK_CARD],
    // Can be held together with the living subsidy. A county that extends it to grade 3–4 intellectual or
    // mental disability (a county setting, not the default) replaces SEVERE with
    //   { any: [SEVERE, { all: [{ fact: 'grade', in: [3, 4] }, { fact: 'category', in: [5, 6] }] }] }
    rule: { all: [VALID_CERTIFICATE, SEVERE, ACTIVE] },
  },
  {
    code: 'child_rehab',
    name: { zh: '残疾儿童康复救助', en: 'Rehabilitation assistance for disabled children' },
    kind: 'service',
    unit: 'person',
    // Placement at a designated institution after assessment; a diagnosis may stand in for a certificate.
    autoApproval: false,
    requiredDocuments: [
      '残疾儿童康复救助申请表',
      '儿童户口簿或居民身份证',
      '残疾人证或定点医疗机构出具的诊断证明',
      '监护人居民身份证',
    ],
    // 国发〔2018〕20号: vision, hearing, speech, physical, intellectual disability, or autism. Autism is a
    // diagnosis, and the diagnosis that may stand in for a certificate is handled by the application (the
    // officer records it), not by this rule: the rule needs no certificate status, only the category.
    // A county widening the age to under 18 sets { fact: 'age', max: 17 }.
    // Autism (孤独症) is certified as a mental disability (category 6), so 6 is in the list: in
    // children of 0–6 that category is, in practice, autism (国发〔2018〕20号 names it explicitly).
    rule: { all: [{ fact: 'age', min: 0, max: 6 }, { fact: 'category', in: [1, 2, 3, 4, 5, 6] }, ACTIVE] },
  },
  {
    code: 'psych_medication',
    name: { zh: '困难精神残疾人服药补助', en: 'Medication subsidy for persons with mental disabilities in hardship' },
    kind: 'annual_grant',
    unit: 'person',
    // Not automatic: the rule cannot see that the person is actually in treatment; the prescription or
    // medication record from the designated hospital is checked by staff.
    autoApproval: false,
    requiredDocuments: [
      ID_CARD,
      CERTIFICATE,
      '困难家庭证明（低保证、特困证或监测户认定材料）',
      '定点医院诊断证明或服药记录',
      BANK_CARD,
    ],
    rule: { all: [VALID_CERTIFICATE, { fact: 'category', in: [6] }, POOR, ACTIVE] },
    standard: { amountCents: 100_000 },
  },
  {
    code: 'assistive_device',
    name: { zh: '辅助器具适配', en: 'Assistive device fitting' },
    kind: 'in_kind',
    unit: 'person',
    // Needs assessment, then fitting: the device is chosen by the assessment, not by a rule.
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, '辅助器具适配申请表'],
    rule: { all: [VALID_CERTIFICATE, ACTIVE] },
  },
  {
    code: 'prosthetic_orthotic',
    name: { zh: '假肢矫形器适配', en: 'Prosthesis and orthosis fitting' },
    kind: 'in_kind',
    unit: 'person',
    // Fitting follows an assessment at a fitting centre.
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, '假肢矫形器适配申请表'],
    // Physical disability, or multiple disability (which may have a physical component: the assessment
    // decides, as the rule sees only the overall category).
    rule: { all: [VALID_CERTIFICATE, { fact: 'category', in: [4, 7] }, ACTIVE] },
  },
  {
    code: 'precise_rehab',
    name: { zh: '精准康复服务', en: 'Targeted rehabilitation services' },
    kind: 'service',
    unit: 'person',
    // Needs assessment, service agreement and personalised plan come after the application.
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, '康复服务需求评估表'],
    rule: { all: [VALID_CERTIFICATE, ACTIVE] },
  },
  {
    code: 'home_modification',
    name: { zh: '无障碍改造', en: 'Home accessibility modification' },
    kind: 'household_grant',
    unit: 'household',
    // One plan per household (一户一策), a contractor and an acceptance check: never automatic.
    autoApproval: false,
    requiredDocuments: [ID_CARD, HOUSEHOLD_REGISTER, CERTIFICATE, '无障碍改造申请表', '房屋产权或使用证明'],
    // "Severe or poor households": grade 1–2, or a poor family in the same sense as psych_medication.
    rule: { all: [VALID_CERTIFICATE, { any: [SEVERE, POOR] }, ACTIVE] },
    standard: { amountCents: 600_000 },
  },
  {
    code: 'respite_care',
    name: { zh: '托养服务', en: 'Respite and residential care' },
    kind: 'service',
    unit: 'person',
    // Placement at home or in an institution is arranged case by case.
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, '托养服务申请表'],
    rule: { all: [VALID_CERTIFICATE, SEVERE, ACTIVE] },
  },
  {
    code: 'education_aid',
    name: { zh: '教育助学', en: 'Education aid' },
    kind: 'annual_grant',
    unit: 'person',
    // Enrolment and the level of study (which sets the amount) are checked from documents.
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, '录取通知书或学籍证明', BANK_CARD],
    rule: { all: [VALID_CERTIFICATE, ACTIVE] },
    // Amounts by level (e.g. 1000 / 1500 / 2500 yuan) are a later addition: no single default amount.
  },
  {
    code: 'vocational_training',
    name: { zh: '就业培训', en: 'Vocational training' },
    kind: 'service',
    unit: 'person',
    // Places on a course are allocated by staff.
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, '培训报名表'],
    rule: { all: [VALID_CERTIFICATE, WORKING_AGE, ACTIVE] },
  },
  {
    code: 'self_employment',
    name: { zh: '自主创业补贴', en: 'Self-employment grant' },
    kind: 'annual_grant',
    unit: 'person',
    // The business is checked (licence, site visit) before a grant.
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, '营业执照', '创业项目说明', BANK_CARD],
    rule: { all: [VALID_CERTIFICATE, WORKING_AGE, ACTIVE] },
  },
  {
    code: 'accident_insurance',
    name: { zh: '意外伤害保险', en: 'Accident insurance' },
    kind: 'annual_grant',
    unit: 'person',
    // Automatic: enrolment depends on registry facts alone (a valid certificate, on the register), and the
    // premium is paid to the insurer; claims are tracked separately.
    autoApproval: true,
    requiredDocuments: [ID_CARD, CERTIFICATE],
    rule: { all: [VALID_CERTIFICATE, ACTIVE] },
    standard: { amountCents: 4_000 },
  },
  {
    code: 'cataract_surgery',
    name: { zh: '白内障复明手术', en: 'Cataract surgery' },
    kind: 'service',
    unit: 'person',
    // Surgery follows a hospital diagnosis; many patients have no certificate yet, so none is required.
    autoApproval: false,
    requiredDocuments: [ID_CARD, '定点医院白内障诊断证明'],
    rule: ACTIVE,
  },
];

export const DEFAULT_PROGRAM_CODES: readonly string[] = DEFAULT_PROGRAMS.map((p) => p.code);

export function isProgramKind(value: unknown): value is ProgramKind {
  return typeof value === 'string' && (PROGRAM_KINDS as readonly string[]).includes(value);
}
