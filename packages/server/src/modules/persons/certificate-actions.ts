import {
  certificateValidUntil,
  isRealDate,
  makeCertificateNumber,
  maskCertificateNumber,
  parseCertificateNumber,
  renewalOpensOn,
} from '@huican/core';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { certificates, persons } from '../../db/schema/index.js';
import { AppError, type FieldErrors, fieldError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { regionNameOf } from '../auth/user-view.js';
import { findPersonInScope } from './find-person-in-scope.js';
import { checkedCertificate, duplicateToConflict, throwIfAny } from './person-rules.js';
import { type PersonRow, seesUnmasked, toPersonView } from './person-view.js';

export type CertificateAction = {
  action: 'issue' | 'renew' | 'change' | 'reissue' | 'freeze' | 'unfreeze' | 'cancel';
  number?: string | undefined;
  issuedOn?: string | undefined;
  category?: number | undefined;
  grade?: number | undefined;
  components?: { category: number; grade: number }[] | undefined;
  reason?: string | undefined;
};

type NewCertificate = {
  number: string;
  category: number;
  grade: number;
  components: { category: number; grade: number }[] | null;
  issuedOn: string;
  validUntil: string;
};

/**
 * The life of a disability certificate: issue, renew (到期换证, from a year before expiry),
 * change of category or grade (a new number), reissue after loss (suffix B1, B2…), freeze and
 * unfreeze, cancel. The current certificate is on the person row; one that a step ends (replaced
 * or cancelled) goes into `certificates`. Every step writes the audit log.
 */
export async function applyCertificateAction(o: {
  db: Db;
  actor: Actor;
  personId: string;
  input: CertificateAction;
  now: Date;
  today: string;
}) {
  assertCan(o.actor, 'certificates.write');
  const { input, today } = o;
  if (input.issuedOn !== undefined && !isRealDate(input.issuedOn)) throw fieldError('issuedOn', 'date.FORMAT');
  try {
    return await o.db.transaction(async (tx) => {
      const person = await findPersonInScope(tx, o.actor, o.personId, { forUpdate: true });
      const hasCurrent = person.certNumber !== null && person.certState !== 'cancelled';
      const requireCurrent = () => {
        if (!person.certNumber) throw new AppError('NO_CERTIFICATE', 409);
        if (person.certState === 'cancelled') throw new AppError('CERTIFICATE_CANCELLED', 409);
      };
      const requireReason = () => {
        if (!input.reason?.trim()) throw fieldError('reason', 'reason.REQUIRED');
      };
      let next: NewCertificate | null = null;
      let event: 'issue' | 'renew' | 'change' | 'reissue' | null = null;
      let state: PersonRow['certState'] = person.certState;

      switch (input.action) {
        case 'issue': {
          if (hasCurrent) throw new AppError('CERTIFICATE_EXISTS', 409);
          if (person.status !== 'active') throw new AppError('PERSON_NOT_ACTIVE', 422);
          const fields: FieldErrors = {};
          if (!input.number) fields.number = { key: 'field.required' };
          if (!input.issuedOn) fields.issuedOn = { key: 'field.required' };
          throwIfAny(fields);
          const checked = checkedCertificate(
            { number: input.number!, issuedOn: input.issuedOn!, components: input.components },
            person,
            today,
            fields,
            'certificate',
          );
          throwIfAny(unprefix(fields));
          next = { ...checked!, validUntil: certificateValidUntil(checked!.issuedOn) };
          event = 'issue';
          state = 'normal';
          break;
        }
        case 'renew': {
          requireCurrent();
          if (person.certState === 'frozen') throw new AppError('CERTIFICATE_FROZEN', 409);
          const opensOn = renewalOpensOn(person.certValidUntil!);
          if (today < opensOn) throw new AppError('RENEWAL_NOT_OPEN', 422, 'RENEWAL_NOT_OPEN', { params: { opensOn } });
          const issuedOn = input.issuedOn ?? today;
          if (issuedOn > today) throw fieldError('issuedOn', 'date.FUTURE');
          next = {
            number: person.certNumber!,
            category: person.category!,
            grade: person.grade!,
            components: person.components,
            issuedOn,
            validUntil: certificateValidUntil(issuedOn),
          };
          event = 'renew';
          break;
        }
        case 'change': {
          requireCurrent();
          const fields: FieldErrors = {};
          if (!input.category) fields.category = { key: 'field.required' };
          if (!input.grade) fields.grade = { key: 'field.required' };
          throwIfAny(fields);
          const number = input.number ?? makeCertificateNumber(person.idNumber, input.category!, input.grade!);
          const checked = checkedCertificate(
            { number, issuedOn: input.issuedOn ?? today, components: input.components },
            person,
            today,
            fields,
            'certificate',
          );
          throwIfAny(unprefix(fields));
          next = { ...checked!, validUntil: certificateValidUntil(checked!.issuedOn) };
          event = 'change';
          break;
        }
        case 'reissue': {
          requireCurrent();
          const parsed = parseCertificateNumber(person.certNumber!)!;
          next = {
            number: makeCertificateNumber(person.idNumber, parsed.category, parsed.grade, parsed.reissue + 1),
            category: person.category!,
            grade: person.grade!,
            components: person.components,
            issuedOn: person.certIssuedOn!,
            validUntil: person.certValidUntil!,
          };
          event = 'reissue';
          break;
        }
        case 'freeze':
          requireCurrent();
          requireReason();
          if (person.certState === 'frozen') throw new AppError('CERTIFICATE_FROZEN', 409);
          state = 'frozen';
          break;
        case 'unfreeze':
          requireCurrent();
          if (person.certState !== 'frozen') throw new AppError('CERTIFICATE_NOT_FROZEN', 409);
          state = 'normal';
          break;
        case 'cancel':
          requireCurrent();
          requireReason();
          state = 'cancelled';
          break;
      }

      // The certificate on the row ends when replaced or cancelled: it goes into the history. (A
      // cancelled one went in when it was cancelled, so an issue after a cancel ends nothing.)
      const endReason = input.action === 'cancel' ? `cancel: ${input.reason}` : next && hasCurrent ? event : null;
      if (endReason) {
        await tx.insert(certificates).values({
          personId: person.id,
          number: person.certNumber!,
          category: person.category!,
          grade: person.grade!,
          components: person.components,
          issuedOn: person.certIssuedOn!,
          validUntil: person.certValidUntil!,
          event: person.certEvent,
          endedOn: today,
          endReason,
        });
      }
      const [updated] = await tx
        .update(persons)
        .set({
          ...(next
            ? {
                certNumber: next.number,
                category: next.category,
                grade: next.grade,
                components: next.components,
                certIssuedOn: next.issuedOn,
                certValidUntil: next.validUntil,
                certEvent: event!,
              }
            : {}),
          certState: state,
          updatedAt: o.now,
          version: sql`${persons.version} + 1`,
        })
        .where(eq(persons.id, person.id))
        .returning();
      await audit(tx, o.actor, person, updated!, input, o.now);
      return toPersonView(updated!, {
        role: o.actor.role,
        today,
        regionName: await regionNameOf(tx, updated!.regionCode),
      });
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    duplicateToConflict(err);
  }
}

/** Field names of the action body are flat (`number`), not nested under `certificate.`. */
function unprefix(fields: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^certificate\./, ''), v]));
}

async function audit(tx: Tx, actor: Actor, before: PersonRow, after: PersonRow, input: CertificateAction, now: Date) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const pairs: [string, unknown, unknown][] = [
    [
      'certNumber',
      before.certNumber && maskCertificateNumber(before.certNumber),
      after.certNumber && maskCertificateNumber(after.certNumber),
    ],
    ['category', before.category, after.category],
    ['grade', before.grade, after.grade],
    ['certValidUntil', before.certValidUntil, after.certValidUntil],
    ['certState', before.certState, after.certState],
  ];
  for (const [field, from, to] of pairs) if (from !== to) changes[field] = { from, to };
  await writeAudit(
    tx,
    actor,
    {
      action: `certificate.${input.action}`,
      entityType: 'person',
      entityId: before.id,
      regionCode: before.regionCode,
      details: { changes, reason: input.reason ?? null },
    },
    now,
  );
}

/**
 * A person's certificates, oldest first: the ended ones from `certificates`, then the one on the
 * person row, marked current. A cancelled certificate is still the person's (current, with its end),
 * and is already in the history since its cancel.
 */
export async function listCertificates(o: { db: Db; actor: Actor; personId: string }) {
  assertCan(o.actor, 'persons.read');
  const person = await findPersonInScope(o.db, o.actor, o.personId);
  const unmasked = seesUnmasked(o.actor.role);
  const ended = await o.db
    .select()
    .from(certificates)
    .where(eq(certificates.personId, o.personId))
    .orderBy(asc(certificates.createdAt), asc(certificates.endedOn));
  const list = ended.map((r) => ({
    id: r.id,
    number: r.number,
    category: r.category,
    grade: r.grade,
    components: r.components,
    issuedOn: r.issuedOn,
    validUntil: r.validUntil,
    event: r.event,
    current: false,
    endedOn: r.endedOn as string | null,
    endReason: r.endReason as string | null,
  }));
  if (person.certNumber && person.certState === 'cancelled') {
    const last = list.at(-1);
    if (last?.number === person.certNumber) last.current = true;
  } else if (person.certNumber) {
    list.push({
      id: person.id,
      number: person.certNumber,
      category: person.category!,
      grade: person.grade!,
      components: person.components,
      issuedOn: person.certIssuedOn!,
      validUntil: person.certValidUntil!,
      event: person.certEvent,
      current: true,
      endedOn: null,
      endReason: null,
    });
  }
  return list.map((c) => ({
    ...c,
    number: unmasked ? c.number : maskCertificateNumber(c.number),
    components: c.components ?? [],
  }));
}
