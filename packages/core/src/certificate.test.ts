import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  CERTIFICATE_VALIDITY_YEARS,
  certificateStatus,
  certificateValidUntil,
  checkCertificateNumber,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  daysBetween,
  EXPIRING_WITHIN_DAYS,
  makeCertificateNumber,
  normalizeCertificateNumber,
  parseCertificateNumber,
  renewalOpensOn,
} from './certificate.js';
import { makeIdNumber } from './id-number.js';

const ID = '34152220000229004X';
const ID_0 = '341522198503120030';

describe('normalizeCertificateNumber', () => {
  it('trims, removes spaces and upper-cases', () => {
    expect(normalizeCertificateNumber(' 34152220000229004x 23 ')).toBe('34152220000229004X23');
    expect(normalizeCertificateNumber('34152220000229004x23b1')).toBe('34152220000229004X23B1');
    expect(normalizeCertificateNumber('３４１５２２２００００２２９００４ｘ２３ｂ１')).toBe('34152220000229004X23B1');
  });
});

describe('parseCertificateNumber', () => {
  it('reads ID, category, grade and reissue', () => {
    expect(parseCertificateNumber('34152220000229004X23')).toEqual({ idNumber: ID, category: 2, grade: 3, reissue: 0 });
    expect(parseCertificateNumber('34152219850312003071B2')).toEqual({
      idNumber: ID_0,
      category: 7,
      grade: 1,
      reissue: 2,
    });
  });
  it('is null when malformed', () => {
    for (const n of [
      '',
      '34152220000229004X2',
      '34152220000229004X83',
      '34152220000229004X03',
      '34152220000229004X25',
      '34152220000229004X20',
      '34152220000229004X23B',
      '34152220000229004X23B0',
      '34152220000229004X23B10',
      '34152220000229004X23C1',
      '34152220000229004x23',
      '3415222000022900XX23',
    ]) {
      expect(parseCertificateNumber(n)).toBeNull();
    }
  });
});

describe('checkCertificateNumber', () => {
  it('accepts a matching number, with or without reissue suffix', () => {
    expect(checkCertificateNumber('34152220000229004X23', ID)).toBeNull();
    expect(checkCertificateNumber('34152220000229004X14B1', ID)).toBeNull();
    expect(checkCertificateNumber('34152219850312003071B9', ID_0)).toBeNull();
  });
  it('refuses bad length and characters', () => {
    expect(checkCertificateNumber('', ID)).toBe('FORMAT');
    expect(checkCertificateNumber('34152220000229004X', ID)).toBe('FORMAT');
    expect(checkCertificateNumber('34152220000229004X2', ID)).toBe('FORMAT');
    expect(checkCertificateNumber('34152220000229004XA3', ID)).toBe('FORMAT');
    expect(checkCertificateNumber('3415222000022900X423', ID)).toBe('FORMAT');
  });
  it('refuses a number of another person', () => {
    expect(checkCertificateNumber('34152219850312003023', ID)).toBe('ID_MISMATCH');
    expect(checkCertificateNumber('34152220000229004X23', ID_0)).toBe('ID_MISMATCH');
  });
  it('refuses a bad category or grade', () => {
    expect(checkCertificateNumber('34152220000229004X03', ID)).toBe('CATEGORY');
    expect(checkCertificateNumber('34152220000229004X83', ID)).toBe('CATEGORY');
    expect(checkCertificateNumber('34152220000229004X90', ID)).toBe('CATEGORY');
    expect(checkCertificateNumber('34152220000229004X20', ID)).toBe('GRADE');
    expect(checkCertificateNumber('34152220000229004X25', ID)).toBe('GRADE');
  });
  it('refuses anything after 20 characters but B1–B9', () => {
    for (const suffix of ['B', 'B0', 'B10', 'C1', '1', 'BB', ' ', 'b1']) {
      expect(checkCertificateNumber(`34152220000229004X23${suffix}`, ID)).toBe('SUFFIX');
    }
  });
});

describe('makeCertificateNumber', () => {
  it('builds numbers that parse back', () => {
    expect(makeCertificateNumber(ID, 2, 3)).toBe('34152220000229004X23');
    expect(makeCertificateNumber(ID, 2, 3, 0)).toBe('34152220000229004X23');
    expect(makeCertificateNumber(ID, 7, 1, 2)).toBe('34152220000229004X71B2');
  });
  it('refuses arguments out of range', () => {
    expect(() => makeCertificateNumber(ID, 0, 3)).toThrow(RangeError);
    expect(() => makeCertificateNumber(ID, 8, 3)).toThrow(RangeError);
    expect(() => makeCertificateNumber(ID, 2, 5)).toThrow(RangeError);
    expect(() => makeCertificateNumber(ID, 2, 3, 10)).toThrow(RangeError);
    expect(() => makeCertificateNumber('34152220000229004x', 2, 3)).toThrow(RangeError);
  });
  it('round-trips through parse and check (property)', () => {
    const id = fc
      .tuple(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(([d, s]) => makeIdNumber('341522', d.toISOString().slice(0, 10), s));
    fc.assert(
      fc.property(
        id,
        fc.constantFrom(...DISABILITY_CATEGORIES),
        fc.constantFrom(...DISABILITY_GRADES),
        fc.integer({ min: 0, max: 9 }),
        (idNumber, category, grade, reissue) => {
          const n = makeCertificateNumber(idNumber, category, grade, reissue);
          expect(parseCertificateNumber(n)).toEqual({ idNumber, category, grade, reissue });
          expect(checkCertificateNumber(n, idNumber)).toBeNull();
          expect(normalizeCertificateNumber(n.toLowerCase())).toBe(n);
        },
      ),
    );
  });
});

describe('dates', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2025-01-01', '2025-01-01')).toBe(0);
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
    expect(daysBetween('1900-01-01', '2000-01-01')).toBe(36524);
    expect(daysBetween('1970-01-01', '2025-06-30')).toBe(Date.UTC(2025, 5, 30) / 86_400_000);
  });
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-06-30', 90)).toBe('2025-09-28');
    expect(addDays('2025-06-30', 0)).toBe('2025-06-30');
  });
  it('adds years keeping month and day, 29 February → 28 February', () => {
    expect(addYears('2015-06-30', 10)).toBe('2025-06-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-03-01', -1)).toBe('2024-03-01');
  });
  it('refuses malformed dates', () => {
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2025-6-30', 1)).toThrow(RangeError);
    expect(() => addDays('2025-06-30', 1.5)).toThrow(RangeError);
    expect(() => addYears('20250630', 1)).toThrow(RangeError);
    expect(() => daysBetween('2025-06-31', '2025-07-01')).toThrow(RangeError);
  });
  it('agrees with Date arithmetic (property)', () => {
    const day = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        const expected = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        expect(addDays(d, n)).toBe(expected);
        expect(daysBetween(d, expected)).toBe(n);
      }),
    );
  });
});

describe('validity and renewal', () => {
  it('is valid for 10 years, renewal from 1 year before', () => {
    expect(CERTIFICATE_VALIDITY_YEARS).toBe(10);
    expect(certificateValidUntil('2015-06-30')).toBe('2025-06-30');
    expect(certificateValidUntil('2016-02-29')).toBe('2026-02-28');
    expect(certificateValidUntil('2020-02-29')).toBe('2030-02-28');
    expect(renewalOpensOn('2025-06-30')).toBe('2024-06-30');
    expect(renewalOpensOn('2028-02-29')).toBe('2027-02-28');
  });
});

describe('certificateStatus', () => {
  const normal = (validUntil: string) => ({ validUntil, state: 'normal' as const });
  const today = '2025-06-30';

  it('is expiring with exactly 90 days left and valid with 91', () => {
    expect(EXPIRING_WITHIN_DAYS).toBe(90);
    expect(certificateStatus(normal(addDays(today, 90)), today)).toBe('expiring');
    expect(certificateStatus(normal('2025-09-28'), today)).toBe('expiring');
    expect(certificateStatus(normal(addDays(today, 91)), today)).toBe('valid');
    expect(certificateStatus(normal('2025-09-29'), today)).toBe('valid');
    expect(certificateStatus(normal('2035-06-30'), today)).toBe('valid');
  });
  it('is expiring, not expired, on its last day and expired the day after', () => {
    expect(certificateStatus(normal(today), today)).toBe('expiring');
    expect(certificateStatus(normal(today), addDays(today, 1))).toBe('expired');
    expect(certificateStatus(normal('2020-01-01'), today)).toBe('expired');
  });
  it('lets cancelled and frozen win over dates', () => {
    for (const validUntil of ['2020-01-01', today, '2035-06-30']) {
      expect(certificateStatus({ validUntil, state: 'cancelled' }, today)).toBe('cancelled');
      expect(certificateStatus({ validUntil, state: 'frozen' }, today)).toBe('frozen');
    }
  });
  it('agrees with daysBetween (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (left) => {
        const status = certificateStatus(normal(addDays(today, left)), today);
        expect(status).toBe(left < 0 ? 'expired' : left <= 90 ? 'expiring' : 'valid');
      }),
    );
  });
});
