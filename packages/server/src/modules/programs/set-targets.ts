import type { Db } from '../../db/client.js';
import { AppError, type FieldErrors } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { throwIfAny } from '../persons/person-rules.js';
import { findProgram } from './find-program.js';
import { targetsView } from './list-targets.js';
import type { TargetsInput } from './programs.schemas.js';
import { targetRegionProblems, writeTargets } from './write-targets.js';

const FIELD_KEYS = { NOT_FOUND: 'region.NOT_FOUND', NOT_A_TOWNSHIP: 'targets.NOT_A_TOWNSHIP' } as const;

/**
 * Sets the year's targets of the townships listed (admin, officer); other townships keep theirs, 0 is a
 * target. All or nothing: a township outside the caller's scope answers 404 REGION_NOT_FOUND, an unknown
 * code, a region that is not a township or a township listed twice 400 on `<index>.regionCode`.
 */
export async function setTargets(o: {
  db: Db;
  actor: Actor;
  code: string;
  year: number;
  input: TargetsInput;
  now: Date;
}) {
  assertCan(o.actor, 'programs.plan');
  await findProgram(o.db, o.code);
  const fields: FieldErrors = {};
  const seen = new Set<string>();
  o.input.forEach((row, i) => {
    if (seen.has(row.regionCode)) fields[`${i}.regionCode`] = { key: 'targets.DUPLICATE_REGION' };
    seen.add(row.regionCode);
  });
  throwIfAny(fields);
  const problems = await targetRegionProblems(o.db, o.actor, [...seen]);
  if ([...problems.values()].includes('OUT_OF_SCOPE')) throw new AppError('REGION_NOT_FOUND', 404);
  o.input.forEach((row, i) => {
    const problem = problems.get(row.regionCode);
    if (problem && problem !== 'OUT_OF_SCOPE') fields[`${i}.regionCode`] = { key: FIELD_KEYS[problem] };
  });
  throwIfAny(fields);
  return o.db.transaction(async (tx) => {
    await writeTargets(tx, {
      actor: o.actor,
      code: o.code,
      year: o.year,
      rows: o.input,
      now: o.now,
      action: 'program.targets.set',
    });
    return targetsView(tx, o.actor, o.code, o.year);
  });
}
