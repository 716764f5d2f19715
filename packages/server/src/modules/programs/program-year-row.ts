import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { programYears } from '../../db/schema/index.js';

export type ProgramYearRow = typeof programYears.$inferSelect;
type YearValues = Partial<Pick<ProgramYearRow, 'rule' | 'monthlyCentsByGrade' | 'amountCents' | 'budgetCents'>>;

/** The programme's row for the year, locked for the change about to be made (null when there is none yet). */
export async function lockProgramYear(tx: Queryable, code: string, year: number): Promise<ProgramYearRow | null> {
  const [row] = await tx
    .select()
    .from(programYears)
    .where(and(eq(programYears.programCode, code), eq(programYears.year, year)))
    .for('update');
  return row ?? null;
}

/** Sets some columns of the programme's year, creating the row if needed; the other columns stay as they are. */
export async function upsertProgramYear(
  tx: Queryable,
  o: { code: string; year: number; values: YearValues; userId: string; now: Date },
): Promise<ProgramYearRow> {
  const set = { ...o.values, updatedAt: o.now, updatedBy: o.userId };
  const [row] = await tx
    .insert(programYears)
    .values({ programCode: o.code, year: o.year, ...set })
    .onConflictDoUpdate({ target: [programYears.programCode, programYears.year], set })
    .returning();
  return row!;
}
