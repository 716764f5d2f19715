import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { programs, regions } from '../../db/schema/index.js';
import type { FieldErrors } from '../../errors.js';
import { invalidFields } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { assertInScope } from '../../scope.js';

/** An institution sits in a region of the caller's scope: outside → 404, in scope but unknown → 400. */
export async function assertInstitutionRegion(db: Queryable, actor: Actor, code: string): Promise<void> {
  assertInScope(actor, code, 'REGION_NOT_FOUND');
  const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  if (!region) throw invalidFields({ regionCode: { key: 'region.NOT_FOUND' } });
}

/** The designated programmes must be catalogue codes, each once. */
export async function checkProgramCodes(db: Queryable, codes: string[], fields: FieldErrors): Promise<void> {
  if (codes.length === 0) return;
  const known = new Set(
    (await db.select({ code: programs.code }).from(programs).where(inArray(programs.code, codes))).map((p) => p.code),
  );
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (!known.has(code)) fields[`programs.${i}`] = { key: 'program.UNKNOWN', params: { code } };
    else if (seen.has(code)) fields[`programs.${i}`] = { key: 'program.DUPLICATE' };
    seen.add(code);
  });
}

/** An agreement cannot end before it starts. */
export function checkAgreement(from: string | null | undefined, until: string | null | undefined, fields: FieldErrors) {
  if (from && until && until < from) fields.agreementUntil = { key: 'agreement.ORDER' };
}
