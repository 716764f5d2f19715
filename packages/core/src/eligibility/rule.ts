// The eligibility rule language: a small declarative tree stored as JSON per programme and year.
// The server checks a programme's rule when an application is filed and again for every payment cycle,
// with the person's facts as they stand on the day in question (PersonFacts below).

import type { CertificateStatus } from '../certificate.js';
import type { NeedKind, PersonStatus } from '../disability.js';

export const RULE_FLAGS = ['lowIncome', 'extremePoverty', 'povertyMonitored'] as const;
export type RuleFlag = (typeof RULE_FLAGS)[number];

/** Certificate statuses a rule may name: those of certificate.ts plus 'none' (no certificate). */
export const RULE_CERTIFICATE_STATUSES = ['valid', 'expiring', 'expired', 'frozen', 'cancelled', 'none'] as const;
export type RuleCertificateStatus = CertificateStatus | 'none';

export const RULE_FACTS = [
  'category',
  'grade',
  'age',
  'flag',
  'certificateStatus',
  'personStatus',
  'region',
  'householdDisabledCount',
  'programHeld',
  'needs',
] as const;
export type RuleFact = (typeof RULE_FACTS)[number];

/** Nesting depth counts rule nodes from the root (a lone fact has depth 1). */
export const RULE_MAX_DEPTH = 8;
export const RULE_MAX_NODES = 100;
export const AGE_LIMIT = 150;
export const HOUSEHOLD_COUNT_LIMIT = 99;

export type Rule =
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule }
  /** Disability category 1–7 (GB/T 26341-2010). A person without one (no certificate) fails. */
  | { fact: 'category'; in: number[] }
  /** Disability grade 1–4. A person without one fails. */
  | { fact: 'grade'; in: number[] }
  /** Whole years on the evaluation date (ageOn), both bounds inclusive; at least one bound. */
  | { fact: 'age'; min?: number; max?: number }
  | { fact: 'flag'; flag: RuleFlag; is: boolean }
  /** 'valid' and 'expiring' are both within validity: "holds a valid certificate" lists both. */
  | { fact: 'certificateStatus'; in: RuleCertificateStatus[] }
  | { fact: 'personStatus'; in: PersonStatus[] }
  /** 12-digit region codes; the person's region is one of them or lies under one of them. */
  | { fact: 'region'; within: string[] }
  /** 一户多残: registered disabled persons in the person's household (the person included). */
  | { fact: 'householdDisabledCount'; min: number }
  /** Holds (or not) an approved or completed application of another programme in the year. */
  | { fact: 'programHeld'; program: string; held: boolean }
  /** Has a recorded need of at least one of these kinds in the year (动态更新). */
  | { fact: 'needs'; any: NeedKind[] };

export type FactRule = Extract<Rule, { fact: string }>;

/** What the server knows about a person on the evaluation date; assembled from the registry. */
export type PersonFacts = {
  category: number | null;
  grade: number | null;
  birthDate: string;
  flags: Record<RuleFlag, boolean>;
  /** certificateStatus() on the evaluation date, or 'none' without a certificate. */
  certificateStatus: RuleCertificateStatus;
  status: PersonStatus;
  regionCode: string;
  householdDisabledCount: number;
  /** Programme codes with an approved or completed application of the person in the year. */
  programsHeld: string[];
  /** Needs recorded for the person in the year. */
  needs: NeedKind[];
};

export type Lang = 'zh' | 'en';
export type BilingualText = { zh: string; en: string };

/** Optional display names; without them a rule shows programme and region codes. */
export type RuleLabels = {
  programNames?: Readonly<Record<string, BilingualText>>;
  regionNames?: Readonly<Record<string, string>>;
};

export const RULE_PROBLEM_KEYS = [
  'NOT_AN_OBJECT',
  'NOT_A_RULE',
  'AMBIGUOUS_RULE',
  'UNKNOWN_KEY',
  'MISSING_KEY',
  'UNKNOWN_FACT',
  'NOT_A_LIST',
  'EMPTY_LIST',
  'DUPLICATE_VALUE',
  'VALUE_NOT_ALLOWED',
  'BAD_REGION_CODE',
  'BAD_PROGRAM_CODE',
  'UNKNOWN_PROGRAM',
  'NOT_A_BOOLEAN',
  'NOT_AN_INTEGER',
  'OUT_OF_RANGE',
  'MISSING_BOUND',
  'MIN_GREATER_THAN_MAX',
  'TOO_DEEP',
  'TOO_MANY_NODES',
] as const;
export type RuleProblemKey = (typeof RULE_PROBLEM_KEYS)[number];

/** `path` is a dotted JSON path from the rule's root ('' for the root itself), e.g. 'all.1.in'. */
export type RuleProblem = { path: string; key: RuleProblemKey; params?: Record<string, unknown> };
