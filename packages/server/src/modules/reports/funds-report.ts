import { type Permission, reportRate } from '@huican/core';
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../db/client.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { reportRegion } from './registry-stats.js';

// Funds report (资金执行情况) of a year: per cash programme the budget, what cycles committed and paid
// against it (as the payments module counts it for GET /api/budgets: lines pending or paid of the
// programme's cycles, not cancelled, of the cycle's year), the execution rate (paid ÷ budget), and per
// month of the year the persons paid and the amount paid. Only lines whose region lies in the region
// looked at count. One aggregate query (grouping sets) over the year's cycles and their lines.

/** Who may read the funds report: those who may read payments. */
export const FUNDS_REPORT_PERMISSION: Permission = 'payments.read';

type SpendingRow = {
  program_code: string | null;
  period: string | null;
  no_program: number;
  no_period: number;
  committed: string | number;
  paid: string | number;
  persons: string | number;
};

type Month = { month: string; personsPaid: number; paidCents: number };

export async function fundsReport(o: {
  db: Queryable;
  actor: Actor;
  year: number;
  regionCode?: string | undefined;
  lang: Lang;
}) {
  assertCan(o.actor, FUNDS_REPORT_PERMISSION);
  const region = await reportRegion(o.db, o.actor, o.regionCode);
  // Budgets are set per programme and year for the whole database (the county's): a township's or a
  // village's share of it is not recorded, so below county level there is no budget to set against.
  const budgetApplies = region.level === null || region.level === 'county';

  const [catalogue, spending] = await Promise.all([
    o.db.execute(sql`
      select p.code, p.name_zh, p.name_en, p.kind, y.budget_cents
      from programs p
      left join program_years y on y.program_code = p.code and y.year = ${o.year}
      where p.catalogue = 'programme' and p.kind <> 'in_kind'
      order by p.code`),
    // The month is the cycle's period (发放月份, the month paid in), so the twelve months add up to the
    // year's figures; a back-pay line counts in the month of its cycle, not the month it pays for.
    o.db.execute(sql`
      select c.program_code, c.period,
        grouping(c.program_code)::int as no_program, grouping(c.period)::int as no_period,
        coalesce(sum(l.amount_cents) filter (where l.status in ('pending', 'paid')), 0)::bigint as committed,
        coalesce(sum(l.amount_cents) filter (where l.status = 'paid'), 0)::bigint as paid,
        count(distinct l.person_id) filter (where l.status = 'paid')::int as persons
      from payment_cycles c
      join payment_lines l on l.cycle_id = c.id
      where c.year = ${o.year} and c.status <> 'cancelled' and l.region_code like ${`${region.prefix}%`}
      group by grouping sets ((c.program_code, c.period), (c.program_code), (c.period), ())`),
  ]);

  const rows = rowsOf<SpendingRow>(spending);
  const months = (programCode: string | null): Month[] =>
    Array.from({ length: 12 }, (_, i) => {
      const month = `${o.year}-${String(i + 1).padStart(2, '0')}`;
      const r = rows.find(
        (x) =>
          x.period === month &&
          Number(x.no_period) === 0 &&
          (programCode === null ? Number(x.no_program) === 1 : x.program_code === programCode),
      );
      return { month, personsPaid: Number(r?.persons ?? 0), paidCents: Number(r?.paid ?? 0) };
    });
  const yearOf = (programCode: string | null) =>
    rows.find(
      (x) =>
        Number(x.no_period) === 1 &&
        (programCode === null ? Number(x.no_program) === 1 : x.program_code === programCode),
    );

  type CatalogueRow = {
    code: string;
    name_zh: string;
    name_en: string;
    kind: string;
    budget_cents: string | number | null;
  };
  const programmes = rowsOf<CatalogueRow>(catalogue);
  // A programme with lines that is no longer a cash programme of the catalogue still shows its money.
  for (const r of rows) {
    if (r.program_code && !programmes.some((p) => p.code === r.program_code)) {
      programmes.push({
        code: r.program_code,
        name_zh: r.program_code,
        name_en: r.program_code,
        kind: '',
        budget_cents: null,
      });
    }
  }

  const programs = programmes.map((p) => {
    const total = yearOf(p.code);
    const budgetCents = budgetApplies && p.budget_cents !== null ? Number(p.budget_cents) : null;
    const paidCents = Number(total?.paid ?? 0);
    return {
      programCode: p.code,
      name: o.lang === 'en' ? p.name_en : p.name_zh,
      kind: p.kind,
      budgetCents,
      committedCents: Number(total?.committed ?? 0),
      paidCents,
      executionRate: budgetCents === null ? null : reportRate(paidCents, budgetCents),
      personsPaid: Number(total?.persons ?? 0),
      months: months(p.code),
    };
  });

  const all = yearOf(null);
  const budgeted = programs.filter((p) => p.budgetCents !== null);
  const budgetCents = budgeted.length === 0 ? null : budgeted.reduce((s, p) => s + p.budgetCents!, 0);
  return {
    year: o.year,
    regionCode: region.code,
    regionName: region.name,
    budgetApplies,
    programs,
    totals: {
      budgetCents,
      committedCents: Number(all?.committed ?? 0),
      paidCents: Number(all?.paid ?? 0),
      // Paid against the budgets that exist: programmes without a budget stay out of the rate.
      executionRate:
        budgetCents === null
          ? null
          : reportRate(
              budgeted.reduce((s, p) => s + p.paidCents, 0),
              budgetCents,
            ),
      personsPaid: Number(all?.persons ?? 0),
      months: months(null),
    },
  };
}
