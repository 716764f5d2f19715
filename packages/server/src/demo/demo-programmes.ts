import {
  type ApplicationStatus,
  addDays,
  addWorkingDays,
  ageOn,
  CERTIFICATE_SERVICES,
  certificateStatus,
  DEFAULT_PROGRAMS,
  DEFAULT_STEP_WORKING_DAYS,
  daysBetween,
  evaluateRule,
  type NeedKind,
  type PersonFacts,
  type ProgramDefaults,
} from '@huican/core';
import type { DemoRegion } from './demo-county.js';
import { seededRandom } from './demo-county.js';
import { type DemoPerson, type DemoSurvey, pick, uuid, type Weighted } from './demo-persons.js';

// A year of programme work in the demo county (this year so far): standards and budgets, township
// targets, designated institutions, and applications in every state with their history and placements.
// Who applies is decided by the one rule evaluator on each person's facts, so every demo application
// would pass the real workflow. Deterministic for a given seed.

/** Of the persons a programme's rule admits, the share who applied in a year, and extra conditions. */
const UPTAKE: Record<string, { share: number; only?: (p: DemoPerson, needs: NeedKind[], age: number) => boolean }> = {
  living_subsidy: { share: 0.9 },
  nursing_subsidy: { share: 0.5 },
  child_rehab: { share: 0.8 },
  psych_medication: { share: 0.6 },
  assistive_device: { share: 0.6, only: (_, needs) => needs.includes('assistive_device') },
  prosthetic_orthotic: { share: 0.03 },
  precise_rehab: { share: 0.5, only: (_, needs) => needs.includes('rehab_training') },
  home_modification: {
    share: 0.08,
    only: (p) => p.household_relation !== 'spouse' && p.household_relation !== 'child',
  },
  respite_care: { share: 0.06 },
  education_aid: { share: 0.5, only: (_, __, age) => age >= 3 && age <= 24 },
  vocational_training: { share: 0.04 },
  self_employment: { share: 0.01, only: (_, __, age) => age >= 18 && age <= 55 },
  accident_insurance: { share: 0.12 },
  cataract_surgery: { share: 0.08, only: (p, __, age) => p.category === 1 && age >= 50 },
};

/** Amounts per year (fen) where the glossary gives none: typical county figures. */
const AMOUNTS: Record<string, number> = {
  child_rehab: 2_000_000,
  assistive_device: 60_000,
  prosthetic_orthotic: 500_000,
  precise_rehab: 80_000,
  respite_care: 360_000,
  education_aid: 150_000,
  vocational_training: 150_000,
  self_employment: 500_000,
  cataract_surgery: 120_000,
};
const MONTHLY: Record<string, Record<'1' | '2' | '3' | '4', number>> = {
  living_subsidy: { '1': 9_500, '2': 9_500, '3': 9_500, '4': 9_500 },
  nursing_subsidy: { '1': 9_500, '2': 8_000, '3': 0, '4': 0 },
};

export const DEMO_INSTITUTIONS = [
  {
    name: '青禾县残疾人康复中心',
    kind: 'rehab_center',
    township: 0,
    capacity: 400,
    programs: ['child_rehab', 'precise_rehab', 'respite_care'],
    address: '青禾县城关镇康复路 8 号',
    phone: '0550-6012345',
  },
  {
    name: '青禾县人民医院',
    kind: 'hospital',
    township: 0,
    capacity: 300,
    programs: ['cataract_surgery', 'precise_rehab'],
    address: '青禾县城关镇人民路 1 号',
    phone: '0550-6011120',
  },
  {
    name: '青禾县阳光托养中心',
    kind: 'care_home',
    township: 1,
    capacity: 120,
    programs: ['respite_care'],
    address: '青禾县阳光大道 66 号',
    phone: '0550-6018866',
  },
  {
    name: '青禾县残疾人辅助器具服务中心',
    kind: 'device_center',
    township: 0,
    capacity: null,
    programs: ['assistive_device', 'prosthetic_orthotic'],
    address: '青禾县城关镇康复路 10 号',
    phone: '0550-6012346',
  },
] as const;

type Row = Record<string, unknown>;

const PENDING_MIX: Weighted<ApplicationStatus> = [
  ['submitted', 12],
  ['reviewed', 6],
  ['returned', 4],
];
const DECIDED_MIX: Weighted<ApplicationStatus> = [
  ['completed', 55],
  ['approved', 15],
  ['rejected', 5],
  ['withdrawn', 3],
];
const MONTHLY_DECIDED_MIX: Weighted<ApplicationStatus> = [
  ['approved', 70],
  ['rejected', 5],
  ['withdrawn', 3],
];

/** A time of day in office hours, China time, as an ISO timestamp. */
function at(date: string, random: () => number): string {
  const minutes = 8 * 60 + 30 + Math.floor(random() * 8 * 60);
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+08:00`;
}

function weekday(date: string): string {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? addDays(date, 1) : d === 6 ? addDays(date, 2) : date;
}

export function demoProgrammes(
  regions: DemoRegion[],
  registry: { persons: DemoPerson[]; surveys: DemoSurvey[] },
  today: string,
  seed = 20261126,
) {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const thisYear = Number(today.slice(0, 4));
  const townships = regions.filter((r) => r.level === 'township');
  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const townshipOf = (code: string) => `${code.slice(0, 9)}000`;

  const institutions = DEMO_INSTITUTIONS.map((i) => ({
    id: uuid(random),
    name: i.name,
    kind: i.kind,
    region_code: townships[i.township]!.code,
    address: i.address,
    phone: i.phone,
    capacity: i.capacity,
    programs: i.programs,
    agreement_from: `${thisYear - 1}-01-01`,
    agreement_until: `${thisYear + 1}-12-31`,
  }));
  const designated = (code: string) => institutions.filter((i) => (i.programs as readonly string[]).includes(code));

  const householdSize = new Map<string, number>();
  for (const p of registry.persons) {
    if (p.household_id && p.status === 'active') {
      householdSize.set(p.household_id, (householdSize.get(p.household_id) ?? 0) + 1);
    }
  }
  const needsOf = new Map(registry.surveys.map((s) => [s.person_id, s.needs as NeedKind[]]));

  const programYears: Row[] = [];
  const targets: Row[] = [];
  const applications: Row[] = [];
  const events: Row[] = [];
  const placements: Row[] = [];
  const householdsApplied = new Set<string>();

  for (const year of [thisYear]) {
    const yearEnd = year === thisYear ? today : `${year}-12-31`;
    for (const program of DEFAULT_PROGRAMS) {
      const completedByTownship = new Map<string, number>();
      let applied = 0;
      for (const person of registry.persons) {
        if (person.status !== 'active') continue;
        const uptake = UPTAKE[program.code]!;
        const needs = year === thisYear ? (needsOf.get(person.id) ?? []) : [];
        const age = ageOn(person.birth_date, yearEnd);
        if (person.birth_date > yearEnd || (uptake.only && !uptake.only(person, needs, age))) continue;
        if (random() >= uptake.share) continue;
        const row = demoApplication(program, person, year, yearEnd, needs);
        if (!row) continue;
        applied++;
        if (row.status === 'completed' || (program.kind === 'monthly_subsidy' && row.status === 'approved')) {
          const t = townshipOf(person.region_code);
          completedByTownship.set(t, (completedByTownship.get(t) ?? 0) + 1);
        }
      }
      const amount = program.standard?.amountCents ?? AMOUNTS[program.code] ?? null;
      const monthly = MONTHLY[program.code] ?? null;
      const perYear = monthly ? 12 * monthly['1'] : (amount ?? 0);
      programYears.push({
        program_code: program.code,
        year,
        monthly_cents_by_grade: monthly,
        amount_cents: monthly ? null : amount,
        budget_cents: Math.round((applied * perYear * 1.1) / 100_000) * 100_000,
      });
      // Targets were set at the start of the year: around what the townships then achieved.
      for (const township of townships) {
        const done = completedByTownship.get(township.code) ?? 0;
        if (done === 0 && random() < 0.5) continue;
        targets.push({
          program_code: program.code,
          year,
          region_code: township.code,
          target: Math.max(1, Math.round(done * (0.75 + random() * 0.6))),
        });
      }
    }
  }

  function demoApplication(
    program: ProgramDefaults,
    person: DemoPerson,
    year: number,
    yearEnd: string,
    needs: NeedKind[],
    onlyPending = false,
  ): Row | null {
    if (program.unit === 'household' && person.household_id) {
      if (householdsApplied.has(`${person.household_id}/${year}`)) return null;
    }
    const pending = onlyPending || (year === thisYear && random() < 0.22);
    const status = pending
      ? pick(random, PENDING_MIX)
      : pick(random, program.kind === 'monthly_subsidy' ? MONTHLY_DECIDED_MIX : DECIDED_MIX);
    // Pending ones were filed in the last month (some past their time limit); decided ones earlier.
    const latest = addDays(yearEnd, pending ? 0 : -45);
    const earliest = pending ? addDays(yearEnd, -30) : `${year}-01-05`;
    if (latest < earliest) return null;
    const filedOn = weekday(addDays(earliest, int(0, Math.max(0, daysBetween(earliest, latest)))));
    if (filedOn > yearEnd) return null;
    const facts: PersonFacts = {
      category: person.category,
      grade: person.grade,
      birthDate: person.birth_date,
      flags: {
        lowIncome: person.low_income,
        extremePoverty: person.extreme_poverty,
        povertyMonitored: person.poverty_monitored,
      },
      certificateStatus: certificateStatus({ validUntil: person.cert_valid_until, state: 'normal' }, filedOn),
      status: 'active',
      regionCode: person.region_code,
      householdDisabledCount: person.household_id ? (householdSize.get(person.household_id) ?? 1) : 1,
      programsHeld: [],
      needs,
    };
    const verdict = evaluateRule(program.rule, facts, filedOn);
    if (!verdict.eligible) return null;
    if (program.unit === 'household' && person.household_id) householdsApplied.add(`${person.household_id}/${year}`);

    const id = uuid(random);
    const township = townshipOf(person.region_code);
    const clerk = `${townshipName.get(township) ?? ''}专职委员`;
    const auto =
      program.autoApproval && !['rejected', 'withdrawn', 'returned', 'submitted', 'reviewed'].includes(status);
    const history: Row[] = [];
    // Times increase through the history even when two steps fall on the same day.
    let last = '';
    const event = (
      action: string,
      from: string | null,
      to: string,
      date: string,
      actor: string | null,
      comment?: string,
    ): string => {
      let time = at(date, random);
      if (time <= last) time = new Date(Date.parse(last) + 5 * 60_000).toISOString();
      last = time;
      history.push({
        application_id: id,
        at: time,
        action,
        from_status: from,
        to_status: to,
        actor_name: actor,
        comment: comment ?? null,
      });
      return time;
    };
    const filedAt = event('file', null, 'submitted', filedOn, clerk);
    let decidedAt: string | null = null;
    let completedAt: string | null = null;
    let day = filedOn;
    let dueOn: string | null = addWorkingDays(filedOn, DEFAULT_STEP_WORKING_DAYS);
    let decidedOn: string | null = null;
    let completedOn: string | null = null;
    const next = (min: number, max: number) => {
      const d = weekday(addDays(day, int(min, max)));
      day = d > yearEnd ? yearEnd : d;
      return day;
    };
    if (auto) {
      decidedAt = event('auto_approve', 'submitted', 'approved', filedOn, '系统（秒批）');
      decidedOn = filedOn;
      dueOn = null;
      if (status === 'completed') {
        completedOn = next(3, 20);
        completedAt = event('complete', 'approved', 'completed', completedOn, '县残联业务科 周冬梅');
      }
    } else if (status === 'returned') {
      event('return', 'submitted', 'returned', next(1, 6), clerk, '缺少户口簿复印件，请补充后重新提交');
      dueOn = null;
    } else if (status !== 'submitted') {
      const reviewed = status !== 'withdrawn' || random() < 0.5;
      if (reviewed) {
        event('review', 'submitted', 'reviewed', next(1, 8), clerk, '材料齐全，情况属实');
        dueOn = addWorkingDays(day, DEFAULT_STEP_WORKING_DAYS);
      }
      const from = reviewed ? 'reviewed' : 'submitted';
      if (status === 'rejected') {
        decidedOn = next(1, 8);
        decidedAt = event('reject', from, 'rejected', decidedOn, '县残联业务科 周冬梅', '经核查，不符合申请条件');
        dueOn = null;
      } else if (status === 'withdrawn') {
        event('withdraw', from, 'withdrawn', next(1, 8), clerk, '申请人主动撤回');
        dueOn = null;
      } else if (status === 'approved' || status === 'completed') {
        decidedOn = next(1, 9);
        decidedAt = event('approve', from, 'approved', decidedOn, '县残联业务科 周冬梅');
        dueOn = null;
        if (status === 'completed') {
          completedOn = next(10, 40);
          completedAt = event('complete', 'approved', 'completed', completedOn, '县残联业务科 周冬梅');
        }
      }
    }
    const row: Row = {
      id,
      person_id: person.id,
      program_code: program.code,
      year,
      household_id: program.unit === 'household' ? person.household_id : null,
      region_code: person.region_code,
      status,
      due_on: dueOn,
      auto_approved: auto,
      eligibility: { eligible: true, on: filedOn, reasons: [] },
      filed_at: filedAt,
      applied_on: filedOn,
      decided_at: decidedAt,
      completed_at: completedAt,
      updated_at: history.at(-1)!.at,
      version: history.length,
    };
    applications.push(row);
    events.push(...history);
    const places = designated(program.code);
    if (program.kind === 'service' && places.length > 0 && (status === 'approved' || status === 'completed')) {
      const institution = places[int(0, places.length - 1)]!;
      placements.push({
        application_id: id,
        institution_id: institution.id,
        person_id: person.id,
        region_code: person.region_code,
        started_on: decidedOn ?? filedOn,
        ended_on: completedOn,
        status: completedOn ? 'closed' : 'open',
      });
    }
    return row;
  }

  // Certificate services waiting at the counter: renewals of certificates in their last year, and a
  // few reissues. (Decided ones would have changed the registry; the demo keeps those pending.)
  for (const person of registry.persons) {
    if (person.status !== 'active') continue;
    const renewable = person.cert_valid_until <= addDays(today, 365) && person.cert_valid_until >= addDays(today, -60);
    const service = renewable && random() < 0.3 ? 'cert_renew' : random() < 0.002 ? 'cert_reissue' : null;
    if (!service) continue;
    const s = CERTIFICATE_SERVICES.find((c) => c.code === service)!;
    demoApplication({ ...s, kind: 'service', unit: 'person' }, person, thisYear, today, [], true);
  }

  // Precise rehabilitation for the approved and completed precise-rehab applications: an assessment, a
  // plan (service agreement) and the sessions delivered so far.
  const rehabAssessments: Row[] = [];
  const rehabPlans: Row[] = [];
  const planServices: Row[] = [];
  const personById = new Map(registry.persons.map((p) => [p.id, p]));
  const centre = institutions[0]!;
  for (const a of applications) {
    if (a.program_code !== 'precise_rehab' || (a.status !== 'approved' && a.status !== 'completed')) continue;
    const person = personById.get(a.person_id as string)!;
    const assessedOn = a.applied_on as string;
    const atHome = random() < 0.6;
    const assessmentId = uuid(random);
    const needs = [...new Set<NeedKind>(['rehab_training', ...(needsOf.get(person.id) ?? [])])].filter((n) =>
      ['rehab_training', 'assistive_device', 'medication', 'supportive_service'].includes(n),
    );
    rehabAssessments.push({
      id: assessmentId,
      person_id: person.id,
      year: thisYear,
      region_code: person.region_code,
      place: atHome ? 'home' : 'institution',
      institution_id: atHome ? null : centre.id,
      assessed_on: assessedOn,
      assessor: atHome ? '县康复中心上门评估组' : '县残疾人康复中心',
      needs,
    });
    const startsOn = assessedOn;
    const endsOn = `${thisYear}-12-31`;
    const sessions = pick(random, [
      [12, 2],
      [24, 3],
      [36, 1],
    ]);
    const planId = uuid(random);
    rehabPlans.push({
      id: planId,
      person_id: person.id,
      assessment_id: assessmentId,
      year: thisYear,
      region_code: person.region_code,
      institution_id: centre.id,
      agreement_signed_on: assessedOn,
      starts_on: startsOn,
      ends_on: endsOn,
      goals: '改善日常生活活动能力，提高生活自理水平',
      services: [{ kind: 'rehab_training', sessions, provider: centre.name }],
      status: a.status === 'completed' ? 'completed' : 'active',
    });
    const span = Math.max(0, daysBetween(startsOn, today));
    const delivered = a.status === 'completed' ? sessions : Math.min(sessions, Math.floor(span / 10));
    for (let i = 0; i < delivered; i++) {
      planServices.push({
        person_id: person.id,
        year: thisYear,
        kind: 'rehab_training',
        service_date: addDays(startsOn, Math.min(span, Math.floor(((i + 1) * span) / (delivered + 1)))),
        provider: centre.name,
        region_code: person.region_code,
        institution_id: centre.id,
        plan_id: planId,
      });
    }
  }

  return {
    institutions,
    programYears,
    targets,
    applications,
    events,
    placements,
    rehabAssessments,
    rehabPlans,
    planServices,
  };
}
