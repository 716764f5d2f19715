import { isWithinRegion, ROOT_REGION_CODE, regionPrefix } from './region-code.js';

// A user's scope is a region: that region and everything under it. The server turns it into a
// code prefix for SQL (`region_code LIKE prefix || '%'`); this is the same rule for one code.

export type Scope = { regionCode: string };

export function scopePrefix(scope: Scope): string {
  return regionPrefix(scope.regionCode);
}

export function inScope(scope: Scope, regionCode: string | null | undefined): boolean {
  if (scope.regionCode === ROOT_REGION_CODE) return true;
  if (!regionCode) return false;
  return isWithinRegion(regionCode, scope.regionCode);
}

/** True when a scope covers the whole of another (a user may only create users inside its own scope). */
export function scopeCovers(outer: Scope, inner: Scope): boolean {
  if (outer.regionCode === ROOT_REGION_CODE) return true;
  if (inner.regionCode === ROOT_REGION_CODE) return false;
  return inScope(outer, inner.regionCode);
}
