import {
  ageOn,
  can,
  certificateStatus,
  maskBankAccount,
  maskCertificateNumber,
  maskIdNumber,
  maskPhone,
  type Role,
} from '@huican/core';
import type { persons } from '../../db/schema/index.js';

export type PersonRow = typeof persons.$inferSelect;

/** Whether this role sees full ID numbers, phones and bank accounts (others see them masked). */
export const seesUnmasked = (role: Role) => can(role, 'persons.unmasked');

export function certificateView(p: PersonRow, today: string, unmasked: boolean) {
  if (!p.certNumber || !p.certValidUntil || p.category === null || p.grade === null) return null;
  return {
    number: unmasked ? p.certNumber : maskCertificateNumber(p.certNumber),
    category: p.category,
    grade: p.grade,
    components: p.components ?? [],
    issuedOn: p.certIssuedOn,
    validUntil: p.certValidUntil,
    status: certificateStatus({ validUntil: p.certValidUntil, state: p.certState ?? 'normal' }, today),
  };
}

/** A person as the API shows it: derived age and certificate status, personal data masked per role. */
export function toPersonView(
  p: PersonRow,
  o: { role: Role; today: string; regionName?: string | null; householdSize?: number },
) {
  const unmasked = seesUnmasked(o.role);
  const guardian = p.guardian
    ? {
        ...p.guardian,
        phone: p.guardian.phone ? (unmasked ? p.guardian.phone : maskPhone(p.guardian.phone)) : null,
        idNumber: p.guardian.idNumber ? (unmasked ? p.guardian.idNumber : maskIdNumber(p.guardian.idNumber)) : null,
      }
    : null;
  return {
    id: p.id,
    name: p.name,
    idNumber: unmasked ? p.idNumber : maskIdNumber(p.idNumber),
    gender: p.gender,
    birthDate: p.birthDate,
    age: ageOn(p.birthDate, o.today),
    regionCode: p.regionCode,
    regionName: o.regionName ?? null,
    phone: p.phone ? (unmasked ? p.phone : maskPhone(p.phone)) : null,
    address: p.address,
    bankName: p.bankName,
    bankAccount: p.bankAccount ? (unmasked ? p.bankAccount : maskBankAccount(p.bankAccount)) : null,
    flags: { lowIncome: p.lowIncome, extremePoverty: p.extremePoverty, povertyMonitored: p.povertyMonitored },
    guardian,
    status: p.status,
    statusDate: p.statusDate,
    statusReason: p.statusReason,
    certificate: certificateView(p, o.today, unmasked),
    household: p.householdId
      ? { id: p.householdId, relation: p.householdRelation, memberCount: o.householdSize ?? null }
      : null,
    masked: !unmasked,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
