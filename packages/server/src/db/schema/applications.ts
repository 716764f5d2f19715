import type { ApplicationAction, ApplicationStatus, BilingualText } from '@huican/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { institutions } from './institutions.js';
import { persons } from './persons.js';
import { programs } from './programs.js';

const STATUS_LIST = sql.raw("('submitted', 'reviewed', 'approved', 'completed', 'rejected', 'returned', 'withdrawn')");

/**
 * An application of a person for a programme in a year, filed at the counter (township, village, county)
 * or online. The region is the person's at filing time: the application stays in that township's inbox.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    programCode: text('program_code')
      .notNull()
      .references(() => programs.code),
    year: smallint('year').notNull(),
    /** Household programmes: the household applied for (one per household and year). */
    householdId: uuid('household_id'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    status: text('status').$type<ApplicationStatus>().notNull(),
    channel: text('channel', { enum: ['counter', 'online'] })
      .notNull()
      .default('counter'),
    /** The step's time limit (submitted: township review; reviewed: county approval). */
    dueOn: date('due_on'),
    autoApproved: boolean('auto_approved').notNull().default(false),
    /** The eligibility verdict at filing and at approval (reasons in both languages). */
    eligibility: jsonb('eligibility').$type<{ eligible: boolean; on: string; reasons: BilingualText[] }>(),
    note: text('note'),
    /** Certificate services: the assessment and the result recorded on completion. */
    details: jsonb('details').$type<Record<string, unknown>>(),
    filedBy: uuid('filed_by'),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    /** The month from which a monthly subsidy is due (the month of application). */
    appliedOn: date('applied_on').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // The last line against duplicates: one live application per person, programme and year.
    uniqueIndex('applications_open_unique')
      .on(t.personId, t.programCode, t.year)
      .where(sql`${t.status} in ('submitted', 'reviewed', 'approved', 'completed', 'returned')`),
    // Household programmes (无障碍改造): one live application per household and year.
    uniqueIndex('applications_household_unique')
      .on(t.householdId, t.programCode, t.year)
      .where(
        sql`${t.householdId} is not null and ${t.status} in ('submitted', 'reviewed', 'approved', 'completed', 'returned')`,
      ),
    index('applications_region_idx').on(sql`${t.regionCode} varchar_pattern_ops`),
    index('applications_status_idx').on(t.status, t.dueOn),
    index('applications_program_year_idx').on(t.programCode, t.year, t.status),
    index('applications_person_idx').on(t.personId),
    check('applications_status', sql`${t.status} in ${STATUS_LIST}`),
    check('applications_year', sql`${t.year} between 2000 and 2100`),
    check('applications_county_prefix', sql`left(${t.regionCode}, 6) = ${t.countyCode}`),
  ],
);

/** The history of an application: one row per action, filing included. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** 'file' for the filing, 'auto_approve' for 秒批, else the action taken. */
    action: text('action').$type<ApplicationAction | 'file' | 'auto_approve' | 'attach' | 'place'>().notNull(),
    fromStatus: text('from_status').$type<ApplicationStatus>(),
    toStatus: text('to_status').$type<ApplicationStatus>().notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    comment: text('comment'),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Supporting documents. Kept in the database (bytea) rather than on disk: one backup holds everything,
 * several app instances share them, and an attachment is written in the same transaction as its event.
 */
export const applicationAttachments = pgTable(
  'application_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('application_attachments_application_idx').on(t.applicationId)],
);

/** A person placed at a designated institution for a service programme; closed on completion. */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('placements_application_unique').on(t.applicationId),
    index('placements_institution_idx').on(t.institutionId, t.status),
    index('placements_person_idx').on(t.personId),
  ],
);
