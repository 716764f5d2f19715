import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { programTargets, regions } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { scopeWhere } from '../../scope.js';
import { buildAnnotatedTemplate } from '../../spreadsheets/template.js';
import { findProgram } from './find-program.js';
import { TARGET_COLUMNS } from './import-targets.js';

/**
 * The targets import template with the caller's townships filled in; with a programme and year, their
 * current targets too (so that the sheet can be edited and imported back).
 */
export async function targetsTemplate(o: {
  db: Queryable;
  actor: Actor;
  programCode?: string | undefined;
  year?: number | undefined;
}) {
  assertCan(o.actor, 'programs.plan');
  const withTargets = o.programCode !== undefined && o.year !== undefined;
  if (o.programCode !== undefined) await findProgram(o.db, o.programCode);
  const rows = await o.db
    .select({ code: regions.code, name: regions.name, target: programTargets.target })
    .from(regions)
    .leftJoin(
      programTargets,
      and(
        eq(programTargets.regionCode, regions.code),
        eq(programTargets.programCode, withTargets ? o.programCode! : ''),
        eq(programTargets.year, withTargets ? o.year! : 0),
      ),
    )
    .where(and(eq(regions.level, 'township'), scopeWhere(o.actor, regions.code)))
    .orderBy(asc(regions.code));
  return buildAnnotatedTemplate(
    '目标任务',
    [
      { header: TARGET_COLUMNS.regionCode, note: '必填：乡镇（街道）的 12 位统计用区划代码', width: 18 },
      { header: TARGET_COLUMNS.name, note: '选填，仅供核对，导入时不读取', width: 20 },
      { header: TARGET_COLUMNS.target, note: '必填：不小于 0 的整数（人数或户数）', width: 12 },
    ],
    rows.map((r) => [r.code, r.name, r.target === null ? '' : String(r.target)]),
  );
}
