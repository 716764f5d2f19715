import { maskBankAccount } from '@huican/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { findPersonInScope } from '../persons/find-person-in-scope.js';

type Row = {
  id: string | number;
  cycle_id: string;
  cycle_status: string;
  cycle_kind: string;
  program_code: string;
  program_name: string;
  kind: string;
  period: string;
  year: number;
  amount_cents: number;
  status: string;
  payee_name: string;
  institution_id: string | null;
  bank_account: string | null;
  failure_reason: string | null;
  paid_on: string | Date | null;
};

const isoDate = (d: string | Date | null) =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10);

/**
 * A person's payment lines (the registry's 一人一档 "payments" tab): every line of every cycle that pays
 * for them — monthly subsidies and back-pay, grants, re-payments, and settlements paid to an institution
 * for their placement — newest period first, with what was paid, what is pending and how many failed.
 * Voided lines (a cancelled cycle) are listed too, marked so. The person must be in the caller's scope
 * (404 otherwise); bank accounts are masked.
 */
export async function listPersonPayments(o: {
  db: Db;
  actor: Actor;
  personId: string;
  page: number;
  pageSize: number;
  lang: Lang;
}) {
  const { db, actor } = o;
  assertCan(actor, 'payments.read');
  const person = await findPersonInScope(db, actor, o.personId);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select l.id, l.cycle_id, c.status as cycle_status, c.kind as cycle_kind, l.program_code,
        ${o.lang === 'en' ? sql`pr.name_en` : sql`pr.name_zh`} as program_name, l.kind, l.period, l.year,
        l.amount_cents, l.status, l.payee_name, l.institution_id, l.bank_account, l.failure_reason, l.paid_on
      from payment_lines l
      join payment_cycles c on c.id = l.cycle_id
      join programs pr on pr.code = l.program_code
      where l.person_id = ${person.id}
      order by l.period desc, l.id desc
      limit ${o.pageSize} offset ${(o.page - 1) * o.pageSize}`),
  );
  const [totals] = rowsOf<{ n: number; paid: string | number; pending: string | number; failed: number }>(
    await db.execute(sql`
      select count(*)::int as n,
        coalesce(sum(amount_cents) filter (where status = 'paid'), 0)::bigint as paid,
        coalesce(sum(amount_cents) filter (where status = 'pending'), 0)::bigint as pending,
        (count(*) filter (where status = 'failed'))::int as failed
      from payment_lines where person_id = ${person.id}`),
  );
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      cycleId: r.cycle_id,
      cycleStatus: r.cycle_status,
      cycleKind: r.cycle_kind,
      programCode: r.program_code,
      programName: r.program_name,
      kind: r.kind,
      period: r.period,
      year: Number(r.year),
      amountCents: Number(r.amount_cents),
      status: r.status,
      payeeName: r.payee_name,
      institutionId: r.institution_id,
      bankAccount: r.bank_account ? maskBankAccount(r.bank_account) : null,
      failureReason: r.failure_reason,
      paidOn: isoDate(r.paid_on),
    })),
    total: Number(totals?.n ?? 0),
    totals: {
      paidCents: Number(totals?.paid ?? 0),
      pendingCents: Number(totals?.pending ?? 0),
      failedCount: Number(totals?.failed ?? 0),
    },
    page: o.page,
    pageSize: o.pageSize,
  };
}
