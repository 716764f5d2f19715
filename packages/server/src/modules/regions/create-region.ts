import { checkRegionCode, countyCodeOf, ROOT_REGION_CODE, regionLevel, regionPrefix } from '@huican/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { findRegionInScope } from './region-queries.js';

export type CreateRegionOptions = {
  db: Db;
  actor: Actor;
  now: Date;
  input: { code: string; name: string; parentCode: string | null };
};

/** An admin adds one region: its code must fit its level and start with its parent's prefix. */
export async function createRegion({ db, actor, now, input }: CreateRegionOptions) {
  assertCan(actor, 'regions.write');
  const problem = checkRegionCode(input.code, input.parentCode);
  if (problem) {
    throw fieldError('code', `regionCode.${problem}`, {
      prefix: input.parentCode ? regionPrefix(input.parentCode) : '',
    });
  }
  return db.transaction(async (tx) => {
    if (input.parentCode) await findRegionInScope(tx, actor, input.parentCode);
    else if (actor.regionCode !== ROOT_REGION_CODE) throw new AppError('FORBIDDEN', 403);
    const [existing] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, input.code));
    if (existing) throw new AppError('DUPLICATE_REGION', 409);
    const [created] = await tx
      .insert(regions)
      .values({
        code: input.code,
        name: input.name,
        level: regionLevel(input.code)!,
        parentCode: input.parentCode,
        countyCode: countyCodeOf(input.code),
      })
      .returning();
    await writeAudit(
      tx,
      actor,
      {
        action: 'region.create',
        entityType: 'region',
        entityId: input.code,
        regionCode: input.code,
        details: { name: input.name, parentCode: input.parentCode },
      },
      now,
    );
    return {
      code: created!.code,
      name: created!.name,
      level: created!.level,
      parentCode: created!.parentCode,
    };
  });
}
