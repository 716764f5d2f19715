// Age groups of the rehabilitation report: 0–6 (children's rehabilitation), 7–17, 18–59, 60 and over, by
// age at the end of the report's year (31 December), i.e. the year minus the year of birth.

export const AGE_GROUPS = [
  { code: '0-6', min: 0, max: 6 },
  { code: '7-17', min: 7, max: 17 },
  { code: '18-59', min: 18, max: 59 },
  { code: '60+', min: 60, max: null },
] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number]['code'];

/** Age on 31 December of `year` of a person born on `birthDate` (YYYY-MM-DD). */
export function ageAtYearEnd(birthDate: string, year: number): number {
  return year - Number(birthDate.slice(0, 4));
}

/** The group's position in AGE_GROUPS (what the server's SQL stores); ages below 0 count as 0–6. */
export function ageGroupIndex(age: number): number {
  if (age <= 6) return 0;
  if (age <= 17) return 1;
  if (age <= 59) return 2;
  return 3;
}

export function ageGroupOf(age: number): AgeGroup {
  return AGE_GROUPS[ageGroupIndex(age)]!.code;
}
