import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percent } from '../rates.js';
import { formatRate, rateHundredths, reportRate } from './rate.js';

describe('reportRate', () => {
  it('rounds the issue’s examples half-up to 2 decimals', () => {
    expect(reportRate(246, 165)).toBe(149.09);
    expect(reportRate(4120, 1120)).toBe(367.86);
    expect(reportRate(153, 146)).toBe(104.79);
  });
  it('puts an exact half up, and just below a half down', () => {
    expect(rateHundredths(1, 8)).toBe(1250);
    expect(reportRate(1, 20000)).toBe(0.01); // 0.005 % exactly
    expect(reportRate(1, 20001)).toBe(0);
    expect(reportRate(2, 3)).toBe(66.67);
    expect(reportRate(1, 3)).toBe(33.33);
    expect(reportRate(0, 5)).toBe(0);
    expect(reportRate(5, 5)).toBe(100);
  });
  it('is null without a denominator', () => {
    expect(reportRate(7, 0)).toBeNull();
    expect(reportRate(0, 0)).toBeNull();
  });
  it('refuses what is not a count', () => {
    expect(() => reportRate(-1, 5)).toThrow(RangeError);
    expect(() => reportRate(1.5, 5)).toThrow(RangeError);
    expect(() => reportRate(1, Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    // a result of more than 2^53 hundredths could not be held exactly
    expect(() => reportRate(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });
  it('is the exact rational rounded half-up, for any counts', () => {
    fc.assert(
      // every numerator whose rate fits in 2^53 hundredths, every denominator
      fc.property(
        fc.nat(Math.floor(Number.MAX_SAFE_INTEGER / 10000)),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (n, d) => {
          const h = BigInt(rateHundredths(n, d)!);
          // h/100 is within half a hundredth of n/d × 100, ties going up: −d < 2(h·d − n·10000) ≤ d
          const twiceError = 2n * (h * BigInt(d) - BigInt(n) * 10000n);
          expect(twiceError <= BigInt(d)).toBe(true);
          expect(twiceError > -BigInt(d)).toBe(true);
        },
      ),
    );
  });
  it('agrees with percent() where both apply, and prints its two decimals', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 10_000_000 }), (n, d) => {
        const rate = reportRate(n, d)!;
        expect(rate).toBe(percent(n, d));
        expect(formatRate(rate)).toBe(
          `${Math.floor(rateHundredths(n, d)! / 100)}.${String(rateHundredths(n, d)! % 100).padStart(2, '0')}`,
        );
      }),
    );
  });
});

describe('formatRate', () => {
  it('prints two decimals or a dash', () => {
    expect(formatRate(149.09)).toBe('149.09');
    expect(formatRate(150)).toBe('150.00');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(null, '')).toBe('');
  });
});
