import { certificateStatus, HOLDING_STATUSES, type NeedKind, type PersonFacts } from '@huican/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { applications, needSurveys, persons } from '../../db/schema/index.js';

type PersonRow = typeof persons.$inferSelect;

/**
 * What the rule evaluator needs to know about a person on a date: the registry row plus the household's
 * disabled members, the programmes held in the year and the needs recorded for the year.
 * `exceptApplicationId`: the application being decided does not count as "held" for its own programme.
 */
export async function loadPersonFacts(
  db: Queryable,
  person: PersonRow,
  year: number,
  on: string,
  o: { exceptApplicationId?: string } = {},
): Promise<PersonFacts> {
  const [household] = person.householdId
    ? await db
        .select({ count: sql<number>`count(*)::int` })
        .from(persons)
        .where(and(eq(persons.householdId, person.householdId), eq(persons.status, 'active')))
    : [{ count: 1 }];
  const held = await db
    .selectDistinct({ code: applications.programCode })
    .from(applications)
    .where(
      and(
        eq(applications.personId, person.id),
        eq(applications.year, year),
        inArray(applications.status, [...HOLDING_STATUSES]),
        o.exceptApplicationId ? sql`${applications.id} <> ${o.exceptApplicationId}` : undefined,
      ),
    );
  const [survey] = await db
    .select({ needs: needSurveys.needs })
    .from(needSurveys)
    .where(and(eq(needSurveys.personId, person.id), eq(needSurveys.year, year)));
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
    householdDisabledCount: Math.max(1, household?.count ?? 1),
    programsHeld: held.map((h) => h.code),
    needs: (survey?.needs ?? []) as NeedKind[],
  };
}
