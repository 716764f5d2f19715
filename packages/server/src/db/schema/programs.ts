import type { ProgramKind, ProgramUnit, Rule } from '@huican/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/**
 * The programme catalogue (惠残项目), seeded from `DEFAULT_PROGRAMS` on every new database and
 * editable by admin. Rules, standards and budgets per year live in program_years, targets in program_targets.
 */
export const programs = pgTable(
  'programs',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind').$type<ProgramKind>().notNull(),
    /**
     * 'programme': the glossary's programmes (GET /api/programs). 'certificate': the certificate services
     * (评残, renewal, change, reissue, transfer, cancellation), which use the same application workflow
     * and change the registry when completed.
     */
    catalogue: text('catalogue', { enum: ['programme', 'certificate'] })
      .notNull()
      .default('programme'),
    unit: text('unit').$type<ProgramUnit>().notNull(),
    autoApproval: boolean('auto_approval').notNull().default(false),
    requiredDocuments: jsonb('required_documents').$type<string[]>().notNull().default([]),
    /** The default rule, used in a year without its own (program_years.rule). */
    rule: jsonb('rule').$type<Rule>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('programs_code', sql`${t.code} ~ '^[a-z][a-z0-9_]{1,39}$'`),
    check(
      'programs_kind',
      sql`${t.kind} in ('monthly_subsidy', 'annual_grant', 'household_grant', 'service', 'in_kind')`,
    ),
    check('programs_unit', sql`${t.unit} in ('person', 'household')`),
    check('programs_catalogue', sql`${t.catalogue} in ('programme', 'certificate')`),
  ],
);

/**
 * What a programme is in one year: its rule (null = the programme's default rule), its benefit standard
 * and its budget. A row exists once any of them is set for the year.
 */
export const programYears = pgTable(
  'program_years',
  {
    programCode: text('program_code')
      .notNull()
      .references(() => programs.code),
    year: smallint('year').notNull(),
    rule: jsonb('rule').$type<Rule>(),
    /** Monthly amount per grade, for monthly subsidies. */
    monthlyCentsByGrade: jsonb('monthly_cents_by_grade').$type<Record<'1' | '2' | '3' | '4', number>>(),
    /** Fixed amount per person, or per household for household programmes. */
    amountCents: integer('amount_cents'),
    budgetCents: bigint('budget_cents', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.programCode, t.year] }),
    check('program_years_year', sql`${t.year} between 2000 and 2100`),
    check('program_years_amount', sql`${t.amountCents} >= 0`),
    check('program_years_budget', sql`${t.budgetCents} >= 0`),
  ],
);

/** The number of persons (or households) a township is to serve in a programme and year. */
export const programTargets = pgTable(
  'program_targets',
  {
    programCode: text('program_code')
      .notNull()
      .references(() => programs.code),
    year: smallint('year').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    target: integer('target').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.programCode, t.year, t.regionCode] }),
    index('program_targets_year_region_idx').on(t.year, sql`${t.regionCode} varchar_pattern_ops`),
    check('program_targets_target', sql`${t.target} >= 0`),
    check('program_targets_county_prefix', sql`left(${t.regionCode}, 6) = ${t.countyCode}`),
  ],
);
