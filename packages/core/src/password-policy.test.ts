import { describe, expect, it } from 'vitest';
import { characterClasses, checkPassword } from './password-policy.js';

describe('checkPassword', () => {
  it('accepts 10+ characters from 3 classes', () => {
    expect(checkPassword('Huican2026a')).toBeNull();
    expect(checkPassword('huican-2026')).toBeNull();
  });
  it('refuses short passwords', () => {
    expect(checkPassword('Ab1!ab1!a')).toBe('TOO_SHORT');
  });
  it('counts characters, not UTF-16 units', () => {
    expect(checkPassword('惠残惠残A1a!')).toBe('TOO_SHORT');
  });
  it('refuses passwords from only two classes', () => {
    expect(checkPassword('abcdefghij12')).toBe('TOO_FEW_CLASSES');
    expect(checkPassword('ABCDEFGHIJkl')).toBe('TOO_FEW_CLASSES');
  });
  it('refuses passwords containing the username', () => {
    expect(checkPassword('Zhangsan-2026', 'zhangsan')).toBe('CONTAINS_USERNAME');
  });
  it('refuses very long passwords', () => {
    expect(checkPassword(`Aa1${'x'.repeat(200)}`)).toBe('TOO_LONG');
  });
  it('counts the four classes', () => {
    expect(characterClasses('aA1!')).toBe(4);
    expect(characterClasses('中文')).toBe(1);
  });
});
