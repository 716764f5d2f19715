import { type Rule, ruleProblemMessage, validateRule } from '@huican/core';
import type { Queryable } from '../../db/client.js';
import { programs } from '../../db/schema/index.js';
import { type FieldErrors, invalidFields } from '../../errors.js';

/**
 * A submitted rule checked by core's validateRule, `programHeld` against the catalogue. Problems answer
 * 400 with one field per problem path (`rule`, `rule.all.1.in`…), worded by core's rule messages.
 */
export async function checkedRule(db: Queryable, json: unknown, field = 'rule'): Promise<Rule> {
  if (json === undefined) throw invalidFields({ [field]: { key: 'field.required' } });
  const codes = (await db.select({ code: programs.code }).from(programs)).map((p) => p.code);
  const result = validateRule(json, { programCodes: codes });
  if (result.ok) return result.rule;
  const fields: FieldErrors = {};
  for (const problem of result.problems) {
    const path = problem.path === '' ? field : `${field}.${problem.path}`;
    fields[path] ??= {
      key: 'rule.PROBLEM',
      params: { zh: ruleProblemMessage(problem, 'zh'), en: ruleProblemMessage(problem, 'en') },
    };
  }
  throw invalidFields(fields);
}
