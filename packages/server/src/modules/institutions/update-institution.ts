import { countyCodeOf } from '@huican/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions } from '../../db/schema/index.js';
import { AppError, type FieldErrors } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { checkedPhone, throwIfAny } from '../persons/person-rules.js';
import { findInstitutionInScope, institutionView } from './find-institution-in-scope.js';
import { assertInstitutionRegion, checkAgreement, checkProgramCodes } from './institution-rules.js';
import type { UpdateInstitutionInput } from './institutions.schemas.js';

type Row = typeof institutions.$inferSelect;
const SIMPLE = ['name', 'kind', 'capacity', 'agreementFrom', 'agreementUntil', 'active'] as const;

/**
 * Edits an institution (admin, officer) with optimistic locking: the `version` read, else 409
 * STALE_VERSION. Absent members stay, null clears an optional one. The audit row holds before → after.
 */
export async function updateInstitution(o: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateInstitutionInput;
  now: Date;
}) {
  assertCan(o.actor, 'institutions.write');
  const { input } = o;
  const fields: FieldErrors = {};
  const phone = input.phone === undefined ? undefined : checkedPhone(input.phone, fields);
  if (input.programs) await checkProgramCodes(o.db, input.programs, fields);
  throwIfAny(fields);

  return o.db.transaction(async (tx) => {
    const before = await findInstitutionInScope(tx, o.actor, o.id, { forUpdate: true });
    if (before.version !== input.version) throw new AppError('STALE_VERSION', 409);
    const next: Partial<Row> = {};
    for (const key of SIMPLE) {
      const value = input[key];
      if (value !== undefined && value !== before[key]) (next as Record<string, unknown>)[key] = value;
    }
    if (input.address !== undefined && (input.address || null) !== before.address) next.address = input.address || null;
    if (phone !== undefined && phone !== before.phone) next.phone = phone;
    if (input.programs && JSON.stringify(input.programs) !== JSON.stringify(before.programs)) {
      next.programs = input.programs;
    }
    if (input.regionCode !== undefined && input.regionCode !== before.regionCode) {
      await assertInstitutionRegion(tx, o.actor, input.regionCode);
      Object.assign(next, { regionCode: input.regionCode, countyCode: countyCodeOf(input.regionCode) });
    }
    const agreement: FieldErrors = {};
    checkAgreement(
      next.agreementFrom === undefined ? before.agreementFrom : next.agreementFrom,
      next.agreementUntil === undefined ? before.agreementUntil : next.agreementUntil,
      agreement,
    );
    throwIfAny(agreement);
    const changes = Object.fromEntries(
      Object.entries(next)
        .filter(([field]) => field !== 'countyCode')
        .map(([field, to]) => [field, { from: before[field as keyof Row], to }]),
    );
    if (Object.keys(changes).length === 0) return institutionView(tx, before.id);
    const [after] = await tx
      .update(institutions)
      .set({ ...next, version: sql`${institutions.version} + 1` })
      .where(and(eq(institutions.id, before.id), eq(institutions.version, input.version)))
      .returning();
    if (!after) throw new AppError('STALE_VERSION', 409);
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'institution.update',
        entityType: 'institution',
        entityId: before.id,
        regionCode: after.regionCode,
        details: { changes },
      },
      o.now,
    );
    return institutionView(tx, before.id);
  });
}
