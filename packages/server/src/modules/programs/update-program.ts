import { eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { programs } from '../../db/schema/index.js';
import { AppError, type FieldErrors } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { writeAudit } from '../audit/write-audit.js';
import { throwIfAny } from '../persons/person-rules.js';
import { checkedRule } from './checked-rule.js';
import { findProgram, type ProgramRow } from './find-program.js';
import { programDetail } from './get-program.js';
import type { UpdateProgramInput } from './programs.schemas.js';

const SIMPLE_FIELDS = ['nameZh', 'nameEn', 'kind', 'unit', 'active', 'autoApproval'] as const;

/**
 * Edits the catalogue entry of a programme (admin): names, kind, unit, active, auto-approval, required
 * documents and the default rule (validated). Kind and unit shape every application and payment of the
 * programme, so they change only while it has none (409 PROGRAM_IN_USE). The audit row holds before → after.
 */
export async function updateProgram(o: {
  db: Db;
  actor: Actor;
  code: string;
  input: UpdateProgramInput;
  lang: Lang;
  now: Date;
}) {
  assertCan(o.actor, 'programs.write');
  const { input } = o;
  const fields: FieldErrors = {};
  if (input.requiredDocuments) {
    const seen = new Set<string>();
    input.requiredDocuments.forEach((doc, i) => {
      if (seen.has(doc)) fields[`requiredDocuments.${i}`] = { key: 'document.DUPLICATE' };
      seen.add(doc);
    });
  }
  throwIfAny(fields);
  const rule = input.rule === undefined ? undefined : await checkedRule(o.db, input.rule);

  return o.db.transaction(async (tx) => {
    // FOR UPDATE also waits for applications being filed (their foreign key locks the programme row).
    const before = await findProgram(tx, o.code, { forUpdate: true });
    const next: Partial<ProgramRow> = {};
    for (const key of SIMPLE_FIELDS) {
      const value = input[key];
      if (value !== undefined && value !== before[key]) (next as Record<string, unknown>)[key] = value;
    }
    if (
      input.requiredDocuments &&
      JSON.stringify(input.requiredDocuments) !== JSON.stringify(before.requiredDocuments)
    ) {
      next.requiredDocuments = input.requiredDocuments;
    }
    if (rule && JSON.stringify(rule) !== JSON.stringify(before.rule)) next.rule = rule;
    if (next.kind !== undefined || next.unit !== undefined) {
      const used = await tx.execute(sql`select 1 from applications where program_code = ${before.code} limit 1`);
      if (rowsOf(used).length > 0) throw new AppError('PROGRAM_IN_USE', 409);
    }
    const changes = Object.fromEntries(
      Object.entries(next).map(([field, to]) => [field, { from: before[field as keyof ProgramRow], to }]),
    );
    if (Object.keys(changes).length === 0) return programDetail(tx, o.actor, before, o.lang);
    const [after] = await tx.update(programs).set(next).where(eq(programs.code, before.code)).returning();
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'program.update',
        entityType: 'program',
        entityId: before.code,
        regionCode: o.actor.regionCode,
        details: { changes },
      },
      o.now,
    );
    return programDetail(tx, o.actor, after!, o.lang);
  });
}
