import { certificateStatus, HOLDING_STATUSES, type NeedKind, type PersonFacts } from '@huican/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { applications, needSurveys, persons } from '../../db/schema/index.js';

type PersonRow = typeof persons.$inferSelect;

type Extra = { householdDisabledCount: number; programsHeld: string[]; needs: NeedKind[] };

/** The facts of a registry row on a date, given what lies outside the row. */
export function factsOf(person: PersonRow, on: string, extra: Extra): PersonFacts {
  return {
    category: person.category,
    grade: person.grade,
    birthDate: person.birthDate,
    flags: {
      lowIncome: person.lowIncome,
      extremePoverty: person.extremePoverty,
      povertyMonitored: person.povertyMonitored,
    },
    certificateStatus:
      person.certNumber && person.certValidUntil && person.certState
        ? certificateStatus({ validUntil: person.certValidUntil, state: person.certState }, on)
        : 'none',
    status: person.status,
    regionCode: person.regionCode,
    householdDisabledCount: Math.max(1, extra.householdDisabledCount),
    programsHeld: extra.programsHeld,
    needs: extra.needs,
  };
}

const key = (personId: string, year: number) => `${personId}/${year}`;

/**
 * What the rule evaluator needs to know about persons on a date, for many (person, year) pairs in three
 * set-based queries: the household's disabled members, the programmes held in the year (approved or
 * completed applications, except those in `exceptApplicationIds`: an application being decided does not
 * count as held for itself) and the needs recorded for the year. Keyed by `personId/year`.
 */
export async function loadFactsForMany(
  db: Queryable,
  items: { person: PersonRow; year: number }[],
  on: string,
  o: { exceptApplicationIds?: string[] } = {},
): Promise<Map<string, PersonFacts>> {
  const out = new Map<string, PersonFacts>();
  if (items.length === 0) return out;
  const personIds = [...new Set(items.map((i) => i.person.id))];
  const years = [...new Set(items.map((i) => i.year))];
  const householdIds = [...new Set(items.map((i) => i.person.householdId).filter((h): h is string => !!h))];
  const households = householdIds.length
    ? await db
        .select({ id: persons.householdId, count: sql<number>`count(*)::int` })
        .from(persons)
        .where(and(inArray(persons.householdId, householdIds), eq(persons.status, 'active')))
        .groupBy(persons.householdId)
    : [];
  const householdCount = new Map(households.map((h) => [h.id, h.count]));
  const held = await db
    .selectDistinct({ personId: applications.personId, year: applications.year, code: applications.programCode })
    .from(applications)
    .where(
      and(
        inArray(applications.personId, personIds),
        inArray(applications.year, years),
        inArray(applications.status, [...HOLDING_STATUSES]),
        o.exceptApplicationIds?.length ? sql`not (${inArray(applications.id, o.exceptApplicationIds)})` : undefined,
      ),
    );
  const heldBy = new Map<string, string[]>();
  for (const h of held) heldBy.set(key(h.personId, h.year), [...(heldBy.get(key(h.personId, h.year)) ?? []), h.code]);
  const surveys = await db
    .select({ personId: needSurveys.personId, year: needSurveys.year, needs: needSurveys.needs })
    .from(needSurveys)
    .where(and(inArray(needSurveys.personId, personIds), inArray(needSurveys.year, years)));
  const needsBy = new Map(surveys.map((s) => [key(s.personId, s.year), s.needs as NeedKind[]]));
  for (const { person, year } of items) {
    out.set(
      key(person.id, year),
      factsOf(person, on, {
        householdDisabledCount: person.householdId ? (householdCount.get(person.householdId) ?? 1) : 1,
        programsHeld: heldBy.get(key(person.id, year)) ?? [],
        needs: needsBy.get(key(person.id, year)) ?? [],
      }),
    );
  }
  return out;
}

/** One person's facts (see loadFactsForMany). */
export async function loadPersonFacts(
  db: Queryable,
  person: PersonRow,
  year: number,
  on: string,
  o: { exceptApplicationId?: string } = {},
): Promise<PersonFacts> {
  const facts = await loadFactsForMany(db, [{ person, year }], on, {
    exceptApplicationIds: o.exceptApplicationId ? [o.exceptApplicationId] : [],
  });
  return facts.get(key(person.id, year))!;
}
