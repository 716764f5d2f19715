/** Integer fen as yuan with two decimals: 123456 → "1234.56". */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1,234.56 元" for display. */
export function formatYuan(fen: number | null | undefined, unit: string): string {
  if (fen === null || fen === undefined) return '—';
  const [whole, decimals] = fenToYuan(fen).split('.');
  return `${Number(whole).toLocaleString('en-US')}.${decimals} ${unit}`;
}

/**
 * Yuan typed by a person (a string from a stringMode InputNumber, or a number) as integer fen, exactly:
 * "12.3" → 1230, with no floating-point rounding on the way. Null when it is not an amount of at most
 * two decimals.
 */
export function yuanToFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(value).trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
