import {
  ACTIONS_NEEDING_COMMENT,
  type ApplicationAction,
  addWorkingDays,
  checkTransition,
  stepHasTimeLimit,
} from '@huican/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { applicationEvents, applications, placements } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { findPersonInScope } from '../persons/find-person-in-scope.js';
import { programInYear } from '../programs/program-year.js';
import { checkEligibility, notEligible } from './check-eligibility.js';
import { type CertificateServiceResult, completeCertificateService } from './complete-certificate-service.js';
import type { WorkflowSettings } from './file-application.js';
import { findApplicationInScope } from './find-application-in-scope.js';

export type ActionInput = {
  action: ApplicationAction;
  comment?: string | undefined;
  /** Completing a certificate service: what the registry records (see complete-certificate-service.ts). */
  result?: CertificateServiceResult | undefined;
};

export type ActionContext = { actor: Actor; now: Date; today: string; settings: WorkflowSettings };

/** Checks that need no database: a reason is required to reject or return (400 otherwise). */
export function assertActionInput(input: ActionInput): void {
  if (ACTIONS_NEEDING_COMMENT.includes(input.action) && !input.comment?.trim()) {
    throw fieldError('comment', 'application.COMMENT_REQUIRED');
  }
}

/**
 * One workflow action inside the caller's transaction: the row is locked, so of two officers approving
 * at once the second finds it approved already (409). Approval re-checks the rule, because the registry
 * may have changed since filing (a death, a lost 低保 flag). Completion closes the placement.
 */
export async function applyAction(tx: Queryable, ctx: ActionContext, applicationId: string, input: ActionInput) {
  const { actor, now, today, settings } = ctx;
  assertActionInput(input);
  const application = await findApplicationInScope(tx, actor, applicationId, { forUpdate: true });
  const check = checkTransition(application.status, input.action, actor.role);
  if (!check.ok) {
    throw check.problem === 'ROLE_MAY_NOT'
      ? new AppError('FORBIDDEN', 403)
      : new AppError('ILLEGAL_TRANSITION', 409, 'ILLEGAL_TRANSITION', {
          extra: { status: application.status },
        });
  }
  let eligibility = application.eligibility;
  if (input.action === 'approve' || input.action === 'resubmit') {
    const person = await findPersonInScope(tx, actor, application.personId);
    const program = await programInYear(tx, application.programCode, application.year);
    const verdict = await checkEligibility(tx, person, program, today, { exceptApplicationId: application.id });
    if (!verdict.eligible) throw notEligible(verdict);
    eligibility = verdict;
  }
  const to = check.to;
  const [updated] = await tx
    .update(applications)
    .set({
      status: to,
      dueOn: stepHasTimeLimit(to) ? addWorkingDays(today, settings.stepWorkingDays, settings.workCalendar) : null,
      eligibility,
      decidedAt: to === 'approved' || to === 'rejected' ? now : application.decidedAt,
      completedAt: to === 'completed' ? now : null,
      updatedAt: now,
      version: sql`${applications.version} + 1`,
    })
    .where(eq(applications.id, application.id))
    .returning();
  await tx.insert(applicationEvents).values({
    applicationId: application.id,
    at: now,
    action: input.action,
    fromStatus: application.status,
    toStatus: to,
    actorId: actor.userId,
    actorName: actor.displayName,
    comment: input.comment?.trim() || null,
  });
  if (to === 'completed') {
    const program = await programInYear(tx, application.programCode, application.year);
    if (program.catalogue === 'certificate') {
      await completeCertificateService(tx as Tx, { actor, application, result: input.result ?? {}, now, today });
    }
  }
  if (to === 'completed' || to === 'withdrawn') {
    await tx
      .update(placements)
      .set({ status: 'closed', endedOn: today })
      .where(and(eq(placements.applicationId, application.id), eq(placements.status, 'open')));
  }
  await writeAudit(
    tx,
    actor,
    {
      action: `application.${input.action}`,
      entityType: 'application',
      entityId: application.id,
      regionCode: application.regionCode,
      details: { from: application.status, to, comment: input.comment?.trim() || null },
    },
    now,
  );
  return updated!;
}
