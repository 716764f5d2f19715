import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export type Guardian = { name: string; relation: string; phone?: string | null; idNumber?: string | null };
export type Component = { category: number; grade: number };

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    address: text('address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('households_region_idx').on(t.regionCode)],
);

export const CERTIFICATE_EVENTS = ['issue', 'renew', 'change', 'reissue', 'import'] as const;
export type CertificateEvent = (typeof CERTIFICATE_EVENTS)[number];

/**
 * One row per registered disabled person (一人一档). The current certificate lives only on the row
 * (number, category, grade, dates, state, how it came to be) because every search and report
 * filters by it; `certificates` holds the certificates that ended.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    idNumber: varchar('id_number', { length: 18 }).notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    phone: text('phone'),
    address: text('address'),
    /** Where subsidies are paid: the bank and account of the 一卡通 (social-security card). */
    bankName: text('bank_name'),
    bankAccount: text('bank_account'),
    lowIncome: boolean('low_income').notNull().default(false),
    extremePoverty: boolean('extreme_poverty').notNull().default(false),
    povertyMonitored: boolean('poverty_monitored').notNull().default(false),
    guardian: jsonb('guardian').$type<Guardian>(),
    status: text('status', { enum: ['active', 'deceased', 'moved_out', 'cancelled'] })
      .notNull()
      .default('active'),
    statusDate: date('status_date'),
    statusReason: text('status_reason'),
    householdId: uuid('household_id').references(() => households.id),
    householdRelation: text('household_relation'),
    certNumber: varchar('cert_number', { length: 22 }),
    category: smallint('category'),
    grade: smallint('grade'),
    components: jsonb('components').$type<Component[]>(),
    certIssuedOn: date('cert_issued_on'),
    certValidUntil: date('cert_valid_until'),
    certState: text('cert_state', { enum: ['normal', 'frozen', 'cancelled'] }),
    /** How the certificate on the row came to be; meaningless while the person has none. */
    certEvent: text('cert_event', { enum: CERTIFICATE_EVENTS }).notNull().default('issue'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // Prefix searches (LIKE 'abc%') need pattern-ops indexes whatever the database's collation; a
    // unique pattern-ops index also serves equality and uniqueness, so one index per column suffices.
    uniqueIndex('persons_id_number_idx').on(sql`${t.idNumber} varchar_pattern_ops`),
    uniqueIndex('persons_cert_number_idx').on(sql`${t.certNumber} varchar_pattern_ops`),
    index('persons_region_idx').on(sql`${t.regionCode} varchar_pattern_ops`),
    index('persons_name_idx').on(sql`${t.name} text_pattern_ops`),
    index('persons_pinyin_idx').on(sql`${t.namePinyin} text_pattern_ops`),
    // Initials are short and shared by many (zdm); with the region and pinyin in the key, a search
    // scoped to a township and sorted by pinyin reads its page from the index alone.
    index('persons_initials_idx').on(
      sql`${t.nameInitials} text_pattern_ops`,
      sql`${t.regionCode} varchar_pattern_ops`,
      sql`${t.namePinyin} text_pattern_ops`,
      t.id,
    ),
    // Partial: most persons have no household and many no phone, and every import pays per index entry.
    index('persons_phone_idx').on(sql`${t.phone} text_pattern_ops`).where(sql`${t.phone} is not null`),
    index('persons_household_idx').on(t.householdId).where(sql`${t.householdId} is not null`),
    index('persons_valid_until_idx').on(t.certValidUntil),
    check('persons_status', sql`${t.status} in ('active', 'deceased', 'moved_out', 'cancelled')`),
    check('persons_category', sql`${t.category} between 1 and 7`),
    check('persons_grade', sql`${t.grade} between 1 and 4`),
    check('persons_cert_complete', sql`(${t.certNumber} is null) = (${t.category} is null)`),
    check('persons_county_prefix', sql`left(${t.regionCode}, 6) = ${t.countyCode}`),
  ],
);

/**
 * Certificates that ended (replaced by a renewal, change or reissue, or cancelled): the history of a
 * person's certificates. The current one is on the person row only.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    number: varchar('number', { length: 22 }).notNull(),
    category: smallint('category').notNull(),
    grade: smallint('grade').notNull(),
    components: jsonb('components').$type<Component[]>(),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until').notNull(),
    /** How the certificate came to be. */
    event: text('event', { enum: CERTIFICATE_EVENTS }).notNull(),
    endedOn: date('ended_on').notNull(),
    /** The event that ended it ('renew', 'change', 'reissue') or 'cancel: <reason>'. */
    endReason: text('end_reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('certificates_person_idx').on(t.personId)],
);

/** The yearly needs-and-services survey (动态更新) of one person. */
export const needSurveys = pgTable(
  'need_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    year: smallint('year').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    method: text('method', { enum: ['home_visit', 'phone', 'other'] }).notNull(),
    identityChecked: boolean('identity_checked').notNull().default(false),
    surveyedOn: date('surveyed_on').notNull(),
    needs: text('needs').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    surveyedBy: uuid('surveyed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('need_surveys_person_year').on(t.personId, t.year),
    index('need_surveys_year_region_idx').on(t.year, sql`${t.regionCode} varchar_pattern_ops`),
  ],
);

/** A service a person received (rehabilitation training, a device fitted, …). */
export const personServices = pgTable(
  'person_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    year: smallint('year').notNull(),
    kind: text('kind').notNull(),
    serviceDate: date('service_date').notNull(),
    provider: text('provider'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** Recorded by a designated institution for a placement (applications.id), when so. */
    institutionId: uuid('institution_id'),
    applicationId: uuid('application_id'),
    /** Precise rehabilitation: the personalised plan the service was delivered under (rehab_plans.id). */
    planId: uuid('plan_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('person_services_person_idx').on(t.personId),
    index('person_services_year_region_idx').on(t.year, sql`${t.regionCode} varchar_pattern_ops`),
  ],
);
