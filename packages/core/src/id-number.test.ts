import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkIdNumber,
  idNumberCheckChar,
  makeIdNumber,
  normalizeIdNumber,
  parseIdNumber,
  todayInChina,
} from './id-number.js';
import { PROVINCE_CODES } from './region-code.js';

const TODAY = '2025-06-30';

// Computed by hand: Σ digit × weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2), mod 11 → '10X98765432'.
// 3·7+4·9+1·10+5·5+2·8+2·4+2·2+0·1+0·6+0·3+0·7+2·9+2·10+9·5+0·8+0·4+4·2 = 211, 211 mod 11 = 2 → 'X'
const ID_X = '34152220000229004X';
// 3·7+4·9+1·10+5·5+2·8+2·4+1·2+9·1+8·6+5·3+0·7+3·9+1·10+2·5+0·8+0·4+3·2 = 243, 243 mod 11 = 1 → '0'
const ID_0 = '341522198503120030';
// The example of GB 11643-1999 itself: sum 167, 167 mod 11 = 2 → 'X'.
const ID_GB = '11010519491231002X';

describe('normalizeIdNumber', () => {
  it('trims, removes inner spaces and upper-cases the final x', () => {
    expect(normalizeIdNumber('  341522 20000229 004x ')).toBe(ID_X);
    expect(normalizeIdNumber('341522198503120030')).toBe(ID_0);
    expect(normalizeIdNumber('\t11010519491231002x\n')).toBe(ID_GB);
  });
  it('turns full-width digits and X into ASCII', () => {
    expect(normalizeIdNumber('３４１５２２２００００２２９００４ｘ')).toBe(ID_X);
  });
  it('leaves other characters for checkIdNumber to refuse', () => {
    expect(normalizeIdNumber('34152220000229004-')).toBe('34152220000229004-');
    expect(checkIdNumber(normalizeIdNumber('3415222000022900x4'), TODAY)).toBe('FORMAT');
  });
});

describe('idNumberCheckChar', () => {
  it('gives the hand-computed check characters', () => {
    expect(idNumberCheckChar('34152220000229004')).toBe('X');
    expect(idNumberCheckChar('34152219850312003')).toBe('0');
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(idNumberCheckChar('34152219850312001')).toBe('4');
    expect(idNumberCheckChar('34152219850312008')).toBe('1');
  });
  it('refuses anything but 17 digits', () => {
    expect(() => idNumberCheckChar('3415221985031200')).toThrow(RangeError);
    expect(() => idNumberCheckChar('3415221985031200a')).toThrow(RangeError);
  });
});

describe('checkIdNumber', () => {
  it('accepts valid IDs, including check characters X and 0', () => {
    expect(checkIdNumber(ID_X, TODAY)).toBeNull();
    expect(checkIdNumber(ID_0, TODAY)).toBeNull();
    expect(checkIdNumber(ID_GB, TODAY)).toBeNull();
  });
  it('accepts a lower-case x only after normalizing', () => {
    expect(checkIdNumber('34152220000229004x', TODAY)).toBe('FORMAT');
    expect(checkIdNumber(normalizeIdNumber('34152220000229004x'), TODAY)).toBeNull();
  });
  it('refuses wrong length and characters', () => {
    expect(checkIdNumber('', TODAY)).toBe('FORMAT');
    expect(checkIdNumber('34152220000229004', TODAY)).toBe('FORMAT');
    expect(checkIdNumber('34152220000229004X1', TODAY)).toBe('FORMAT');
    expect(checkIdNumber('3415222000022900XX', TODAY)).toBe('FORMAT');
    expect(checkIdNumber('34152220000229004Y', TODAY)).toBe('FORMAT');
    expect(checkIdNumber('341522 2000022900X', TODAY)).toBe('FORMAT');
  });
  it('refuses an unknown province', () => {
    expect(checkIdNumber(makeIdNumber('991522', '1985-03-12', 3), TODAY)).toBe('PROVINCE');
    expect(checkIdNumber(makeIdNumber('001522', '1985-03-12', 3), TODAY)).toBe('PROVINCE');
    expect(checkIdNumber(makeIdNumber('161522', '1985-03-12', 3), TODAY)).toBe('PROVINCE');
    expect(checkIdNumber(makeIdNumber('821522', '1985-03-12', 3), TODAY)).toBeNull();
  });
  it('refuses birth dates that are not real or before 1900', () => {
    expect(checkIdNumber(makeIdNumber('341522', '2000-02-29', 4), TODAY)).toBeNull();
    // 1900 is not a leap year; build the ID by hand since makeIdNumber refuses the date.
    const feb29in1900 = `34152219000229004`;
    expect(checkIdNumber(feb29in1900 + idNumberCheckChar(feb29in1900), TODAY)).toBe('BIRTH_DATE');
    for (const date of ['19850230', '19851301', '19850001', '19850100', '19850431']) {
      const first17 = `341522${date}003`;
      expect(checkIdNumber(first17 + idNumberCheckChar(first17), TODAY)).toBe('BIRTH_DATE');
    }
    // The other example of GB 11643-1999: a correct check character, but born 1880.
    expect(checkIdNumber('440524188001010014', TODAY)).toBe('BIRTH_DATE');
    expect(checkIdNumber(makeIdNumber('341522', '1899-12-31', 3), TODAY)).toBe('BIRTH_DATE');
    expect(checkIdNumber(makeIdNumber('341522', '1900-01-01', 3), TODAY)).toBeNull();
  });
  it('refuses a future birth date but accepts a birth today', () => {
    expect(checkIdNumber(makeIdNumber('341522', '2025-07-01', 3), TODAY)).toBe('FUTURE_BIRTH_DATE');
    expect(checkIdNumber(makeIdNumber('341522', TODAY, 3), TODAY)).toBeNull();
    expect(checkIdNumber(makeIdNumber('341522', '2999-01-01', 3))).toBe('FUTURE_BIRTH_DATE');
  });
  it('defaults today to the date in China', () => {
    expect(checkIdNumber(makeIdNumber('341522', todayInChina(), 3))).toBeNull();
  });
  it('refuses a wrong check character', () => {
    expect(checkIdNumber('341522200002290041', TODAY)).toBe('CHECKSUM');
    expect(checkIdNumber('34152219850312003X', TODAY)).toBe('CHECKSUM');
    expect(checkIdNumber('110105194912310020', TODAY)).toBe('CHECKSUM');
  });
});

describe('parseIdNumber', () => {
  it('reads address code, birth date, sequence and gender', () => {
    expect(parseIdNumber(ID_X)).toEqual({
      addressCode: '341522',
      birthDate: '2000-02-29',
      gender: 'female',
      sequence: '004',
    });
    expect(parseIdNumber(ID_0)).toEqual({
      addressCode: '341522',
      birthDate: '1985-03-12',
      gender: 'male',
      sequence: '003',
    });
    expect(parseIdNumber(ID_GB).gender).toBe('female');
    expect(parseIdNumber(makeIdNumber('341522', '1985-03-12', 0)).gender).toBe('female');
    expect(parseIdNumber(makeIdNumber('341522', '1985-03-12', 999)).gender).toBe('male');
  });
});

describe('ageOn', () => {
  it('counts whole years, one less before the birthday', () => {
    expect(ageOn('1985-03-12', '2025-03-11')).toBe(39);
    expect(ageOn('1985-03-12', '2025-03-12')).toBe(40);
    expect(ageOn('1985-03-12', '2025-12-31')).toBe(40);
    expect(ageOn('1985-12-31', '2026-01-01')).toBe(40);
    expect(ageOn('2025-06-30', '2025-06-30')).toBe(0);
    expect(ageOn('2019-07-01', '2025-06-30')).toBe(5);
    expect(ageOn('2019-06-30', '2025-06-30')).toBe(6);
  });
  it('gives 29 February births their birthday on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });
});

describe('makeIdNumber', () => {
  it('builds IDs with the right check character', () => {
    expect(makeIdNumber('341522', '2000-02-29', 4)).toBe(ID_X);
    expect(makeIdNumber('341522', '1985-03-12', 3)).toBe(ID_0);
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe(ID_GB);
  });
  it('refuses malformed arguments', () => {
    expect(() => makeIdNumber('34152', '1985-03-12', 3)).toThrow(RangeError);
    expect(() => makeIdNumber('341522', '1985-02-29', 3)).toThrow(RangeError);
    expect(() => makeIdNumber('341522', '19850312', 3)).toThrow(RangeError);
    expect(() => makeIdNumber('341522', '1985-03-12', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('341522', '1985-03-12', -1)).toThrow(RangeError);
    expect(() => makeIdNumber('341522', '1985-03-12', 1.5)).toThrow(RangeError);
  });
});

describe('todayInChina', () => {
  it('uses UTC+8', () => {
    expect(todayInChina(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
    expect(todayInChina(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
    expect(todayInChina(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(todayInChina()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

// Generators: a known province + 4 digits, a real date in 1900-01-01 … TODAY, a sequence 0–999.
const addressCode = fc
  .tuple(fc.constantFrom(...PROVINCE_CODES), fc.integer({ min: 0, max: 9999 }))
  .map(([p, n]) => p + String(n).padStart(4, '0'));
const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const sequence = fc.integer({ min: 0, max: 999 });
const validId = fc.tuple(addressCode, birthDate, sequence).map(([a, b, s]) => makeIdNumber(a, b, s));

describe('properties', () => {
  it('every made ID is valid and round-trips birth date and gender', () => {
    fc.assert(
      fc.property(addressCode, birthDate, sequence, (a, b, s) => {
        const id = makeIdNumber(a, b, s);
        expect(id).toHaveLength(18);
        expect(checkIdNumber(id, TODAY)).toBeNull();
        const parsed = parseIdNumber(id);
        expect(parsed.addressCode).toBe(a);
        expect(parsed.birthDate).toBe(b);
        expect(parsed.sequence).toBe(String(s).padStart(3, '0'));
        expect(parsed.gender).toBe(s % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('detects every change of a single one of the first 17 digits', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, pos, delta) => {
        const digit = String((Number(id[pos]) + delta) % 10);
        const changed = id.slice(0, pos) + digit + id.slice(pos + 1);
        expect(changed).not.toBe(id);
        expect(idNumberCheckChar(changed.slice(0, 17))).not.toBe(id[17]);
        expect(checkIdNumber(changed, TODAY)).not.toBeNull();
      }),
    );
  });

  it('detects every swap of two adjacent different digits among the first 17', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 15 }), (id, pos) => {
        fc.pre(id[pos] !== id[pos + 1]);
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        expect(idNumberCheckChar(swapped.slice(0, 17))).not.toBe(id[17]);
        expect(checkIdNumber(swapped, TODAY)).not.toBeNull();
      }),
    );
  });

  it('detects single-digit changes and adjacent swaps exhaustively for one ID', () => {
    for (const id of [ID_X, ID_0, ID_GB]) {
      for (let pos = 0; pos < 17; pos++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === id[pos]) continue;
          const changed = id.slice(0, pos) + d + id.slice(pos + 1, 17);
          expect(idNumberCheckChar(changed)).not.toBe(id[17]);
        }
        if (pos < 16 && id[pos] !== id[pos + 1]) {
          const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2, 17);
          expect(idNumberCheckChar(swapped)).not.toBe(id[17]);
        }
      }
    }
  });

  it('ageOn grows by one on each birthday', () => {
    fc.assert(
      fc.property(birthDate, fc.integer({ min: 0, max: 120 }), (b, years) => {
        const year = Number(b.slice(0, 4)) + years;
        const monthDay = b.slice(5) === '02-29' ? '03-01' : b.slice(5);
        const birthday = `${String(year).padStart(4, '0')}-${monthDay}`;
        const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const actualBirthday = b.slice(5) === '02-29' && isLeap(year) ? `${year}-02-29` : birthday;
        expect(ageOn(b, actualBirthday)).toBe(years);
      }),
    );
  });
});
