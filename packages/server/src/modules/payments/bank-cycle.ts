import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { paymentCycles, programs } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { assertInScope } from '../../scope.js';

// What the bank-side use cases (bank file, reconciliation, re-payment) share: the cycle with its
// programme's name, and the reference that ties a line of the bank file to the bank's return file.

export type BankCycle = typeof paymentCycles.$inferSelect & { programName: string };

/**
 * The cycle, or 404 CYCLE_NOT_FOUND when absent or when the actor's scope does not cover the cycle's
 * whole region: the bank side handles full account numbers, so a user of a township below a county
 * cycle does not get it (unlike the read-only views of the cycle).
 */
export async function findBankCycle(
  db: Queryable,
  actor: Actor,
  cycleId: string,
  o: { forUpdate?: boolean } = {},
): Promise<BankCycle> {
  const query = db
    .select({ cycle: paymentCycles, programName: programs.nameZh })
    .from(paymentCycles)
    .innerJoin(programs, eq(programs.code, paymentCycles.programCode))
    .where(eq(paymentCycles.id, cycleId));
  const [row] = o.forUpdate ? await query.for('update', { of: paymentCycles }) : await query;
  if (!row) throw new AppError('CYCLE_NOT_FOUND', 404);
  assertInScope(actor, row.cycle.regionCode, 'CYCLE_NOT_FOUND');
  return { ...row.cycle, programName: row.programName };
}

/** Bank files and return files exist only once a cycle is approved (and stay available once it is paid). */
export function assertBankable(cycle: Pick<BankCycle, 'status'>): void {
  if (cycle.status !== 'approved' && cycle.status !== 'paid') {
    throw new AppError('CYCLE_NOT_APPROVED', 409, 'CYCLE_NOT_APPROVED', { extra: { status: cycle.status } });
  }
}

/** The first 8 hex digits of the cycle id: enough to tell one county's cycles apart by eye. */
export const shortCycleId = (cycleId: string) => cycleId.replace(/-/g, '').slice(0, 8).toLowerCase();

/** A line's reference in the bank file, `<short cycle id>-<line id>`: unique, since line ids are. */
export const lineReference = (cycleId: string, lineId: number) => `${shortCycleId(cycleId)}-${lineId}`;

/** The line id of a reference of this cycle, or null when the text is not one. */
export function lineIdOfReference(cycleId: string, reference: string): number | null {
  const m = /^([0-9a-f]{8})-(\d{1,15})$/i.exec(reference.trim());
  if (!m || m[1]!.toLowerCase() !== shortCycleId(cycleId)) return null;
  return Number(m[2]);
}

/** Fen to yuan with two decimals, by integer arithmetic (no binary fractions): 9500 → "95.00". */
export function yuan(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const LINE_KIND_ZH: Record<string, string> = {
  regular: '',
  back_pay: ' 补发',
  grant: '',
  advance: ' 预付',
  final: ' 结算',
  repayment: ' 重发',
};

/** 用途/摘要 of a line: programme, the month it pays, and what kind of payment it is. */
export function lineSummary(programName: string, line: { period: string; kind: string }): string {
  return `${programName} ${line.period}${LINE_KIND_ZH[line.kind] ?? ''}`;
}
