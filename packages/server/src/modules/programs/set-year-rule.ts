import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { programYears } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { writeAudit } from '../audit/write-audit.js';
import { checkedRule } from './checked-rule.js';
import { findProgram } from './find-program.js';
import { programYearViews } from './program-view.js';
import { lockProgramYear, upsertProgramYear } from './program-year-row.js';

type Options = { db: Db; actor: Actor; code: string; year: number; lang: Lang; now: Date };

/** A programme's own rule for one year (admin), validated; the year's view comes back. */
export async function setYearRule(o: Options & { rule: unknown }) {
  assertCan(o.actor, 'programs.write');
  const rule = await checkedRule(o.db, o.rule);
  return o.db.transaction(async (tx) => {
    const program = await findProgram(tx, o.code);
    const before = await lockProgramYear(tx, o.code, o.year);
    await upsertProgramYear(tx, { code: o.code, year: o.year, values: { rule }, userId: o.actor.userId, now: o.now });
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'program.rule.set',
        entityType: 'program',
        entityId: o.code,
        regionCode: o.actor.regionCode,
        details: { year: o.year, from: before?.rule ?? null, to: rule },
      },
      o.now,
    );
    return (await programYearViews(tx, o.actor, program, o.lang, o.year))[0]!;
  });
}

/**
 * Back to the programme's default rule for the year (admin). A year row left with nothing set is removed,
 * so that a row exists only while something is set for the year. Idempotent: no own rule, no audit row.
 */
export async function resetYearRule(o: Options) {
  assertCan(o.actor, 'programs.write');
  return o.db.transaction(async (tx) => {
    const program = await findProgram(tx, o.code);
    const before = await lockProgramYear(tx, o.code, o.year);
    if (before?.rule) {
      const where = and(eq(programYears.programCode, o.code), eq(programYears.year, o.year));
      if (before.monthlyCentsByGrade === null && before.amountCents === null && before.budgetCents === null) {
        await tx.delete(programYears).where(where);
      } else {
        await tx.update(programYears).set({ rule: null, updatedAt: o.now, updatedBy: o.actor.userId }).where(where);
      }
      await writeAudit(
        tx,
        o.actor,
        {
          action: 'program.rule.reset',
          entityType: 'program',
          entityId: o.code,
          regionCode: o.actor.regionCode,
          details: { year: o.year, from: before.rule, to: null },
        },
        o.now,
      );
    }
    return (await programYearViews(tx, o.actor, program, o.lang, o.year))[0]!;
  });
}
