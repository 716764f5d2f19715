// Disability categories and grades (GB/T 26341-2010), multiple-disability components, needs and person statuses.

import type { DisabilityCategory, DisabilityGrade } from './certificate.js';

export type DisabilityComponent = { category: DisabilityCategory; grade: DisabilityGrade };

export type ComponentsProblem =
  | 'MULTIPLE_NEEDS_COMPONENTS'
  | 'COMPONENTS_ONLY_FOR_MULTIPLE'
  | 'COMPONENT_CATEGORY'
  | 'COMPONENT_GRADE'
  | 'DUPLICATE_COMPONENT'
  | 'GRADE_NOT_MOST_SEVERE';

const MULTIPLE = 7;

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** The most severe (lowest-numbered) grade; an empty list is a RangeError. */
export function mostSevereGrade(components: { grade: number }[]): DisabilityGrade {
  if (components.length === 0) throw new RangeError('No components');
  return Math.min(...components.map((c) => c.grade)) as DisabilityGrade;
}

/**
 * Category 7 (多重) needs at least two components of distinct categories 1–6 with grades 1–4, and its grade
 * must be the most severe component grade; other categories take no components (undefined, null or []).
 */
export function checkComponents(
  category: number,
  grade: number,
  components: { category: number; grade: number }[] | undefined | null,
): ComponentsProblem | null {
  const list = components ?? [];
  if (category !== MULTIPLE) return list.length > 0 ? 'COMPONENTS_ONLY_FOR_MULTIPLE' : null;
  if (list.length < 2) return 'MULTIPLE_NEEDS_COMPONENTS';
  if (list.some((c) => !isIntegerIn(c.category, 1, 6))) return 'COMPONENT_CATEGORY';
  if (list.some((c) => !isIntegerIn(c.grade, 1, 4))) return 'COMPONENT_GRADE';
  if (new Set(list.map((c) => c.category)).size !== list.length) return 'DUPLICATE_COMPONENT';
  if (grade !== mostSevereGrade(list)) return 'GRADE_NOT_MOST_SEVERE';
  return null;
}

export const CATEGORY_NAMES: Record<DisabilityCategory, { zh: string; en: string }> = {
  1: { zh: '视力', en: 'vision' },
  2: { zh: '听力', en: 'hearing' },
  3: { zh: '言语', en: 'speech' },
  4: { zh: '肢体', en: 'physical' },
  5: { zh: '智力', en: 'intellectual' },
  6: { zh: '精神', en: 'mental' },
  7: { zh: '多重', en: 'multiple' },
};

export const GRADE_NAMES: Record<DisabilityGrade, { zh: string; en: string }> = {
  1: { zh: '一级', en: 'Grade 1' },
  2: { zh: '二级', en: 'Grade 2' },
  3: { zh: '三级', en: 'Grade 3' },
  4: { zh: '四级', en: 'Grade 4' },
};

/** Grades 1 and 2 are severe (重度). */
export function isSevere(grade: number): boolean {
  return grade === 1 || grade === 2;
}

export const NEED_KINDS = [
  'rehab_training',
  'assistive_device',
  'medication',
  'supportive_service',
  'nursing',
  'education',
  'employment',
  'home_modification',
] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

/** The basic rehabilitation services counted by the rehabilitation service rate (康复服务率). */
export const REHAB_NEED_KINDS: readonly NeedKind[] = [
  'rehab_training',
  'assistive_device',
  'medication',
  'supportive_service',
];

export const NEED_KIND_NAMES: Record<NeedKind, { zh: string; en: string }> = {
  rehab_training: { zh: '康复训练', en: 'rehabilitation training' },
  assistive_device: { zh: '辅助器具', en: 'assistive device' },
  medication: { zh: '药物', en: 'medication' },
  supportive_service: { zh: '支持性服务', en: 'supportive service' },
  nursing: { zh: '护理', en: 'nursing' },
  education: { zh: '教育', en: 'education' },
  employment: { zh: '就业', en: 'employment' },
  home_modification: { zh: '无障碍改造', en: 'home modification' },
};

export const PERSON_STATUSES = ['active', 'deceased', 'moved_out', 'cancelled'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
