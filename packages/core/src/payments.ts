/**
 * Why a person paid last month is not paid this month (a cycle's 停发名单): the server computes them
 * (payments/list-stopped.ts), the web names them.
 */
export const STOPPED_REASONS = [
  'deceased',
  'moved_out',
  'cancelled',
  'certificate_missing',
  'certificate_cancelled',
  'certificate_frozen',
  'certificate_expired',
  'application_not_approved',
  'rule_not_met',
  'standard_zero',
  'moved_region',
  'other',
] as const;
export type StoppedReason = (typeof STOPPED_REASONS)[number];
