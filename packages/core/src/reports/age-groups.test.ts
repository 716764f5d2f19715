import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_GROUPS, ageAtYearEnd, ageGroupIndex, ageGroupOf } from './age-groups.js';

describe('age groups', () => {
  it('counts the age at the end of the year', () => {
    expect(ageAtYearEnd('2019-12-31', 2025)).toBe(6);
    expect(ageAtYearEnd('2019-01-01', 2025)).toBe(6);
    expect(ageAtYearEnd('2018-12-31', 2025)).toBe(7);
  });
  it('has the four bands of the report', () => {
    expect([0, 6, 7, 17, 18, 59, 60, 101].map(ageGroupOf)).toEqual([
      '0-6',
      '0-6',
      '7-17',
      '7-17',
      '18-59',
      '18-59',
      '60+',
      '60+',
    ]);
    expect(ageGroupOf(-1)).toBe('0-6');
  });
  it('puts every age in the one band whose bounds hold it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 130 }), (age) => {
        const holding = AGE_GROUPS.filter((g) => age >= g.min && (g.max === null || age <= g.max));
        expect(holding).toHaveLength(1);
        expect(ageGroupOf(age)).toBe(holding[0]!.code);
        expect(AGE_GROUPS[ageGroupIndex(age)]!.code).toBe(holding[0]!.code);
      }),
    );
  });
});
