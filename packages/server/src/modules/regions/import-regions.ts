import { checkRegionCode, countyCodeOf, inScope, parentRegionCode, regionLevel, regionPrefix } from '@huican/core';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { buildTemplate, readXlsxRows } from '../../spreadsheets/read-sheet.js';
import { writeAudit } from '../audit/write-audit.js';
import { enqueueJob } from '../jobs/enqueue-job.js';
import type { JobHandler } from '../jobs/job-runner.js';

export const REGION_IMPORT_JOB = 'regions.import';
const COL_CODE = '区划代码';
const COL_NAME = '名称';
const MAX_ROWS = 100_000;

export type ImportMode = 'strict' | 'lenient';
type RowError = { row: number; field: string; key: string; params?: Record<string, unknown> };
type ValidRow = {
  row: number;
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  countyCode: string;
};

export async function startRegionImport(
  db: Db,
  o: { actor: Actor; file: Uint8Array; fileName: string; mode: ImportMode; now: Date },
) {
  assertCan(o.actor, 'regions.write');
  return db.transaction(async (tx) => {
    const jobId = await enqueueJob(tx, {
      kind: REGION_IMPORT_JOB,
      actor: o.actor,
      payload: { mode: o.mode, fileName: o.fileName },
      input: o.file,
    });
    await writeAudit(
      tx,
      o.actor,
      {
        action: 'region.import_started',
        entityType: 'job',
        entityId: jobId,
        regionCode: o.actor.regionCode,
        details: { fileName: o.fileName, mode: o.mode, bytes: o.file.byteLength },
      },
      o.now,
    );
    return jobId;
  });
}

/**
 * Checks every row before writing any: codes must fit their level, parents must exist (in the
 * database or earlier in the file) and lie in the importer's scope. In strict mode one bad row
 * stops the whole import; in lenient mode the good rows (and their descendants) go in.
 */
export function validateRegionRows(
  rows: { rowNumber: number; values: Record<string, string> }[],
  existing: Set<string>,
  scope: { regionCode: string },
) {
  const errors: RowError[] = [];
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  const accepted = new Set<string>();
  // Parents before children, whatever order the sheet has.
  const ordered = [...rows].sort((a, b) => levelRank(a.values[COL_CODE]) - levelRank(b.values[COL_CODE]));
  for (const { rowNumber, values } of ordered) {
    const code = (values[COL_CODE] ?? '').replace(/\s/g, '');
    const name = (values[COL_NAME] ?? '').trim();
    const fail = (field: string, key: string, params?: Record<string, unknown>) =>
      errors.push({ row: rowNumber, field, key, ...(params ? { params } : {}) });
    const parentCode = regionLevel(code) ? parentRegionCode(code) : null;
    const problem = checkRegionCode(code, parentCode);
    if (problem) {
      fail(COL_CODE, `regionCode.${problem}`, { prefix: parentCode ? regionPrefix(parentCode) : '' });
      continue;
    }
    if (!name) {
      fail(COL_NAME, 'field.required');
      continue;
    }
    if (name.length > 100) {
      fail(COL_NAME, 'field.tooLong', { max: 100 });
      continue;
    }
    const firstRow = seen.get(code);
    if (firstRow !== undefined) {
      fail(COL_CODE, 'regionCode.DUPLICATE_IN_FILE', { row: firstRow });
      continue;
    }
    seen.set(code, rowNumber);
    if (!inScope(scope, code)) {
      fail(COL_CODE, 'regionCode.OUT_OF_SCOPE');
      continue;
    }
    if (parentCode && !existing.has(parentCode) && !accepted.has(parentCode)) {
      fail(COL_CODE, 'regionCode.PARENT_NOT_FOUND');
      continue;
    }
    accepted.add(code);
    valid.push({ row: rowNumber, code, name, level: regionLevel(code)!, parentCode, countyCode: countyCodeOf(code) });
  }
  errors.sort((a, b) => a.row - b.row);
  return { valid, errors };
}

function levelRank(code: string | undefined): number {
  const level = code ? regionLevel(code.replace(/\s/g, '')) : null;
  return level === 'county' ? 0 : level === 'township' ? 1 : 2;
}

export const regionImportJob: JobHandler = {
  // One transaction: running it again after a crash cannot leave half a list behind.
  restartable: true,
  async run({ db, job, progress }) {
    const mode = (job.payload.mode as ImportMode) ?? 'strict';
    const actor = job.payload.actor as Actor;
    if (!job.input) throw new AppError('FILE_REQUIRED', 400);
    const rows = await readXlsxRows(job.input, { required: [COL_CODE, COL_NAME], maxRows: MAX_ROWS });
    await progress(0, rows.length);

    const parentCodes = [...new Set(rows.map((r) => parentRegionCode((r.values[COL_CODE] ?? '').trim()) ?? ''))].filter(
      Boolean,
    );
    const existingRows = parentCodes.length
      ? await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, parentCodes))
      : [];
    const { valid, errors } = validateRegionRows(rows, new Set(existingRows.map((r) => r.code)), actor);
    const rejected = rows.length - valid.length;
    if (mode === 'strict' && errors.length > 0) {
      await progress(rows.length, rows.length);
      return {
        failed: true,
        result: { imported: 0, updated: 0, rejected, errors: errors.slice(0, 100), errorCount: errors.length },
      };
    }

    const counts = await db.transaction(async (tx) => {
      // One set-based statement: parents and children together (foreign keys are checked at its end).
      const result = await tx.execute(sql`
        insert into regions (code, name, level, parent_code, county_code)
        select r.code, r.name, r.level, r.parent_code, r.county_code
        from jsonb_to_recordset(${JSON.stringify(
          valid.map((v) => ({
            code: v.code,
            name: v.name,
            level: v.level,
            parent_code: v.parentCode,
            county_code: v.countyCode,
          })),
        )}::jsonb) as r(code varchar, name text, level text, parent_code varchar, county_code varchar)
        on conflict (code) do update set name = excluded.name where regions.name <> excluded.name
        returning (xmax = 0) as inserted`);
      const returned = ((result as { rows?: unknown[] }).rows ?? result) as { inserted: boolean }[];
      const imported = returned.filter((r) => r.inserted).length;
      const updated = returned.length - imported;
      await writeAudit(tx, actor, {
        action: 'region.import',
        entityType: 'job',
        entityId: job.id,
        regionCode: actor.regionCode,
        details: { imported, updated, rejected, mode },
      });
      return { imported, updated };
    });
    await progress(rows.length, rows.length);
    return { result: { ...counts, rejected, errors: errors.slice(0, 100), errorCount: errors.length } };
  },
};

export function regionImportTemplate(): Promise<Buffer> {
  return buildTemplate(
    '区划',
    [COL_CODE, COL_NAME],
    [
      ['341599000000', '青禾县'],
      ['341599101000', '城关镇'],
      ['341599101001', '东街社区'],
      ['341599101201', '柳湾村'],
    ],
  );
}
