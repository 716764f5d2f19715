import { addDays, can, isRealDate, type PersonStatus } from '@huican/core';
import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { persons } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { regionNameOf } from '../auth/user-view.js';
import { findPersonInScope } from './find-person-in-scope.js';
import { toPersonView } from './person-view.js';

export type StatusChange = { status: PersonStatus; effectiveDate: string; reason?: string | undefined };

/**
 * Life events: death, moving out, cancellation, and back to active. Setting a person active again
 * is a county decision (a township officer cannot revive a deceased person by mistake).
 */
export async function applyStatusChange(
  tx: Queryable,
  actor: Actor,
  personId: string,
  change: StatusChange,
  now: Date,
  today: string,
) {
  if (!isRealDate(change.effectiveDate)) throw fieldError('effectiveDate', 'date.FORMAT');
  // A death is recorded after the fact; a move-out or cancellation may be entered ahead of its date
  // (payments stop from the first month after it), but not more than a year ahead.
  if (change.status === 'deceased' && change.effectiveDate > today) throw fieldError('effectiveDate', 'date.FUTURE');
  if (change.effectiveDate > addDays(today, 366)) throw fieldError('effectiveDate', 'date.TOO_FAR');
  const person = await findPersonInScope(tx, actor, personId, { forUpdate: true });
  if (person.status === change.status) throw new AppError('ILLEGAL_STATUS_CHANGE', 409);
  if (change.status === 'active' && !can(actor.role, 'persons.reactivate')) {
    throw new AppError('REACTIVATION_FORBIDDEN', 403);
  }
  const [updated] = await tx
    .update(persons)
    .set({
      status: change.status,
      statusDate: change.status === 'active' ? null : change.effectiveDate,
      statusReason: change.reason ?? null,
      updatedAt: now,
      version: sql`${persons.version} + 1`,
    })
    .where(eq(persons.id, person.id))
    .returning();
  await writeAudit(
    tx,
    actor,
    {
      action: 'person.status',
      entityType: 'person',
      entityId: person.id,
      regionCode: person.regionCode,
      details: {
        changes: { status: { from: person.status, to: change.status } },
        effectiveDate: change.effectiveDate,
        reason: change.reason ?? null,
      },
    },
    now,
  );
  return updated!;
}

export async function changePersonStatus(o: {
  db: Db;
  actor: Actor;
  personId: string;
  change: StatusChange;
  now: Date;
  today: string;
}) {
  assertCan(o.actor, 'persons.write');
  return o.db.transaction(async (tx) => {
    const updated = await applyStatusChange(tx, o.actor, o.personId, o.change, o.now, o.today);
    return toPersonView(updated, {
      role: o.actor.role,
      today: o.today,
      regionName: await regionNameOf(tx, updated.regionCode),
    });
  });
}
