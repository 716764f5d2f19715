import { addDays, addYears, EXPIRING_WITHIN_DAYS, regionPrefix } from '@huican/core';
import { and, asc, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { persons } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { assertInScope, scopeWhere } from '../../scope.js';
import type { PersonFilters } from './persons.schemas.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What the search box means: digits search ID numbers, certificate numbers and phones (by prefix);
 * Latin letters search pinyin initials (zdm → 周冬梅) and full pinyin; anything else the name.
 * Prefix matching keeps every branch on a b-tree index at a million rows.
 */
export function searchCondition(qRaw: string): SQL | undefined {
  const q = qRaw.replace(/\s+/g, '');
  if (!q) return undefined;
  const like = `${escapeLike(q)}%`;
  if (/^\d{17}[\dxX]$/.test(q)) {
    // A whole ID number: the person, found by equality (a certificate number starts with it).
    const id = q.toUpperCase();
    return or(eq(persons.idNumber, id), sql`${persons.certNumber} like ${`${id}%`}`);
  }
  if (/^\d+[xX]?$/.test(q)) {
    const upper = like.toUpperCase();
    return or(
      sql`${persons.idNumber} like ${upper}`,
      sql`${persons.certNumber} like ${upper}`,
      sql`${persons.phone} like ${like}`,
    );
  }
  if (/^[a-zA-Z]+$/.test(q)) {
    const lower = q.toLowerCase();
    // Initials of one or two letters name a two-character name exactly (wl → 王磊); as a prefix they
    // would match a tenth of the registry. From three letters on, a prefix is selective.
    const initials =
      lower.length <= 2
        ? eq(persons.nameInitials, lower)
        : sql`${persons.nameInitials} like ${`${escapeLike(lower)}%`}`;
    // Every pinyin syllable has a vowel (a e i o u, or v for ü): letters without one are initials
    // only. As the start of a full pinyin they would name no more than a first consonant (zh → every
    // zhang, zhou, zhao…, a tenth of the registry), the same reason as for short initials above.
    if (!/[aeiouv]/.test(lower)) return initials;
    return or(initials, sql`${persons.namePinyin} like ${`${escapeLike(lower)}%`}`);
  }
  return sql`${persons.name} like ${like}`;
}

/** The WHERE of a person search: the actor's scope always, then each filter given. */
export function personConditions(actor: Actor, f: PersonFilters, today: string): SQL {
  const conditions: (SQL | undefined)[] = [scopeWhere(actor, persons.regionCode)];
  if (f.regionCode) {
    assertInScope(actor, f.regionCode, 'REGION_NOT_FOUND');
    conditions.push(sql`${persons.regionCode} like ${`${regionPrefix(f.regionCode)}%`}`);
  }
  if (f.q) conditions.push(searchCondition(f.q));
  if (f.category) conditions.push(eq(persons.category, f.category));
  if (f.grade) conditions.push(eq(persons.grade, f.grade));
  if (f.status) conditions.push(eq(persons.status, f.status));
  if (f.flag) conditions.push(eq(persons[f.flag], true));
  if (f.certStatus) {
    const soon = addDays(today, EXPIRING_WITHIN_DAYS);
    const normal = eq(persons.certState, 'normal');
    const byStatus: Record<NonNullable<PersonFilters['certStatus']>, SQL | undefined> = {
      none: isNull(persons.certNumber),
      cancelled: eq(persons.certState, 'cancelled'),
      frozen: eq(persons.certState, 'frozen'),
      expired: and(normal, sql`${persons.certValidUntil} < ${today}`),
      expiring: and(normal, sql`${persons.certValidUntil} between ${today} and ${soon}`),
      valid: and(normal, sql`${persons.certValidUntil} > ${soon}`),
    };
    conditions.push(byStatus[f.certStatus]);
  }
  // age ≥ n ⇔ born on or before today − n years; age ≤ n ⇔ born after today − (n + 1) years
  if (f.ageMin !== undefined) conditions.push(sql`${persons.birthDate} <= ${addYears(today, -f.ageMin)}`);
  if (f.ageMax !== undefined) conditions.push(sql`${persons.birthDate} > ${addYears(today, -(f.ageMax + 1))}`);
  if (f.multiDisabledHousehold !== undefined) {
    const multi = sql`${persons.householdId} in (select household_id from persons where household_id is not null group by household_id having count(*) > 1)`;
    conditions.push(f.multiDisabledHousehold ? multi : sql`not coalesce(${multi}, false)`);
  }
  return and(...conditions)!;
}

/**
 * The list's order; the id last makes it total, so pages never overlap. The default (region, pinyin,
 * id) is also the order of the initials index within one set of initials.
 */
export function personOrder(sort: PersonFilters['sort']): SQL[] {
  const column = {
    name: persons.namePinyin,
    birthDate: persons.birthDate,
    createdAt: persons.createdAt,
    regionCode: persons.regionCode,
    validUntil: persons.certValidUntil,
  };
  if (!sort) return [asc(persons.regionCode), asc(persons.namePinyin), asc(persons.id)];
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as keyof typeof column;
  return [descending ? desc(column[key]) : asc(column[key]), asc(persons.id)];
}
