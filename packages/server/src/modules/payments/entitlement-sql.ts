import { HOLDING_STATUSES, type Rule } from '@huican/core';
import { type SQL, sql } from 'drizzle-orm';
import { persons } from '../../db/schema/index.js';
import { ruleToSql } from '../programs/rule-to-sql.js';
import type { Month } from './months.js';

// What makes a person entitled to a monthly subsidy for one month, as SQL over `persons` (and the joins
// the programme's rule needs), judged on the month's first day. Shared by cycle generation (one INSERT …
// SELECT) and the stopped-payments list (which names the condition that failed).
//
// The registry keeps the date of a death, move-out or cancellation (status_date) and the end of validity
// of the certificate, so those are judged as they stood on the day; everything else (flags such as 低保,
// grade, certificate state frozen/cancelled, region) only as it stands now. Back-pay for an earlier month
// therefore uses today's flags: documented in docs/api.md.

export type MonthlyStandard = Record<'1' | '2' | '3' | '4', number>;

export const GRADES = ['1', '2', '3', '4'] as const;

export type EntitlementMonth = Month & {
  /** The programme's rule of the month's year. */
  rule: Rule;
  /** The standard of the month's year, per grade. */
  standard: MonthlyStandard;
};

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export const HOLDING = list(HOLDING_STATUSES);
/** Line kinds that pay one month of a monthly subsidy (the unique index payment_lines_month_unique). */
export const MONTH_KINDS = sql`('regular', 'back_pay', 'repayment')`;

/** Not deceased, moved out or cancelled with an effective date before the month's first day. */
export const activeOnSql = (m: Month) =>
  sql`(${persons.status} = 'active' or coalesce(${persons.statusDate} >= ${m.first}::date, false))`;

/** A certificate in force on the first day: state normal, valid until that day or later. */
export const certificateOnSql = (m: Month) =>
  sql`(${persons.certNumber} is not null and ${persons.certState} = 'normal' and coalesce(${persons.certValidUntil} >= ${m.first}::date, false))`;

/** The grades with a positive amount in the standard (grade 0 amounts pay nothing). */
export const paidGrades = (standard: MonthlyStandard) => GRADES.filter((g) => (standard[g] ?? 0) > 0).map(Number);

export const gradePaidSql = (standard: MonthlyStandard): SQL => {
  const grades = paidGrades(standard);
  return grades.length > 0 ? sql`(${persons.grade} in (${list(grades)}))` : sql`false`;
};

/** The standard's amount for the person's grade (null for no grade). */
export const amountSql = (standard: MonthlyStandard): SQL =>
  sql`(case ${persons.grade} ${sql.join(
    GRADES.map((g) => sql`when ${Number(g)} then ${standard[g] ?? 0}::int`),
    sql` `,
  )} end)`;

/** The rule of the month's year on its first day, with the person's status as it stood then. */
export const ruleOnSql = (m: EntitlementMonth) => ruleToSql(m.rule, { on: m.first, year: m.year, statusAsOf: true });
