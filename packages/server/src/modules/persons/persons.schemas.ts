import { isRealDate, NEED_KINDS, PERSON_STATUSES } from '@huican/core';
import { z } from 'zod';

// Unknown members are dropped rather than refused: clients of other systems send extra fields
// (gender, birthDate…) that the ID number already gives.

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export const isoDate = z.string().refine(isRealDate, { params: { key: 'date.FORMAT' } });
const regionCode = z.string().regex(/^\d{12}$/);
/** The bank and account subsidies are paid to (一卡通); the account is checked by `checkedBankAccount`. */
const bankName = z.string().trim().max(50).nullish();
const bankAccount = z.string().trim().max(60).nullish();

export const flagsSchema = z.object({
  lowIncome: z.boolean().optional(),
  extremePoverty: z.boolean().optional(),
  povertyMonitored: z.boolean().optional(),
});

export const guardianSchema = z.object({
  name: z.string().trim().min(1).max(50),
  relation: z.string().trim().min(1).max(20),
  phone: z.string().trim().max(30).nullish(),
  idNumber: z.string().trim().max(20).nullish(),
});

export const componentSchema = z.object({ category: z.number().int(), grade: z.number().int() });

export const certificateInput = z.object({
  number: z.string().trim().min(1).max(30),
  issuedOn: isoDate,
  components: z.array(componentSchema).max(6).optional(),
});

export const createPersonBody = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: z.string().trim().min(1).max(30),
  regionCode,
  phone: z.string().trim().max(30).nullish(),
  address: z.string().trim().max(200).nullish(),
  flags: flagsSchema.optional(),
  guardian: guardianSchema.nullish(),
  certificate: certificateInput.nullish(),
  bankName,
  bankAccount,
});
export type CreatePersonInput = z.infer<typeof createPersonBody>;

export const updatePersonBody = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(50).optional(),
  idNumber: z.string().optional(),
  regionCode: regionCode.optional(),
  phone: z.string().trim().max(30).nullish(),
  address: z.string().trim().max(200).nullish(),
  flags: flagsSchema.optional(),
  guardian: guardianSchema.nullish(),
  bankName,
  bankAccount,
});
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;

export const statusBody = z.object({
  status: z.enum(PERSON_STATUSES),
  effectiveDate: isoDate,
  reason: z.string().trim().max(500).optional(),
});

export const personListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  regionCode: regionCode.optional(),
  category: z.coerce.number().int().min(1).max(7).optional(),
  grade: z.coerce.number().int().min(1).max(4).optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  flag: z.enum(['lowIncome', 'extremePoverty', 'povertyMonitored']).optional(),
  certStatus: z.enum(['valid', 'expiring', 'expired', 'frozen', 'cancelled', 'none']).optional(),
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
  multiDisabledHousehold: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z
    .enum([
      'name',
      '-name',
      'birthDate',
      '-birthDate',
      'createdAt',
      '-createdAt',
      'regionCode',
      '-regionCode',
      'validUntil',
      '-validUntil',
    ])
    .optional(),
});
export type PersonFilters = z.infer<typeof personListQuery>;

export const needsBody = z.object({
  year: z.number().int().min(2000).max(2100),
  kinds: z.array(z.enum(NEED_KINDS)).max(NEED_KINDS.length),
  method: z.enum(['home_visit', 'phone', 'other']).default('home_visit'),
  identityChecked: z.boolean().default(false),
  surveyedOn: isoDate.optional(),
  note: z.string().trim().max(500).optional(),
  /** A person found deceased or moved away during the survey is deregistered from here. */
  personStatus: z
    .object({
      status: z.enum(['deceased', 'moved_out']),
      effectiveDate: isoDate,
      reason: z.string().max(500).optional(),
    })

    .optional(),
});

export const serviceBody = z.object({
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(NEED_KINDS),
  date: isoDate,
  provider: z.string().trim().max(100).optional(),
  note: z.string().trim().max(500).optional(),
});
