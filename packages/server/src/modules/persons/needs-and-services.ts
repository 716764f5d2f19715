import { isRealDate, percent } from '@huican/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, type Queryable, rowsOf } from '../../db/client.js';
import { needSurveys, personServices, type persons } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { regionBreakdown } from '../../scope.js';
import { writeAudit } from '../audit/write-audit.js';
import { applyStatusChange } from './change-person-status.js';
import { findPersonInScope } from './find-person-in-scope.js';
import type { needsBody, serviceBody } from './persons.schemas.js';

type NeedsInput = z.infer<typeof needsBody>;
type ServiceInput = z.infer<typeof serviceBody>;

const surveyView = (s: typeof needSurveys.$inferSelect) => ({
  id: s.id,
  personId: s.personId,
  year: s.year,
  method: s.method,
  identityChecked: s.identityChecked,
  surveyedOn: s.surveyedOn,
  needs: s.needs,
  note: s.note,
});

/**
 * The yearly needs survey (动态更新) of one person: replaces that year's answers. A person found
 * deceased or moved away is deregistered in the same transaction.
 */
export async function recordNeeds(o: {
  db: Db;
  actor: Actor;
  personId: string;
  input: NeedsInput;
  now: Date;
  today: string;
}) {
  assertCan(o.actor, 'needs.write');
  const surveyedOn = o.input.surveyedOn ?? defaultSurveyDate(o.input.year, o.today);
  if (o.input.surveyedOn !== undefined) {
    if (!isRealDate(surveyedOn)) throw fieldError('surveyedOn', 'date.FORMAT');
    if (surveyedOn > o.today) throw fieldError('surveyedOn', 'date.FUTURE');
    if (Number(surveyedOn.slice(0, 4)) !== o.input.year) throw fieldError('surveyedOn', 'date.OUTSIDE_YEAR');
  }
  return o.db.transaction(async (tx) => {
    const person = await findPersonInScope(tx, o.actor, o.personId, { forUpdate: true });
    const needs = [...new Set(o.input.kinds)];
    const [existing] = await tx
      .select({ id: needSurveys.id })
      .from(needSurveys)
      .where(and(eq(needSurveys.personId, person.id), eq(needSurveys.year, o.input.year)));
    const values = {
      method: o.input.method,
      identityChecked: o.input.identityChecked,
      surveyedOn,
      needs,
      note: o.input.note ?? null,
      regionCode: person.regionCode,
      surveyedBy: o.actor.userId,
      updatedAt: o.now,
    };
    const [survey] = existing
      ? await tx.update(needSurveys).set(values).where(eq(needSurveys.id, existing.id)).returning()
      : await tx
          .insert(needSurveys)
          .values({ ...values, personId: person.id, year: o.input.year })
          .returning();
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'person.needs',
        entityType: 'person',
        entityId: person.id,
        regionCode: person.regionCode,
        details: { year: o.input.year, needs, method: o.input.method },
      },
      o.now,
    );
    if (o.input.personStatus) {
      await applyStatusChange(tx, o.actor, person.id, o.input.personStatus, o.now, o.today);
    }
    return { created: !existing, survey: surveyView(survey!) };
  });
}

/** Without a date, a survey counts as done today in the current year, on the last day of a past year. */
function defaultSurveyDate(year: number, today: string): string {
  const current = Number(today.slice(0, 4));
  if (year === current) return today;
  return year < current ? `${year}-12-31` : `${year}-01-01`;
}

/**
 * Adds needs found elsewhere (a rehabilitation assessment) to the person's needs record of the year,
 * keeping those already there; the record is created when missing, dated and done as given. One
 * statement, so that two concurrent additions cannot create two records or lose a need.
 */
export async function mergeYearNeeds(
  tx: Queryable,
  actor: Actor,
  o: {
    person: Pick<typeof persons.$inferSelect, 'id' | 'regionCode'>;
    year: number;
    kinds: readonly string[];
    method: (typeof needSurveys.$inferInsert)['method'];
    surveyedOn: string;
    now: Date;
  },
) {
  const kinds = [...new Set(o.kinds)];
  const [survey] = await tx
    .insert(needSurveys)
    .values({
      personId: o.person.id,
      year: o.year,
      regionCode: o.person.regionCode,
      method: o.method,
      surveyedOn: o.surveyedOn,
      needs: kinds,
      surveyedBy: actor.userId,
      updatedAt: o.now,
    })
    .onConflictDoUpdate({
      target: [needSurveys.personId, needSurveys.year],
      set: {
        needs: sql`${needSurveys.needs} || array(select k from unnest(excluded.needs) as k where k <> all(${needSurveys.needs}))`,
        updatedAt: o.now,
      },
    })
    .returning();
  return surveyView(survey!);
}

export async function listNeeds(o: { db: Db; actor: Actor; personId: string }) {
  assertCan(o.actor, 'persons.read');
  await findPersonInScope(o.db, o.actor, o.personId);
  const rows = await o.db
    .select()
    .from(needSurveys)
    .where(eq(needSurveys.personId, o.personId))
    .orderBy(desc(needSurveys.year));
  return rows.map(surveyView);
}

export const serviceView = (s: typeof personServices.$inferSelect) => ({
  id: s.id,
  personId: s.personId,
  year: s.year,
  kind: s.kind,
  date: s.serviceDate,
  provider: s.provider,
  note: s.note,
  institutionId: s.institutionId,
  applicationId: s.applicationId,
  planId: s.planId,
});

/**
 * Inserts a service record of a person already found in scope; refused once the person left the
 * registry before the service date. The caller writes the audit row.
 */
export async function insertPersonService(
  tx: Queryable,
  actor: Actor,
  person: Pick<typeof persons.$inferSelect, 'id' | 'regionCode' | 'status' | 'statusDate'>,
  input: {
    year: number;
    kind: string;
    date: string;
    provider?: string | null | undefined;
    note?: string | null | undefined;
    institutionId?: string | null | undefined;
    applicationId?: string | null | undefined;
    planId?: string | null | undefined;
  },
  now: Date,
) {
  if (person.status !== 'active' && person.statusDate && input.date > person.statusDate) {
    throw new AppError('PERSON_NOT_ACTIVE', 422);
  }
  const [service] = await tx
    .insert(personServices)
    .values({
      personId: person.id,
      year: input.year,
      kind: input.kind,
      serviceDate: input.date,
      provider: input.provider ?? null,
      note: input.note ?? null,
      regionCode: person.regionCode,
      institutionId: input.institutionId ?? null,
      applicationId: input.applicationId ?? null,
      planId: input.planId ?? null,
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning();
  return serviceView(service!);
}

/** A service a person received; counted by the rehabilitation report of its year. */
export async function recordService(o: { db: Db; actor: Actor; personId: string; input: ServiceInput; now: Date }) {
  assertCan(o.actor, 'needs.write');
  const { input } = o;
  if (!isRealDate(input.date)) throw fieldError('date', 'date.FORMAT');
  if (Number(input.date.slice(0, 4)) !== input.year) throw fieldError('date', 'date.OUTSIDE_YEAR');
  return o.db.transaction(async (tx) => {
    const person = await findPersonInScope(tx, o.actor, o.personId);
    const service = await insertPersonService(tx, o.actor, person, input, o.now);
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'person.service',
        entityType: 'person',
        entityId: person.id,
        regionCode: person.regionCode,
        details: { serviceId: service.id, year: input.year, kind: input.kind, date: input.date },
      },
      o.now,
    );
    return service;
  });
}

export async function listServices(o: { db: Db; actor: Actor; personId: string }) {
  assertCan(o.actor, 'persons.read');
  await findPersonInScope(o.db, o.actor, o.personId);
  const rows = await o.db
    .select()
    .from(personServices)
    .where(eq(personServices.personId, o.personId))
    .orderBy(desc(personServices.serviceDate), desc(personServices.createdAt));
  return rows.map(serviceView);
}

/**
 * 动态更新 progress: for each child region, active persons and how many of them were surveyed in
 * the year. One grouped query; rates exact, rounded half-up at the edge.
 */
export async function surveyProgress(o: { db: Db; actor: Actor; year: number; regionCode?: string | undefined }) {
  assertCan(o.actor, 'persons.read');
  const { base, prefix, childCode } = regionBreakdown(o.actor, o.regionCode);
  const child = childCode(sql.raw('p.region_code'));
  const rows = rowsOf<{ region_code: string; region_name: string | null; active: number; surveyed: number }>(
    await o.db.execute(sql`
      select ${child} as region_code, max(r.name) as region_name,
             count(*)::int as active,
             count(s.person_id)::int as surveyed
      from persons p
      left join need_surveys s on s.person_id = p.id and s.year = ${o.year}
      left join regions r on r.code = ${child}
      where p.status = 'active' and p.region_code like ${`${prefix}%`}
      group by 1
      order by 1`),
  );
  const totals = rows.reduce((t, r) => ({ active: t.active + r.active, surveyed: t.surveyed + r.surveyed }), {
    active: 0,
    surveyed: 0,
  });
  return {
    year: o.year,
    regionCode: base,
    rows: rows.map((r) => ({
      regionCode: r.region_code,
      regionName: r.region_name,
      active: r.active,
      surveyed: r.surveyed,
      rate: percent(r.surveyed, r.active),
    })),
    total: { ...totals, rate: percent(totals.surveyed, totals.active) },
  };
}
