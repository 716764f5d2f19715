import { describe, expect, it } from 'vitest';
import { safeCell } from './safe-cell.js';

describe('safeCell', () => {
  it('neutralises formula starts', () => {
    for (const v of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\t=1']) expect(safeCell(v).startsWith("'")).toBe(true);
  });
  it('leaves ordinary text alone', () => {
    expect(safeCell('周冬梅')).toBe('周冬梅');
    expect(safeCell('341599196503150023')).toBe('341599196503150023');
    expect(safeCell(null)).toBe('');
  });
});
