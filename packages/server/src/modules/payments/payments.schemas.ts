import { z } from 'zod';
import { CYCLE_STATUSES, LINE_KINDS, LINE_STATUSES } from '../../db/schema/payments.js';

const programCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);
const regionCode = z.string().regex(/^\d{12}$/);
/** A month, YYYY-MM (2000–2100). */
export const period = z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/);
const year = z.coerce.number().int().min(2000).max(2100);

export const generateCycleBody = z.strictObject({
  programCode,
  period,
  /** A county or township in the caller's scope; default: the caller's county. */
  regionCode: regionCode.optional(),
  /** Admin only: generate although the cycle takes the programme's year above its budget. */
  budgetOverrideReason: z.string().trim().min(1).max(500).optional(),
});

export const CYCLE_ACTIONS = ['submit', 'approve', 'mark_paid', 'cancel'] as const;
export type CycleAction = (typeof CYCLE_ACTIONS)[number];

export const cycleActionBody = z.strictObject({
  action: z.enum(CYCLE_ACTIONS),
  reason: z.string().trim().max(500).optional(),
});

export const cycleListQuery = z.strictObject({
  programCode: programCode.optional(),
  period: period.optional(),
  status: z.enum(CYCLE_STATUSES).optional(),
  year: year.optional(),
});

export const entitlementListQuery = z.strictObject({
  regionCode: regionCode.optional(),
  kind: z.enum(LINE_KINDS).optional(),
  status: z.enum(LINE_STATUSES).optional(),
  /** Payee or person name prefix, or ID-number prefix. */
  q: z.string().trim().min(1).max(50).optional(),
});

export const budgetQuery = z.strictObject({ year: year.optional() });
