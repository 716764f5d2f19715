import { countyCodeOf, inScope, type ProgramKind, ROOT_REGION_CODE, regionLevel, regionPrefix } from '@huican/core';
import { and, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { paymentCycles, programYears, regions } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { type ProgramInYear, programInYear } from '../programs/program-year.js';
import { budgetExceeded, spendingOf } from './budget.js';
import { toCycleView } from './cycle-view.js';
import { grantLines } from './grant-lines.js';
import type { CycleTotals } from './insert-lines.js';
import { monthlyLines, standardMissing } from './monthly-lines.js';
import { monthOf } from './months.js';
import { settlementLines } from './settlement-lines.js';

export type GenerateCycleInput = {
  programCode: string;
  period: string;
  regionCode?: string | undefined;
  budgetOverrideReason?: string | undefined;
};

export type CycleKind = 'monthly' | 'grant' | 'settlement';

const CYCLE_KIND: Partial<Record<ProgramKind, CycleKind>> = {
  monthly_subsidy: 'monthly',
  annual_grant: 'grant',
  household_grant: 'grant',
  service: 'settlement',
};

/** The cycle's region: the one asked for (a county or township in scope), else the caller's county. */
async function cycleRegion(db: Queryable, actor: Actor, asked: string | undefined): Promise<string> {
  if (!asked && actor.regionCode === ROOT_REGION_CODE) throw fieldError('regionCode', 'cycle.REGION_REQUIRED');
  const code = asked ?? `${countyCodeOf(actor.regionCode)}000000`;
  const level = regionLevel(code);
  if (level !== 'county' && level !== 'township') throw fieldError('regionCode', 'cycle.REGION_LEVEL');
  if (!inScope(actor, code)) throw new AppError('REGION_NOT_FOUND', 404);
  const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  if (!region) throw new AppError('REGION_NOT_FOUND', 404);
  return code;
}

/**
 * Generates a payment cycle (发放批次) as a draft: its lines in one set-based INSERT … SELECT by the
 * programme's kind (monthly subsidy: regular + back-pay lines; grant; institution settlement), their count
 * and total stored on the cycle, the budget checked — all in one transaction, so a failure leaves nothing.
 * The same programme, kind, period and region again → 409 CYCLE_EXISTS (the partial unique index
 * payment_cycles_live_unique, concurrent runs included). On PGlite the statement holds the one connection
 * while it runs (about a second per 20,000 persons).
 */
export async function generateCycle(o: {
  db: Db;
  actor: Actor;
  input: GenerateCycleInput;
  now: Date;
  today: string;
  settings: { advancePercent: number };
}) {
  const { db, actor, input, now, today } = o;
  assertCan(actor, 'payments.create');
  const period = monthOf(input.period);
  const currentYear = Number(today.slice(0, 4));
  if (period.year > currentYear + 1) {
    throw fieldError('period', 'cycle.PERIOD_TOO_FAR', { last: `${currentYear + 1}-12` });
  }
  const regionCode = await cycleRegion(db, actor, input.regionCode);
  const program = await programInYear(db, input.programCode, period.year);
  const kind = program.catalogue === 'programme' ? CYCLE_KIND[program.kind] : undefined;
  if (!kind) throw new AppError('NOT_A_CASH_PROGRAMME', 422);
  if (kind === 'monthly' && !program.monthlyCentsByGrade) throw standardMissing(program.code, period.year);
  if (kind === 'grant' && program.amountCents === null) throw standardMissing(program.code, period.year);
  const prefix = regionPrefix(regionCode);

  try {
    return await db.transaction(async (tx) => {
      const [cycle] = await tx
        .insert(paymentCycles)
        .values({
          programCode: program.code,
          kind,
          period: period.period,
          year: period.year,
          regionCode,
          countyCode: countyCodeOf(regionCode),
          status: 'draft',
          createdBy: actor.userId,
          createdAt: now,
        })
        .returning();
      const cycleId = cycle!.id;
      // The year's row is locked so that two cycles of the programme check the budget one after the other.
      const [year] = await tx
        .select({ budgetCents: programYears.budgetCents })
        .from(programYears)
        .where(and(eq(programYears.programCode, program.code), eq(programYears.year, period.year)))
        .for('update');
      const budget = year?.budgetCents ?? null;
      const before = budget === null ? null : await spendingOf(tx, program.code, period.year);

      const years = new Map<number, Promise<ProgramInYear>>([[period.year, Promise.resolve(program)]]);
      const load = (y: number) => {
        if (!years.has(y)) years.set(y, programInYear(tx, program.code, y));
        return years.get(y)!;
      };
      let totals: CycleTotals;
      let backPayMonths: string[] = [];
      if (kind === 'monthly') {
        ({ backPayMonths, ...totals } = await monthlyLines(tx, {
          cycleId,
          programCode: program.code,
          period: period.period,
          regionPrefix: prefix,
          load,
        }));
      } else if (kind === 'grant') {
        totals = await grantLines(tx, {
          cycleId,
          programCode: program.code,
          period,
          regionPrefix: prefix,
          amountCents: program.amountCents!,
        });
      } else {
        totals = await settlementLines(tx, {
          cycleId,
          programCode: program.code,
          period,
          regionPrefix: prefix,
          advancePercent: o.settings.advancePercent,
        });
      }

      let override: string | null = null;
      if (budget !== null && before && before.committedCents + totals.totalCents > budget) {
        const exceeded = budgetExceeded({
          programCode: program.code,
          year: period.year,
          budget,
          committed: before.committedCents,
          amount: totals.totalCents,
        });
        if (actor.role !== 'admin' || !input.budgetOverrideReason) throw exceeded;
        override = input.budgetOverrideReason;
        await tx.update(paymentCycles).set({ budgetOverrideReason: override }).where(eq(paymentCycles.id, cycleId));
      }
      await writeAudit(
        tx,
        actor,
        {
          action: 'cycle.generate',
          entityType: 'payment_cycle',
          entityId: cycleId,
          regionCode,
          details: {
            programCode: program.code,
            kind,
            period: period.period,
            count: totals.count,
            totalCents: totals.totalCents,
            backPayMonths,
            ...(override
              ? {
                  budgetOverride: {
                    reason: override,
                    budgetCents: budget,
                    committedBeforeCents: before?.committedCents ?? 0,
                  },
                }
              : {}),
          },
        },
        now,
      );
      return toCycleView({
        ...cycle!,
        count: totals.count,
        totalCents: totals.totalCents,
        budgetOverrideReason: override,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'payment_cycles_live_unique')) throw new AppError('CYCLE_EXISTS', 409);
    // Lines of another cycle being generated at the same moment for an overlapping region (county and
    // township): the partial unique indexes on the lines refuse the second.
    if (isUniqueViolation(err)) throw new AppError('CYCLE_EXISTS', 409, 'CYCLE_OVERLAP');
    throw err;
  }
}
