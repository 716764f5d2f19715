import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPhone, normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it('removes spaces and dashes from mobiles', () => {
    expect(normalizePhone(' 138 1234 5678 ')).toBe('13812345678');
    expect(normalizePhone('138-1234-5678')).toBe('13812345678');
  });
  it('removes +86 or 86 before a mobile', () => {
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('+86-13812345678')).toBe('13812345678');
    expect(normalizePhone('8613812345678')).toBe('13812345678');
  });
  it('keeps the area-code dash of a landline, and its extension dash', () => {
    expect(normalizePhone('0551-12345678')).toBe('0551-12345678');
    expect(normalizePhone(' 0551 - 1234 5678 ')).toBe('0551-12345678');
    expect(normalizePhone('0551-1234-5678')).toBe('0551-12345678');
    expect(normalizePhone('010-1234567')).toBe('010-1234567');
    expect(normalizePhone('0551-12345678-801')).toBe('0551-12345678-801');
    expect(normalizePhone('055112345678')).toBe('055112345678');
  });
  it('turns full-width digits and dashes into ASCII', () => {
    expect(normalizePhone('１３８１２３４５６７８')).toBe('13812345678');
    expect(normalizePhone('０５５１－１２３４５６７８')).toBe('0551-12345678');
  });
  it('removes other dashes', () => {
    expect(normalizePhone('12-34')).toBe('1234');
  });
});

describe('checkPhone', () => {
  it('accepts mobiles 1[3-9] + 9 digits', () => {
    expect(checkPhone('13812345678')).toBeNull();
    expect(checkPhone('19912345678')).toBeNull();
    expect(checkPhone('12812345678')).toBe('FORMAT');
    expect(checkPhone('1381234567')).toBe('FORMAT');
    expect(checkPhone('138123456789')).toBe('FORMAT');
  });
  it('accepts landlines with area code, optional dash and extension', () => {
    expect(checkPhone('0551-12345678')).toBeNull();
    expect(checkPhone('055112345678')).toBeNull();
    expect(checkPhone('010-1234567')).toBeNull();
    expect(checkPhone('0551-12345678-801')).toBeNull();
    expect(checkPhone('0551-12345678-1234567')).toBe('FORMAT');
    expect(checkPhone('0551-123456')).toBe('FORMAT');
    expect(checkPhone('12345678')).toBe('FORMAT');
    expect(checkPhone('0551--12345678')).toBe('FORMAT');
  });
  it('refuses unnormalized input', () => {
    expect(checkPhone('')).toBe('FORMAT');
    expect(checkPhone('138 1234 5678')).toBe('FORMAT');
    expect(checkPhone('+8613812345678')).toBe('FORMAT');
  });
  it('accepts every spaced or prefixed mobile after normalizing (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }),
        fc.constantFrom('', '+86', '86', '+86 '),
        fc.constantFrom('', ' ', '-'),
        (second, rest, prefix, sep) => {
          const mobile = `1${second}${rest}`;
          const raw = `${prefix}${mobile.slice(0, 3)}${sep}${mobile.slice(3, 7)}${sep}${mobile.slice(7)}`;
          expect(normalizePhone(raw)).toBe(mobile);
          expect(checkPhone(normalizePhone(raw))).toBeNull();
        },
      ),
    );
  });
});
