import { ROOT_REGION_CODE } from '@huican/core';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';

export type UserView = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  regionCode: string;
  regionName: string | null;
};

export async function regionNameOf(db: Queryable, code: string): Promise<string | null> {
  if (code === ROOT_REGION_CODE) return null;
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return row?.name ?? null;
}

export async function toUserView(
  db: Queryable,
  u: { id: string; username: string; displayName: string; role: string; regionCode: string },
): Promise<UserView> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionCode: u.regionCode,
    regionName: await regionNameOf(db, u.regionCode),
  };
}
