import { boolean, integer, pgTable, primaryKey, smallint, text, uuid, varchar } from 'drizzle-orm/pg-core';

// Rollups of the reports, kept by triggers in the same transaction as the change (migration 0013; see
// docs/architecture.md, "Reports"): a report reads a few thousand counter rows instead of millions of
// applications, needs and services. No foreign keys: the triggers are the only writers.

/**
 * Completed applications per programme, year and region of filing (a village, or a township for persons
 * registered at township level). The partial unique index applications_open_unique allows one live
 * application per person, programme and year, so a count of completed applications is a count of distinct
 * persons.
 */
export const reportCompletions = pgTable(
  'report_completions',
  {
    year: smallint('year').notNull(),
    programCode: text('program_code').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    completed: integer('completed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.programCode, t.regionCode] })],
);

/**
 * One row per person and year with a rehabilitation need recorded (need_surveys): the person's region,
 * certificate category (0 = none) and age group at the year's end as they are now, and whether the
 * person was served (any rehabilitation service that year) and, with a device need, fitted.
 */
export const reportRehabPersons = pgTable(
  'report_rehab_persons',
  {
    personId: uuid('person_id').notNull(),
    year: smallint('year').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    category: smallint('category').notNull(),
    ageGroup: smallint('age_group').notNull(),
    deviceNeed: boolean('device_need').notNull(),
    served: boolean('served').notNull(),
    fitted: boolean('fitted').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.year] })],
);

/** The sums of report_rehab_persons per year, region, category and age group. */
export const reportRehabCounts = pgTable(
  'report_rehab_counts',
  {
    year: smallint('year').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    category: smallint('category').notNull(),
    ageGroup: smallint('age_group').notNull(),
    needs: integer('needs').notNull(),
    served: integer('served').notNull(),
    deviceNeeds: integer('device_needs').notNull(),
    deviceFitted: integer('device_fitted').notNull(),
  },
  // No check (served ≤ needs…): INSERT … ON CONFLICT checks the proposed row, here a negative delta.
  (t) => [primaryKey({ columns: [t.year, t.regionCode, t.category, t.ageGroup] })],
);
