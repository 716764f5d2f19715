import { APPLICATION_STATUSES, addWorkingDays, checkTransition, stepHasTimeLimit } from '@huican/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../../db/client.js';
import { applicationEvents, applications, persons, placements } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { logSafeError } from '../../http/log-safe-error.js';
import { writeAuditMany } from '../audit/write-audit.js';
import { type ProgramInYear, programInYear } from '../programs/program-year.js';
import { applicationScope } from './application-query.js';
import { verdictOf } from './check-eligibility.js';
import { loadFactsForMany } from './person-facts.js';
import { type ActionContext, type ActionInput, applyAction, assertActionInput } from './take-action.js';

/** One action on one application, in its own transaction. */
export async function takeAction(db: Db, ctx: ActionContext, applicationId: string, input: ActionInput) {
  const updated = await db.transaction((tx) => applyAction(tx, ctx, applicationId, input));
  return { id: updated.id, status: updated.status, version: updated.version };
}

export const BULK_LIMIT = 10_000;
const CHUNK = 500;

type Outcome = { succeeded: string[]; failed: { id: string; code: string }[] };

/**
 * The same action on many applications (CONTRACT.md): each application succeeds or fails on its own,
 * and every refusal is reported with its error code. The work is set-based, a chunk of applications at a
 * time: the rows are locked, each is checked exactly as a single action checks it (state, role, rule),
 * and the ones that pass are changed together. A refusal never undoes another application; should a
 * chunk hit an unexpected database error, that chunk is redone one application per transaction.
 */
export async function takeBulkAction(
  db: Db,
  ctx: ActionContext,
  ids: string[],
  input: ActionInput,
  log?: FastifyBaseLogger,
): Promise<Outcome> {
  assertActionInput(input);
  // A role that may never take this action is refused as a whole, not once per application.
  if (!APPLICATION_STATUSES.some((s) => checkTransition(s, input.action, ctx.actor.role).ok)) {
    throw new AppError('FORBIDDEN', 403);
  }
  const unique = [...new Set(ids)];
  const outcome: Outcome = { succeeded: [], failed: [] };
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    try {
      const result = await db.transaction((tx) => bulkChunk(tx, ctx, chunk, input));
      outcome.succeeded.push(...result.succeeded);
      outcome.failed.push(...result.failed);
    } catch (err) {
      log?.warn({ err: logSafeError(err) }, 'bulk application chunk failed; retrying one by one');
      for (const id of chunk) {
        try {
          await db.transaction((tx) => applyAction(tx, ctx, id, input));
          outcome.succeeded.push(id);
        } catch (one) {
          if (!(one instanceof AppError))
            log?.error({ err: logSafeError(one), applicationId: id }, 'bulk application action failed');
          outcome.failed.push({ id, code: one instanceof AppError ? one.code : 'INTERNAL_ERROR' });
        }
      }
    }
  }
  return outcome;
}

async function bulkChunk(tx: Tx, ctx: ActionContext, ids: string[], input: ActionInput): Promise<Outcome> {
  const { actor, now, today, settings } = ctx;
  const rows = await tx
    .select({ application: applications, person: persons })
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.personId))
    .where(and(inArray(applications.id, ids), await applicationScope(tx, actor)))
    .orderBy(applications.id)
    .for('update', { of: applications });
  const found = new Map(rows.map((r) => [r.application.id, r]));
  const failed: Outcome['failed'] = ids
    .filter((id) => !found.has(id))
    .map((id) => ({ id, code: 'APPLICATION_NOT_FOUND' }));
  let passing = rows.flatMap((r) => {
    const check = checkTransition(r.application.status, input.action, actor.role);
    if (check.ok) return [{ ...r, to: check.to }];
    failed.push({ id: r.application.id, code: check.problem === 'ROLE_MAY_NOT' ? 'FORBIDDEN' : 'ILLEGAL_TRANSITION' });
    return [];
  });
  if (input.action === 'complete') {
    // A certificate service is completed one at a time, with what the registry is to record.
    const codes = [...new Set(passing.map((r) => r.application.programCode))];
    const certificateServices = new Set<string>();
    for (const code of codes) {
      if ((await programInYear(tx, code, 2000)).catalogue === 'certificate') certificateServices.add(code);
    }
    passing = passing.filter((r) => {
      if (!certificateServices.has(r.application.programCode)) return true;
      failed.push({ id: r.application.id, code: 'COMPLETE_ONE_BY_ONE' });
      return false;
    });
  }
  const verdicts = new Map<string, ReturnType<typeof verdictOf>>();
  if (input.action === 'approve' || input.action === 'resubmit') {
    const programs = new Map<string, ProgramInYear>();
    for (const r of passing) {
      const k = `${r.application.programCode}/${r.application.year}`;
      if (!programs.has(k)) programs.set(k, await programInYear(tx, r.application.programCode, r.application.year));
    }
    const facts = await loadFactsForMany(
      tx,
      passing.map((r) => ({ person: r.person, year: r.application.year })),
      today,
      { exceptApplicationIds: passing.map((r) => r.application.id) },
    );
    passing = passing.filter((r) => {
      const program = programs.get(`${r.application.programCode}/${r.application.year}`)!;
      const verdict = verdictOf(program, facts.get(`${r.person.id}/${r.application.year}`)!, today);
      if (!verdict.eligible) failed.push({ id: r.application.id, code: 'NOT_ELIGIBLE' });
      else verdicts.set(r.application.id, verdict);
      return verdict.eligible;
    });
  }
  if (passing.length === 0) return { succeeded: [], failed };

  const comment = input.comment?.trim() || null;
  const nowIso = now.toISOString(); // raw SQL parameters: postgres-js takes no Date there
  const changes = passing.map((r) => ({
    id: r.application.id,
    status: r.to,
    due_on: stepHasTimeLimit(r.to) ? addWorkingDays(today, settings.stepWorkingDays, settings.workCalendar) : null,
    eligibility: verdicts.get(r.application.id) ?? r.application.eligibility,
  }));
  await tx.execute(sql`
    update applications a set
      status = c.status,
      due_on = c.due_on,
      eligibility = c.eligibility,
      decided_at = case when c.status in ('approved', 'rejected') then ${nowIso}::timestamptz else a.decided_at end,
      completed_at = case when c.status = 'completed' then ${nowIso}::timestamptz else null end,
      updated_at = ${nowIso}::timestamptz,
      version = a.version + 1
    from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as c(id uuid, status text, due_on date, eligibility jsonb)
    where a.id = c.id`);
  await tx.insert(applicationEvents).values(
    passing.map((r) => ({
      applicationId: r.application.id,
      at: now,
      action: input.action,
      fromStatus: r.application.status,
      toStatus: r.to,
      actorId: actor.userId,
      actorName: actor.displayName,
      comment,
    })),
  );
  const closing = passing.filter((r) => r.to === 'completed' || r.to === 'withdrawn').map((r) => r.application.id);
  if (closing.length > 0) {
    await tx
      .update(placements)
      .set({ status: 'closed', endedOn: today })
      .where(and(inArray(placements.applicationId, closing), eq(placements.status, 'open')));
  }
  await writeAuditMany(
    tx,
    actor,
    passing.map((r) => ({
      action: `application.${input.action}`,
      entityType: 'application',
      entityId: r.application.id,
      regionCode: r.application.regionCode,
      details: { from: r.application.status, to: r.to, comment, bulk: true },
    })),
    now,
  );
  return { succeeded: passing.map((r) => r.application.id), failed };
}
