import { countyCodeOf, maskBankAccount, maskIdNumber, maskPhone } from '@huican/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { persons } from '../../db/schema/index.js';
import { AppError, type FieldErrors } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { regionNameOf } from '../auth/user-view.js';
import { checkedBankAccount, normalizeBankName } from './bank-account.js';
import { findPersonInScope } from './find-person-in-scope.js';
import { assertPersonRegion, checkedPhone, namePinyin, throwIfAny } from './person-rules.js';
import { type PersonRow, toPersonView } from './person-view.js';
import type { UpdatePersonInput } from './persons.schemas.js';

type Change = { from: unknown; to: unknown };

/** How a value appears in the history: personal data masked, as in the audit log itself. */
function forHistory(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field === 'phone') return maskPhone(String(value));
  if (field === 'bankAccount') return maskBankAccount(String(value));
  if (field === 'guardian') {
    const g = value as NonNullable<PersonRow['guardian']>;
    return { ...g, phone: g.phone ? maskPhone(g.phone) : null, idNumber: g.idNumber ? maskIdNumber(g.idNumber) : null };
  }
  return value;
}

/**
 * Edits a person's record with optimistic locking: the client sends the `version` it read, and a
 * record someone else changed meanwhile answers 409 STALE_VERSION. The audit row holds before → after.
 */
export async function updatePerson(o: {
  db: Db;
  actor: Actor;
  personId: string;
  input: UpdatePersonInput;
  now: Date;
  today: string;
}) {
  assertCan(o.actor, 'persons.write');
  const { input } = o;
  const fields: FieldErrors = {};
  if (input.idNumber !== undefined) fields.idNumber = { key: 'idNumber.IMMUTABLE' };
  const phone = input.phone === undefined ? undefined : checkedPhone(input.phone, fields);
  const guardianPhone = input.guardian ? checkedPhone(input.guardian.phone, fields, 'guardian.phone') : null;
  const bankAccount = input.bankAccount === undefined ? undefined : checkedBankAccount(input.bankAccount, fields);
  throwIfAny(fields);

  return o.db.transaction(async (tx) => {
    const before = await findPersonInScope(tx, o.actor, o.personId, { forUpdate: true });
    if (before.version !== input.version) throw new AppError('STALE_VERSION', 409);
    if (input.regionCode !== undefined && input.regionCode !== before.regionCode) {
      await assertPersonRegion(tx, o.actor, input.regionCode);
    }
    const next: Partial<PersonRow> = {};
    if (input.name !== undefined && input.name !== before.name) {
      const py = namePinyin(input.name);
      Object.assign(next, { name: input.name, namePinyin: py.full, nameInitials: py.initials });
    }
    if (input.regionCode !== undefined && input.regionCode !== before.regionCode) {
      Object.assign(next, { regionCode: input.regionCode, countyCode: countyCodeOf(input.regionCode) });
    }
    if (phone !== undefined && phone !== before.phone) next.phone = phone;
    if (input.address !== undefined && (input.address ?? null) !== before.address) next.address = input.address ?? null;
    if (input.bankName !== undefined && normalizeBankName(input.bankName) !== before.bankName) {
      next.bankName = normalizeBankName(input.bankName);
    }
    if (bankAccount !== undefined && bankAccount !== before.bankAccount) next.bankAccount = bankAccount;
    if (input.flags) {
      for (const key of ['lowIncome', 'extremePoverty', 'povertyMonitored'] as const) {
        const value = input.flags[key];
        if (value !== undefined && value !== before[key]) next[key] = value;
      }
    }
    if (input.guardian !== undefined) {
      const guardian = input.guardian ? { ...input.guardian, phone: guardianPhone } : null;
      if (JSON.stringify(guardian) !== JSON.stringify(before.guardian)) next.guardian = guardian;
    }
    const changes: Record<string, Change> = {};
    for (const [field, to] of Object.entries(next)) {
      if (field === 'namePinyin' || field === 'nameInitials' || field === 'countyCode') continue;
      changes[field] = { from: forHistory(field, before[field as keyof PersonRow]), to: forHistory(field, to) };
    }
    if (Object.keys(changes).length === 0) {
      return toPersonView(before, {
        role: o.actor.role,
        today: o.today,
        regionName: await regionNameOf(tx, before.regionCode),
      });
    }
    const [after] = await tx
      .update(persons)
      .set({ ...next, updatedAt: o.now, version: sql`${persons.version} + 1` })
      .where(and(eq(persons.id, before.id), eq(persons.version, input.version)))
      .returning();
    if (!after) throw new AppError('STALE_VERSION', 409);
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'person.update',
        entityType: 'person',
        entityId: before.id,
        regionCode: after.regionCode,
        details: { changes },
      },
      o.now,
    );
    return toPersonView(after, {
      role: o.actor.role,
      today: o.today,
      regionName: await regionNameOf(tx, after.regionCode),
    });
  });
}
