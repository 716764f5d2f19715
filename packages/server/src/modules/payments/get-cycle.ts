import { eq, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { programs, regions, users } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { toCycleView } from './cycle-view.js';
import { allowedCycleActions } from './cycle-workflow.js';
import { findCycleInScope, lineScopeWhere, seesWholeCycle } from './find-cycle-in-scope.js';

const LINE_STATUS_KEYS = ['pending', 'paid', 'failed', 'void'] as const;

/**
 * One cycle: its stored count and total, its lines counted and summed by status and by kind, who did each
 * step and when, and the actions the caller may take. A user whose region lies under the cycle's (a
 * township officer looking at the county's cycle) gets the line figures of its own region only
 * (`linesScope: 'own_region'`).
 */
export async function getCycle(o: { db: Db; actor: Actor; cycleId: string; lang: Lang }) {
  const { db, actor } = o;
  assertCan(actor, 'payments.read');
  const cycle = await findCycleInScope(db, actor, o.cycleId);
  const whole = seesWholeCycle(actor, cycle);
  const scope = whole ? sql`true` : lineScopeWhere(actor);
  const figures = rowsOf<{ status: string; kind: string; n: number; cents: string | number }>(
    await db.execute(sql`
      select l.status, l.kind, count(*)::int as n, coalesce(sum(l.amount_cents), 0)::bigint as cents
      from payment_lines l where l.cycle_id = ${cycle.id} and ${scope}
      group by l.status, l.kind`),
  );
  const byStatus = Object.fromEntries(LINE_STATUS_KEYS.map((s) => [s, { count: 0, amountCents: 0 }]));
  const byKind: Record<string, { count: number; amountCents: number }> = {};
  let count = 0;
  let amountCents = 0;
  for (const f of figures) {
    const cents = Number(f.cents);
    byStatus[f.status]!.count += f.n;
    byStatus[f.status]!.amountCents += cents;
    byKind[f.kind] ??= { count: 0, amountCents: 0 };
    byKind[f.kind]!.count += f.n;
    byKind[f.kind]!.amountCents += cents;
    count += f.n;
    amountCents += cents;
  }
  const [program] = await db
    .select({ name: o.lang === 'en' ? programs.nameEn : programs.nameZh })
    .from(programs)
    .where(eq(programs.code, cycle.programCode));
  const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, cycle.regionCode));
  const stepUsers = [cycle.createdBy, cycle.submittedBy, cycle.approvedBy, cycle.paidBy, cycle.cancelledBy].filter(
    (id): id is string => !!id,
  );
  const names = new Map(
    (stepUsers.length
      ? await db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, stepUsers))
      : []
    ).map((u) => [u.id, u.displayName]),
  );
  const step = (by: string | null, at: Date | null) =>
    by && at ? { userId: by, userName: names.get(by) ?? null, at: at.toISOString() } : null;
  const actions = allowedCycleActions(cycle.status, actor.role).filter(
    (a) => !(a === 'approve' && cycle.createdBy === actor.userId),
  );
  return {
    ...toCycleView(cycle, { programName: program?.name ?? null, regionName: region?.name ?? null }),
    linesScope: whole ? 'cycle' : 'own_region',
    lines: { count, amountCents, byStatus, byKind },
    steps: {
      created: step(cycle.createdBy, cycle.createdAt),
      submitted: step(cycle.submittedBy, cycle.submittedAt),
      approved: step(cycle.approvedBy, cycle.approvedAt),
      paid: step(cycle.paidBy, cycle.paidAt),
      cancelled: step(cycle.cancelledBy, cycle.cancelledAt),
    },
    cancelReason: cycle.cancelReason,
    allowedActions: actions,
  };
}
