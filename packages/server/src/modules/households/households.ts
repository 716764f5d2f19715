import { countyCodeOf } from '@huican/core';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { households, persons } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { assertInScope } from '../../scope.js';
import { writeAudit } from '../audit/write-audit.js';
import { assertPersonRegion } from '../persons/person-rules.js';

export const HOUSEHOLD_RELATIONS = [
  'head',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'other',
] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

async function findHouseholdInScope(db: Queryable, actor: Actor, id: string) {
  const [household] = await db.select().from(households).where(eq(households.id, id));
  if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND', 404);
  assertInScope(actor, household.regionCode, 'HOUSEHOLD_NOT_FOUND');
  return household;
}

/** A household with its registered members; 一户多残 when it holds two or more. */
export async function getHousehold(db: Queryable, actor: Actor, id: string) {
  assertCan(actor, 'persons.read');
  const household = await findHouseholdInScope(db, actor, id);
  const members = await db
    .select({
      personId: persons.id,
      name: persons.name,
      relation: persons.householdRelation,
      category: persons.category,
      grade: persons.grade,
      status: persons.status,
    })
    .from(persons)
    .where(eq(persons.householdId, id))
    .orderBy(sql`${persons.householdRelation} <> 'head'`, asc(persons.birthDate));
  return {
    id: household.id,
    regionCode: household.regionCode,
    address: household.address,
    members,
    multiDisabled: members.length > 1,
    version: household.version,
  };
}

/** Creates a household from registered persons; exactly one member is its head. */
export async function createHousehold(o: {
  db: Db;
  actor: Actor;
  input: {
    regionCode: string;
    address?: string | null | undefined;
    members: { personId: string; relation: HouseholdRelation }[];
  };
  now: Date;
}) {
  assertCan(o.actor, 'persons.write');
  const heads = o.input.members.filter((m) => m.relation === 'head').length;
  if (heads !== 1) throw new AppError('HOUSEHOLD_NEEDS_ONE_HEAD', 400);
  await assertPersonRegion(o.db, o.actor, o.input.regionCode);
  return o.db.transaction(async (tx) => {
    const [household] = await tx
      .insert(households)
      .values({
        regionCode: o.input.regionCode,
        countyCode: countyCodeOf(o.input.regionCode),
        address: o.input.address ?? null,
      })
      .returning();
    for (const member of o.input.members) await addMember(tx, o.actor, household!.id, member, o.now);
    return getHousehold(tx, o.actor, household!.id);
  });
}

async function addMember(
  tx: Queryable,
  actor: Actor,
  householdId: string,
  m: { personId: string; relation: HouseholdRelation },
  now: Date,
) {
  const [person] = await tx.select().from(persons).where(eq(persons.id, m.personId)).for('update');
  if (!person) throw new AppError('PERSON_NOT_FOUND', 404);
  assertInScope(actor, person.regionCode, 'PERSON_NOT_FOUND');
  if (person.householdId && person.householdId !== householdId) throw new AppError('ALREADY_IN_HOUSEHOLD', 409);
  if (m.relation === 'head') {
    const [head] = await tx
      .select({ n: count() })
      .from(persons)
      .where(and(eq(persons.householdId, householdId), eq(persons.householdRelation, 'head')));
    if ((head?.n ?? 0) > 0 && person.householdRelation !== 'head') throw new AppError('HOUSEHOLD_NEEDS_ONE_HEAD', 409);
  }
  await tx
    .update(persons)
    .set({ householdId, householdRelation: m.relation, updatedAt: now, version: sql`${persons.version} + 1` })
    .where(eq(persons.id, person.id));
  await writeAudit(
    tx,
    actor,
    {
      action: 'household.add_member',
      entityType: 'person',
      entityId: person.id,
      regionCode: person.regionCode,
      details: {
        householdId,
        changes: {
          household: { from: person.householdId, to: householdId },
          relation: { from: person.householdRelation, to: m.relation },
        },
      },
    },
    now,
  );
}

export async function addHouseholdMember(o: {
  db: Db;
  actor: Actor;
  householdId: string;
  member: { personId: string; relation: HouseholdRelation };
  now: Date;
}) {
  assertCan(o.actor, 'persons.write');
  return o.db.transaction(async (tx) => {
    await findHouseholdInScope(tx, o.actor, o.householdId);
    await addMember(tx, o.actor, o.householdId, o.member, o.now);
    return getHousehold(tx, o.actor, o.householdId);
  });
}

export async function removeHouseholdMember(o: {
  db: Db;
  actor: Actor;
  householdId: string;
  personId: string;
  now: Date;
}) {
  assertCan(o.actor, 'persons.write');
  return o.db.transaction(async (tx) => {
    await findHouseholdInScope(tx, o.actor, o.householdId);
    const [person] = await tx
      .select()
      .from(persons)
      .where(and(eq(persons.id, o.personId), eq(persons.householdId, o.householdId)))
      .for('update');
    if (!person) throw new AppError('NOT_IN_HOUSEHOLD', 404);
    await tx
      .update(persons)
      .set({ householdId: null, householdRelation: null, updatedAt: o.now, version: sql`${persons.version} + 1` })
      .where(eq(persons.id, person.id));
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'household.remove_member',
        entityType: 'person',
        entityId: person.id,
        regionCode: person.regionCode,
        details: { householdId: o.householdId, changes: { household: { from: o.householdId, to: null } } },
      },
      o.now,
    );
    return getHousehold(tx, o.actor, o.householdId);
  });
}
