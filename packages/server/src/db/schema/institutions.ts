import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const INSTITUTION_KINDS = [
  'rehab_center',
  'hospital',
  'special_school',
  'care_home',
  'device_center',
  'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/**
 * A designated institution (定点机构): where service programmes place persons (children's rehab, respite
 * care, precise rehab, cataract surgery). Users with role `institution` are linked to one.
 */
export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: INSTITUTION_KINDS }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    address: text('address'),
    phone: text('phone'),
    capacity: integer('capacity'),
    /** Programme codes the institution is designated for. */
    programs: text('programs').array().notNull().default(sql`'{}'::text[]`),
    agreementFrom: date('agreement_from'),
    agreementUntil: date('agreement_until'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('institutions_region_idx').on(sql`${t.regionCode} varchar_pattern_ops`),
    check('institutions_capacity', sql`${t.capacity} >= 0`),
    check('institutions_county_prefix', sql`left(${t.regionCode}, 6) = ${t.countyCode}`),
  ],
);
