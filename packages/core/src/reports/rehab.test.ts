import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEED_KINDS } from '../disability.js';
import { addRehabCounts, NO_REHAB_COUNTS, rehabCountsOf, rehabFigures } from './rehab.js';

describe('rehabCountsOf', () => {
  it('counts a person once, however many needs and services', () => {
    expect(rehabCountsOf(['rehab_training', 'medication'], ['rehab_training', 'rehab_training', 'medication'])).toEqual(
      { needs: 1, served: 1, deviceNeeds: 0, deviceFitted: 0 },
    );
  });
  it('serves a rehabilitation need with any rehabilitation service, a device need only with a device', () => {
    expect(rehabCountsOf(['assistive_device'], ['medication'])).toEqual({
      needs: 1,
      served: 1,
      deviceNeeds: 1,
      deviceFitted: 0,
    });
    expect(rehabCountsOf(['assistive_device'], ['assistive_device'])).toEqual({
      needs: 1,
      served: 1,
      deviceNeeds: 1,
      deviceFitted: 1,
    });
  });
  it('ignores needs and services of other kinds', () => {
    expect(rehabCountsOf(['education', 'nursing'], ['rehab_training'])).toEqual(NO_REHAB_COUNTS);
    expect(rehabCountsOf(['rehab_training'], ['nursing', 'employment'])).toEqual({
      needs: 1,
      served: 0,
      deviceNeeds: 0,
      deviceFitted: 0,
    });
  });
});

describe('rehabFigures', () => {
  it('adds the rates, null without a denominator', () => {
    expect(rehabFigures({ needs: 146, served: 146, deviceNeeds: 0, deviceFitted: 0 })).toEqual({
      needs: 146,
      served: 146,
      serviceRate: 100,
      deviceNeeds: 0,
      deviceFitted: 0,
      fittingRate: null,
    });
    expect(rehabFigures({ needs: 3, served: 2, deviceNeeds: 3, deviceFitted: 1 }).serviceRate).toBe(66.67);
  });
  it('keeps served ≤ needs and fitted ≤ device needs ≤ needs over any population', () => {
    const kinds = fc.subarray([...NEED_KINDS]);
    fc.assert(
      fc.property(fc.array(fc.tuple(kinds, fc.array(fc.constantFrom(...NEED_KINDS), { maxLength: 6 }))), (people) => {
        const total = people.reduce((sum, [needs, services]) => addRehabCounts(sum, rehabCountsOf(needs, services)), {
          ...NO_REHAB_COUNTS,
        });
        expect(total.served).toBeLessThanOrEqual(total.needs);
        expect(total.deviceFitted).toBeLessThanOrEqual(total.deviceNeeds);
        expect(total.deviceNeeds).toBeLessThanOrEqual(total.needs);
        const f = rehabFigures(total);
        if (total.needs > 0) expect(f.serviceRate!).toBeLessThanOrEqual(100);
        else expect(f.serviceRate).toBeNull();
      }),
    );
  });
});
