import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';

export type EnqueueJobOptions = {
  kind: string;
  actor: Actor;
  payload?: Record<string, unknown>;
  input?: Uint8Array;
  maxAttempts?: number;
};

/** Queues a job; call `jobRunner.kick()` after the surrounding transaction commits. */
export async function enqueueJob(db: Queryable, o: EnqueueJobOptions): Promise<string> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind: o.kind,
      payload: {
        ...o.payload,
        actor: {
          userId: o.actor.userId,
          username: o.actor.username,
          role: o.actor.role,
          regionCode: o.actor.regionCode,
          ip: o.actor.ip,
          requestId: o.actor.requestId,
        },
      },
      // Base64 through SQL: PGlite converts a bytea parameter byte by byte in JavaScript (3 s for 10 MB).
      input: o.input ? sql`decode(${Buffer.from(o.input).toString('base64')}, 'base64')` : null,
      createdBy: o.actor.userId,
      regionCode: o.actor.regionCode,
      maxAttempts: o.maxAttempts ?? 2,
    })
    .returning({ id: jobs.id });
  return row!.id;
}
