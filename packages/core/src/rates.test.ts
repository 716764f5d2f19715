import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percent } from './rates.js';

describe('percent', () => {
  it('matches the glossary example', () => {
    expect(percent(246, 165)).toBe(149.09);
  });
  it('rounds half up', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 20000)).toBe(0.01); // 0.005 % exactly: the half goes up
    expect(percent(1, 20001)).toBe(0);
  });
  it('is null for a zero denominator', () => {
    expect(percent(5, 0)).toBeNull();
  });
  it('agrees with exact rational rounding', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        const r = percent(n, d)!;
        const hundredths = Math.round(r * 100);
        // hundredths/100 is within half a hundredth of n/d×100, ties going up
        const twiceError = 2 * (hundredths * d - n * 10000);
        expect(twiceError).toBeLessThanOrEqual(d);
        expect(twiceError).toBeGreaterThan(-d);
      }),
    );
  });
});
