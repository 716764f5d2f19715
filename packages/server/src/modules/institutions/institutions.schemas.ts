import { isRealDate } from '@huican/core';
import { z } from 'zod';
import { INSTITUTION_KINDS } from '../../db/schema/index.js';
import { pageQuery } from '../../http/pagination.js';

const isoDate = z.string().refine(isRealDate, { params: { key: 'date.FORMAT' } });
const regionCode = z.string().regex(/^\d{12}$/);
const programCodes = z.array(z.string().min(1).max(40)).max(20);

export const institutionIdParam = z.object({ id: z.uuid() });

export const institutionListQuery = z.object({
  ...pageQuery,
  q: z.string().trim().max(50).optional(),
  programCode: z.string().min(1).max(40).optional(),
  kind: z.enum(INSTITUTION_KINDS).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type InstitutionListQuery = z.infer<typeof institutionListQuery>;

export const createInstitutionBody = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(INSTITUTION_KINDS),
  regionCode,
  address: z.string().trim().max(200).nullish(),
  phone: z.string().trim().max(30).nullish(),
  capacity: z.number().int().min(0).max(1_000_000).nullish(),
  programs: programCodes.default([]),
  agreementFrom: isoDate.nullish(),
  agreementUntil: isoDate.nullish(),
});
export type CreateInstitutionInput = z.infer<typeof createInstitutionBody>;

export const updateInstitutionBody = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(INSTITUTION_KINDS).optional(),
  regionCode: regionCode.optional(),
  address: z.string().trim().max(200).nullish(),
  phone: z.string().trim().max(30).nullish(),
  capacity: z.number().int().min(0).max(1_000_000).nullish(),
  programs: programCodes.optional(),
  agreementFrom: isoDate.nullish(),
  agreementUntil: isoDate.nullish(),
  active: z.boolean().optional(),
});
export type UpdateInstitutionInput = z.infer<typeof updateInstitutionBody>;
