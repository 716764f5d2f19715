import { maskBankAccount, maskIdNumber } from '@huican/core';
import { and, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import type { LINE_KINDS, LINE_STATUSES } from '../../db/schema/payments.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { assertInScope, scopeWhere } from '../../scope.js';
import { seesUnmasked } from '../persons/person-view.js';
import { findCycleInScope, lineScopeWhere } from './find-cycle-in-scope.js';

export type EntitlementFilters = {
  regionCode?: string | undefined;
  kind?: (typeof LINE_KINDS)[number] | undefined;
  status?: (typeof LINE_STATUSES)[number] | undefined;
  q?: string | undefined;
};

type LineRow = {
  id: string | number;
  person_id: string;
  person_name: string;
  id_number: string;
  region_code: string;
  region_name: string | null;
  kind: string;
  period: string;
  grade: number | null;
  amount_cents: number;
  status: string;
  payee_name: string;
  institution_id: string | null;
  application_id: string | null;
  bank_name: string | null;
  bank_account: string | null;
  failure_reason: string | null;
  paid_on: string | Date | null;
};

const isoDate = (d: string | Date | null) =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10);

/**
 * The lines (entitlements) of a cycle, filtered, with the count and sum of everything the filter matches.
 * Lines are cut to the caller's region (a township officer sees its township's lines of the county's
 * cycle). ID numbers are masked unless the role sees them in full; bank accounts are always masked here
 * (in full only in the bank file).
 */
export async function listEntitlements(o: {
  db: Db;
  actor: Actor;
  cycleId: string;
  filters: EntitlementFilters;
  page: number;
  pageSize: number;
}) {
  const { db, actor, filters: f } = o;
  assertCan(actor, 'payments.read');
  const cycle = await findCycleInScope(db, actor, o.cycleId);
  if (f.regionCode) assertInScope(actor, f.regionCode, 'REGION_NOT_FOUND');
  const conditions: (SQL | undefined)[] = [
    sql`l.cycle_id = ${cycle.id}`,
    lineScopeWhere(actor),
    f.regionCode ? scopeWhere({ regionCode: f.regionCode }, sql`l.region_code`) : undefined,
    f.kind ? sql`l.kind = ${f.kind}` : undefined,
    f.status ? sql`l.status = ${f.status}` : undefined,
    f.q
      ? sql`(p.name like ${`${f.q}%`} or l.payee_name like ${`${f.q}%`} or p.id_number like ${`${f.q.toUpperCase()}%`})`
      : undefined,
  ];
  const where = and(...conditions)!;
  const rows = rowsOf<LineRow>(
    await db.execute(sql`
      select l.id, l.person_id, p.name as person_name, p.id_number, l.region_code, r.name as region_name, l.kind,
        l.period, l.grade, l.amount_cents, l.status, l.payee_name, l.institution_id, l.application_id, l.bank_name,
        l.bank_account, l.failure_reason, l.paid_on
      from payment_lines l
      join persons p on p.id = l.person_id
      left join regions r on r.code = l.region_code
      where ${where}
      order by l.id
      limit ${o.pageSize} offset ${(o.page - 1) * o.pageSize}`),
  );
  const [totals] = rowsOf<{ n: number; cents: string | number }>(
    await db.execute(sql`
      select count(*)::int as n, coalesce(sum(l.amount_cents), 0)::bigint as cents
      from payment_lines l ${f.q ? sql`join persons p on p.id = l.person_id` : sql``}
      where ${where}`),
  );
  const unmasked = seesUnmasked(actor.role);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      personId: r.person_id,
      personName: r.person_name,
      personIdNumber: unmasked ? r.id_number : maskIdNumber(r.id_number),
      regionCode: r.region_code,
      regionName: r.region_name,
      kind: r.kind,
      period: r.period,
      grade: r.grade,
      amountCents: Number(r.amount_cents),
      status: r.status,
      payeeName: r.payee_name,
      institutionId: r.institution_id,
      applicationId: r.application_id,
      bankName: r.bank_name,
      bankAccount: r.bank_account ? maskBankAccount(r.bank_account) : null,
      failureReason: r.failure_reason,
      paidOn: isoDate(r.paid_on),
    })),
    total: Number(totals?.n ?? 0),
    totals: { count: Number(totals?.n ?? 0), amountCents: Number(totals?.cents ?? 0) },
    page: o.page,
    pageSize: o.pageSize,
  };
}
