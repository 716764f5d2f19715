import { type BilingualText, evaluateRule, type PersonFacts, type Rule } from '@huican/core';
import type { Queryable } from '../../db/client.js';
import type { persons } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { ProgramInYear } from '../programs/program-year.js';
import { loadPersonFacts } from './person-facts.js';

// Whatever a programme's rule says, nobody applies for a person who is deceased, moved out or cancelled.
const ACTIVE: Rule = { fact: 'personStatus', in: ['active'] };

export type Verdict = { eligible: boolean; on: string; reasons: BilingualText[] };

/** The programme's rule of the year against the person's facts on `on`. */
export async function checkEligibility(
  db: Queryable,
  person: typeof persons.$inferSelect,
  program: ProgramInYear,
  on: string,
  o: { exceptApplicationId?: string } = {},
): Promise<Verdict> {
  return verdictOf(program, await loadPersonFacts(db, person, program.year, on, o), on);
}

/**
 * The pure part: the rule against the facts, plus "is active" for programmes (a certificate service
 * such as cancellation or transfer-in also serves persons no longer active; its own rule says so).
 */
export function verdictOf(program: Pick<ProgramInYear, 'rule' | 'catalogue'>, facts: PersonFacts, on: string): Verdict {
  const rule = program.catalogue === 'programme' ? { all: [ACTIVE, program.rule] } : program.rule;
  const result = evaluateRule(rule, facts, on);
  // A rule that itself requires "active" would report it twice.
  const seen = new Set<string>();
  const reasons = result.reasons.filter((r) => !seen.has(r.zh) && seen.add(r.zh));
  return { eligible: result.eligible, on, reasons };
}

/** 422 NOT_ELIGIBLE with the reasons as strings in the request's language (CONTRACT.md). */
export function notEligible(verdict: Verdict): AppError {
  return new AppError('NOT_ELIGIBLE', 422, 'NOT_ELIGIBLE', { localized: { reasons: verdict.reasons } });
}
