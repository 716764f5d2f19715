// A rule in words, for the programme page: "持有有效残疾人证，且为低保家庭，且不是特困供养人员".

import { RULE_MESSAGES, type RuleMessages } from './messages.js';
import type { FactRule, Lang, Rule, RuleLabels } from './rule.js';

type Kind = 'all' | 'any';

/** all/any of a single rule is that rule. */
export function unwrapSingle(rule: Rule): Rule {
  let r = rule;
  for (;;) {
    if ('fact' in r || 'not' in r) return r;
    const children = 'all' in r ? r.all : r.any;
    if (children.length !== 1) return r;
    r = children[0]!;
  }
}

/**
 * The rule that means "not `inner`" when it can be said without a negation around it (a flag or a held
 * programme flips; a double negation cancels), otherwise null.
 */
export function negatedDirectly(inner: Rule): Rule | null {
  const r = unwrapSingle(inner);
  if ('not' in r) return r.not;
  if ('fact' in r && r.fact === 'flag') return { ...r, is: !r.is };
  if ('fact' in r && r.fact === 'programHeld') return { ...r, held: !r.held };
  return null;
}

export function programName(code: string, lang: Lang, labels: RuleLabels): string {
  return labels.programNames?.[code]?.[lang] ?? RULE_MESSAGES[lang].unnamedProgram(code);
}

export function regionName(code: string, labels: RuleLabels): string {
  return labels.regionNames?.[code] ?? code;
}

export function describeFact(rule: FactRule, lang: Lang, labels: RuleLabels): string {
  const m = RULE_MESSAGES[lang];
  switch (rule.fact) {
    case 'category':
      return m.category(rule.in);
    case 'grade':
      return m.grade(rule.in);
    case 'age':
      return m.age(rule.min, rule.max);
    case 'flag':
      return m.flag(rule.flag, rule.is);
    case 'certificateStatus':
      return m.certificate(rule.in);
    case 'personStatus':
      return m.personStatus(rule.in);
    case 'region':
      return m.region(rule.within.map((code) => regionName(code, labels)));
    case 'householdDisabledCount':
      return m.household(rule.min);
    case 'programHeld':
      return m.programHeld(programName(rule.program, lang, labels), rule.held);
    case 'needs':
      return m.needs(rule.any);
  }
}

function clause(rule: Rule, m: RuleMessages, lang: Lang, labels: RuleLabels, parent: Kind | null): string {
  if ('not' in rule) {
    const direct = negatedDirectly(rule.not);
    if (direct) return clause(direct, m, lang, labels, parent);
    return m.not(clause(rule.not, m, lang, labels, null));
  }
  if ('fact' in rule) return describeFact(rule, lang, labels);
  const kind: Kind = 'all' in rule ? 'all' : 'any';
  const children = 'all' in rule ? rule.all : rule.any;
  if (children.length === 1) return clause(children[0]!, m, lang, labels, parent);
  const text = children.map((c) => clause(c, m, lang, labels, kind)).join(kind === 'all' ? m.and : m.or);
  // a list inside a list of the other kind is bracketed; all-in-all and any-in-any read the same flat
  return parent !== null && parent !== kind ? m.group(text) : text;
}

/** The rule as a clause (lower-case in English), for use inside a longer text. */
export function describeClause(rule: Rule, lang: Lang, labels: RuleLabels = {}): string {
  return clause(rule, RULE_MESSAGES[lang], lang, labels, null);
}

/** The rule as readable text; `labels` supplies programme and region names (codes are shown otherwise). */
export function describeRule(rule: Rule, lang: Lang, labels: RuleLabels = {}): string {
  return RULE_MESSAGES[lang].sentence(describeClause(rule, lang, labels));
}
