import type { Db } from '../../db/client.js';
import type { FieldErrors } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { readXlsxRows } from '../../spreadsheets/read-sheet.js';
import { throwIfAny } from '../persons/person-rules.js';
import { findProgram } from './find-program.js';
import { targetsView } from './list-targets.js';
import { MAX_TARGET } from './programs.schemas.js';
import { type TargetRow, targetRegionProblems, writeTargets } from './write-targets.js';

export const TARGET_COLUMNS = { regionCode: '区划代码', name: '乡镇名称', target: '目标数' } as const;
export const TARGET_IMPORT_MAX_ROWS = 1000;

const REGION_KEYS = {
  OUT_OF_SCOPE: 'regionCode.OUT_OF_SCOPE',
  NOT_FOUND: 'region.NOT_FOUND',
  NOT_A_TOWNSHIP: 'targets.NOT_A_TOWNSHIP',
} as const;

/**
 * Township targets of a year from an xlsx (区划代码, 乡镇名称 (informative, not checked), 目标数), up to
 * 1,000 rows, read and applied synchronously. Every row is checked first; any problem answers 400 with
 * `fields` keyed `row <spreadsheet row>.<column>` (header = row 1) and nothing is written. Otherwise the
 * townships' targets are set in one transaction with one audit row, as PUT …/targets/{year} does. A region
 * outside the caller's scope is a row problem here (`regionCode.OUT_OF_SCOPE`), not a 404 for the file.
 */
export async function importTargets(o: {
  db: Db;
  actor: Actor;
  code: string;
  year: number;
  file: Uint8Array;
  fileName: string;
  now: Date;
}) {
  assertCan(o.actor, 'programs.plan');
  await findProgram(o.db, o.code);
  const sheet = await readXlsxRows(o.file, {
    required: [TARGET_COLUMNS.regionCode, TARGET_COLUMNS.target],
    maxRows: TARGET_IMPORT_MAX_ROWS,
  });
  const fields: FieldErrors = {};
  const rows: (TargetRow & { rowNumber: number })[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { rowNumber, values } of sheet) {
    const codeField = `row ${rowNumber}.${TARGET_COLUMNS.regionCode}`;
    const targetField = `row ${rowNumber}.${TARGET_COLUMNS.target}`;
    const code = values[TARGET_COLUMNS.regionCode] ?? '';
    const targetText = values[TARGET_COLUMNS.target] ?? '';
    let ok = true;
    if (code === '') {
      fields[codeField] = { key: 'field.required' };
      ok = false;
    } else if (!/^\d{12}$/.test(code)) {
      fields[codeField] = { key: 'regionCode.FORMAT' };
      ok = false;
    } else if (firstRowOf.has(code)) {
      fields[codeField] = { key: 'regionCode.DUPLICATE_IN_FILE', params: { row: firstRowOf.get(code) } };
      ok = false;
    } else {
      firstRowOf.set(code, rowNumber);
    }
    if (targetText === '') {
      fields[targetField] = { key: 'field.required' };
      ok = false;
    } else if (!/^\d{1,10}$/.test(targetText) || Number(targetText) > MAX_TARGET) {
      fields[targetField] = { key: 'targets.NOT_A_COUNT' };
      ok = false;
    }
    if (ok) rows.push({ rowNumber, regionCode: code, target: Number(targetText) });
  }
  const problems = await targetRegionProblems(o.db, o.actor, [...firstRowOf.keys()]);
  for (const [code, problem] of problems) {
    fields[`row ${firstRowOf.get(code)}.${TARGET_COLUMNS.regionCode}`] = { key: REGION_KEYS[problem] };
  }
  throwIfAny(fields);
  return o.db.transaction(async (tx) => {
    await writeTargets(tx, {
      actor: o.actor,
      code: o.code,
      year: o.year,
      rows: rows.map(({ regionCode, target }) => ({ regionCode, target })),
      now: o.now,
      action: 'program.targets.import',
      details: { fileName: o.fileName, rows: rows.length },
    });
    return { ...(await targetsView(tx, o.actor, o.code, o.year)), imported: rows.length };
  });
}
