import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { programs } from './programs.js';

export const CYCLE_KINDS = ['monthly', 'grant', 'settlement', 'repayment'] as const;
export const CYCLE_STATUSES = ['draft', 'submitted', 'approved', 'paid', 'cancelled'] as const;
export const LINE_KINDS = ['regular', 'back_pay', 'grant', 'advance', 'final', 'repayment'] as const;
export const LINE_STATUSES = ['pending', 'paid', 'failed', 'void'] as const;

/**
 * A payment cycle (发放批次): the lines of one programme for one period and region, generated set-based,
 * then submitted, approved by another user (maker-checker), paid. Approved cycles are frozen: each line
 * carries its own copy of the amount, grade, payee and account. Kinds: monthly subsidies, yearly grants,
 * institution settlements (advance and final), and re-payment of failed lines.
 */
export const paymentCycles = pgTable(
  'payment_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programCode: text('program_code')
      .notNull()
      .references(() => programs.code),
    kind: text('kind', { enum: CYCLE_KINDS }).notNull(),
    /** The month paid (YYYY-MM); for grants and settlements, the month of payment. */
    period: varchar('period', { length: 7 }).notNull(),
    year: smallint('year').notNull(),
    /** The cycle's region: a county (usually) or a township. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    status: text('status', { enum: CYCLE_STATUSES }).notNull().default('draft'),
    count: integer('count').notNull().default(0),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull().default(0),
    /** Re-payment cycles: the cycle whose failed lines they pay again. */
    sourceCycleId: uuid('source_cycle_id'),
    budgetOverrideReason: text('budget_override_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    paidBy: uuid('paid_by'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // CYCLE_EXISTS: one live cycle per programme, kind, period and region, concurrent runs included.
    uniqueIndex('payment_cycles_live_unique')
      .on(t.programCode, t.kind, t.period, t.regionCode)
      .where(sql`${t.status} <> 'cancelled' and ${t.kind} <> 'repayment'`),
    index('payment_cycles_region_idx').on(sql`${t.regionCode} varchar_pattern_ops`),
    index('payment_cycles_program_year_idx').on(t.programCode, t.year),
    check('payment_cycles_period', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('payment_cycles_year', sql`${t.year} between 2000 and 2100`),
    check('payment_cycles_county_prefix', sql`left(${t.regionCode}, 6) = ${t.countyCode}`),
    check('payment_cycles_status', sql`${t.status} in ('draft', 'submitted', 'approved', 'paid', 'cancelled')`),
    check('payment_cycles_kind', sql`${t.kind} in ('monthly', 'grant', 'settlement', 'repayment')`),
  ],
);

/**
 * One payment line (entitlement): who is paid, for what, how much, to which account. The partial unique
 * indexes are the last line against double payment: a month of a monthly subsidy, a year of a grant, an
 * advance or final settlement of a placement can be pending or paid only once; failed and voided lines
 * (a cancelled cycle) leave room for the re-payment.
 */
export const paymentLines = pgTable(
  'payment_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /**
     * No foreign keys on cycle_id and person_id: a line is only ever written by the statement that
     * writes its cycle (same transaction) from existing persons, who are never deleted; the two checks
     * cost 17 of 27 s per million lines (docs/benchmarks.md).
     */
    cycleId: uuid('cycle_id').notNull(),
    programCode: text('program_code').notNull(),
    kind: text('kind', { enum: LINE_KINDS }).notNull(),
    /** The month this line pays for (back-pay: the month missed). */
    period: varchar('period', { length: 7 }).notNull(),
    year: smallint('year').notNull(),
    personId: uuid('person_id').notNull(),
    householdId: uuid('household_id'),
    applicationId: uuid('application_id'),
    /** Settlements pay the institution, not the person. */
    institutionId: uuid('institution_id'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    grade: smallint('grade'),
    amountCents: integer('amount_cents').notNull(),
    payeeName: text('payee_name').notNull(),
    bankName: text('bank_name'),
    bankAccount: text('bank_account'),
    status: text('status', { enum: LINE_STATUSES }).notNull().default('pending'),
    failureReason: text('failure_reason'),
    bankReference: text('bank_reference'),
    paidOn: date('paid_on'),
    /** A failed line paid again: the line of the re-payment cycle. */
    repaidByLineId: bigint('repaid_by_line_id', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('payment_lines_month_unique')
      .on(t.personId, t.programCode, t.period)
      .where(sql`${t.kind} in ('regular', 'back_pay', 'repayment') and ${t.status} in ('pending', 'paid')`),
    uniqueIndex('payment_lines_grant_unique')
      .on(sql`coalesce(${t.householdId}, ${t.personId})`, t.programCode, t.year)
      .where(sql`${t.kind} = 'grant' and ${t.status} in ('pending', 'paid')`),
    uniqueIndex('payment_lines_settlement_unique')
      .on(t.applicationId, t.kind)
      .where(sql`${t.kind} in ('advance', 'final') and ${t.status} in ('pending', 'paid')`),
    index('payment_lines_cycle_idx').on(t.cycleId, t.id),
    index('payment_lines_person_idx').on(t.personId),
    index('payment_lines_program_year_idx').on(t.programCode, t.year, t.status),
    check('payment_lines_amount', sql`${t.amountCents} >= 0`),
    check('payment_lines_period', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);
