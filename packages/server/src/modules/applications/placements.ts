import { isRealDate, type NeedKind } from '@huican/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { applicationEvents, institutions, personServices, placements, programs } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import { type Actor, assertRole } from '../../http/actor.js';
import { assertInScope, countyScope } from '../../scope.js';
import { writeAudit } from '../audit/write-audit.js';
import { findApplicationInScope, institutionOf } from './find-application-in-scope.js';

/**
 * The county places a person of an approved (or pending) service application at a designated institution:
 * one that is active, designated for the programme, in the actor's scope and not full.
 */
export async function placeApplication(o: {
  db: Db;
  actor: Actor;
  applicationId: string;
  input: { institutionId: string; startedOn?: string | undefined; note?: string | undefined };
  now: Date;
  today: string;
}) {
  const { db, actor, now } = o;
  assertRole(actor, ['officer', 'admin']);
  const startedOn = o.input.startedOn ?? o.today;
  if (!isRealDate(startedOn)) throw fieldError('startedOn', 'date.FORMAT');
  try {
    return await db.transaction(async (tx) => {
      const application = await findApplicationInScope(tx, actor, o.applicationId, { forUpdate: true });
      if (!['submitted', 'reviewed', 'approved'].includes(application.status)) {
        throw new AppError('ILLEGAL_TRANSITION', 409);
      }
      const [program] = await tx.select().from(programs).where(eq(programs.code, application.programCode));
      if (program?.kind !== 'service') throw new AppError('NOT_A_SERVICE_PROGRAM', 422);
      const [institution] = await tx
        .select()
        .from(institutions)
        .where(eq(institutions.id, o.input.institutionId))
        .for('update');
      if (!institution) throw new AppError('INSTITUTION_NOT_FOUND', 404);
      assertInScope(countyScope(actor), institution.regionCode, 'INSTITUTION_NOT_FOUND');
      if (!institution.active || !institution.programs.includes(application.programCode)) {
        throw new AppError('INSTITUTION_NOT_DESIGNATED', 422);
      }
      if (institution.capacity !== null) {
        const [open] = await tx
          .select({ count: sql<number>`count(*)::int` })
          .from(placements)
          .where(and(eq(placements.institutionId, institution.id), eq(placements.status, 'open')));
        if ((open?.count ?? 0) >= institution.capacity) throw new AppError('INSTITUTION_FULL', 422);
      }
      const [placement] = await tx
        .insert(placements)
        .values({
          applicationId: application.id,
          institutionId: institution.id,
          personId: application.personId,
          regionCode: application.regionCode,
          startedOn,
          note: o.input.note ?? null,
        })
        .returning();
      await tx.insert(applicationEvents).values({
        applicationId: application.id,
        at: now,
        action: 'place',
        fromStatus: application.status,
        toStatus: application.status,
        actorId: actor.userId,
        actorName: actor.displayName,
        comment: institution.name,
      });
      await writeAudit(
        tx,
        actor,
        {
          action: 'application.place',
          entityType: 'application',
          entityId: application.id,
          regionCode: application.regionCode,
          details: { institutionId: institution.id, startedOn },
        },
        now,
      );
      return { ...placement!, institutionName: institution.name };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ALREADY_PLACED', 409);
    throw err;
  }
}

/**
 * A designated institution records a service it delivered to a person placed with it (and only such a
 * person: other applications are 404 to it). County staff may record for any placement in scope.
 */
export async function recordPlacementService(o: {
  db: Db;
  actor: Actor;
  applicationId: string;
  input: { kind: NeedKind; date: string; note?: string | undefined };
  now: Date;
  today: string;
}) {
  const { db, actor, now } = o;
  assertRole(actor, ['institution', 'officer', 'admin']);
  if (!isRealDate(o.input.date)) throw fieldError('date', 'date.FORMAT');
  if (o.input.date > o.today) throw fieldError('date', 'date.FUTURE');
  return db.transaction(async (tx) => {
    const application = await findApplicationInScope(tx, actor, o.applicationId);
    const [placement] = await tx
      .select({ placement: placements, institutionName: institutions.name })
      .from(placements)
      .innerJoin(institutions, eq(institutions.id, placements.institutionId))
      .where(eq(placements.applicationId, application.id));
    if (!placement) throw new AppError('NOT_PLACED', 409);
    if (actor.role === 'institution' && placement.placement.institutionId !== (await institutionOf(tx, actor))) {
      throw new AppError('APPLICATION_NOT_FOUND', 404);
    }
    if (placement.placement.status !== 'open') throw new AppError('PLACEMENT_CLOSED', 409);
    const [service] = await tx
      .insert(personServices)
      .values({
        personId: application.personId,
        year: Number(o.input.date.slice(0, 4)),
        kind: o.input.kind,
        serviceDate: o.input.date,
        provider: placement.institutionName,
        regionCode: application.regionCode,
        institutionId: placement.placement.institutionId,
        applicationId: application.id,
        note: o.input.note ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await writeAudit(
      tx,
      actor,
      {
        action: 'application.service',
        entityType: 'application',
        entityId: application.id,
        regionCode: application.regionCode,
        details: { serviceId: service!.id, kind: o.input.kind, date: o.input.date },
      },
      now,
    );
    return service!;
  });
}
