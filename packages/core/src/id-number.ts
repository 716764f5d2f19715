// Resident ID numbers (居民身份证号, GB 11643-1999): 6-digit address code + birth date YYYYMMDD
// + 3-digit sequence (odd = male) + check character (ISO 7064 MOD 11-2).

import { isRealDate } from './calendar.js';
import { PROVINCE_CODES } from './region-code.js';

export type IdNumberProblem = 'FORMAT' | 'PROVINCE' | 'BIRTH_DATE' | 'FUTURE_BIRTH_DATE' | 'CHECKSUM';

/** Weights of the first 17 digits: 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const ID_FORMAT = /^\d{17}[\dX]$/;
const EARLIEST_BIRTH_DATE = '1900-01-01';
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Full-width digits and X (common from Chinese input methods) become ASCII. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Trims, removes inner whitespace and upper-cases a final 'x'. */
export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').replace(/x$/, 'X');
}

/** The check character for 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`Not 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Today's date ('YYYY-MM-DD') in China time (UTC+8, no daylight saving). */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Checks an already normalized ID; `today` ('YYYY-MM-DD') defaults to today in China.
 * Problems are reported in the order FORMAT, PROVINCE, BIRTH_DATE, FUTURE_BIRTH_DATE, CHECKSUM.
 */
export function checkIdNumber(id: string, today: string = todayInChina()): IdNumberProblem | null {
  if (!ID_FORMAT.test(id)) return 'FORMAT';
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return 'PROVINCE';
  const birthDate = birthDateOf(id);
  if (!isRealDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE) return 'BIRTH_DATE';
  if (birthDate > today) return 'FUTURE_BIRTH_DATE';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return 'CHECKSUM';
  return null;
}

/** Reads the parts of a valid ID (not checked here). */
export function parseIdNumber(id: string): {
  addressCode: string;
  birthDate: string;
  gender: 'male' | 'female';
  sequence: string;
} {
  return {
    addressCode: id.slice(0, 6),
    birthDate: birthDateOf(id),
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    sequence: id.slice(14, 17),
  };
}

/**
 * Age in whole years on `date`: one less while that year's birthday has not been reached.
 * Someone born on 29 February has their birthday on 1 March in a common year.
 */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A valid 18-character ID for tests and demo data; malformed arguments are a RangeError. */
export function makeIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(addressCode)) throw new RangeError(`Not a 6-digit address code: ${addressCode}`);
  if (!isRealDate(birthDate)) throw new RangeError(`Not a calendar date: ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`Sequence not in 0–999: ${sequence}`);
  }
  const first17 = `${addressCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
