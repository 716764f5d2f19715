import type { NeedKind } from '@huican/core';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { institutions } from './institutions.js';
import { persons } from './persons.js';

/**
 * Precise rehabilitation (精准康复): a needs assessment of a person in a year, at home or at an
 * institution. Its needs feed the year's needs record (动态更新), which the rehab service rate counts.
 */
export const rehabAssessments = pgTable(
  'rehab_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    year: smallint('year').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    place: text('place', { enum: ['home', 'institution'] }).notNull(),
    institutionId: uuid('institution_id').references(() => institutions.id),
    assessedOn: date('assessed_on').notNull(),
    assessor: text('assessor').notNull(),
    needs: text('needs').array().$type<NeedKind[]>().notNull().default(sql`'{}'::text[]`),
    /** Devices needed (辅具), by catalogue code and name. */
    devices: jsonb('devices').$type<{ code: string; name: string }[]>().notNull().default([]),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rehab_assessments_person_idx').on(t.personId, t.year),
    index('rehab_assessments_year_region_idx').on(t.year, sql`${t.regionCode} varchar_pattern_ops`),
    check('rehab_assessments_year', sql`${t.year} between 2000 and 2100`),
  ],
);

/**
 * The service agreement and personalised plan (服务协议, 个性化康复方案) of a person in a year: which
 * services, how often, by whom; service records (person_services.plan_id) are delivered under it.
 */
export const rehabPlans = pgTable(
  'rehab_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    assessmentId: uuid('assessment_id').references(() => rehabAssessments.id),
    year: smallint('year').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    institutionId: uuid('institution_id').references(() => institutions.id),
    agreementSignedOn: date('agreement_signed_on').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    goals: text('goals').notNull(),
    /** Planned services: kind, sessions planned, provider. */
    services: jsonb('services').$type<{ kind: NeedKind; sessions: number; provider?: string }[]>().notNull(),
    status: text('status', { enum: ['active', 'completed', 'cancelled'] })
      .notNull()
      .default('active'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('rehab_plans_person_idx').on(t.personId, t.year),
    index('rehab_plans_year_region_idx').on(t.year, sql`${t.regionCode} varchar_pattern_ops`),
    check('rehab_plans_year', sql`${t.year} between 2000 and 2100`),
    check('rehab_plans_dates', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);
