import { PROGRAM_KINDS, PROGRAM_UNITS } from '@huican/core';
import { z } from 'zod';

// Unknown members are dropped rather than refused (as in persons.schemas.ts). Rules arrive as any JSON
// and are checked by core's validateRule, which reports every problem with its path (checked-rule.ts).

export const programCodeParam = z.object({ code: z.string().min(1).max(40) });
const year = z.coerce.number().int().min(2000).max(2100);
export const programYearParams = z.object({ code: z.string().min(1).max(40), year });

/** Amounts in fen: integer, 0 or more, within what an `integer` column holds. */
const cents = z.number().int().min(0).max(2_147_483_647);
export const MAX_TARGET = 1_000_000_000;

export const updateProgramBody = z.object({
  nameZh: z.string().trim().min(1).max(100).optional(),
  nameEn: z.string().trim().min(1).max(200).optional(),
  kind: z.enum(PROGRAM_KINDS).optional(),
  unit: z.enum(PROGRAM_UNITS).optional(),
  active: z.boolean().optional(),
  autoApproval: z.boolean().optional(),
  requiredDocuments: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  rule: z.unknown().optional(),
});
export type UpdateProgramInput = z.infer<typeof updateProgramBody>;

export const ruleBody = z.object({ rule: z.unknown() });

export const standardBody = z.object({
  monthlyCentsByGrade: z.strictObject({ '1': cents, '2': cents, '3': cents, '4': cents }).optional(),
  amountCents: cents.optional(),
});
export type StandardInput = z.infer<typeof standardBody>;

export const budgetBody = z.object({ budgetCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

export const targetsBody = z
  .array(
    z.object({
      regionCode: z.string().regex(/^\d{12}$/),
      target: z.number().int().min(0).max(MAX_TARGET),
    }),
  )
  .min(1)
  .max(1000);
export type TargetsInput = z.infer<typeof targetsBody>;

export const previewBody = z.object({ rule: z.unknown().optional(), year });

export const targetsTemplateQuery = z.object({
  programCode: z.string().min(1).max(40).optional(),
  year: year.optional(),
});
