import { CERTIFICATE_SERVICES, DEFAULT_PROGRAMS, ROOT_REGION_CODE, todayInChina } from '@huican/core';
import { count, sql } from 'drizzle-orm';
import type { Config } from './config.js';
import { type Db, rowsOf, type Tx } from './db/client.js';
import { users } from './db/schema/index.js';
import { assignDemoBankAccounts } from './demo/demo-bank-accounts.js';
import { DEMO_PASSWORD, demoRegions, demoUsers } from './demo/demo-county.js';
import { demoPayments } from './demo/demo-payments.js';
import { demoPersons } from './demo/demo-persons.js';
import { demoProgrammes } from './demo/demo-programmes.js';
import { SYSTEM_ACTOR, writeAudit } from './modules/audit/write-audit.js';
import { hashPassword } from './modules/auth/passwords.js';
import { completePaidEnrolments } from './modules/payments/complete-paid-enrolments.js';

export class SeedError extends Error {}

/**
 * The programme catalogue of the glossary and the certificate services, on every database (also with
 * HUICAN_SEED=none). Adds the entries that are missing and leaves existing ones as the admin edited them;
 * run at each start.
 */
export async function seedProgramCatalogue(db: Db): Promise<void> {
  await db.execute(sql`
    insert into programs (code, name_zh, name_en, kind, unit, catalogue, auto_approval, required_documents, rule)
    select p.code, p.name_zh, p.name_en, p.kind, p.unit, p.catalogue, p.auto_approval, p.required_documents, p.rule
    from jsonb_to_recordset(${JSON.stringify([
      ...DEFAULT_PROGRAMS.map((p) => ({
        code: p.code,
        name_zh: p.name.zh,
        name_en: p.name.en,
        kind: p.kind,
        unit: p.unit,
        catalogue: 'programme',
        auto_approval: p.autoApproval,
        required_documents: p.requiredDocuments,
        rule: p.rule,
      })),
      ...CERTIFICATE_SERVICES.map((s) => ({
        code: s.code,
        name_zh: s.name.zh,
        name_en: s.name.en,
        kind: 'service',
        unit: 'person',
        catalogue: 'certificate',
        auto_approval: s.autoApproval,
        required_documents: s.requiredDocuments,
        rule: s.rule,
      })),
    ])}::jsonb) as p(code text, name_zh text, name_en text, kind text, unit text, catalogue text,
      auto_approval boolean, required_documents jsonb, rule jsonb)
    on conflict (code) do nothing`);
}

/** Seeds an empty database (no users yet) as configured; does nothing on a database in use. */
export async function seedIfEmpty(
  db: Db,
  config: Pick<Config, 'seed' | 'adminPassword'>,
): Promise<'demo' | 'none' | null> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return null;
  if (config.seed === 'none') {
    if (!config.adminPassword) {
      throw new SeedError('HUICAN_ADMIN_PASSWORD is required with HUICAN_SEED=none on an empty database');
    }
    await seedAdminOnly(db, config.adminPassword);
    return 'none';
  }
  await seedDemo(db);
  return 'demo';
}

export async function seedAdminOnly(db: Db, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [admin] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: '系统管理员',
        passwordHash,
        role: 'admin',
        regionCode: ROOT_REGION_CODE,
      })
      .returning({ id: users.id });
    await writeAudit(tx, SYSTEM_ACTOR, { action: 'seed.none', entityType: 'user', entityId: admin!.id });
  });
}

/**
 * The demo county, set-based: one statement per table (persons in chunks of 5,000). `programmes` adds a
 * year of applications, targets and institutions (default: on for a county-sized registry, off for the
 * million-person benchmark registries, which make their own).
 */
export async function seedDemo(
  db: Db,
  options: { persons?: number; today?: string; programmes?: boolean } = {},
): Promise<void> {
  const regionRows = demoRegions();
  const accounts = demoUsers(regionRows);
  const today = options.today ?? todayInChina();
  const registry = demoPersons(regionRows, today, options.persons ?? 20_000);
  const withProgrammes = options.programmes ?? registry.persons.length <= 50_000;
  const work = withProgrammes ? demoProgrammes(regionRows, registry, today) : null;
  // The payments also decide who has a bank account (everyone paid so far has one).
  const payments = work ? demoPayments(regionRows, registry, work, today) : null;
  if (!payments) assignDemoBankAccounts(registry.persons);
  const hashes = await Promise.all(accounts.map(() => hashPassword(DEMO_PASSWORD)));
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into regions (code, name, level, parent_code, county_code)
      select r.code, r.name, r.level, r.parent_code, left(r.code, 6)
      from jsonb_to_recordset(${JSON.stringify(
        regionRows.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })),
      )}::jsonb) as r(code varchar, name text, level text, parent_code varchar)`);
    await tx.insert(users).values(accounts.map((a, i) => ({ ...a, passwordHash: hashes[i]! })));
    await insertRegistry(tx, registry);
    if (work && payments) await insertProgrammeWork(tx, work, payments);
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: 'seed.demo',
      entityType: 'database',
      details: {
        regions: regionRows.length,
        users: accounts.length,
        persons: registry.persons.length,
        households: registry.households.length,
        applications: (work?.applications.length ?? 0) + (payments?.applications.length ?? 0),
        paymentCycles: payments?.cycles.length ?? 0,
        paymentLines: payments?.lines.length ?? 0,
      },
    });
  });
}

const CHUNK = 5000;

async function insertJson(tx: Tx, rows: unknown[], statement: (json: string) => ReturnType<typeof sql>) {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.execute(statement(JSON.stringify(rows.slice(i, i + CHUNK))));
}

async function insertRegistry(tx: Tx, r: ReturnType<typeof demoPersons>) {
  await insertJson(
    tx,
    r.households,
    (json) => sql`insert into households (id, region_code, county_code, address)
      select h.id, h.region_code, left(h.region_code, 6), h.address
      from jsonb_to_recordset(${json}::jsonb) as h(id uuid, region_code varchar, address text)`,
  );
  await insertJson(
    tx,
    r.persons,
    (json) => sql`insert into persons (id, name, name_pinyin, name_initials, id_number, gender, birth_date, region_code,
        county_code, phone, address, low_income, extreme_poverty, poverty_monitored, guardian, status, status_date,
        household_id, household_relation, cert_number, category, grade, components, cert_issued_on, cert_valid_until, cert_state,
        bank_name, bank_account)
      select p.id, p.name, p.name_pinyin, p.name_initials, p.id_number, p.gender, p.birth_date, p.region_code,
        left(p.region_code, 6), p.phone, p.address, p.low_income, p.extreme_poverty, p.poverty_monitored, p.guardian,
        p.status, p.status_date, p.household_id, p.household_relation, p.cert_number, p.category, p.grade,
        p.components, p.cert_issued_on, p.cert_valid_until, 'normal', p.bank_name, p.bank_account
      from jsonb_to_recordset(${json}::jsonb) as p(id uuid, name text, name_pinyin text, name_initials text,
        id_number varchar, gender text, birth_date date, region_code varchar, phone text, address text,
        low_income boolean, extreme_poverty boolean, poverty_monitored boolean, guardian jsonb, status text,
        status_date date, household_id uuid, household_relation text, cert_number varchar, category smallint,
        grade smallint, components jsonb, cert_issued_on date, cert_valid_until date, bank_name text,
        bank_account text)`,
  );
  await insertJson(
    tx,
    r.surveys,
    (json) => sql`insert into need_surveys (person_id, year, region_code, method, identity_checked, surveyed_on, needs)
      select s.person_id, s.year, s.region_code, s.method, true, s.surveyed_on,
        array(select jsonb_array_elements_text(s.needs))
      from jsonb_to_recordset(${json}::jsonb) as s(person_id uuid, year smallint, region_code varchar, method text,
        surveyed_on date, needs jsonb)`,
  );
  await insertJson(
    tx,
    r.services,
    (json) => sql`insert into person_services (person_id, year, kind, service_date, provider, region_code)
      select s.person_id, s.year, s.kind, s.service_date, s.provider, s.region_code
      from jsonb_to_recordset(${json}::jsonb) as s(person_id uuid, year smallint, kind text, service_date date,
        provider text, region_code varchar)`,
  );
}

async function insertProgrammeWork(
  tx: Tx,
  w: ReturnType<typeof demoProgrammes>,
  payments: ReturnType<typeof demoPayments>,
) {
  await insertJson(
    tx,
    w.institutions,
    (
      json,
    ) => sql`insert into institutions (id, name, kind, region_code, county_code, address, phone, capacity, programs,
        agreement_from, agreement_until)
      select i.id, i.name, i.kind, i.region_code, left(i.region_code, 6), i.address, i.phone, i.capacity,
        array(select jsonb_array_elements_text(i.programs)), i.agreement_from, i.agreement_until
      from jsonb_to_recordset(${json}::jsonb) as i(id uuid, name text, kind text, region_code varchar, address text,
        phone text, capacity int, programs jsonb, agreement_from date, agreement_until date)`,
  );
  // The demo institution account works for the first institution (the rehabilitation centre).
  await tx.execute(sql`update users set institution_id = ${w.institutions[0]!.id} where username = 'institution'`);
  await insertJson(
    tx,
    [...w.programYears, ...payments.programYears],
    (json) => sql`insert into program_years (program_code, year, monthly_cents_by_grade, amount_cents, budget_cents)
      select y.program_code, y.year, y.monthly_cents_by_grade, y.amount_cents, y.budget_cents
      from jsonb_to_recordset(${json}::jsonb) as y(program_code text, year smallint, monthly_cents_by_grade jsonb,
        amount_cents int, budget_cents bigint)`,
  );
  await insertJson(
    tx,
    w.targets,
    (json) => sql`insert into program_targets (program_code, year, region_code, county_code, target)
      select t.program_code, t.year, t.region_code, left(t.region_code, 6), t.target
      from jsonb_to_recordset(${json}::jsonb) as t(program_code text, year smallint, region_code varchar, target int)`,
  );
  await insertJson(
    tx,
    [...w.applications, ...payments.applications],
    (json) => sql`insert into applications (id, person_id, program_code, year, household_id, region_code, county_code,
        status, due_on, auto_approved, eligibility, filed_at, applied_on, decided_at, completed_at, updated_at, version)
      select a.id, a.person_id, a.program_code, a.year, a.household_id, a.region_code, left(a.region_code, 6),
        a.status, a.due_on, a.auto_approved, a.eligibility, a.filed_at, a.applied_on, a.decided_at, a.completed_at,
        a.updated_at, a.version
      from jsonb_to_recordset(${json}::jsonb) as a(id uuid, person_id uuid, program_code text, year smallint,
        household_id uuid, region_code varchar, status text, due_on date, auto_approved boolean, eligibility jsonb,
        filed_at timestamptz, applied_on date, decided_at timestamptz, completed_at timestamptz,
        updated_at timestamptz, version int)`,
  );
  await insertJson(
    tx,
    [...w.events, ...payments.events],
    (
      json,
    ) => sql`insert into application_events (application_id, at, action, from_status, to_status, actor_name, comment)
      select e.application_id, e.at, e.action, e.from_status, e.to_status, e.actor_name, e.comment
      from jsonb_to_recordset(${json}::jsonb) as e(application_id uuid, at timestamptz, action text, from_status text,
        to_status text, actor_name text, comment text)`,
  );
  await insertJson(
    tx,
    w.rehabAssessments,
    (json) => sql`insert into rehab_assessments (id, person_id, year, region_code, place, institution_id, assessed_on,
        assessor, needs)
      select r.id, r.person_id, r.year, r.region_code, r.place, r.institution_id, r.assessed_on, r.assessor,
        array(select jsonb_array_elements_text(r.needs))
      from jsonb_to_recordset(${json}::jsonb) as r(id uuid, person_id uuid, year smallint, region_code varchar,
        place text, institution_id uuid, assessed_on date, assessor text, needs jsonb)`,
  );
  // An assessment's needs are part of the year's needs record, as when recorded through the API.
  await tx.execute(sql`
    insert into need_surveys (person_id, year, region_code, method, identity_checked, surveyed_on, needs)
    select person_id, year, region_code, case place when 'home' then 'home_visit' else 'other' end, true,
      assessed_on, needs
    from rehab_assessments
    on conflict (person_id, year) do update
      set needs = array(select distinct unnest(need_surveys.needs || excluded.needs) order by 1)`);
  await insertJson(
    tx,
    w.rehabPlans,
    (json) => sql`insert into rehab_plans (id, person_id, assessment_id, year, region_code, institution_id,
        agreement_signed_on, starts_on, ends_on, goals, services, status)
      select r.id, r.person_id, r.assessment_id, r.year, r.region_code, r.institution_id, r.agreement_signed_on,
        r.starts_on, r.ends_on, r.goals, r.services, r.status
      from jsonb_to_recordset(${json}::jsonb) as r(id uuid, person_id uuid, assessment_id uuid, year smallint,
        region_code varchar, institution_id uuid, agreement_signed_on date, starts_on date, ends_on date, goals text,
        services jsonb, status text)`,
  );
  await insertJson(
    tx,
    w.planServices,
    (json) => sql`insert into person_services (person_id, year, kind, service_date, provider, region_code,
        institution_id, plan_id)
      select s.person_id, s.year, s.kind, s.service_date, s.provider, s.region_code, s.institution_id, s.plan_id
      from jsonb_to_recordset(${json}::jsonb) as s(person_id uuid, year smallint, kind text, service_date date,
        provider text, region_code varchar, institution_id uuid, plan_id uuid)`,
  );
  await insertJson(
    tx,
    w.placements,
    (json) => sql`insert into placements (application_id, institution_id, person_id, region_code, started_on, ended_on,
        status)
      select p.application_id, p.institution_id, p.person_id, p.region_code, p.started_on, p.ended_on, p.status
      from jsonb_to_recordset(${json}::jsonb) as p(application_id uuid, institution_id uuid, person_id uuid,
        region_code varchar, started_on date, ended_on date, status text)`,
  );
  await insertPayments(tx, payments);
}

/** The demo's payment cycles and lines; lines keep their generated ids (re-payments point to them). */
async function insertPayments(tx: Tx, p: ReturnType<typeof demoPayments>) {
  await insertJson(
    tx,
    p.cycles,
    (json) => sql`insert into payment_cycles (id, program_code, kind, period, year, region_code, county_code, status,
        count, total_cents, source_cycle_id, created_by, created_at, submitted_by, submitted_at, approved_by,
        approved_at, paid_by, paid_at)
      select c.id, c.program_code, c.kind, c.period, c.year, c.region_code, left(c.region_code, 6), c.status,
        c.count, c.total_cents, c.source_cycle_id, o.id, c.created_at,
        case when c.submitted_at is not null then o.id end, c.submitted_at,
        case when c.approved_at is not null then f.id end, c.approved_at,
        case when c.paid_at is not null then f.id end, c.paid_at
      from jsonb_to_recordset(${json}::jsonb) as c(id uuid, program_code text, kind text, period varchar,
        year smallint, region_code varchar, status text, count int, total_cents bigint, source_cycle_id uuid,
        created_at timestamptz, submitted_at timestamptz, approved_at timestamptz, paid_at timestamptz)
      cross join (select id from users where username = 'officer') as o
      cross join (select id from users where username = 'finance') as f`,
  );
  await insertJson(
    tx,
    p.lines,
    (json) => sql`insert into payment_lines (id, cycle_id, program_code, kind, period, year, person_id, application_id,
        region_code, grade, amount_cents, payee_name, bank_name, bank_account, status, failure_reason, bank_reference,
        paid_on, repaid_by_line_id)
      overriding system value
      select l.id, l.cycle_id, l.program_code, l.kind, l.period, l.year, l.person_id, l.application_id,
        l.region_code, l.grade, l.amount_cents, l.payee_name, l.bank_name, l.bank_account, l.status,
        l.failure_reason, l.bank_reference, l.paid_on, l.repaid_by_line_id
      from jsonb_to_recordset(${json}::jsonb) as l(id bigint, cycle_id uuid, program_code text, kind text,
        period varchar, year smallint, person_id uuid, application_id uuid, region_code varchar, grade smallint,
        amount_cents int, payee_name text, bank_name text, bank_account text, status text, failure_reason text,
        bank_reference text, paid_on date, repaid_by_line_id bigint)`,
  );
  await tx.execute(sql`select setval(pg_get_serial_sequence('payment_lines', 'id'),
    (select coalesce(max(id), 0) + 1 from payment_lines), false)`);
  // As marking them paid did: the applications of the persons paid are completed (办结), cycle by cycle.
  const [finance] = rowsOf<{ id: string; display_name: string }>(
    await tx.execute(sql`select id, display_name from users where username = 'finance'`),
  );
  const actor = { userId: finance!.id, displayName: finance!.display_name };
  for (const c of [...p.cycles].sort((a, b) => (a.paid_at ?? '').localeCompare(b.paid_at ?? ''))) {
    if (c.status !== 'paid' || !c.paid_at) continue;
    await completePaidEnrolments(
      tx,
      actor,
      { id: c.id, kind: c.kind, programCode: c.program_code, period: c.period },
      new Date(c.paid_at),
    );
  }
}
