import { ROOT_REGION_CODE, type Role } from '@huican/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { writeAudit } from '../audit/write-audit.js';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { toUserView } from '../auth/user-view.js';
import { findRegionInScope } from '../regions/region-queries.js';
import { assertRoleFitsRegion } from './user-rules.js';

export type CreateUserInput = {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  regionCode: string;
};

/** An admin creates a user inside its own scope. */
export async function createUser({
  db,
  actor,
  input,
  now,
}: {
  db: Db;
  actor: Actor;
  input: CreateUserInput;
  now: Date;
}) {
  assertCan(actor, 'users.write');
  assertPasswordPolicy(input.password, input.username);
  assertRoleFitsRegion(input.role, input.regionCode);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (input.regionCode === ROOT_REGION_CODE) {
      if (actor.regionCode !== ROOT_REGION_CODE) throw new AppError('REGION_NOT_FOUND', 404);
    } else {
      await findRegionInScope(tx, actor, input.regionCode);
    }
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`);
    if (taken) throw new AppError('DUPLICATE_USERNAME', 409);
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        regionCode: input.regionCode,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(
      tx,
      actor,
      {
        action: 'user.create',
        entityType: 'user',
        entityId: created!.id,
        regionCode: input.regionCode,
        details: { username: input.username, role: input.role, regionCode: input.regionCode },
      },
      now,
    );
    return {
      ...(await toUserView(tx, created!)),
      active: created!.active,
      createdAt: created!.createdAt.toISOString(),
    };
  });
}
