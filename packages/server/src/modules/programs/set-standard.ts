import type { Db } from '../../db/client.js';
import type { FieldErrors } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { throwIfAny } from '../persons/person-rules.js';
import { findProgram } from './find-program.js';
import { lockProgramYear, upsertProgramYear } from './program-year-row.js';
import type { StandardInput } from './programs.schemas.js';

/**
 * The benefit standard of a programme in a year (admin, officer): monthly amounts by grade for monthly
 * subsidies, one fixed amount (per person, or per household) for every other kind. The standard is
 * replaced whole; the year's rule and budget stay. The audit row holds before → after.
 */
export async function setStandard(o: {
  db: Db;
  actor: Actor;
  code: string;
  year: number;
  input: StandardInput;
  now: Date;
}) {
  assertCan(o.actor, 'programs.plan');
  return o.db.transaction(async (tx) => {
    const program = await findProgram(tx, o.code);
    const { monthlyCentsByGrade, amountCents } = o.input;
    const fields: FieldErrors = {};
    if (program.kind === 'monthly_subsidy') {
      if (!monthlyCentsByGrade) fields.monthlyCentsByGrade = { key: 'standard.MONTHLY_REQUIRED' };
      if (amountCents !== undefined) fields.amountCents = { key: 'standard.NOT_FOR_KIND' };
    } else {
      if (amountCents === undefined) fields.amountCents = { key: 'standard.AMOUNT_REQUIRED' };
      if (monthlyCentsByGrade) fields.monthlyCentsByGrade = { key: 'standard.NOT_FOR_KIND' };
    }
    throwIfAny(fields);
    const before = await lockProgramYear(tx, o.code, o.year);
    const standard = {
      // key order fixed, whatever the client sent
      monthlyCentsByGrade: monthlyCentsByGrade
        ? {
            '1': monthlyCentsByGrade['1'],
            '2': monthlyCentsByGrade['2'],
            '3': monthlyCentsByGrade['3'],
            '4': monthlyCentsByGrade['4'],
          }
        : null,
      amountCents: amountCents ?? null,
    };
    const row = await upsertProgramYear(tx, {
      code: o.code,
      year: o.year,
      values: standard,
      userId: o.actor.userId,
      now: o.now,
    });
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'program.standard.set',
        entityType: 'program',
        entityId: o.code,
        regionCode: o.actor.regionCode,
        details: {
          year: o.year,
          from: { monthlyCentsByGrade: before?.monthlyCentsByGrade ?? null, amountCents: before?.amountCents ?? null },
          to: standard,
        },
      },
      o.now,
    );
    return {
      programCode: o.code,
      year: o.year,
      monthlyCentsByGrade: row.monthlyCentsByGrade,
      amountCents: row.amountCents,
    };
  });
}
