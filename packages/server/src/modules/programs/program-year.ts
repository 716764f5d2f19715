import type { ProgramKind, ProgramUnit, Rule } from '@huican/core';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { programs, programYears } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';

export type ProgramInYear = {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: ProgramKind;
  unit: ProgramUnit;
  catalogue: 'programme' | 'certificate';
  active: boolean;
  autoApproval: boolean;
  year: number;
  /** The year's own rule, or the programme's default rule. */
  rule: Rule;
  ruleIsDefault: boolean;
  monthlyCentsByGrade: Record<'1' | '2' | '3' | '4', number> | null;
  amountCents: number | null;
  budgetCents: number | null;
};

/** A programme as it stands in a year; 404 PROGRAM_NOT_FOUND for an unknown code. */
export async function programInYear(db: Queryable, code: string, year: number): Promise<ProgramInYear> {
  const [row] = await db
    .select({ program: programs, year: programYears })
    .from(programs)
    .leftJoin(programYears, and(eq(programYears.programCode, programs.code), eq(programYears.year, year)))
    .where(eq(programs.code, code));
  if (!row) throw new AppError('PROGRAM_NOT_FOUND', 404);
  const { program: p, year: y } = row;
  return {
    code: p.code,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    kind: p.kind,
    unit: p.unit,
    catalogue: p.catalogue,
    active: p.active,
    autoApproval: p.autoApproval,
    year,
    rule: y?.rule ?? p.rule,
    ruleIsDefault: !y?.rule,
    monthlyCentsByGrade: y?.monthlyCentsByGrade ?? null,
    amountCents: y?.amountCents ?? null,
    budgetCents: y?.budgetCents ?? null,
  };
}
