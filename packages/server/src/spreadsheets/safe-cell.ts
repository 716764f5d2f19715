/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, and tab/CR tricks) is written with a
 * leading apostrophe, so an exported name like "=HYPERLINK(…)" stays text (CSV/formula injection).
 */
export function safeCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
