// The one evaluator: a rule against a person's facts on a date, with a reason in words for every
// condition that fails. The server calls it when an application is filed and again at cycle time.

import { isRealDate } from '../calendar.js';
import { ageOn } from '../id-number.js';
import { isWithinRegion } from '../region-code.js';
import { describeClause, negatedDirectly, programName, regionName } from './describe.js';
import { RULE_MESSAGES, type RuleMessages } from './messages.js';
import type { BilingualText, FactRule, Lang, PersonFacts, Rule, RuleLabels } from './rule.js';

export type EligibilityResult = { eligible: boolean; reasons: BilingualText[] };

type Context = { facts: PersonFacts; on: string; labels: RuleLabels; age?: number };

function bilingual(text: (m: RuleMessages, lang: Lang) => string): BilingualText {
  return { zh: text(RULE_MESSAGES.zh, 'zh'), en: text(RULE_MESSAGES.en, 'en') };
}

function ageOf(ctx: Context): number {
  if (ctx.age === undefined) {
    if (!isRealDate(ctx.facts.birthDate)) throw new RangeError(`Not a calendar date: ${ctx.facts.birthDate}`);
    ctx.age = ageOn(ctx.facts.birthDate, ctx.on);
  }
  return ctx.age;
}

function holds(rule: FactRule, ctx: Context): boolean {
  const f = ctx.facts;
  switch (rule.fact) {
    case 'category':
      return f.category !== null && rule.in.includes(f.category);
    case 'grade':
      return f.grade !== null && rule.in.includes(f.grade);
    case 'age': {
      const age = ageOf(ctx);
      return (rule.min === undefined || age >= rule.min) && (rule.max === undefined || age <= rule.max);
    }
    case 'flag':
      return f.flags[rule.flag] === rule.is;
    case 'certificateStatus':
      return rule.in.includes(f.certificateStatus);
    case 'personStatus':
      return rule.in.includes(f.status);
    case 'region':
      return rule.within.some((code) => isWithinRegion(f.regionCode, code));
    case 'householdDisabledCount':
      return f.householdDisabledCount >= rule.min;
    case 'programHeld':
      return f.programsHeld.includes(rule.program) === rule.held;
    case 'needs':
      return rule.any.some((kind) => f.needs.includes(kind));
  }
}

/** Why a fact condition fails (called only when it does). */
function failure(rule: FactRule, ctx: Context): BilingualText {
  const f = ctx.facts;
  return bilingual((m, lang) => {
    switch (rule.fact) {
      case 'category':
        return m.categoryReason(f.category, rule.in);
      case 'grade':
        return m.gradeReason(f.grade, rule.in);
      case 'age':
        return m.ageReason(ageOf(ctx), rule.min, rule.max);
      case 'flag':
        return m.flagReason(rule.flag, f.flags[rule.flag]);
      case 'certificateStatus': {
        const state = m.certificateState(f.certificateStatus);
        // "valid" among the allowed states: the actual state says it all ("残疾人证已过期")
        return rule.in.includes('valid') ? state : m.required(state, m.certificate(rule.in));
      }
      case 'personStatus': {
        const state = m.personState(f.status);
        return rule.in.includes('active') ? state : m.required(state, m.personStatus(rule.in));
      }
      case 'region':
        return m.regionReason(
          regionName(f.regionCode, ctx.labels),
          rule.within.map((code) => regionName(code, ctx.labels)),
        );
      case 'householdDisabledCount':
        return m.householdReason(f.householdDisabledCount, rule.min);
      case 'programHeld':
        return m.programReason(programName(rule.program, lang, ctx.labels), !rule.held);
      case 'needs':
        return m.needsReason(rule.any);
    }
  });
}

function evaluate(rule: Rule, ctx: Context): EligibilityResult {
  if ('fact' in rule) {
    return holds(rule, ctx) ? { eligible: true, reasons: [] } : { eligible: false, reasons: [failure(rule, ctx)] };
  }
  if ('not' in rule) {
    const direct = negatedDirectly(rule.not);
    if (direct) return evaluate(direct, ctx);
    if (!evaluate(rule.not, ctx).eligible) return { eligible: true, reasons: [] };
    return {
      eligible: false,
      reasons: [bilingual((m, lang) => m.excluded(describeClause(rule.not, lang, ctx.labels)))],
    };
  }
  if ('all' in rule) {
    // every child is evaluated so that every failing condition is explained
    const results = rule.all.map((child) => evaluate(child, ctx));
    const failed = results.filter((r) => !r.eligible);
    return { eligible: failed.length === 0, reasons: failed.flatMap((r) => r.reasons) };
  }
  if (rule.any.length === 1) return evaluate(rule.any[0]!, ctx);
  if (rule.any.some((child) => evaluate(child, ctx).eligible)) return { eligible: true, reasons: [] };
  return {
    eligible: false,
    reasons: [bilingual((m, lang) => m.noneOf(rule.any.map((child) => describeClause(child, lang, ctx.labels))))],
  };
}

/**
 * Evaluates a (validated) rule for a person on `on` ('YYYY-MM-DD': ages are whole years on that day).
 * An eligible result has no reasons; otherwise one reason per failing condition, in the rule's order.
 * A malformed `on`, or a malformed birth date under an age condition, is a RangeError.
 */
export function evaluateRule(rule: Rule, facts: PersonFacts, on: string, labels: RuleLabels = {}): EligibilityResult {
  if (!isRealDate(on)) throw new RangeError(`Not a calendar date: ${on}`);
  return evaluate(rule, { facts, on, labels });
}
