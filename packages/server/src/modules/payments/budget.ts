import { percent } from '@huican/core';
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';

// Budget execution per programme and year (资金执行率 = paid ÷ budget). A cycle's money counts against the
// budget of the cycle's year (the year it is paid in), back-pay for months of an earlier year included.
// Committed = lines pending or paid in cycles not cancelled; paid = lines paid. Failed lines do not count
// until a re-payment batch commits them again; cancelled cycles' lines are void.

export type Spending = { committedCents: number; paidCents: number };

const spendingSql = (where: ReturnType<typeof sql>) => sql`
  select c.program_code as program_code,
    coalesce(sum(l.amount_cents) filter (where l.status in ('pending', 'paid')), 0)::bigint as committed,
    coalesce(sum(l.amount_cents) filter (where l.status = 'paid'), 0)::bigint as paid
  from payment_cycles c
  join payment_lines l on l.cycle_id = c.id
  where c.status <> 'cancelled' and ${where}
  group by c.program_code`;

type SpendingRow = { program_code: string; committed: string | number; paid: string | number };

export async function spendingOf(db: Queryable, programCode: string, year: number): Promise<Spending> {
  const [row] = rowsOf<SpendingRow>(
    await db.execute(spendingSql(sql`c.program_code = ${programCode} and c.year = ${year}`)),
  );
  return { committedCents: Number(row?.committed ?? 0), paidCents: Number(row?.paid ?? 0) };
}

/** Fen as yuan with two decimals, for messages (integer arithmetic: no binary rounding). */
export function yuan(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

export function budgetExceeded(o: {
  programCode: string;
  year: number;
  budget: number;
  committed: number;
  amount: number;
}) {
  return new AppError('BUDGET_EXCEEDED', 422, 'BUDGET_EXCEEDED', {
    params: {
      programCode: o.programCode,
      year: o.year,
      budget: yuan(o.budget),
      committed: yuan(o.committed),
      amount: yuan(o.amount),
      over: yuan(o.committed + o.amount - o.budget),
    },
    extra: {
      budgetCents: o.budget,
      committedCents: o.committed,
      cycleCents: o.amount,
      overCents: o.committed + o.amount - o.budget,
    },
  });
}

/**
 * GET /api/budgets?year=: every cash programme of the catalogue with its budget of the year, what cycles
 * have committed and paid against it, and the execution rate (paid ÷ budget, percent, 2 decimals half-up;
 * null without a budget). Budgets are per programme and year for the whole database, so the figures are too.
 */
export async function listBudgets(o: { db: Queryable; actor: Actor; year: number; lang: Lang }) {
  assertCan(o.actor, 'payments.read');
  const rows = rowsOf<{
    code: string;
    name_zh: string;
    name_en: string;
    kind: string;
    budget_cents: string | number | null;
    committed: string | number | null;
    paid: string | number | null;
  }>(
    await o.db.execute(sql`
      select p.code, p.name_zh, p.name_en, p.kind, y.budget_cents, s.committed, s.paid
      from programs p
      left join program_years y on y.program_code = p.code and y.year = ${o.year}
      left join (${spendingSql(sql`c.year = ${o.year}`)}) as s on s.program_code = p.code
      where p.catalogue = 'programme' and p.kind <> 'in_kind'
      order by p.code`),
  );
  return rows.map((r) => {
    const budgetCents = r.budget_cents === null ? null : Number(r.budget_cents);
    const paidCents = Number(r.paid ?? 0);
    return {
      programCode: r.code,
      name: o.lang === 'en' ? r.name_en : r.name_zh,
      kind: r.kind,
      year: o.year,
      budgetCents,
      committedCents: Number(r.committed ?? 0),
      paidCents,
      executionRate: budgetCents === null ? null : percent(paidCents, budgetCents),
    };
  });
}
