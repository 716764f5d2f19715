import { sql } from 'drizzle-orm';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { acquireDataDirLock } from './db/data-dir-lock.js';
import { logSafeError } from './http/log-safe-error.js';
import { purgeExpiredSessions } from './modules/auth/sessions.js';
import { seedServiceCatalogue } from './modules/portal/seed-service-catalogue.js';
import { SeedError, seedIfEmpty, seedProgramCatalogue } from './seed.js';

async function main() {
  const startedAt = Date.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const releaseLock = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
  const database = await openDatabase(config);
  await database.migrate();
  await seedProgramCatalogue(database.db);
  await seedServiceCatalogue(database.db, config);
  let seeded: string | null;
  try {
    seeded = await seedIfEmpty(database.db, config);
  } catch (err) {
    if (err instanceof SeedError) {
      console.error(err.message);
      await database.close();
      releaseLock();
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp({ config, database, startJobRunner: true });
  const purge = setInterval(() => {
    purgeExpiredSessions(database.db, new Date(), {
      idleMs: config.sessionIdleMs,
      absoluteMs: config.sessionAbsoluteMs,
    }).catch((err) => app.log.error({ err: logSafeError(err) }, 'session purge failed'));
  }, 10 * 60_000);
  purge.unref();
  // PGlite has no autovacuum, so nothing keeps the planner's statistics: without them a plain aggregate over
  // the demo county took 22 s instead of 34 ms (docs/benchmarks.md, Reports). ANALYZE once the server is up
  // and every 6 hours (about a second at county scale; requests wait meanwhile on the one connection).
  if (database.kind === 'pglite') {
    const analyze = () =>
      database.db.execute(sql`analyze`).catch((err) => app.log.error({ err: logSafeError(err) }, 'analyze failed'));
    setTimeout(analyze, 1_000).unref();
    setInterval(analyze, 6 * 3600_000).unref();
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    releaseLock();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: database.kind, seeded, readyInMs: Date.now() - startedAt },
    `Huican is ready on http://${config.host}:${config.port}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
