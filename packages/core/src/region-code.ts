// 12-digit statistical region codes (统计用区划代码): county (6) + township (3) + village (3).
// Codes are structure, not rules: the township/village bands are only hints, so any digits are accepted.

export type RegionLevel = 'county' | 'township' | 'village';

/** Province prefixes of GB/T 2260 (the same set the resident ID uses). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** The pseudo-region above every county: a scope of this code is the whole database. */
export const ROOT_REGION_CODE = '000000000000';

export type RegionCodeProblem =
  | 'FORMAT'
  | 'PROVINCE'
  | 'NOT_A_COUNTY'
  | 'LEVEL_MISMATCH'
  | 'PARENT_PREFIX'
  | 'PARENT_IS_VILLAGE';

const TWELVE_DIGITS = /^\d{12}$/;

export function isRegionCode(code: unknown): code is string {
  return typeof code === 'string' && TWELVE_DIGITS.test(code);
}

/** The level a 12-digit code stands for, read from its trailing zeros; null for malformed codes. */
export function regionLevel(code: string): RegionLevel | null {
  if (!isRegionCode(code) || code === ROOT_REGION_CODE) return null;
  if (code.endsWith('000000')) return 'county';
  if (code.endsWith('000')) return 'township';
  return 'village';
}

/** The prefix every code under this region starts with ('' for the root). */
export function regionPrefix(code: string): string {
  if (code === ROOT_REGION_CODE) return '';
  const level = regionLevel(code);
  if (level === 'county') return code.slice(0, 6);
  if (level === 'township') return code.slice(0, 9);
  return code;
}

export function countyCodeOf(code: string): string {
  return code.slice(0, 6);
}

/** The code of the region directly above (null for a county). */
export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  if (level === 'village') return `${code.slice(0, 9)}000`;
  if (level === 'township') return `${code.slice(0, 6)}000000`;
  return null;
}

export function childLevel(level: RegionLevel): RegionLevel | null {
  if (level === 'county') return 'township';
  if (level === 'township') return 'village';
  return null;
}

/** True when `code` is `ancestor` itself or lies under it. */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return code.startsWith(regionPrefix(ancestor));
}

/**
 * Checks a new region's code against its parent: a county has no parent and a county-level code
 * (province prefix known, last two of six digits not 00); a township's and a village's code
 * extend their parent's prefix with non-zero digits at their own level.
 */
export function checkRegionCode(code: string, parentCode: string | null): RegionCodeProblem | null {
  if (!isRegionCode(code) || code === ROOT_REGION_CODE) return 'FORMAT';
  if (!PROVINCE_CODES.has(code.slice(0, 2))) return 'PROVINCE';
  const level = regionLevel(code) as RegionLevel;
  if (parentCode === null) {
    if (level !== 'county') return 'LEVEL_MISMATCH';
    if (code.slice(4, 6) === '00') return 'NOT_A_COUNTY';
    return null;
  }
  if (!isRegionCode(parentCode)) return 'FORMAT';
  const parentLevel = regionLevel(parentCode);
  if (parentLevel === null) return 'FORMAT';
  const expected = childLevel(parentLevel);
  if (expected === null) return 'PARENT_IS_VILLAGE';
  if (level !== expected) return 'LEVEL_MISMATCH';
  if (!code.startsWith(regionPrefix(parentCode))) return 'PARENT_PREFIX';
  return null;
}

/** Township kind read from the code bands; a hint only (the name decides). */
export function townshipKindHint(code: string): 'subdistrict' | 'town' | 'township' | 'other' {
  const t = Number(code.slice(6, 9));
  if (t < 100) return 'subdistrict';
  if (t < 200) return 'town';
  if (t < 400) return 'township';
  return 'other';
}
