import { describe, expect, it } from 'vitest';
import { DISABILITY_CATEGORIES, DISABILITY_GRADES } from './certificate.js';
import {
  CATEGORY_NAMES,
  checkComponents,
  GRADE_NAMES,
  isSevere,
  mostSevereGrade,
  NEED_KIND_NAMES,
  NEED_KINDS,
  PERSON_STATUSES,
  REHAB_NEED_KINDS,
} from './disability.js';

describe('checkComponents', () => {
  it('accepts a single category without components', () => {
    expect(checkComponents(2, 3, undefined)).toBeNull();
    expect(checkComponents(2, 3, null)).toBeNull();
    expect(checkComponents(2, 3, [])).toBeNull();
  });
  it('refuses components on a single category', () => {
    expect(checkComponents(2, 3, [{ category: 2, grade: 3 }])).toBe('COMPONENTS_ONLY_FOR_MULTIPLE');
    expect(
      checkComponents(4, 2, [
        { category: 4, grade: 2 },
        { category: 5, grade: 3 },
      ]),
    ).toBe('COMPONENTS_ONLY_FOR_MULTIPLE');
  });
  it('accepts multiple disability with its most severe component grade', () => {
    expect(
      checkComponents(7, 2, [
        { category: 4, grade: 2 },
        { category: 5, grade: 3 },
      ]),
    ).toBeNull();
    expect(
      checkComponents(7, 1, [
        { category: 1, grade: 3 },
        { category: 2, grade: 1 },
        { category: 3, grade: 1 },
      ]),
    ).toBeNull();
  });
  it('needs at least two components for multiple disability', () => {
    expect(checkComponents(7, 2, undefined)).toBe('MULTIPLE_NEEDS_COMPONENTS');
    expect(checkComponents(7, 2, null)).toBe('MULTIPLE_NEEDS_COMPONENTS');
    expect(checkComponents(7, 2, [])).toBe('MULTIPLE_NEEDS_COMPONENTS');
    expect(checkComponents(7, 2, [{ category: 4, grade: 2 }])).toBe('MULTIPLE_NEEDS_COMPONENTS');
  });
  it('refuses components of category 7 or outside 1–6', () => {
    for (const category of [0, 7, 8, 1.5]) {
      expect(
        checkComponents(7, 2, [
          { category: 4, grade: 2 },
          { category, grade: 3 },
        ]),
      ).toBe('COMPONENT_CATEGORY');
    }
  });
  it('refuses component grades outside 1–4', () => {
    for (const grade of [0, 5, 2.5]) {
      expect(
        checkComponents(7, 2, [
          { category: 4, grade: 2 },
          { category: 5, grade },
        ]),
      ).toBe('COMPONENT_GRADE');
    }
  });
  it('refuses two components of the same category', () => {
    expect(
      checkComponents(7, 2, [
        { category: 4, grade: 2 },
        { category: 4, grade: 3 },
      ]),
    ).toBe('DUPLICATE_COMPONENT');
  });
  it('refuses a grade other than the most severe component grade', () => {
    const components = [
      { category: 4, grade: 2 },
      { category: 5, grade: 3 },
    ];
    expect(checkComponents(7, 3, components)).toBe('GRADE_NOT_MOST_SEVERE');
    expect(checkComponents(7, 1, components)).toBe('GRADE_NOT_MOST_SEVERE');
  });
});

describe('mostSevereGrade', () => {
  it('is the lowest grade number', () => {
    expect(mostSevereGrade([{ grade: 3 }, { grade: 2 }, { grade: 4 }])).toBe(2);
    expect(mostSevereGrade([{ grade: 4 }])).toBe(4);
  });
  it('refuses an empty list', () => {
    expect(() => mostSevereGrade([])).toThrow(RangeError);
  });
});

describe('names', () => {
  it('names every category and grade', () => {
    for (const c of DISABILITY_CATEGORIES) expect(CATEGORY_NAMES[c].zh).toBeTruthy();
    for (const g of DISABILITY_GRADES) expect(GRADE_NAMES[g].en).toBe(`Grade ${g}`);
    expect(CATEGORY_NAMES[2]).toEqual({ zh: '听力', en: 'hearing' });
    expect(CATEGORY_NAMES[7]).toEqual({ zh: '多重', en: 'multiple' });
    expect(GRADE_NAMES[1].zh).toBe('一级');
    expect(GRADE_NAMES[4].zh).toBe('四级');
  });
  it('names every need kind; the rehabilitation kinds are the basic four', () => {
    expect(Object.keys(NEED_KIND_NAMES).sort()).toEqual([...NEED_KINDS].sort());
    expect(NEED_KIND_NAMES.home_modification.zh).toBe('无障碍改造');
    expect(REHAB_NEED_KINDS).toEqual(['rehab_training', 'assistive_device', 'medication', 'supportive_service']);
    for (const k of REHAB_NEED_KINDS) expect(NEED_KINDS).toContain(k);
    expect(PERSON_STATUSES).toEqual(['active', 'deceased', 'moved_out', 'cancelled']);
  });
});

describe('isSevere', () => {
  it('is true for grades 1 and 2 only', () => {
    expect([1, 2, 3, 4].map(isSevere)).toEqual([true, true, false, false]);
    expect(isSevere(0)).toBe(false);
  });
});
