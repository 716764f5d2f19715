// Months as the payments module handles them: 'YYYY-MM' strings, their first day and the next month's.

export type Month = {
  /** YYYY-MM */
  period: string;
  year: number;
  /** The month's first day (YYYY-MM-DD): where entitlement is judged. */
  first: string;
  /** The next month's first day: an application filed before it was filed in or before the month. */
  next: string;
};

export function addMonths(period: string, n: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthOf(period: string): Month {
  return { period, year: Number(period.slice(0, 4)), first: `${period}-01`, next: `${addMonths(period, 1)}-01` };
}

/** The month a date (YYYY-MM-DD) falls in. */
export const periodOf = (date: string) => date.slice(0, 7);
