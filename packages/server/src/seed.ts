import { ROOT_REGION_CODE } from '@huican/core';
import { count, sql } from 'drizzle-orm';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { users } from './db/schema/index.js';
import { DEMO_PASSWORD, demoRegions, demoUsers } from './demo/demo-county.js';
import { SYSTEM_ACTOR, writeAudit } from './modules/audit/write-audit.js';
import { hashPassword } from './modules/auth/passwords.js';

export class SeedError extends Error {}

/** Seeds an empty database (no users yet) as configured; does nothing on a database in use. */
export async function seedIfEmpty(
  db: Db,
  config: Pick<Config, 'seed' | 'adminPassword'>,
): Promise<'demo' | 'none' | null> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return null;
  if (config.seed === 'none') {
    if (!config.adminPassword) {
      throw new SeedError('HUICAN_ADMIN_PASSWORD is required with HUICAN_SEED=none on an empty database');
    }
    await seedAdminOnly(db, config.adminPassword);
    return 'none';
  }
  await seedDemo(db);
  return 'demo';
}

export async function seedAdminOnly(db: Db, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [admin] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: '系统管理员',
        passwordHash,
        role: 'admin',
        regionCode: ROOT_REGION_CODE,
      })
      .returning({ id: users.id });
    await writeAudit(tx, SYSTEM_ACTOR, { action: 'seed.none', entityType: 'user', entityId: admin!.id });
  });
}

/** The demo county, set-based: one statement for the regions, one for the users. */
export async function seedDemo(db: Db): Promise<void> {
  const regionRows = demoRegions();
  const accounts = demoUsers(regionRows);
  const hashes = await Promise.all(accounts.map(() => hashPassword(DEMO_PASSWORD)));
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into regions (code, name, level, parent_code, county_code)
      select r.code, r.name, r.level, r.parent_code, left(r.code, 6)
      from jsonb_to_recordset(${JSON.stringify(
        regionRows.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })),
      )}::jsonb) as r(code varchar, name text, level text, parent_code varchar)`);
    await tx.insert(users).values(accounts.map((a, i) => ({ ...a, passwordHash: hashes[i]! })));
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: 'seed.demo',
      entityType: 'database',
      details: { regions: regionRows.length, users: accounts.length },
    });
  });
}
