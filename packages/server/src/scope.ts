import { inScope, type Scope, scopePrefix } from '@huican/core';
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
