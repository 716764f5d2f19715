import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '@huican/core';
import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase, openPglite, rowsOf } from './db/client.js';
import { lockHolder } from './db/data-dir-lock.js';
import type { Actor } from './http/actor.js';
import { seedServiceCatalogue } from './modules/portal/seed-service-catalogue.js';
import { createUser } from './modules/users/create-user.js';
import { seedIfEmpty, seedProgramCatalogue } from './seed.js';

const HELP = `Usage: npx huican <command> [options]

Commands:
  migrate                         apply the database migrations
  seed                            seed an empty database (HUICAN_SEED=demo|none)
  create-user --username U --role R --region CODE --name NAME
                                  create a user; the password comes from HUICAN_NEW_PASSWORD
  backup <file>                   consistent backup: PGlite → .tar.gz of the data directory
                                  (server stopped); PostgreSQL → pg_dump custom format
  restore <file>                  load a backup into an EMPTY database / data directory

The database is the one the server uses: DATABASE_URL, else HUICAN_DATA_DIR (default ./data).`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function run(argv: string[]) {
  const [command, ...rest] = argv;
  const config = (() => {
    try {
      return loadConfig();
    } catch (err) {
      if (err instanceof ConfigError) fail(err.message);
      throw err;
    }
  })();
  const assertNotRunning = () => {
    if (config.databaseUrl) return;
    const holder = lockHolder(config.dataDir);
    if (holder) fail(`The server (process ${holder}) is using ${config.dataDir}: stop it first.`);
  };

  switch (command) {
    case 'migrate': {
      assertNotRunning();
      const database = await openDatabase(config);
      await database.migrate();
      await seedProgramCatalogue(database.db);
      await seedServiceCatalogue(database.db, config);
      await database.close();
      console.info('Migrations applied.');
      return;
    }
    case 'seed': {
      assertNotRunning();
      const database = await openDatabase(config);
      await database.migrate();
      await seedProgramCatalogue(database.db);
      await seedServiceCatalogue(database.db, config);
      const seeded = await seedIfEmpty(database.db, config);
      await database.close();
      console.info(seeded ? `Seeded (${seeded}).` : 'The database has users already: nothing seeded.');
      return;
    }
    case 'create-user': {
      assertNotRunning();
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          role: { type: 'string' },
          region: { type: 'string' },
          name: { type: 'string' },
        },
      });
      const password = process.env.HUICAN_NEW_PASSWORD;
      if (!values.username || !values.role || !values.region || !password) {
        fail('create-user needs --username, --role, --region and HUICAN_NEW_PASSWORD in the environment.');
      }
      if (!isRole(values.role)) fail(`Unknown role ${values.role}; roles: ${ROLES.join(', ')}`);
      const database = await openDatabase(config);
      await database.migrate();
      const system: Actor = {
        userId: null as unknown as string,
        username: 'cli',
        displayName: 'CLI',
        role: 'admin',
        regionCode: '000000000000',
        sessionId: '',
        ip: 'local',
        requestId: 'cli',
      };
      try {
        const user = await createUser({
          db: database.db,
          actor: system,
          now: new Date(),
          input: {
            username: values.username,
            password,
            displayName: values.name ?? values.username,
            role: values.role,
            regionCode: values.region,
          },
        });
        console.info(`Created user ${user.username} (${user.role}, ${user.regionCode}).`);
      } catch (err) {
        const e = err as { code?: string; details?: unknown };
        fail(`Could not create the user: ${e.code ?? err} ${JSON.stringify(e.details ?? {})}`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'backup': {
      const file = rest[0] ?? fail('backup needs a file name');
      if (config.databaseUrl) {
        const out = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, config.databaseUrl], {
          stdio: 'inherit',
        });
        if (out.error) fail(`pg_dump could not run (${out.error.message}); install postgresql-client.`);
        if (out.status !== 0) fail('pg_dump failed.');
      } else {
        assertNotRunning();
        if (!fs.existsSync(config.dataDir)) fail(`No database at ${config.dataDir}.`);
        const database = await openPglite({ dataDir: config.dataDir });
        const dump = await database.pglite!.dumpDataDir('gzip');
        fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
        await database.close();
      }
      console.info(`Backup written to ${path.resolve(file)}.`);
      return;
    }
    case 'restore': {
      const file = rest[0] ?? fail('restore needs a file name');
      if (!fs.existsSync(file)) fail(`No such file: ${file}`);
      if (config.databaseUrl) {
        const database = await openDatabase(config);
        const tables = rowsOf<{ n: number }>(
          await database.db.execute(
            sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
          ),
        );
        await database.close();
        if ((tables[0]?.n ?? 0) > 0) fail('The target database is not empty: restore only into an empty database.');
        const out = spawnSync(
          'pg_restore',
          ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${config.databaseUrl}`, file],
          {
            stdio: 'inherit',
          },
        );
        if (out.error) fail(`pg_restore could not run (${out.error.message}); install postgresql-client.`);
        if (out.status !== 0) fail('pg_restore failed.');
      } else {
        if (fs.existsSync(config.dataDir) && fs.readdirSync(config.dataDir).length > 0) {
          fail(`${config.dataDir} is not empty: restore only into an empty data directory.`);
        }
        const blob = new Blob([fs.readFileSync(file)]);
        const database = await openPglite({ dataDir: config.dataDir, loadDataDir: blob });
        await database.migrate(); // a backup from an older version is brought up to date
        await database.close();
      }
      console.info('Restored.');
      return;
    }
    case undefined:
    case 'help':
    case '--help':
      console.info(HELP);
      return;
    default:
      fail(`Unknown command ${command}.\n\n${HELP}`);
  }
}

run(process.argv.slice(2)).catch((err) => fail(String(err?.stack ?? err)));
