import { describe, expect, it } from 'vitest';
import {
  checkRegionCode,
  isWithinRegion,
  parentRegionCode,
  ROOT_REGION_CODE,
  regionLevel,
  regionPrefix,
  townshipKindHint,
} from './region-code.js';

describe('regionLevel', () => {
  it('reads the level from the trailing zeros', () => {
    expect(regionLevel('341599000000')).toBe('county');
    expect(regionLevel('341599101000')).toBe('township');
    expect(regionLevel('341599101203')).toBe('village');
  });
  it('rejects malformed codes and the root', () => {
    expect(regionLevel('34159910100')).toBeNull();
    expect(regionLevel('34159910100a')).toBeNull();
    expect(regionLevel(ROOT_REGION_CODE)).toBeNull();
  });
});

describe('checkRegionCode', () => {
  it('accepts a county without parent', () => {
    expect(checkRegionCode('341599000000', null)).toBeNull();
  });
  it('refuses a prefecture-level or unknown-province code as a county', () => {
    expect(checkRegionCode('341500000000', null)).toBe('NOT_A_COUNTY');
    expect(checkRegionCode('991599000000', null)).toBe('PROVINCE');
  });
  it('refuses a township or village without parent', () => {
    expect(checkRegionCode('341599101000', null)).toBe('LEVEL_MISMATCH');
    expect(checkRegionCode('341599101001', null)).toBe('LEVEL_MISMATCH');
  });
  it('accepts a township under its county and a village under its township', () => {
    expect(checkRegionCode('341599101000', '341599000000')).toBeNull();
    expect(checkRegionCode('341599101203', '341599101000')).toBeNull();
  });
  it('refuses children that skip a level or sit under another parent', () => {
    expect(checkRegionCode('341599101203', '341599000000')).toBe('LEVEL_MISMATCH');
    expect(checkRegionCode('341598101000', '341599000000')).toBe('PARENT_PREFIX');
    expect(checkRegionCode('341599102203', '341599101000')).toBe('PARENT_PREFIX');
    expect(checkRegionCode('341599101204', '341599101203')).toBe('PARENT_IS_VILLAGE');
  });
  it('refuses malformed codes', () => {
    expect(checkRegionCode('3415991010', '341599000000')).toBe('FORMAT');
    expect(checkRegionCode('34159910100x', '341599000000')).toBe('FORMAT');
    expect(checkRegionCode(ROOT_REGION_CODE, null)).toBe('FORMAT');
  });
});

describe('prefixes and ancestry', () => {
  it('gives the prefix per level', () => {
    expect(regionPrefix('341599000000')).toBe('341599');
    expect(regionPrefix('341599101000')).toBe('341599101');
    expect(regionPrefix('341599101203')).toBe('341599101203');
    expect(regionPrefix(ROOT_REGION_CODE)).toBe('');
  });
  it('knows the parent', () => {
    expect(parentRegionCode('341599101203')).toBe('341599101000');
    expect(parentRegionCode('341599101000')).toBe('341599000000');
    expect(parentRegionCode('341599000000')).toBeNull();
  });
  it('decides containment by prefix, not by string accident', () => {
    expect(isWithinRegion('341599101203', '341599101000')).toBe(true);
    expect(isWithinRegion('341599102203', '341599101000')).toBe(false);
    expect(isWithinRegion('341599101000', '341599101000')).toBe(true);
    expect(isWithinRegion('341599000000', '341599101000')).toBe(false);
  });
  it('hints the township kind from its band', () => {
    expect(townshipKindHint('341599001000')).toBe('subdistrict');
    expect(townshipKindHint('341599101000')).toBe('town');
    expect(townshipKindHint('341599201000')).toBe('township');
    expect(townshipKindHint('341599401000')).toBe('other');
  });
});
