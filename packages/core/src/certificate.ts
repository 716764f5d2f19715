// Disability certificate numbers (残疾人证号, second generation, 《残疾人证管理办法》 2017):
// the holder's 18-character ID + category digit + grade digit, and 'B1'…'B9' on a reissued certificate.
// Validity: 10 years from issue; renewal (到期换证) opens 1 year before expiry.

import { addDays, addYears, splitDate } from './calendar.js';

export { addDays, addYears, daysBetween, isRealDate } from './calendar.js';

export const DISABILITY_CATEGORIES = [1, 2, 3, 4, 5, 6, 7] as const;
export type DisabilityCategory = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const DISABILITY_GRADES = [1, 2, 3, 4] as const;
export type DisabilityGrade = 1 | 2 | 3 | 4;

export type CertificateProblem = 'FORMAT' | 'ID_MISMATCH' | 'CATEGORY' | 'GRADE' | 'SUFFIX';

const CERTIFICATE_FORMAT = /^(\d{17}[\dX])([1-7])([1-4])(?:B([1-9]))?$/;
const HEAD_FORMAT = /^\d{17}[\dX]\d\d/;

/** Full-width digits and letters (common from Chinese input methods) become ASCII. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Trims, removes inner whitespace and upper-cases ('x' → 'X', 'b' → 'B'). */
export function normalizeCertificateNumber(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
}

/** The parts of a well-formed (normalized) certificate number, or null. The ID's own validity is not checked. */
export function parseCertificateNumber(
  number: string,
): { idNumber: string; category: DisabilityCategory; grade: DisabilityGrade; reissue: number } | null {
  const m = CERTIFICATE_FORMAT.exec(number);
  if (!m) return null;
  return {
    idNumber: m[1]!,
    category: Number(m[2]) as DisabilityCategory,
    grade: Number(m[3]) as DisabilityGrade,
    reissue: m[4] ? Number(m[4]) : 0,
  };
}

/**
 * Checks a normalized certificate number against its holder's (normalized) ID. Problems in the order
 * FORMAT (first 20 characters not an ID followed by two digits), ID_MISMATCH, CATEGORY, GRADE, SUFFIX.
 */
export function checkCertificateNumber(number: string, idNumber: string): CertificateProblem | null {
  if (!HEAD_FORMAT.test(number)) return 'FORMAT';
  if (number.slice(0, 18) !== idNumber) return 'ID_MISMATCH';
  if (!/[1-7]/.test(number[18]!)) return 'CATEGORY';
  if (!/[1-4]/.test(number[19]!)) return 'GRADE';
  const suffix = number.slice(20);
  if (suffix !== '' && !/^B[1-9]$/.test(suffix)) return 'SUFFIX';
  return null;
}

/** Builds a certificate number; arguments out of range are a RangeError. */
export function makeCertificateNumber(idNumber: string, category: number, grade: number, reissue = 0): string {
  if (!/^\d{17}[\dX]$/.test(idNumber)) throw new RangeError(`Not an 18-character ID: ${idNumber}`);
  if (!(DISABILITY_CATEGORIES as readonly number[]).includes(category)) {
    throw new RangeError(`Not a disability category: ${category}`);
  }
  if (!(DISABILITY_GRADES as readonly number[]).includes(grade)) throw new RangeError(`Not a grade: ${grade}`);
  if (!Number.isInteger(reissue) || reissue < 0 || reissue > 9) throw new RangeError(`Reissue not in 0–9: ${reissue}`);
  return `${idNumber}${category}${grade}${reissue > 0 ? `B${reissue}` : ''}`;
}

export const CERTIFICATE_VALIDITY_YEARS = 10;
export const EXPIRING_WITHIN_DAYS = 90;

/** Issue date + 10 years, same month and day (29 February → 28 February). */
export function certificateValidUntil(issuedOn: string): string {
  return addYears(issuedOn, CERTIFICATE_VALIDITY_YEARS);
}

/** The day renewal (到期换证) may start: one year before the end of validity. */
export function renewalOpensOn(validUntil: string): string {
  return addYears(validUntil, -1);
}

export type CertificateState = 'normal' | 'frozen' | 'cancelled';
export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'frozen' | 'cancelled';

/**
 * Cancelled and frozen win; then expired (today after validUntil); expiring while validUntil is at most
 * 90 days away (validUntil itself included); otherwise valid.
 */
export function certificateStatus(
  c: { validUntil: string; state: CertificateState },
  today: string,
): CertificateStatus {
  if (c.state === 'cancelled') return 'cancelled';
  if (c.state === 'frozen') return 'frozen';
  splitDate(c.validUntil); // a malformed date is a RangeError, not a silent string comparison
  if (today > c.validUntil) return 'expired';
  if (addDays(today, EXPIRING_WITHIN_DAYS) >= c.validUntil) return 'expiring';
  return 'valid';
}
