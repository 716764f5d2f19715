import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { programs } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';

export type ProgramRow = typeof programs.$inferSelect;

/** The programme, or 404 PROGRAM_NOT_FOUND. The catalogue is county-wide data, not scoped by region. */
export async function findProgram(db: Queryable, code: string, o: { forUpdate?: boolean } = {}): Promise<ProgramRow> {
  const query = db.select().from(programs).where(eq(programs.code, code));
  const [row] = o.forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('PROGRAM_NOT_FOUND', 404);
  return row;
}
