import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { institutions } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import type { Lang } from '../../i18n/messages.js';
import { scopeWhere } from '../../scope.js';
import { findProgram, type ProgramRow } from './find-program.js';
import { programYearViews, ruleLabels, toCatalogueView } from './program-view.js';

/** The detail view of a programme already read (also the answer of PATCH). */
export async function programDetail(db: Queryable, actor: Actor, program: ProgramRow, lang: Lang) {
  const [labels, years, designated] = await Promise.all([
    ruleLabels(db, [program.rule]),
    programYearViews(db, actor, program, lang),
    db
      .select({
        id: institutions.id,
        name: institutions.name,
        kind: institutions.kind,
        regionCode: institutions.regionCode,
      })
      .from(institutions)
      .where(
        and(
          sql`${program.code} = any(${institutions.programs})`,
          eq(institutions.active, true),
          scopeWhere(actor, institutions.regionCode),
        ),
      )
      .orderBy(asc(institutions.name)),
  ]);
  return { ...toCatalogueView(program, lang, labels), years, institutions: designated };
}

/**
 * A programme with its years (rule, standard, budget and target total per year) and its designated
 * institutions in the caller's scope; 404 PROGRAM_NOT_FOUND.
 */
export async function getProgram(o: { db: Queryable; actor: Actor; code: string; lang: Lang }) {
  assertCan(o.actor, 'programs.read');
  return programDetail(o.db, o.actor, await findProgram(o.db, o.code), o.lang);
}
