import { z } from 'zod';

/** `?year=&regionCode=` of the completion and rehabilitation reports (and their workbooks). */
export const yearRegionQuery = z.object({
  /** Default: the current year (China time). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Default: the caller's own region (the root of its scope). */
  regionCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
export type YearRegionQuery = z.infer<typeof yearRegionQuery>;
