import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { programs } from './programs.js';

export const SERVICE_ONLINE_LEVELS = ['counter', 'online', 'auto'] as const;
export type ServiceOnlineLevel = (typeof SERVICE_ONLINE_LEVELS)[number];

/**
 * The public service catalogue (公共服务事项清单) of the citizen portal: one guide per service item,
 * seeded from the programme catalogue on every database and editable by admin. `online`: 'counter' =
 * at the service window only, 'online' = may be applied for online, 'auto' = online with 秒批.
 */
export const serviceItems = pgTable(
  'service_items',
  {
    code: text('code').primaryKey(),
    programCode: text('program_code').references(() => programs.code),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    legalBasis: text('legal_basis').notNull().default(''),
    materials: jsonb('materials').$type<string[]>().notNull().default([]),
    steps: jsonb('steps').$type<string[]>().notNull().default([]),
    timeLimitDays: integer('time_limit_days').notNull(),
    fees: text('fees').notNull().default('不收费'),
    officeAddress: text('office_address').notNull(),
    officeHours: text('office_hours').notNull(),
    online: text('online', { enum: SERVICE_ONLINE_LEVELS }).notNull().default('counter'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('service_items_code', sql`${t.code} ~ '^[a-z][a-z0-9_]{1,39}$'`),
    check('service_items_online', sql`${t.online} in ('counter', 'online', 'auto')`),
    check('service_items_time_limit', sql`${t.timeLimitDays} > 0`),
  ],
);
