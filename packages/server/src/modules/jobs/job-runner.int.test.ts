import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';
import { JobRunner } from './job-runner.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const silent = { warn() {}, error() {}, info() {} } as never;

async function insertJob(kind: string, status: 'queued' | 'running', attempts = 0) {
  const [row] = await t.database.db
    .insert(jobs)
    .values({ kind, status, attempts, maxAttempts: 2, heartbeatAt: new Date(Date.now() - 10 * 60_000) })
    .returning();
  return row!.id;
}

describe('JobRunner', () => {
  it('runs a queued job, records progress and result', async () => {
    const id = await insertJob('test.ok', 'queued');
    const runner = new JobRunner({
      db: t.database.db,
      singleInstance: true,
      log: silent,
      handlers: {
        'test.ok': {
          restartable: true,
          async run({ progress }) {
            await progress(1, 2);
            await progress(2);
            return { result: { answer: 42 } };
          },
        },
      },
    });
    expect(await runner.runOnce()).toBe(true);
    const [row] = await t.database.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: 'succeeded', progressDone: 2, progressTotal: 2, result: { answer: 42 } });
    expect(await runner.runOnce()).toBe(false);
  });

  it('records a failure with its reason', async () => {
    const id = await insertJob('test.boom', 'queued');
    const runner = new JobRunner({
      db: t.database.db,
      singleInstance: true,
      log: silent,
      handlers: {
        'test.boom': {
          restartable: false,
          run: async () => {
            throw new Error('boom');
          },
        },
      },
    });
    await runner.runOnce();
    const [row] = await t.database.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: 'failed', error: 'INTERNAL' });
  });

  it('after a restart requeues restartable jobs and fails the others, never leaving them running', async () => {
    const restartable = await insertJob('test.restartable', 'running', 1);
    const exhausted = await insertJob('test.restartable', 'running', 2);
    const oneShot = await insertJob('test.oneshot', 'running', 1);
    const runner = new JobRunner({
      db: t.database.db,
      singleInstance: false,
      staleMs: 60_000,
      log: silent,
      handlers: {
        'test.restartable': { restartable: true, run: async () => ({ result: {} }) },
        'test.oneshot': { restartable: false, run: async () => ({ result: {} }) },
      },
    });
    expect(await runner.recover()).toBe(3);
    const status = async (id: string) => (await t.database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
    expect((await status(restartable)).status).toBe('queued');
    expect(await status(exhausted)).toMatchObject({ status: 'failed', error: 'JOB_INTERRUPTED' });
    expect(await status(oneShot)).toMatchObject({ status: 'failed', error: 'JOB_INTERRUPTED' });
  });

  it('does not take over a job another live instance is running', async () => {
    const [row] = await t.database.db
      .insert(jobs)
      .values({ kind: 'test.oneshot', status: 'running', heartbeatAt: new Date() })
      .returning();
    const runner = new JobRunner({
      db: t.database.db,
      singleInstance: false,
      log: silent,
      handlers: { 'test.oneshot': { restartable: false, run: async () => ({ result: {} }) } },
    });
    await runner.recover();
    expect((await t.database.db.select().from(jobs).where(eq(jobs.id, row!.id)))[0]!.status).toBe('running');
  });
});
