// Dates as people type them into a sheet: 2024-03-15, 2024/3/15, 2024.3.15, 20240315, 2024年3月15日,
// an Excel date cell (read as 2024-03-15), or an Excel day number (45366) from a cell whose date
// format was lost. Anything else, or a day that does not exist (2023-02-29), is not a date.

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{5}(?:\.0+)?$/;
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
// Excel counts days from 1899-12-30 (its phantom 1900-02-29 makes every later date one day off).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The date as `YYYY-MM-DD`, or null when the text is not a real calendar date. */
export function parseSheetDate(raw: string): string | null {
  const text = raw.trim().replace(TIME_SUFFIX, '');
  if (text === '') return null;
  const m = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (m) return realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL.test(text)) return new Date(EXCEL_EPOCH_MS + Math.floor(Number(text)) * DAY_MS).toISOString().slice(0, 10);
  return null;
}

function realDate(year: number, month: number, day: number): string | null {
  if (year < 1800 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
