// Every word the rule language shows, in Chinese (zh-CN) and English (en-US): rule descriptions for the
// programme page, reasons for a refusal, and validation problems. describe.ts and evaluate.ts only assemble.

import type { DisabilityCategory, DisabilityGrade } from '../certificate.js';
import { CATEGORY_NAMES, GRADE_NAMES, NEED_KIND_NAMES, type NeedKind, type PersonStatus } from '../disability.js';
import type { Lang, RuleCertificateStatus, RuleFlag, RuleProblem } from './rule.js';

export type RuleMessages = {
  /** Joins the clauses of `all` and of `any`. */
  and: string;
  or: string;
  group: (text: string) => string;
  /** Clauses that should start a sentence (reasons, the top of a description). */
  sentence: (text: string) => string;
  noneOf: (alternatives: string[]) => string;
  not: (described: string) => string;
  excluded: (described: string) => string;
  /** An unusual set of allowed values: the actual state plus what the rule asks for. */
  required: (actual: string, described: string) => string;

  category: (categories: number[]) => string;
  categoryReason: (actual: number | null, allowed: number[]) => string;
  grade: (grades: number[]) => string;
  gradeReason: (actual: number | null, allowed: number[]) => string;
  age: (min: number | undefined, max: number | undefined) => string;
  ageReason: (age: number, min: number | undefined, max: number | undefined) => string;
  flag: (flag: RuleFlag, is: boolean) => string;
  flagReason: (flag: RuleFlag, actual: boolean) => string;
  certificate: (statuses: RuleCertificateStatus[]) => string;
  certificateState: (actual: RuleCertificateStatus) => string;
  personStatus: (statuses: PersonStatus[]) => string;
  personState: (actual: PersonStatus) => string;
  region: (names: string[]) => string;
  regionReason: (actual: string, names: string[]) => string;
  household: (min: number) => string;
  householdReason: (count: number, min: number) => string;
  programHeld: (name: string, held: boolean) => string;
  programReason: (name: string, held: boolean) => string;
  unnamedProgram: (code: string) => string;
  needs: (kinds: NeedKind[]) => string;
  needsReason: (kinds: NeedKind[]) => string;

  problem: (problem: RuleProblem) => string;
};

/** 甲、乙或丙 */
function zhList(items: string[], last = '或'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}${last}${items.at(-1)}`;
}

/** a, b or c */
function enList(items: string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

function range(min: number | undefined, max: number | undefined): string {
  return min === max ? `${min}` : `${min}–${max}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const catZh = (c: number) => CATEGORY_NAMES[c as DisabilityCategory]?.zh ?? String(c);
const catEn = (c: number) => CATEGORY_NAMES[c as DisabilityCategory]?.en ?? String(c);
const gradeZh = (g: number) => GRADE_NAMES[g as DisabilityGrade]?.zh ?? `${g}级`;

const FLAG_ZH: Record<RuleFlag, string> = {
  lowIncome: '低保家庭',
  extremePoverty: '特困供养人员',
  povertyMonitored: '防返贫监测户',
};

const FLAG_EN: Record<RuleFlag, { yes: string; no: string }> = {
  lowIncome: {
    yes: 'belongs to a minimum living guarantee (dibao) family',
    no: 'does not belong to a minimum living guarantee (dibao) family',
  },
  extremePoverty: {
    yes: 'receives extreme-poverty support (tekun)',
    no: 'does not receive extreme-poverty support (tekun)',
  },
  povertyMonitored: {
    yes: 'belongs to a household under poverty-return monitoring',
    no: 'does not belong to a household under poverty-return monitoring',
  },
};

const CERTIFICATE_ZH: Record<RuleCertificateStatus, { name: string; state: string }> = {
  valid: { name: '有效', state: '残疾人证有效' },
  expiring: { name: '即将到期', state: '残疾人证将在 90 天内到期' },
  expired: { name: '已过期', state: '残疾人证已过期' },
  frozen: { name: '已冻结', state: '残疾人证已冻结' },
  cancelled: { name: '已注销', state: '残疾人证已注销' },
  none: { name: '无证', state: '没有残疾人证' },
};

const CERTIFICATE_EN: Record<RuleCertificateStatus, { name: string; state: string }> = {
  valid: { name: 'valid', state: 'The disability certificate is valid' },
  expiring: { name: 'expiring within 90 days', state: 'The disability certificate expires within 90 days' },
  expired: { name: 'expired', state: 'The disability certificate has expired' },
  frozen: { name: 'frozen', state: 'The disability certificate is frozen' },
  cancelled: { name: 'cancelled', state: 'The disability certificate has been cancelled' },
  none: { name: 'none (no certificate)', state: 'Has no disability certificate' },
};

const PERSON_ZH: Record<PersonStatus, { name: string; state: string }> = {
  active: { name: '在册', state: '人员在册' },
  deceased: { name: '已死亡', state: '人员已死亡' },
  moved_out: { name: '已迁出', state: '人员已迁出' },
  cancelled: { name: '已注销', state: '人员登记已注销' },
};

const PERSON_EN: Record<PersonStatus, { name: string; state: string }> = {
  active: { name: 'active', state: 'The person is on the register' },
  deceased: { name: 'deceased', state: 'The person has died' },
  moved_out: { name: 'moved out', state: 'The person has moved out' },
  cancelled: { name: 'cancelled', state: "The person's registration has been cancelled" },
};

/** The whole set {valid, expiring}: both are within the certificate's validity. */
function isValidCertificateSet(statuses: RuleCertificateStatus[]): boolean {
  return statuses.length === 2 && statuses.includes('valid') && statuses.includes('expiring');
}

const PROBLEMS_ZH: Record<RuleProblem['key'], (p: Record<string, unknown>) => string> = {
  NOT_AN_OBJECT: () => '规则应为一个对象',
  NOT_A_RULE: () => '不是规则：应含 all、any、not 或 fact 之一',
  AMBIGUOUS_RULE: (p) => `${(p.keys as string[]).join('、')} 只能出现一个`,
  UNKNOWN_KEY: (p) => `未知字段“${p.key}”`,
  MISSING_KEY: (p) => `缺少字段“${p.key}”`,
  UNKNOWN_FACT: (p) => `未知的条件类型 ${show(p.fact)}`,
  NOT_A_LIST: () => '应为列表',
  EMPTY_LIST: () => '列表不能为空',
  DUPLICATE_VALUE: (p) => `重复的取值 ${show(p.value)}`,
  VALUE_NOT_ALLOWED: (p) => `不允许的取值 ${show(p.value)}，可选：${(p.allowed as unknown[]).join('、')}`,
  BAD_REGION_CODE: (p) => `区划代码应为 12 位数字，收到 ${show(p.value)}`,
  BAD_PROGRAM_CODE: (p) => `项目代码格式不正确：${show(p.value)}`,
  UNKNOWN_PROGRAM: (p) => `没有代码为 ${show(p.value)} 的项目`,
  NOT_A_BOOLEAN: (p) => `应为 true 或 false，收到 ${show(p.value)}`,
  NOT_AN_INTEGER: (p) => `应为整数，收到 ${show(p.value)}`,
  OUT_OF_RANGE: (p) => `应在 ${p.min}–${p.max} 之间，收到 ${show(p.value)}`,
  MISSING_BOUND: () => '年龄条件至少需要下限 min 或上限 max',
  MIN_GREATER_THAN_MAX: (p) => `下限 ${p.min} 大于上限 ${p.max}`,
  TOO_DEEP: (p) => `嵌套超过 ${p.max} 层`,
  TOO_MANY_NODES: (p) => `规则超过 ${p.max} 个节点`,
};

const PROBLEMS_EN: Record<RuleProblem['key'], (p: Record<string, unknown>) => string> = {
  NOT_AN_OBJECT: () => 'A rule must be an object',
  NOT_A_RULE: () => 'Not a rule: expected one of all, any, not or fact',
  AMBIGUOUS_RULE: (p) => `Only one of ${(p.keys as string[]).join(', ')} may appear`,
  UNKNOWN_KEY: (p) => `Unknown field "${p.key}"`,
  MISSING_KEY: (p) => `Missing field "${p.key}"`,
  UNKNOWN_FACT: (p) => `Unknown condition type ${show(p.fact)}`,
  NOT_A_LIST: () => 'Must be a list',
  EMPTY_LIST: () => 'The list must not be empty',
  DUPLICATE_VALUE: (p) => `Duplicate value ${show(p.value)}`,
  VALUE_NOT_ALLOWED: (p) =>
    `Value ${show(p.value)} not allowed; expected one of ${(p.allowed as unknown[]).join(', ')}`,
  BAD_REGION_CODE: (p) => `A region code has 12 digits; got ${show(p.value)}`,
  BAD_PROGRAM_CODE: (p) => `Malformed programme code ${show(p.value)}`,
  UNKNOWN_PROGRAM: (p) => `No programme has the code ${show(p.value)}`,
  NOT_A_BOOLEAN: (p) => `Must be true or false; got ${show(p.value)}`,
  NOT_AN_INTEGER: (p) => `Must be a whole number; got ${show(p.value)}`,
  OUT_OF_RANGE: (p) => `Must be between ${p.min} and ${p.max}; got ${show(p.value)}`,
  MISSING_BOUND: () => 'An age condition needs a lower bound (min), an upper bound (max) or both',
  MIN_GREATER_THAN_MAX: (p) => `The lower bound ${p.min} is above the upper bound ${p.max}`,
  TOO_DEEP: (p) => `Nested more than ${p.max} levels deep`,
  TOO_MANY_NODES: (p) => `More than ${p.max} conditions`,
};

const zh: RuleMessages = {
  and: '，且',
  or: '，或',
  group: (text) => `（${text}）`,
  sentence: (text) => text,
  noneOf: (alternatives) => `以下条件均不满足：${alternatives.join('；')}`,
  not: (described) => `不满足“${described}”`,
  excluded: (described) => `符合排除条件：${described}`,
  required: (actual, described) => `${actual}，不满足“${described}”`,

  category: (categories) => `残疾类别为${zhList(categories.map(catZh))}残疾`,
  categoryReason: (actual, allowed) => {
    if (actual === null) return '没有残疾类别记录';
    const list =
      allowed.length === 1 ? `不是${catZh(allowed[0]!)}残疾` : `不在${allowed.map(catZh).join('、')}残疾之内`;
    return `残疾类别为${catZh(actual)}残疾，${list}`;
  },
  grade: (grades) => `残疾等级为${zhList(grades.map(gradeZh))}`,
  gradeReason: (actual, allowed) => {
    if (actual === null) return '没有残疾等级记录';
    const list = allowed.length === 1 ? `不是${gradeZh(allowed[0]!)}` : `不在${allowed.map(gradeZh).join('、')}之内`;
    return `残疾等级为${gradeZh(actual)}，${list}`;
  },
  age: (min, max) => {
    if (max === undefined) return `年龄 ${min} 岁及以上`;
    if (min === undefined) return `年龄 ${max} 岁及以下`;
    return `年龄 ${range(min, max)} 岁`;
  },
  ageReason: (age, min, max) => {
    if (min !== undefined && age < min) {
      return max === undefined ? `年龄 ${age} 岁，不满 ${min} 岁` : `年龄 ${age} 岁，低于 ${range(min, max)} 岁`;
    }
    return `年龄 ${age} 岁，超过 ${min === undefined ? max : range(min, max)} 岁`;
  },
  flag: (flag, is) => (is ? `为${FLAG_ZH[flag]}` : `不是${FLAG_ZH[flag]}`),
  flagReason: (flag, actual) => (actual ? `是${FLAG_ZH[flag]}` : `不是${FLAG_ZH[flag]}`),
  certificate: (statuses) =>
    isValidCertificateSet(statuses)
      ? '持有有效残疾人证'
      : `残疾人证状态为${zhList(statuses.map((s) => CERTIFICATE_ZH[s].name))}`,
  certificateState: (actual) => CERTIFICATE_ZH[actual].state,
  personStatus: (statuses) =>
    statuses.length === 1 && statuses[0] === 'active'
      ? '人员在册'
      : `人员状态为${zhList(statuses.map((s) => PERSON_ZH[s].name))}`,
  personState: (actual) => PERSON_ZH[actual].state,
  region: (names) => `所在地属于${zhList(names)}`,
  regionReason: (actual, names) => `所在地${actual}不属于${zhList(names)}`,
  household: (min) => `户内登记残疾人不少于 ${min} 人`,
  householdReason: (count, min) => `户内登记残疾人 ${count} 人，少于 ${min} 人`,
  programHeld: (name, held) => (held ? `当年已享受${name}` : `当年未享受${name}`),
  programReason: (name, held) => (held ? `当年已享受${name}` : `当年未享受${name}`),
  unnamedProgram: (code) => `“${code}”项目`,
  needs: (kinds) => `当年登记有${zhList(kinds.map((k) => NEED_KIND_NAMES[k].zh))}需求`,
  needsReason: (kinds) => `当年未登记${zhList(kinds.map((k) => NEED_KIND_NAMES[k].zh))}需求`,

  problem: (p) => PROBLEMS_ZH[p.key](p.params ?? {}),
};

const en: RuleMessages = {
  and: ', and ',
  or: ', or ',
  group: (text) => `(${text})`,
  sentence: (text) => text.charAt(0).toUpperCase() + text.slice(1),
  noneOf: (alternatives) => `None of these holds: ${alternatives.join('; ')}`,
  not: (described) => `not (${described})`,
  excluded: (described) => `Excluded: ${described}`,
  required: (actual, described) => `${actual}; required: ${described}`,

  category: (categories) =>
    `has ${/^[aeiou]/.test(catEn(categories[0]!)) ? 'an' : 'a'} ${enList(categories.map(catEn))} disability`,
  categoryReason: (actual, allowed) =>
    actual === null
      ? 'No disability category on record'
      : `Disability category is ${catEn(actual)}, not ${enList(allowed.map(catEn))}`,
  grade: (grades) => `has disability grade ${enList(grades.map(String))}`,
  gradeReason: (actual, allowed) =>
    actual === null
      ? 'No disability grade on record'
      : `Disability grade is ${actual}, not ${enList(allowed.map(String))}`,
  age: (min, max) => {
    if (max === undefined) return `is aged ${min} or over`;
    if (min === undefined) return `is aged ${max} or under`;
    return `is aged ${range(min, max)}`;
  },
  ageReason: (age, min, max) => {
    if (min !== undefined && age < min) return `Age ${age}, below ${max === undefined ? min : range(min, max)}`;
    return `Age ${age}, above ${min === undefined ? max : range(min, max)}`;
  },
  flag: (flag, is) => (is ? FLAG_EN[flag].yes : FLAG_EN[flag].no),
  flagReason: (flag, actual) => en.sentence(actual ? FLAG_EN[flag].yes : FLAG_EN[flag].no),
  certificate: (statuses) =>
    isValidCertificateSet(statuses)
      ? 'holds a valid disability certificate'
      : `disability certificate status is ${enList(statuses.map((s) => CERTIFICATE_EN[s].name))}`,
  certificateState: (actual) => CERTIFICATE_EN[actual].state,
  personStatus: (statuses) =>
    statuses.length === 1 && statuses[0] === 'active'
      ? 'is on the register'
      : `person status is ${enList(statuses.map((s) => PERSON_EN[s].name))}`,
  personState: (actual) => PERSON_EN[actual].state,
  region: (names) => `lives in ${enList(names)}`,
  regionReason: (actual, names) => `Lives in ${actual}, outside ${enList(names)}`,
  household: (min) =>
    `lives in a household with at least ${min} registered disabled ${min === 1 ? 'person' : 'persons'}`,
  householdReason: (count, min) =>
    `${count} registered disabled ${count === 1 ? 'person' : 'persons'} in the household, fewer than ${min}`,
  programHeld: (name, held) => (held ? `receives ${name} in the year` : `does not receive ${name} in the year`),
  programReason: (name, held) =>
    held ? `Already receives ${name} in the year` : `Does not receive ${name} in the year`,
  unnamedProgram: (code) => `programme "${code}"`,
  needs: (kinds) => `has a recorded need for ${enList(kinds.map((k) => NEED_KIND_NAMES[k].en))} in the year`,
  needsReason: (kinds) => `No recorded need for ${enList(kinds.map((k) => NEED_KIND_NAMES[k].en))} in the year`,

  problem: (p) => PROBLEMS_EN[p.key](p.params ?? {}),
};

export const RULE_MESSAGES: Record<Lang, RuleMessages> = { zh, en };

/** A validation problem in words, e.g. for the `fields` of a 400 answer. */
export function ruleProblemMessage(problem: RuleProblem, lang: Lang): string {
  return RULE_MESSAGES[lang].problem(problem);
}
