import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['county', 'township', 'village'] }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }).references((): AnyPgColumn => regions.code),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    check('regions_code_digits', sql`${t.code} ~ '^[0-9]{12}$'`),
    check('regions_level', sql`${t.level} in ('county', 'township', 'village')`),
    check('regions_county_prefix', sql`left(${t.code}, 6) = ${t.countyCode}`),
  ],
);
