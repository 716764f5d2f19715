import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionFigures, exceededBy } from './completion.js';

describe('completionFigures', () => {
  it('reads like the work report: 目标 165, 完成 246, 完成率 149.09%, 超额 81', () => {
    expect(completionFigures(165, 246)).toEqual({ target: 165, completed: 246, rate: 149.09, exceeded: 81 });
  });
  it('has no rate for a zero target, and counts everything done as exceeding it', () => {
    expect(completionFigures(0, 4)).toEqual({ target: 0, completed: 4, rate: null, exceeded: 4 });
    expect(completionFigures(0, 0)).toEqual({ target: 0, completed: 0, rate: null, exceeded: 0 });
  });
  it('never exceeds below the target', () => {
    expect(exceededBy(90, 100)).toBe(0);
    expect(exceededBy(100, 100)).toBe(0);
  });
  it('exceeds exactly when the rate is above 100 %', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (completed, target) => {
        const f = completionFigures(target, completed);
        expect(f.exceeded).toBe(Math.max(0, completed - target));
        expect(f.exceeded > 0).toBe(completed > target);
        // rounding may bring a hair above 100 % down to 100.00, never below
        if (f.exceeded > 0) expect(f.rate!).toBeGreaterThanOrEqual(100);
        else expect(f.rate!).toBeLessThanOrEqual(100);
      }),
    );
  });
});
