import { APPLICATION_STATUSES, checkTransition } from '@huican/core';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { type ActionContext, type ActionInput, applyAction, assertActionInput } from './take-action.js';

/** One action on one application, in its own transaction. */
export async function takeAction(db: Db, ctx: ActionContext, applicationId: string, input: ActionInput) {
  const updated = await db.transaction((tx) => applyAction(tx, ctx, applicationId, input));
  return { id: updated.id, status: updated.status, version: updated.version };
}

export const BULK_LIMIT = 10_000;

/**
 * The same action on many applications, each in its own transaction (CONTRACT.md): one refusal does not
 * undo the others; every refusal is reported with its error code.
 */
export async function takeBulkAction(
  db: Db,
  ctx: ActionContext,
  ids: string[],
  input: ActionInput,
  log?: FastifyBaseLogger,
) {
  assertActionInput(input);
  // A role that may never take this action is refused as a whole, not once per application.
  if (!APPLICATION_STATUSES.some((s) => checkTransition(s, input.action, ctx.actor.role).ok)) {
    throw new AppError('FORBIDDEN', 403);
  }
  const succeeded: string[] = [];
  const failed: { id: string; code: string }[] = [];
  for (const id of new Set(ids)) {
    try {
      await db.transaction((tx) => applyAction(tx, ctx, id, input));
      succeeded.push(id);
    } catch (err) {
      if (err instanceof AppError) {
        failed.push({ id, code: err.code });
      } else {
        // The others are committed already: report this one and go on rather than hide what was done.
        log?.error({ err, applicationId: id }, 'bulk application action failed');
        failed.push({ id, code: 'INTERNAL_ERROR' });
      }
    }
  }
  return { succeeded, failed };
}
