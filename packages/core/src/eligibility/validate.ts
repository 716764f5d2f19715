// Strict validation of a stored or submitted rule: every problem is reported with its JSON path,
// and a valid rule comes back as a fresh copy holding only the known fields.

import { DISABILITY_CATEGORIES, DISABILITY_GRADES } from '../certificate.js';
import { NEED_KINDS, PERSON_STATUSES } from '../disability.js';
import { isRegionCode } from '../region-code.js';
import {
  AGE_LIMIT,
  HOUSEHOLD_COUNT_LIMIT,
  RULE_CERTIFICATE_STATUSES,
  RULE_FACTS,
  RULE_FLAGS,
  RULE_MAX_DEPTH,
  RULE_MAX_NODES,
  type Rule,
  type RuleFact,
  type RuleProblem,
  type RuleProblemKey,
} from './rule.js';

export const PROGRAM_CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export type RuleValidation = { ok: true; rule: Rule } | { ok: false; problems: RuleProblem[] };

export type ValidateRuleOptions = {
  /** When given, `programHeld` must name one of these programmes. */
  programCodes?: readonly string[];
};

type Json = Record<string, unknown>;

/** The keys each fact takes besides `fact` (required ones first in each list). */
const FACT_KEYS: Record<RuleFact, { required: string[]; optional: string[] }> = {
  category: { required: ['in'], optional: [] },
  grade: { required: ['in'], optional: [] },
  age: { required: [], optional: ['min', 'max'] },
  flag: { required: ['flag', 'is'], optional: [] },
  certificateStatus: { required: ['in'], optional: [] },
  personStatus: { required: ['in'], optional: [] },
  region: { required: ['within'], optional: [] },
  householdDisabledCount: { required: ['min'], optional: [] },
  programHeld: { required: ['program', 'held'], optional: [] },
  needs: { required: ['any'], optional: [] },
};

const CONNECTIVES = ['all', 'any', 'not'] as const;

function isPlainObject(value: unknown): value is Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function join(path: string, segment: string | number): string {
  return path === '' ? String(segment) : `${path}.${segment}`;
}

class Checker {
  readonly problems: RuleProblem[] = [];
  private nodes = 0;
  private tooMany = false;

  constructor(private readonly programCodes: ReadonlySet<string> | null) {}

  private add(path: string, key: RuleProblemKey, params?: Record<string, unknown>): void {
    this.problems.push(params === undefined ? { path, key } : { path, key, params });
  }

  node(value: unknown, path: string, depth: number): Rule | null {
    if (this.tooMany) return null;
    if (depth > RULE_MAX_DEPTH) {
      this.add(path, 'TOO_DEEP', { max: RULE_MAX_DEPTH });
      return null;
    }
    this.nodes += 1;
    if (this.nodes > RULE_MAX_NODES) {
      this.tooMany = true;
      this.add('', 'TOO_MANY_NODES', { max: RULE_MAX_NODES });
      return null;
    }
    if (!isPlainObject(value)) {
      this.add(path, 'NOT_AN_OBJECT');
      return null;
    }
    // A fact node is told by its `fact` key (the needs fact has an `any` list of its own).
    if (Object.hasOwn(value, 'fact')) return this.fact(value, path);
    const kinds = CONNECTIVES.filter((k) => Object.hasOwn(value, k));
    if (kinds.length === 0) {
      this.add(path, 'NOT_A_RULE', { keys: Object.keys(value) });
      return null;
    }
    if (kinds.length > 1) {
      this.add(path, 'AMBIGUOUS_RULE', { keys: kinds });
      return null;
    }
    const kind = kinds[0]!;
    this.unknownKeys(value, path, [kind]);
    if (kind === 'not') {
      const inner = this.node(value.not, join(path, 'not'), depth + 1);
      return inner && { not: inner };
    }
    const list = value[kind];
    const listPath = join(path, kind);
    if (!Array.isArray(list)) {
      this.add(listPath, 'NOT_A_LIST');
      return null;
    }
    if (list.length === 0) {
      this.add(listPath, 'EMPTY_LIST');
      return null;
    }
    const children = list.map((child, i) => this.node(child, join(listPath, i), depth + 1));
    if (children.some((c) => c === null)) return null;
    return kind === 'all' ? { all: children as Rule[] } : { any: children as Rule[] };
  }

  private unknownKeys(value: Json, path: string, allowed: string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(join(path, key), 'UNKNOWN_KEY', { key });
    }
  }

  private fact(value: Json, path: string): Rule | null {
    const fact = value.fact;
    if (typeof fact !== 'string' || !(RULE_FACTS as readonly string[]).includes(fact)) {
      this.add(join(path, 'fact'), 'UNKNOWN_FACT', { fact, allowed: RULE_FACTS });
      return null;
    }
    const f = fact as RuleFact;
    const { required, optional } = FACT_KEYS[f];
    const before = this.problems.length;
    this.unknownKeys(value, path, ['fact', ...required, ...optional]);
    const missing = required.filter((key) => !Object.hasOwn(value, key));
    for (const key of missing) this.add(join(path, key), 'MISSING_KEY', { key });
    if (missing.length > 0) return null;
    const rule = this.factValues(f, value, path);
    return this.problems.length > before ? null : rule;
  }

  private factValues(f: RuleFact, value: Json, path: string): Rule | null {
    switch (f) {
      case 'category': {
        const list = this.enumList(value.in, join(path, 'in'), DISABILITY_CATEGORIES);
        return list && { fact: f, in: list };
      }
      case 'grade': {
        const list = this.enumList(value.in, join(path, 'in'), DISABILITY_GRADES);
        return list && { fact: f, in: list };
      }
      case 'certificateStatus': {
        const list = this.enumList(value.in, join(path, 'in'), RULE_CERTIFICATE_STATUSES);
        return list && { fact: f, in: list };
      }
      case 'personStatus': {
        const list = this.enumList(value.in, join(path, 'in'), PERSON_STATUSES);
        return list && { fact: f, in: list };
      }
      case 'needs': {
        const list = this.enumList(value.any, join(path, 'any'), NEED_KINDS);
        return list && { fact: f, any: list };
      }
      case 'region': {
        const list = this.list(value.within, join(path, 'within'), (v, p) => {
          if (isRegionCode(v)) return true;
          this.add(p, 'BAD_REGION_CODE', { value: v });
          return false;
        });
        return list && { fact: f, within: list as string[] };
      }
      case 'age': {
        if (!Object.hasOwn(value, 'min') && !Object.hasOwn(value, 'max')) {
          this.add(path, 'MISSING_BOUND');
          return null;
        }
        const min = Object.hasOwn(value, 'min') ? this.integer(value.min, join(path, 'min'), 0, AGE_LIMIT) : undefined;
        const max = Object.hasOwn(value, 'max') ? this.integer(value.max, join(path, 'max'), 0, AGE_LIMIT) : undefined;
        if (min === null || max === null) return null;
        if (min !== undefined && max !== undefined && min > max) {
          this.add(path, 'MIN_GREATER_THAN_MAX', { min, max });
          return null;
        }
        return { fact: f, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
      }
      case 'flag': {
        const flagOk = (RULE_FLAGS as readonly unknown[]).includes(value.flag);
        if (!flagOk) this.add(join(path, 'flag'), 'VALUE_NOT_ALLOWED', { value: value.flag, allowed: RULE_FLAGS });
        const is = this.boolean(value.is, join(path, 'is'));
        if (!flagOk || is === null) return null;
        return { fact: f, flag: value.flag as (typeof RULE_FLAGS)[number], is };
      }
      case 'householdDisabledCount': {
        const min = this.integer(value.min, join(path, 'min'), 1, HOUSEHOLD_COUNT_LIMIT);
        return min === null ? null : { fact: f, min };
      }
      case 'programHeld': {
        const program = value.program;
        let programOk = false;
        if (typeof program !== 'string' || !PROGRAM_CODE_PATTERN.test(program)) {
          this.add(join(path, 'program'), 'BAD_PROGRAM_CODE', { value: program });
        } else if (this.programCodes && !this.programCodes.has(program)) {
          this.add(join(path, 'program'), 'UNKNOWN_PROGRAM', { value: program });
        } else {
          programOk = true;
        }
        const held = this.boolean(value.held, join(path, 'held'));
        if (!programOk || held === null) return null;
        return { fact: f, program: program as string, held };
      }
    }
  }

  /** A non-empty list without duplicates whose items pass `check` (which reports its own problems). */
  private list(value: unknown, path: string, check: (item: unknown, path: string) => boolean): unknown[] | null {
    if (!Array.isArray(value)) {
      this.add(path, 'NOT_A_LIST');
      return null;
    }
    if (value.length === 0) {
      this.add(path, 'EMPTY_LIST');
      return null;
    }
    let ok = true;
    const seen = new Set<unknown>();
    value.forEach((item, i) => {
      if (!check(item, join(path, i))) {
        ok = false;
      } else if (seen.has(item)) {
        this.add(join(path, i), 'DUPLICATE_VALUE', { value: item });
        ok = false;
      }
      seen.add(item);
    });
    return ok ? [...value] : null;
  }

  private enumList<T extends string | number>(value: unknown, path: string, allowed: readonly T[]): T[] | null {
    return this.list(value, path, (item, p) => {
      if ((allowed as readonly unknown[]).includes(item)) return true;
      this.add(p, 'VALUE_NOT_ALLOWED', { value: item, allowed });
      return false;
    }) as T[] | null;
  }

  private integer(value: unknown, path: string, min: number, max: number): number | null {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(path, 'NOT_AN_INTEGER', { value });
      return null;
    }
    if (value < min || value > max) {
      this.add(path, 'OUT_OF_RANGE', { value, min, max });
      return null;
    }
    return value;
  }

  private boolean(value: unknown, path: string): boolean | null {
    if (typeof value === 'boolean') return value;
    this.add(path, 'NOT_A_BOOLEAN', { value });
    return null;
  }
}

/**
 * Checks untrusted JSON against the rule language. Strict: unknown keys and facts, empty lists, duplicate
 * or unknown values, malformed region or programme codes, an age rule without bounds or with min > max,
 * nesting deeper than RULE_MAX_DEPTH and more than RULE_MAX_NODES nodes are all problems.
 */
export function validateRule(json: unknown, options: ValidateRuleOptions = {}): RuleValidation {
  const checker = new Checker(options.programCodes ? new Set(options.programCodes) : null);
  const rule = checker.node(json, '', 1);
  if (checker.problems.length > 0 || rule === null) return { ok: false, problems: checker.problems };
  return { ok: true, rule };
}
