import { addWorkingDays, BLOCKING_STATUSES, type WorkCalendar } from '@huican/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { applicationEvents, applications } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { findPersonInScope } from '../persons/find-person-in-scope.js';
import { programInYear } from '../programs/program-year.js';
import { checkEligibility, notEligible } from './check-eligibility.js';

export type FileApplicationInput = { personId: string; programCode: string; year: number; note?: string | undefined };

export type WorkflowSettings = { stepWorkingDays: number; workCalendar: WorkCalendar };

/** The system's name in an application's history when it approves by itself (秒批). */
export const AUTO_APPROVER = '系统（秒批）';

async function assertNoLiveApplication(
  db: Queryable,
  personId: string,
  householdId: string | null,
  input: FileApplicationInput,
) {
  const live = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        householdId ? eq(applications.householdId, householdId) : eq(applications.personId, personId),
        eq(applications.programCode, input.programCode),
        eq(applications.year, input.year),
        inArray(applications.status, [...BLOCKING_STATUSES]),
      ),
    )
    .limit(1);
  if (live[0]) throw duplicate(live[0].id);
}

function duplicate(applicationId?: string) {
  return new AppError('DUPLICATE_APPLICATION', 409, 'DUPLICATE_APPLICATION', {
    extra: applicationId ? { applicationId } : {},
  });
}

/**
 * An officer files an application for a registry person. The programme's rule of the year is checked on
 * the filing day (422 NOT_ELIGIBLE with reasons); where the programme allows auto-approval (秒批) and
 * the rule passes, the application is approved at once. One live application per person (or household,
 * for household programmes), programme and year: 409 otherwise, with the database's unique index as
 * the last line.
 */
export async function fileApplication(o: {
  db: Db;
  actor: Actor;
  input: FileApplicationInput;
  now: Date;
  today: string;
  settings: WorkflowSettings;
  channel?: 'counter' | 'online';
}) {
  const { db, actor, input, now, today, settings } = o;
  assertCan(actor, 'applications.file');
  const currentYear = Number(today.slice(0, 4));
  if (input.year < currentYear - 1 || input.year > currentYear + 1) {
    throw fieldError('year', 'application.YEAR_RANGE', { from: currentYear - 1, to: currentYear + 1 });
  }
  try {
    return await db.transaction(async (tx) => {
      const person = await findPersonInScope(tx, actor, input.personId, { forUpdate: true });
      const program = await programInYear(tx, input.programCode, input.year);
      if (!program.active) throw new AppError('PROGRAM_INACTIVE', 422);
      const householdId = program.unit === 'household' ? person.householdId : null;
      await assertNoLiveApplication(tx, person.id, householdId, input);
      const verdict = await checkEligibility(tx, person, program, today);
      if (!verdict.eligible) throw notEligible(verdict);
      const auto = program.autoApproval;
      const [created] = await tx
        .insert(applications)
        .values({
          personId: person.id,
          programCode: program.code,
          year: input.year,
          householdId,
          regionCode: person.regionCode,
          countyCode: person.countyCode,
          status: auto ? 'approved' : 'submitted',
          channel: o.channel ?? 'counter',
          dueOn: auto ? null : addWorkingDays(today, settings.stepWorkingDays, settings.workCalendar),
          autoApproved: auto,
          eligibility: verdict,
          note: input.note ?? null,
          filedBy: actor.userId,
          filedAt: now,
          appliedOn: today,
          decidedAt: auto ? now : null,
          updatedAt: now,
        })
        .returning();
      const application = created!;
      await tx.insert(applicationEvents).values([
        {
          applicationId: application.id,
          at: now,
          action: 'file',
          fromStatus: null,
          toStatus: 'submitted',
          actorId: actor.userId,
          actorName: actor.displayName,
          comment: input.note ?? null,
        },
        ...(auto
          ? [
              {
                applicationId: application.id,
                at: now,
                action: 'auto_approve' as const,
                fromStatus: 'submitted' as const,
                toStatus: 'approved' as const,
                actorId: null,
                actorName: AUTO_APPROVER,
                comment: null,
              },
            ]
          : []),
      ]);
      await writeAudit(
        tx,
        actor,
        {
          action: 'application.file',
          entityType: 'application',
          entityId: application.id,
          regionCode: application.regionCode,
          details: { personId: person.id, programCode: program.code, year: input.year, status: application.status },
        },
        now,
      );
      return application;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}
