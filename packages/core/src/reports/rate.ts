// Report rates (完成率, 康复服务率, 辅具适配率): numerator ÷ denominator × 100, rounded half-up to 2 decimals
// once, at the edge (GLOSSARY.md: 246 of 165 → 149.09). Computed in integers (BigInt), so that no binary
// floating-point error can move a result that lies exactly on a half.

/** The rate in hundredths of a percent (14909 for 246 of 165), half-up; null when the denominator is 0. */
export function rateHundredths(numerator: number, denominator: number): number | null {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError('rates take non-negative safe integers');
  }
  if (denominator === 0) return null;
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  // floor(n × 10000 / d + 1/2) = floor((2 × n × 10000 + d) / 2d)
  const hundredths = (n * 20000n + d) / (2n * d);
  if (hundredths > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('rate too large to be exact');
  return Number(hundredths);
}

/** The rate as a percent with 2 decimals (149.09), half-up; null when the denominator is 0. */
export function reportRate(numerator: number, denominator: number): number | null {
  const hundredths = rateHundredths(numerator, denominator);
  return hundredths === null ? null : hundredths / 100;
}

/** The rate as report text with two decimals ("149.09", "50.00"); `empty` when there is no rate. */
export function formatRate(rate: number | null, empty = '—'): string {
  if (rate === null) return empty;
  // A rate is a whole number of hundredths divided by 100: toFixed(2) prints exactly those digits.
  return rate.toFixed(2);
}
