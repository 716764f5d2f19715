import { evaluateRule, maskIdNumber, regionPrefix, type StoppedReason } from '@huican/core';
import { inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { persons } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { type Lang, translate } from '../../i18n/messages.js';
import { scopeWhere } from '../../scope.js';
import { loadFactsForMany } from '../applications/person-facts.js';
import { seesUnmasked } from '../persons/person-view.js';
import { programInYear } from '../programs/program-year.js';
import {
  activeOnSql,
  type EntitlementMonth,
  gradePaidSql,
  HOLDING,
  MONTH_KINDS,
  type MonthlyStandard,
  ruleOnSql,
} from './entitlement-sql.js';
import { findCycleInScope } from './find-cycle-in-scope.js';
import { addMonths, monthOf } from './months.js';

type StoppedRow = {
  person_id: string;
  name: string;
  id_number: string;
  region_code: string;
  region_name: string | null;
  grade: number | null;
  previous_cents: number;
  reason: StoppedReason;
  reason_date: string | Date | null;
};

const isoDate = (d: string | Date | null) =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10);

/**
 * Stopped payments (停发名单) of a monthly cycle: persons of the cycle's region (and the caller's) with a
 * pending or paid line of the programme for the previous month and none for this month, each with the
 * first condition that now fails, judged on the period's first day as generation judges it: deceased,
 * moved out or cancelled (with the date), certificate missing, cancelled, frozen or expired (with the
 * date), no approved application, rule no longer met (with the evaluator's reasons, e.g. 低保 lost),
 * grade standard 0, moved out of the cycle's region. Reasons read the registry as it stands now.
 */
export async function listStopped(o: {
  db: Db;
  actor: Actor;
  cycleId: string;
  page: number;
  pageSize: number;
  lang: Lang;
}) {
  const { db, actor, lang } = o;
  assertCan(actor, 'payments.read');
  const cycle = await findCycleInScope(db, actor, o.cycleId);
  if (cycle.kind !== 'monthly') throw new AppError('NOT_A_MONTHLY_CYCLE', 422);
  const program = await programInYear(db, cycle.programCode, cycle.year);
  const month: EntitlementMonth = {
    ...monthOf(cycle.period),
    rule: program.rule,
    standard: (program.monthlyCentsByGrade ?? { 1: 0, 2: 0, 3: 0, 4: 0 }) as MonthlyStandard,
  };
  const previous = addMonths(cycle.period, -1);
  const cyclePrefix = `${regionPrefix(cycle.regionCode)}%`;
  const rule = ruleOnSql(month);
  const from = sql`
    from payment_lines l
    join ${persons} on ${persons.id} = l.person_id
    ${rule.joins}
    where l.program_code = ${cycle.programCode} and l.period = ${previous} and l.kind in ${MONTH_KINDS}
      and l.status in ('pending', 'paid') and l.region_code like ${cyclePrefix}
      and ${scopeWhere(actor, sql`l.region_code`)}
      and not exists (select 1 from payment_lines x where x.person_id = l.person_id
        and x.program_code = ${cycle.programCode} and x.period = ${cycle.period}
        and (x.cycle_id = ${cycle.id} or (x.kind in ${MONTH_KINDS} and x.status in ('pending', 'paid', 'failed'))))`;
  const reason = sql`case
    when not ${activeOnSql(month)} then ${persons.status}
    when ${persons.certNumber} is null or ${persons.certState} is null or ${persons.certValidUntil} is null
      then 'certificate_missing'
    when ${persons.certState} = 'cancelled' then 'certificate_cancelled'
    when ${persons.certState} = 'frozen' then 'certificate_frozen'
    when ${persons.certValidUntil} < ${month.first}::date then 'certificate_expired'
    when not exists (select 1 from applications a where a.person_id = ${persons.id}
      and a.program_code = ${cycle.programCode} and a.status in (${HOLDING}) and a.applied_on < ${month.next}::date)
      then 'application_not_approved'
    when not ${rule.where} then 'rule_not_met'
    when not ${gradePaidSql(month.standard)} then 'standard_zero'
    when ${persons.regionCode} not like ${cyclePrefix} then 'moved_region'
    else 'other' end`;
  const rows = rowsOf<StoppedRow>(
    await db.execute(sql`
      select s.*, r.name as region_name from (
        select ${persons.id} as person_id, ${persons.name} as name, ${persons.idNumber} as id_number,
          ${persons.regionCode} as region_code, ${persons.grade} as grade, l.amount_cents as previous_cents,
          ${reason} as reason,
          case when not ${activeOnSql(month)} then ${persons.statusDate}
            when ${persons.certState} = 'normal' and ${persons.certValidUntil} < ${month.first}::date
              then ${persons.certValidUntil} end as reason_date
        ${from}
      ) as s
      left join regions r on r.code = s.region_code
      order by s.region_code, s.name, s.person_id
      limit ${o.pageSize} offset ${(o.page - 1) * o.pageSize}`),
  );
  const counts = rowsOf<{ reason: StoppedReason; n: number }>(
    await db.execute(sql`select ${reason} as reason, count(*)::int as n ${from} group by 1`),
  );

  // The rule's own reasons for those on this page who no longer meet it (the evaluator explains; SQL only decides).
  const ruleIds = rows.filter((r) => r.reason === 'rule_not_met').map((r) => r.person_id);
  const explanations = new Map<string, string[]>();
  if (ruleIds.length > 0) {
    const people = await db.select().from(persons).where(inArray(persons.id, ruleIds));
    const facts = await loadFactsForMany(
      db,
      people.map((person) => ({ person, year: month.year })),
      month.first,
    );
    for (const person of people) {
      const f = facts.get(`${person.id}/${month.year}`);
      if (!f) continue;
      const result = evaluateRule(month.rule, { ...f, status: 'active' }, month.first);
      explanations.set(
        person.id,
        result.reasons.map((r) => r[lang]),
      );
    }
  }
  const unmasked = seesUnmasked(actor.role);
  return {
    period: cycle.period,
    previousPeriod: previous,
    items: rows.map((r) => {
      const date = isoDate(r.reason_date);
      return {
        personId: r.person_id,
        personName: r.name,
        personIdNumber: unmasked ? r.id_number : maskIdNumber(r.id_number),
        regionCode: r.region_code,
        regionName: r.region_name,
        grade: r.grade,
        previousAmountCents: Number(r.previous_cents),
        reason: r.reason,
        reasonDate: date,
        reasonText: translate(`stopped.${r.reason}`, lang, { date: date ?? '' }),
        details: explanations.get(r.person_id) ?? [],
      };
    }),
    byReason: Object.fromEntries(counts.map((c) => [c.reason, c.n])),
    total: counts.reduce((sum, c) => sum + c.n, 0),
    page: o.page,
    pageSize: o.pageSize,
  };
}
