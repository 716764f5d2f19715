import { sql } from 'drizzle-orm';
import { type Db, type Queryable, rowsOf } from '../../db/client.js';
import { AppError, type FieldErrors } from '../../errors.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { type Lang, translate } from '../../i18n/messages.js';
import { readTable, tableFormatOf } from '../../spreadsheets/read-table.js';
import { columnPositions, type Table } from '../../spreadsheets/table.js';
import { writeAudit } from '../audit/write-audit.js';
import { assertBankable, findBankCycle, lineIdOfReference } from './bank-cycle.js';
import { doublePaymentToConflict } from './create-repayment.js';

export const RETURN_COLUMNS = {
  reference: '参考号',
  status: '状态',
  reason: '失败原因',
  bankReference: '银行流水号',
} as const;
const STATUS_OF: Record<string, 'paid' | 'failed'> = { 成功: 'paid', 失败: 'failed' };
/** The header may follow a title row or two (a bank returning our own file with its columns added). */
const HEADER_SEARCH_ROWS = 5;
const MAX_TEXT = 200;
const CHUNK = 5000;
const MAX_LISTED_ERRORS = 100;

type RowError = { row: number; field: string; key: string; params?: Record<string, unknown> };
type ReturnRow = {
  row: number;
  lineId: number;
  status: 'paid' | 'failed';
  reason: string | null;
  bankReference: string | null;
};

/** The table's header row (row 1, or the first of the next rows that names 参考号 and 状态) and the rows after it. */
function locateHeader(table: Table): Table {
  const required = [RETURN_COLUMNS.reference, RETURN_COLUMNS.status];
  if (required.every((c) => table.header.includes(c))) return table;
  const at = table.rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => required.every((c) => r.cells.map((x) => x.trim()).includes(c)));
  if (at === -1) {
    throw new AppError('import.NO_HEADER', 400, 'import.NO_HEADER', { params: { columns: required.join('、') } });
  }
  return { header: table.rows[at]!.cells.map((c) => c.trim()), rows: table.rows.slice(at + 1) };
}

/** Reads the rows of the return file, checking each on its own (reference format, repeats, status, lengths). */
function parseReturnFile(table: Table, cycleId: string): { rows: ReturnRow[]; errors: RowError[] } {
  const { header, rows: body } = locateHeader(table);
  const at = columnPositions(header, Object.values(RETURN_COLUMNS));
  const cell = (cells: string[], name: string) =>
    at[name as keyof typeof at] >= 0 ? (cells[at[name as keyof typeof at]] ?? '').trim() : '';
  const rows: ReturnRow[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<number, number>();
  for (const { row, cells } of body) {
    const reference = cell(cells, RETURN_COLUMNS.reference);
    const statusText = cell(cells, RETURN_COLUMNS.status);
    // The totals row of our own file (合计) carries no reference: not a line.
    if (reference === '' && cells.some((c) => c.trim() === '合计')) continue;
    let ok = true;
    const lineId = reference === '' ? null : lineIdOfReference(cycleId, reference);
    if (reference === '') {
      errors.push({ row, field: RETURN_COLUMNS.reference, key: 'field.required' });
      ok = false;
    } else if (lineId === null) {
      errors.push({ row, field: RETURN_COLUMNS.reference, key: 'reconciliation.REFERENCE_FORMAT' });
      ok = false;
    } else if (firstRowOf.has(lineId)) {
      errors.push({
        row,
        field: RETURN_COLUMNS.reference,
        key: 'reconciliation.DUPLICATE_REFERENCE',
        params: { row: firstRowOf.get(lineId) },
      });
      ok = false;
    } else {
      firstRowOf.set(lineId, row);
    }
    const status = STATUS_OF[statusText];
    if (!status) {
      errors.push({ row, field: RETURN_COLUMNS.status, key: 'reconciliation.BAD_STATUS' });
      ok = false;
    }
    const reason = cell(cells, RETURN_COLUMNS.reason);
    const bankReference = cell(cells, RETURN_COLUMNS.bankReference);
    for (const [field, value] of [
      [RETURN_COLUMNS.reason, reason],
      [RETURN_COLUMNS.bankReference, bankReference],
    ] as const) {
      if (value.length > MAX_TEXT) {
        errors.push({ row, field, key: 'reconciliation.TOO_LONG', params: { max: MAX_TEXT } });
        ok = false;
      }
    }
    if (ok && lineId !== null && status) {
      rows.push({ row, lineId, status, reason: reason || null, bankReference: bankReference || null });
    }
  }
  if (rows.length === 0 && errors.length === 0) throw new AppError('import.EMPTY', 400);
  return { rows, errors };
}

type LineState = { id: number; status: string; repaid: boolean };

/** The cycle's lines named by the file, with whether a live re-payment line pays them again. */
async function linesOf(tx: Queryable, cycleId: string, ids: number[]): Promise<Map<number, LineState>> {
  const out = new Map<number, LineState>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = rowsOf<{ id: string | number; status: string; repaid: boolean }>(
      await tx.execute(sql`
        select l.id, l.status,
          exists (select 1 from payment_lines r where r.id = l.repaid_by_line_id and r.status <> 'void') as repaid
        from payment_lines l
        where l.cycle_id = ${cycleId}::uuid and l.status <> 'void'
          and l.id = any(${`{${chunk.join(',')}}`}::bigint[])`),
    );
    for (const r of rows) out.set(Number(r.id), { id: Number(r.id), status: r.status, repaid: r.repaid });
  }
  return out;
}

function invalidFile(errors: RowError[], lang: Lang): AppError {
  errors.sort((a, b) => a.row - b.row);
  const fields: FieldErrors = {};
  for (const e of errors)
    fields[`row ${e.row}.${e.field}`] ??= { key: e.key, ...(e.params ? { params: e.params } : {}) };
  return new AppError('RECONCILIATION_INVALID', 400, 'RECONCILIATION_INVALID', {
    params: { count: errors.length },
    fields,
    extra: {
      errors: errors
        .slice(0, MAX_LISTED_ERRORS)
        .map((e) => ({ row: e.row, field: e.field, message: translate(e.key, lang, e.params) })),
    },
  });
}

/**
 * Imports the bank's return file (回盘文件, xlsx or CSV in UTF-8 or GB18030) of an approved or paid cycle:
 * columns 参考号 (the reference of the bank file), 状态 (成功/失败), optional 失败原因 and 银行流水号.
 * All or nothing: any unknown or repeated reference or bad status answers 400 with the rows (header = row 1)
 * and nothing is written. Otherwise, in one transaction: 成功 → the line is paid (paid today, the bank's
 * serial number kept), 失败 → failed with the reason; a line already in that state is unchanged. A paid
 * line may turn failed (the bank returned the money); a failed line that a re-payment batch pays again
 * may not turn paid. The cycle's own status is left to its actions (mark_paid).
 */
export async function reconcileCycle(o: {
  db: Db;
  actor: Actor;
  cycleId: string;
  file: Uint8Array;
  fileName: string;
  now: Date;
  today: string;
  lang: Lang;
}) {
  assertCan(o.actor, 'payments.bank');
  assertBankable(await findBankCycle(o.db, o.actor, o.cycleId));
  const { rows, errors } = parseReturnFile(await readTable(o.file, tableFormatOf(o.fileName, o.file)), o.cycleId);

  return o.db
    .transaction(async (tx) => {
      // Locking the cycle serialises reconciliations and re-payment batches of the same cycle.
      const cycle = await findBankCycle(tx, o.actor, o.cycleId, { forUpdate: true });
      assertBankable(cycle);
      const lines = await linesOf(
        tx,
        cycle.id,
        rows.map((r) => r.lineId),
      );
      const changes: ReturnRow[] = [];
      let unchanged = 0;
      for (const r of rows) {
        const line = lines.get(r.lineId);
        if (!line) {
          errors.push({ row: r.row, field: RETURN_COLUMNS.reference, key: 'reconciliation.UNKNOWN_REFERENCE' });
        } else if (line.status === r.status) {
          unchanged++;
        } else if (r.status === 'paid' && line.repaid) {
          errors.push({ row: r.row, field: RETURN_COLUMNS.status, key: 'reconciliation.ALREADY_REPAID' });
        } else {
          changes.push(r);
        }
      }
      if (errors.length > 0) throw invalidFile(errors, o.lang);

      for (let i = 0; i < changes.length; i += CHUNK) {
        const json = JSON.stringify(
          changes.slice(i, i + CHUNK).map((c) => ({
            id: c.lineId,
            status: c.status,
            reason: c.reason,
            bank_reference: c.bankReference,
          })),
        );
        await tx.execute(sql`
        update payment_lines l
        set status = r.status,
          paid_on = case when r.status = 'paid' then ${o.today}::date else null end,
          failure_reason = case when r.status = 'failed' then r.reason else null end,
          bank_reference = coalesce(r.bank_reference, l.bank_reference)
        from jsonb_to_recordset(${json}::jsonb) as r(id bigint, status text, reason text, bank_reference text)
        where l.id = r.id and l.cycle_id = ${cycle.id}::uuid`);
      }
      const paid = changes.filter((c) => c.status === 'paid').length;
      const failed = changes.length - paid;
      const [left] = rowsOf<{ pending: number }>(
        await tx.execute(sql`select count(*)::int as pending from payment_lines
        where cycle_id = ${cycle.id}::uuid and status = 'pending'`),
      );
      const result = { paid, failed, unchanged, pending: Number(left?.pending ?? 0) };
      await writeAudit(
        tx,
        o.actor,
        {
          action: 'payment.reconcile',
          entityType: 'payment_cycle',
          entityId: cycle.id,
          regionCode: cycle.regionCode,
          details: { rows: rows.length, ...result },
        },
        o.now,
      );
      return result;
    })
    .catch(doublePaymentToConflict);
}
