// Rates are computed exactly and rounded half-up to 2 decimals once, at the edge (GLOSSARY.md:
// 246 of 165 → 149.09). Integer arithmetic: no binary floating-point drift on the half.

/** numerator ÷ denominator × 100, 2 decimals half-up; null when the denominator is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError('percent() takes non-negative integers');
  }
  if (denominator === 0) return null;
  // hundredths of a percent, half-up: floor((n × 10000 × 2 + d) / (2d))
  const hundredths = Math.floor((numerator * 20000 + denominator) / (2 * denominator));
  return hundredths / 100;
}
