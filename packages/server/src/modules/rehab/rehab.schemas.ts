import { NEED_KINDS, REHAB_NEED_KINDS } from '@huican/core';
import { z } from 'zod';
import { isoDate } from '../persons/persons.schemas.js';

const year = z.number().int().min(2000).max(2100);
const text = (max: number) => z.string().trim().min(1).max(max);

/** Precise rehabilitation plans deliver the basic rehabilitation services only (康复训练, 辅具, 药物, 支持性服务). */
const rehabKind = z
  .enum(NEED_KINDS)
  .refine((k) => REHAB_NEED_KINDS.includes(k), { params: { key: 'rehab.NOT_REHAB_KIND' } });

export const assessmentBody = z.object({
  year,
  place: z.enum(['home', 'institution']),
  /** Where the assessment was done (required for `institution`); for a home visit, the assessing institution. */
  institutionId: z.uuid().optional(),
  assessedOn: isoDate,
  assessor: text(50),
  needs: z.array(z.enum(NEED_KINDS)).max(NEED_KINDS.length),
  devices: z
    .array(z.object({ code: text(30), name: text(100) }))
    .max(50)
    .optional(),
  note: z.string().trim().max(500).optional(),
});
export type AssessmentInput = z.infer<typeof assessmentBody>;

const plannedService = z.object({
  kind: rehabKind,
  sessions: z.number().int().min(1).max(1000),
  provider: z.string().trim().max(100).optional(),
});

const plannedServices = z.array(plannedService).min(1).max(REHAB_NEED_KINDS.length);

export const planBody = z.object({
  year,
  assessmentId: z.uuid().optional(),
  institutionId: z.uuid().optional(),
  agreementSignedOn: isoDate,
  startsOn: isoDate,
  endsOn: isoDate,
  goals: text(2000),
  services: plannedServices,
});
export type PlanInput = z.infer<typeof planBody>;

export const planPatchBody = z.object({
  version: z.number().int().min(1),
  status: z.enum(['completed', 'cancelled']).optional(),
  endsOn: isoDate.optional(),
  goals: text(2000).optional(),
  services: plannedServices.optional(),
});
export type PlanPatchInput = z.infer<typeof planPatchBody>;

export const planServiceBody = z.object({
  kind: z.enum(NEED_KINDS),
  date: isoDate,
  provider: z.string().trim().max(100).optional(),
  note: z.string().trim().max(500).optional(),
});
export type PlanServiceInput = z.infer<typeof planServiceBody>;

const queryYear = z.coerce.number().int().min(2000).max(2100);

export const personRehabQuery = z.object({ year: queryYear.optional() });

export const planListQuery = z.object({
  year: queryYear.optional(),
  regionCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  status: z.enum(['active', 'completed', 'cancelled']).optional(),
});
export type PlanListFilters = z.infer<typeof planListQuery>;
