import {
  type CertificateServiceAction,
  certificateServiceByCode,
  isRealDate,
  makeCertificateNumber,
  regionLevel,
} from '@huican/core';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { applications, persons, regions } from '../../db/schema/index.js';
import { AppError, type FieldErrors, fieldError, invalidFields } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { assertInScope } from '../../scope.js';
import { writeAudit } from '../audit/write-audit.js';
import { applyCertificateAction } from '../persons/certificate-actions.js';
import { applyStatusChange } from '../persons/change-person-status.js';
import type { ApplicationRow } from './find-application-in-scope.js';

/** What the officer records when completing a certificate service. */
export type CertificateServiceResult = {
  /** new, change: the assessment (评残) — hospital, date, category, grade (and components for 多重). */
  hospital?: string | undefined;
  assessedOn?: string | undefined;
  category?: number | undefined;
  grade?: number | undefined;
  components?: { category: number; grade: number }[] | undefined;
  /** new, renew, change: the issue date of the new certificate (default today). */
  issuedOn?: string | undefined;
  /** transfer_in: the village or township the person moves to (in the officer's scope). */
  regionCode?: string | undefined;
  /** transfer_out: where the person moves; cancel: why. */
  destination?: string | undefined;
  reason?: string | undefined;
};

function requireFields(result: CertificateServiceResult, names: (keyof CertificateServiceResult)[]) {
  const fields: FieldErrors = {};
  for (const name of names) {
    const value = result[name];
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      fields[`result.${name}`] = { key: 'field.required' };
    }
  }
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
}

/**
 * Completing a certificate service changes the registry in the same transaction as the completion:
 * the certificate step goes through the registry's own rules (persons/certificate-actions.ts), so a
 * renewal before its window or a change to an invalid grade is refused exactly as at the registry page.
 */
export async function completeCertificateService(
  tx: Tx,
  o: { actor: Actor; application: ApplicationRow; result: CertificateServiceResult; now: Date; today: string },
): Promise<Record<string, unknown>> {
  const { actor, application, result, now, today } = o;
  const service = certificateServiceByCode(application.programCode);
  if (!service) throw new AppError('PROGRAM_NOT_FOUND', 404);
  const action: CertificateServiceAction = service.action;
  for (const key of ['assessedOn', 'issuedOn'] as const) {
    const value = result[key];
    if (value !== undefined && !isRealDate(value)) throw fieldError(`result.${key}`, 'date.FORMAT');
    if (value !== undefined && value > today) throw fieldError(`result.${key}`, 'date.FUTURE');
  }
  const db = tx as unknown as Db; // a nested transaction (savepoint) inside the completion's
  const certificate = (input: Parameters<typeof applyCertificateAction>[0]['input']) =>
    applyCertificateAction({ db, actor, personId: application.personId, input, now, today });
  switch (action) {
    case 'new': {
      requireFields(result, ['hospital', 'assessedOn', 'category', 'grade']);
      const [person] = await tx.select().from(persons).where(eq(persons.id, application.personId));
      await certificate({
        action: 'issue',
        number: makeCertificateNumber(person!.idNumber, result.category!, result.grade!),
        issuedOn: result.issuedOn ?? today,
        components: result.components,
      });
      break;
    }
    case 'renew':
      await certificate({ action: 'renew', issuedOn: result.issuedOn ?? today });
      break;
    case 'change':
      requireFields(result, ['hospital', 'assessedOn', 'category', 'grade']);
      await certificate({
        action: 'change',
        category: result.category,
        grade: result.grade,
        components: result.components,
        issuedOn: result.issuedOn ?? today,
      });
      break;
    case 'reissue':
      await certificate({ action: 'reissue' });
      break;
    case 'cancel':
      requireFields(result, ['reason']);
      await certificate({ action: 'cancel', reason: result.reason });
      break;
    case 'transfer_out':
      requireFields(result, ['destination']);
      await applyStatusChange(
        tx,
        actor,
        application.personId,
        { status: 'moved_out', effectiveDate: today, reason: `迁出：${result.destination!.trim()}` },
        now,
        today,
      );
      break;
    case 'transfer_in': {
      requireFields(result, ['regionCode']);
      const code = result.regionCode!;
      const [region] = /^\d{12}$/.test(code) ? await tx.select().from(regions).where(eq(regions.code, code)) : [];
      if (!region) throw fieldError('result.regionCode', 'region.NOT_FOUND');
      if (regionLevel(code) === 'county') throw fieldError('result.regionCode', 'region.LEVEL_FOR_PERSON');
      assertInScope(actor, code, 'REGION_NOT_FOUND');
      const [before] = await tx.select().from(persons).where(eq(persons.id, application.personId)).for('update');
      await tx
        .update(persons)
        .set({
          regionCode: code,
          countyCode: code.slice(0, 6),
          status: 'active',
          statusDate: null,
          statusReason: null,
          updatedAt: now,
          version: sql`${persons.version} + 1`,
        })
        .where(eq(persons.id, application.personId));
      await writeAudit(
        tx,
        actor,
        {
          action: 'person.transfer_in',
          entityType: 'person',
          entityId: application.personId,
          regionCode: code,
          details: {
            changes: {
              regionCode: { from: before!.regionCode, to: code },
              status: { from: before!.status, to: 'active' },
            },
          },
        },
        now,
      );
      break;
    }
  }
  const details = { ...(application.details ?? {}), result: { action, ...result } };
  await tx.update(applications).set({ details }).where(eq(applications.id, application.id));
  return details;
}
