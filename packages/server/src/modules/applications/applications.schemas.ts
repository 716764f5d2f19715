import { APPLICATION_ACTIONS, APPLICATION_STATUSES, NEED_KINDS } from '@huican/core';
import { z } from 'zod';
import { BULK_LIMIT } from './take-actions.js';

const programCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);
const regionCode = z.string().regex(/^\d{12}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const comment = z.string().max(2000).optional();

export const fileApplicationBody = z.strictObject({
  personId: z.uuid(),
  programCode,
  year: z.number().int().min(2000).max(2100),
  note: z.string().max(2000).optional(),
});

const certificateResult = z.strictObject({
  hospital: z.string().trim().min(1).max(200).optional(),
  assessedOn: isoDate.optional(),
  category: z.number().int().min(1).max(7).optional(),
  grade: z.number().int().min(1).max(4).optional(),
  components: z
    .array(z.strictObject({ category: z.number().int().min(1).max(6), grade: z.number().int().min(1).max(4) }))
    .max(6)
    .optional(),
  issuedOn: isoDate.optional(),
  regionCode: regionCode.optional(),
  destination: z.string().trim().min(1).max(200).optional(),
  reason: z.string().trim().min(1).max(500).optional(),
});

export const actionBody = z.strictObject({
  action: z.enum(APPLICATION_ACTIONS),
  comment,
  result: certificateResult.optional(),
});

export const bulkActionBody = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(BULK_LIMIT),
  action: z.enum(APPLICATION_ACTIONS),
  comment,
});

export const applicationListQuery = z.strictObject({
  status: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(APPLICATION_STATUSES)))
    .optional(),
  programCode: programCode.optional(),
  regionCode: regionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  personId: z.uuid().optional(),
  q: z.string().trim().min(1).max(50).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const placementBody = z.strictObject({
  institutionId: z.uuid(),
  startedOn: isoDate.optional(),
  note: z.string().max(2000).optional(),
});

export const placementServiceBody = z.strictObject({
  kind: z.enum(NEED_KINDS),
  date: isoDate,
  note: z.string().max(2000).optional(),
});
