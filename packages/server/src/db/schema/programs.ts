import type { ProgramKind, ProgramUnit, Rule } from '@huican/core';
import { sql } from 'drizzle-orm';
import { boolean, check, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The programme catalogue (惠残项目), seeded from `DEFAULT_PROGRAMS` on every new database and
 * editable by admin. Rules, standards, budgets and targets per year come with the programmes issue.
 */
export const programs = pgTable(
  'programs',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind').$type<ProgramKind>().notNull(),
    unit: text('unit').$type<ProgramUnit>().notNull(),
    autoApproval: boolean('auto_approval').notNull().default(false),
    requiredDocuments: jsonb('required_documents').$type<string[]>().notNull().default([]),
    /** The default rule; per-year rules come later. */
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
  ],
);
