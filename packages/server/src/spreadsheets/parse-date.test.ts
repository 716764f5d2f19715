import { describe, expect, it } from 'vitest';
import { parseSheetDate } from './parse-date.js';

describe('parseSheetDate', () => {
  it('reads the ways people write a date', () => {
    for (const text of [
      '2024-03-15',
      '2024/3/15',
      '2024.3.15',
      '20240315',
      '2024年3月15日',
      ' 2024-3-15 ',
      '2024-03-15 00:00:00',
    ]) {
      expect(parseSheetDate(text), text).toBe('2024-03-15');
    }
  });
  it('reads an Excel day number', () => {
    expect(parseSheetDate('45366')).toBe('2024-03-15');
    expect(parseSheetDate('43831')).toBe('2020-01-01');
  });
  it('refuses days that do not exist and other text', () => {
    for (const text of [
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '15/03/2024',
      '2024-03',
      'abc',
      '',
      '123',
      '2024-03-15x',
    ]) {
      expect(parseSheetDate(text), text).toBeNull();
    }
    expect(parseSheetDate('2024-02-29')).toBe('2024-02-29');
  });
});
