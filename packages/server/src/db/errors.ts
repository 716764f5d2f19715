/** PostgreSQL's unique_violation (23505), as postgres-js and PGlite report it; optionally for one constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | null;
  if (!e) return false;
  if (e.code === '23505') {
    const name = e.constraint_name ?? e.constraint;
    return constraint === undefined || name === undefined || name === constraint;
  }
  return e.cause ? isUniqueViolation(e.cause, constraint) : false;
}
