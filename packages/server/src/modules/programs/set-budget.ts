import type { Db } from '../../db/client.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { findProgram } from './find-program.js';
import { lockProgramYear, upsertProgramYear } from './program-year-row.js';

/** The budget of a programme in a year, in fen (admin, officer); the year's rule and standard stay. */
export async function setBudget(o: {
  db: Db;
  actor: Actor;
  code: string;
  year: number;
  budgetCents: number;
  now: Date;
}) {
  assertCan(o.actor, 'programs.plan');
  return o.db.transaction(async (tx) => {
    await findProgram(tx, o.code);
    const before = await lockProgramYear(tx, o.code, o.year);
    const row = await upsertProgramYear(tx, {
      code: o.code,
      year: o.year,
      values: { budgetCents: o.budgetCents },
      userId: o.actor.userId,
      now: o.now,
    });
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'program.budget.set',
        entityType: 'program',
        entityId: o.code,
        regionCode: o.actor.regionCode,
        details: { year: o.year, from: before?.budgetCents ?? null, to: o.budgetCents },
      },
      o.now,
    );
    return { programCode: o.code, year: o.year, budgetCents: row.budgetCents };
  });
}
