import { describe, expect, it } from 'vitest';
import { ROOT_REGION_CODE } from './region-code.js';
import { inScope, scopeCovers, scopePrefix } from './scope.js';

const county = { regionCode: '341599000000' };
const township = { regionCode: '341599101000' };
const root = { regionCode: ROOT_REGION_CODE };

describe('scope', () => {
  it('turns a scope into a code prefix', () => {
    expect(scopePrefix(county)).toBe('341599');
    expect(scopePrefix(township)).toBe('341599101');
    expect(scopePrefix(root)).toBe('');
  });
  it('lets a township user see its own villages only', () => {
    expect(inScope(township, '341599101203')).toBe(true);
    expect(inScope(township, '341599101000')).toBe(true);
    expect(inScope(township, '341599102203')).toBe(false);
    expect(inScope(township, '341599000000')).toBe(false);
    expect(inScope(township, null)).toBe(false);
  });
  it('lets the root scope see everything', () => {
    expect(inScope(root, '110101000000')).toBe(true);
    expect(inScope(root, null)).toBe(true);
  });
  it('compares scopes', () => {
    expect(scopeCovers(county, township)).toBe(true);
    expect(scopeCovers(township, county)).toBe(false);
    expect(scopeCovers(county, root)).toBe(false);
    expect(scopeCovers(root, county)).toBe(true);
  });
});
