import { inScope, ROOT_REGION_CODE, regionLevel, regionPrefix, type Scope, scopePrefix } from '@huican/core';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from './errors.js';

// Region scope is data, enforced here: every query of a table whose rows belong to a place adds
// `scopeWhere(actor, table.regionCode)`. Out-of-scope rows behave as if they did not exist (404).

export function scopeWhere(scope: Scope, column: AnyPgColumn | SQL): SQL {
  const prefix = scopePrefix(scope);
  if (prefix === '') return sql`true`;
  return sql`${column} like ${`${prefix}%`}`;
}

/** For one code: throws the not-found error of the record kind when it lies outside the scope. */
export function assertInScope(scope: Scope, regionCode: string | null | undefined, notFoundCode = 'NOT_FOUND'): void {
  if (!inScope(scope, regionCode)) throw new AppError(notFoundCode, 404);
}

/**
 * A per-region breakdown: the region looked at (the one asked for, which must lie in the scope, else
 * the actor's own; null for the whole database), its code prefix, and the SQL that maps a row's
 * region code to the child region it falls in (counties → townships → villages).
 */
export function regionBreakdown(actor: Scope, regionCode?: string | undefined) {
  if (regionCode) assertInScope(actor, regionCode, 'REGION_NOT_FOUND');
  const base = regionCode ?? (actor.regionCode === ROOT_REGION_CODE ? null : actor.regionCode);
  const childLength = !base ? 6 : regionLevel(base) === 'county' ? 9 : 12;
  return {
    base,
    prefix: base ? regionPrefix(base) : '',
    childCode: (column: AnyPgColumn | SQL) =>
      sql<string>`rpad(left(${column}, ${sql.raw(String(childLength))}), 12, '0')`,
  };
}

/**
 * The county of a scope (the whole database stays the whole database): designated institutions serve
 * their whole county, so township and village users see the county's institutions, not only those
 * standing in their own township.
 */
export function countyScope(scope: Scope): Scope {
  if (scope.regionCode === ROOT_REGION_CODE) return scope;
  return { regionCode: `${scope.regionCode.slice(0, 6)}000000` };
}
