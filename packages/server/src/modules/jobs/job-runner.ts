import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { logSafeError } from '../../http/log-safe-error.js';

export type JobRow = typeof jobs.$inferSelect;

export type JobContext = {
  db: Db;
  job: JobRow;
  /** Records progress (and proves the job is alive to other instances). */
  progress(done: number, total?: number): Promise<void>;
};

/** What a job hands back: stored in `result`; `failed` marks a job that ran but refused its input. */
export type JobOutcome = { result: Record<string, unknown>; failed?: boolean };

export type JobHandler = {
  run(ctx: JobContext): Promise<JobOutcome>;
  /**
   * True when running the job again from the start is safe (it is one transaction, or idempotent):
   * such jobs are requeued after a crash; the others are marked failed.
   */
  restartable: boolean;
};

export type JobRunnerOptions = {
  db: Db;
  handlers: Record<string, JobHandler>;
  log: FastifyBaseLogger;
  now?: () => Date;
  pollMs?: number;
  /** A running job whose heartbeat is older than this belongs to a dead instance. */
  staleMs?: number;
  /** With one database connection (PGlite) there is one instance: every running job at start is orphaned. */
  singleInstance: boolean;
};

export class JobRunner {
  readonly instanceId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly now: () => Date;

  constructor(private readonly o: JobRunnerOptions) {
    this.now = o.now ?? (() => new Date());
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.recover();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Asks the runner to look for work now (after a job was queued). */
  kick(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
        if (!this.stopped) this.schedule(this.o.pollMs ?? 1000);
      });
    }, ms);
    this.timer.unref?.();
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.runOnce())) {
      // keep going while there is queued work
    }
  }

  /** Jobs left running by a crashed or stopped instance: requeue the restartable, fail the rest. */
  async recover(): Promise<number> {
    const staleBefore = new Date(this.now().getTime() - (this.o.staleMs ?? 120_000));
    const orphaned = this.o.singleInstance
      ? eq(jobs.status, 'running')
      : and(eq(jobs.status, 'running'), or(isNull(jobs.heartbeatAt), lt(jobs.heartbeatAt, staleBefore)));
    const rows = await this.o.db
      .select({ id: jobs.id, kind: jobs.kind, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts })
      .from(jobs)
      .where(orphaned);
    for (const job of rows) {
      const handler = this.o.handlers[job.kind];
      const requeue = handler?.restartable && job.attempts < job.maxAttempts;
      await this.o.db
        .update(jobs)
        .set(
          requeue
            ? { status: 'queued', lockedBy: null, progressDone: 0 }
            : { status: 'failed', error: 'JOB_INTERRUPTED', finishedAt: this.now(), lockedBy: null },
        )
        .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running')));
      this.o.log.warn({ jobId: job.id, kind: job.kind, requeue }, 'recovered an interrupted job');
    }
    return rows.length;
  }

  /** Claims one queued job (SKIP LOCKED: two instances never take the same job) and runs it. */
  async runOnce(): Promise<boolean> {
    const now = this.now();
    const claimed = await this.o.db.execute(sql`
      update jobs set status = 'running', attempts = attempts + 1, locked_by = ${this.instanceId},
        started_at = ${now.toISOString()}::timestamptz, heartbeat_at = ${now.toISOString()}::timestamptz
      where id = (
        select id from jobs where status = 'queued' order by created_at, id
        for update skip locked limit 1
      )
      returning id`);
    const id = ((claimed as { rows?: { id: string }[] }).rows ?? (claimed as unknown as { id: string }[]))[0]?.id;
    if (!id) return false;
    const { input: _input, ...columns } = getTableColumns(jobs);
    const [row] = await this.o.db
      .select({ ...columns, inputBase64: sql<string | null>`encode(${jobs.input}, 'base64')` })
      .from(jobs)
      .where(eq(jobs.id, id));
    if (!row) return false;
    const { inputBase64, ...rest } = row;
    const job: JobRow = {
      ...rest,
      input: inputBase64 === null ? null : new Uint8Array(Buffer.from(inputBase64, 'base64')),
    };
    await this.execute(job);
    return true;
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.o.handlers[job.kind];
    const finish = (values: Partial<JobRow>) =>
      this.o.db
        .update(jobs)
        .set({ ...values, finishedAt: this.now(), lockedBy: null })
        .where(eq(jobs.id, job.id));
    if (!handler) {
      await finish({ status: 'failed', error: 'JOB_UNKNOWN_KIND' });
      return;
    }
    const ctx: JobContext = {
      db: this.o.db,
      job,
      progress: async (done, total) => {
        await this.o.db
          .update(jobs)
          .set({
            progressDone: done,
            ...(total === undefined ? {} : { progressTotal: total }),
            heartbeatAt: this.now(),
          })
          .where(eq(jobs.id, job.id));
      },
    };
    try {
      const outcome = await handler.run(ctx);
      await finish({ status: outcome.failed ? 'failed' : 'succeeded', result: outcome.result });
    } catch (err) {
      const code = err instanceof AppError ? err.messageKey : 'INTERNAL';
      const params = err instanceof AppError ? (err.details.params ?? {}) : {};
      if (!(err instanceof AppError))
        this.o.log.error({ err: logSafeError(err), jobId: job.id, kind: job.kind }, 'job failed');
      await finish({ status: 'failed', error: code, result: { errorParams: params } });
    }
  }
}
