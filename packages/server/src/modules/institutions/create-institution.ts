import { countyCodeOf } from '@huican/core';
import type { Db } from '../../db/client.js';
import { institutions } from '../../db/schema/index.js';
import type { FieldErrors } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { checkedPhone, throwIfAny } from '../persons/person-rules.js';
import { institutionView } from './find-institution-in-scope.js';
import { assertInstitutionRegion, checkAgreement, checkProgramCodes } from './institution-rules.js';
import type { CreateInstitutionInput } from './institutions.schemas.js';

/**
 * Registers a designated institution (admin, officer) in a region of the caller's scope (outside: 404
 * REGION_NOT_FOUND), for catalogue programmes, with its capacity and agreement period.
 */
export async function createInstitution(o: { db: Db; actor: Actor; input: CreateInstitutionInput; now: Date }) {
  assertCan(o.actor, 'institutions.write');
  const { input } = o;
  const fields: FieldErrors = {};
  const phone = checkedPhone(input.phone, fields);
  checkAgreement(input.agreementFrom, input.agreementUntil, fields);
  await checkProgramCodes(o.db, input.programs, fields);
  await assertInstitutionRegion(o.db, o.actor, input.regionCode);
  throwIfAny(fields);
  return o.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(institutions)
      .values({
        name: input.name,
        kind: input.kind,
        regionCode: input.regionCode,
        countyCode: countyCodeOf(input.regionCode),
        address: input.address || null,
        phone,
        capacity: input.capacity ?? null,
        programs: input.programs,
        agreementFrom: input.agreementFrom ?? null,
        agreementUntil: input.agreementUntil ?? null,
        createdAt: o.now,
      })
      .returning();
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'institution.create',
        entityType: 'institution',
        entityId: row!.id,
        regionCode: row!.regionCode,
        details: {
          name: row!.name,
          kind: row!.kind,
          capacity: row!.capacity,
          programs: row!.programs,
          agreementFrom: row!.agreementFrom,
          agreementUntil: row!.agreementUntil,
        },
      },
      o.now,
    );
    return institutionView(tx, row!.id);
  });
}
