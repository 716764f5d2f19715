import {
  checkCertificateNumber,
  checkComponents,
  checkIdNumber,
  checkPhone,
  isRealDate,
  normalizeCertificateNumber,
  normalizeIdNumber,
  normalizePhone,
  parseCertificateNumber,
  regionLevel,
} from '@huican/core';
import { eq } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import type { Queryable } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';
import { AppError, type FieldErrors, invalidFields } from '../../errors.js';
import type { Actor } from '../../http/actor.js';
import { assertInScope } from '../../scope.js';

/** Full pinyin and initials of a Chinese name, surname read as a surname (单 shàn, not dān). */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, '')).filter(Boolean);
  return { full: clean.join(''), initials: clean.map((s) => s[0]).join('') };
}

/** Normalises and checks an ID number; a problem lands on `field`. */
export function checkedIdNumber(raw: string, today: string, fields: FieldErrors, field = 'idNumber'): string {
  const id = normalizeIdNumber(raw);
  const problem = checkIdNumber(id, today);
  if (problem) fields[field] = { key: `idNumber.${problem}` };
  return id;
}

export function checkedPhone(raw: string | null | undefined, fields: FieldErrors, field = 'phone'): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  const phone = normalizePhone(raw);
  if (checkPhone(phone)) fields[field] = { key: 'phone.FORMAT' };
  return phone;
}

export type CheckedCertificate = {
  number: string;
  category: number;
  grade: number;
  components: { category: number; grade: number }[] | null;
  issuedOn: string;
};

/** Checks a certificate against its holder's ID: number, components of a multiple disability, issue date. */
export function checkedCertificate(
  input: { number: string; issuedOn: string; components?: { category: number; grade: number }[] | null | undefined },
  holder: { idNumber: string; birthDate: string | null },
  today: string,
  fields: FieldErrors,
  prefix = 'certificate',
): CheckedCertificate | null {
  const number = normalizeCertificateNumber(input.number);
  const problem = checkCertificateNumber(number, holder.idNumber);
  if (problem) {
    fields[`${prefix}.number`] = { key: `certificate.${problem}` };
    return null;
  }
  const parsed = parseCertificateNumber(number)!;
  const componentsProblem = checkComponents(parsed.category, parsed.grade, input.components);
  if (componentsProblem) fields[`${prefix}.components`] = { key: `components.${componentsProblem}` };
  if (input.issuedOn > today) fields[`${prefix}.issuedOn`] = { key: 'certificate.ISSUED_IN_FUTURE' };
  else if (holder.birthDate && input.issuedOn < holder.birthDate) {
    fields[`${prefix}.issuedOn`] = { key: 'certificate.ISSUED_BEFORE_BIRTH' };
  }
  if (!isRealDate(input.issuedOn)) fields[`${prefix}.issuedOn`] = { key: 'date.FORMAT' };
  return {
    number,
    category: parsed.category,
    grade: parsed.grade,
    components: parsed.category === 7 ? (input.components ?? null) : null,
    issuedOn: input.issuedOn,
  };
}

export function throwIfAny(fields: FieldErrors): void {
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
}

/**
 * A person lives in a township or a village inside the actor's scope: out of scope → 404 (as if it
 * did not exist); in scope but unknown or a county → 400 on the field.
 */
export async function assertPersonRegion(db: Queryable, actor: Actor, code: string, field = 'regionCode') {
  assertInScope(actor, code, 'REGION_NOT_FOUND');
  const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  if (!region) throw invalidFields({ [field]: { key: 'region.NOT_FOUND' } });
  if (regionLevel(code) === 'county') throw invalidFields({ [field]: { key: 'region.LEVEL_FOR_PERSON' } });
}

/** Postgres unique violations become the matching 409 (a concurrent twin got in first). */
export function duplicateToConflict(err: unknown): never {
  const e = err as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
  const pg = (e.code ? e : (e.cause as typeof e | undefined)) ?? e;
  if (pg.code === '23505') {
    const constraint = pg.constraint_name ?? pg.constraint ?? '';
    if (constraint.includes('cert')) throw new AppError('DUPLICATE_CERTIFICATE', 409);
    throw new AppError('DUPLICATE_PERSON', 409);
  }
  throw err;
}
