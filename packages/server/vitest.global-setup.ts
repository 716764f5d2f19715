import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from './src/db/client.js';
import { seedServiceCatalogue } from './src/modules/portal/seed-service-catalogue.js';
import { seedProgramCatalogue } from './src/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDb: string;
  }
}

// Creating and migrating a database costs seconds; doing it once per run and copying it per test
// file costs a fraction. PGlite: dump the migrated data directory; PostgreSQL: a template database.
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `huican_tpl_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const handle = await openPostgres(u.toString(), { max: 1 });
    await handle.migrate();
    await seedProgramCatalogue(handle.db);
    await seedServiceCatalogue(handle.db, { stepWorkingDays: 10 });
    await handle.close();
    project.provide('pgTemplateDb', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.unsafe(`drop database if exists ${name}`);
      await admin.end();
    };
  }
  const handle = await openPglite();
  await handle.migrate();
  await seedProgramCatalogue(handle.db);
  // 10 = the default HUICAN_STEP_WORKING_DAYS, as the test config has it.
  await seedServiceCatalogue(handle.db, { stepWorkingDays: 10 });
  const dump = await handle.pglite!.dumpDataDir('none');
  await handle.close();
  const file = path.join(os.tmpdir(), `huican-test-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplateDb', '');
  return () => fs.rmSync(file, { force: true });
}
