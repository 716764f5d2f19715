import { certificateValidUntil, countyCodeOf, maskBankAccount, maskIdNumber, parseIdNumber } from '@huican/core';
import { eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { persons } from '../../db/schema/index.js';
import { AppError, type FieldErrors } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { regionNameOf } from '../auth/user-view.js';
import { checkedBankAccount, normalizeBankName } from './bank-account.js';
import {
  assertPersonRegion,
  checkedCertificate,
  checkedIdNumber,
  checkedPhone,
  duplicateToConflict,
  namePinyin,
  throwIfAny,
} from './person-rules.js';
import { toPersonView } from './person-view.js';
import type { CreatePersonInput } from './persons.schemas.js';

/** Registers a person (and the certificate, when one is given) after checking every field. */
export async function createPerson(o: { db: Db; actor: Actor; input: CreatePersonInput; now: Date; today: string }) {
  assertCan(o.actor, 'persons.write');
  const { input, today } = o;
  const fields: FieldErrors = {};
  const idNumber = checkedIdNumber(input.idNumber, today, fields);
  const idValid = !fields.idNumber;
  const parsed = idValid ? parseIdNumber(idNumber) : null;
  const phone = checkedPhone(input.phone, fields);
  const guardianPhone = checkedPhone(input.guardian?.phone, fields, 'guardian.phone');
  const bankAccount = checkedBankAccount(input.bankAccount, fields);
  const certificate =
    input.certificate && idValid
      ? checkedCertificate(input.certificate, { idNumber, birthDate: parsed!.birthDate }, today, fields)
      : null;
  throwIfAny(fields);
  await assertPersonRegion(o.db, o.actor, input.regionCode);

  const py = namePinyin(input.name);
  try {
    return await o.db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ idNumber: persons.idNumber, certNumber: persons.certNumber })
        .from(persons)
        .where(
          certificate
            ? or(eq(persons.idNumber, idNumber), eq(persons.certNumber, certificate.number))
            : eq(persons.idNumber, idNumber),
        );
      if (existing) {
        throw new AppError(existing.idNumber === idNumber ? 'DUPLICATE_PERSON' : 'DUPLICATE_CERTIFICATE', 409);
      }
      const validUntil = certificate ? certificateValidUntil(certificate.issuedOn) : null;
      const [person] = await tx
        .insert(persons)
        .values({
          name: input.name,
          namePinyin: py.full,
          nameInitials: py.initials,
          idNumber,
          gender: parsed!.gender,
          birthDate: parsed!.birthDate,
          regionCode: input.regionCode,
          countyCode: countyCodeOf(input.regionCode),
          phone,
          address: input.address ?? null,
          bankName: normalizeBankName(input.bankName),
          bankAccount,
          lowIncome: input.flags?.lowIncome ?? false,
          extremePoverty: input.flags?.extremePoverty ?? false,
          povertyMonitored: input.flags?.povertyMonitored ?? false,
          guardian: input.guardian ? { ...input.guardian, phone: guardianPhone } : null,
          ...(certificate
            ? {
                certNumber: certificate.number,
                category: certificate.category,
                grade: certificate.grade,
                components: certificate.components,
                certIssuedOn: certificate.issuedOn,
                certValidUntil: validUntil,
                certState: 'normal' as const,
                certEvent: 'issue' as const,
              }
            : {}),
          createdAt: o.now,
          updatedAt: o.now,
          createdBy: o.actor.userId,
        })
        .returning();
      await writeAudit(
        tx,
        o.actor,
        {
          action: 'person.create',
          entityType: 'person',
          entityId: person!.id,
          regionCode: person!.regionCode,
          details: {
            name: person!.name,
            idNumber: maskIdNumber(idNumber),
            certificate: Boolean(certificate),
            ...(bankAccount ? { bankAccount: maskBankAccount(bankAccount) } : {}),
          },
        },
        o.now,
      );
      return toPersonView(person!, {
        role: o.actor.role,
        today,
        regionName: await regionNameOf(tx, person!.regionCode),
      });
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    duplicateToConflict(err);
  }
}
