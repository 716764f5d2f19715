import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskCertificateNumber, maskIdNumber, maskPhone } from './masking.js';

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 of 18 characters', () => {
    expect(maskIdNumber('341522198503121234')).toBe('3415**********1234');
    expect(maskIdNumber('34152220000229004X')).toBe('3415**********004X');
  });
  it('keeps the first and last quarter of shorter strings', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('1234')).toBe('1**4');
    expect(maskIdNumber('12345678')).toBe('12****78');
    expect(maskIdNumber('341522850312123')).toBe('341*********123');
  });
  it('keeps at most 4 at each end of longer strings', () => {
    expect(maskIdNumber('34152219850312123423')).toBe('3415************3423');
  });
});

describe('maskPhone', () => {
  it('masks the middle 4 digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps the first 3 and last 2 of other numbers', () => {
    expect(maskPhone('0551-12345678')).toBe('055********78');
    expect(maskPhone('12345678')).toBe('123***78');
    expect(maskPhone('1234567')).toBe('123**67');
  });
  it('stars short strings', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('12345')).toBe('1***5');
    expect(maskPhone('123456')).toBe('1****6');
  });
});

describe('maskBankAccount', () => {
  it('keeps the first 4 and last 4 without spaces', () => {
    expect(maskBankAccount('6222 0212 3456 7890 123')).toBe('6222***********0123');
    expect(maskBankAccount('123456789')).toBe('1234*6789');
  });
  it('stars short accounts but the last 2', () => {
    expect(maskBankAccount('12345678')).toBe('******78');
    expect(maskBankAccount('123')).toBe('*23');
    expect(maskBankAccount('12')).toBe('**');
    expect(maskBankAccount('')).toBe('');
  });
});

describe('maskCertificateNumber', () => {
  it('masks the ID part and keeps category, grade and suffix', () => {
    expect(maskCertificateNumber('34152220000229004X23')).toBe('3415**********004X23');
    expect(maskCertificateNumber('34152220000229004X71B2')).toBe('3415**********004X71B2');
  });
});

describe('properties', () => {
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789X'), minLength: min, maxLength: max });

  it('maskIdNumber keeps length, first 4 and last 4, and reveals at most 8 of 18', () => {
    fc.assert(
      fc.property(digits(18, 18), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(0, 4)).toBe(id.slice(0, 4));
        expect(masked.slice(-4)).toBe(id.slice(-4));
        const revealed = [...masked].filter((c, i) => c === id[i]).length;
        expect(revealed).toBeLessThanOrEqual(8);
      }),
    );
  });

  it('maskIdNumber keeps length and reveals at most half of any string', () => {
    fc.assert(
      fc.property(digits(0, 30), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(id.length);
        const revealed = [...masked].filter((c, i) => c === id[i]).length;
        expect(revealed).toBeLessThanOrEqual(id.length / 2);
      }),
    );
  });

  it('maskPhone keeps length and stars mobiles in the middle', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789-'), maxLength: 20 }), (phone) => {
        expect(maskPhone(phone)).toHaveLength(phone.length);
      }),
    );
    fc.assert(
      fc.property(digits(10, 10), (rest) => {
        const mobile = `1${rest.replaceAll('X', '0')}`;
        const masked = maskPhone(mobile);
        expect(masked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
      }),
    );
  });

  it('masking masked output keeps its length', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789X -'), maxLength: 30 }), (s) => {
        for (const mask of [maskIdNumber, maskPhone, maskBankAccount, maskCertificateNumber]) {
          const once = mask(s);
          expect(mask(once)).toHaveLength(once.length);
        }
        expect(maskIdNumber(maskIdNumber(s))).toBe(maskIdNumber(s));
      }),
    );
  });

  it('maskBankAccount output has the spaceless length', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 '), maxLength: 30 }), (account) => {
        expect(maskBankAccount(account)).toHaveLength(account.replaceAll(' ', '').length);
      }),
    );
  });
});
