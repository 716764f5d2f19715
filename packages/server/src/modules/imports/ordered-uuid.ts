import { randomInt } from 'node:crypto';

/**
 * Time-ordered UUIDs (RFC 9562 version 7) for the rows of one bulk insert: the millisecond of the
 * import, a random part fixed for the import, then a counter. Rows inserted together land together
 * in the primary-key index (and in every index on the id, such as certificates.person_id), where
 * random UUIDs would touch a different index page for every row once the table outgrows memory.
 */
export function orderedUuids(now: number = Date.now()): () => string {
  const time = now.toString(16).padStart(12, '0');
  const head = `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomInt(0x1000).toString(16).padStart(3, '0')}-${(
    0x8000 | randomInt(0x4000)
  ).toString(16)}-`;
  let counter = randomInt(2 ** 46);
  return () => head + (counter++).toString(16).padStart(12, '0');
}
