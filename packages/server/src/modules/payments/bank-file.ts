import { PassThrough, Readable } from 'node:stream';
import { maskIdNumber } from '@huican/core';
import { and, asc, eq, gt, ne, type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { paymentLines, persons } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { logSafeError } from '../../http/log-safe-error.js';
import { safeCell } from '../../spreadsheets/safe-cell.js';
import { writeAudit } from '../audit/write-audit.js';
import { regionNameOf } from '../auth/user-view.js';
import {
  assertBankable,
  type BankCycle,
  findBankCycle,
  lineReference,
  lineSummary,
  shortCycleId,
  yuan,
} from './bank-cycle.js';

export type BankFileFormat = 'xlsx' | 'csv';

export const BANK_FILE_COLUMNS = [
  '序号',
  '户名',
  '开户行',
  '银行账号',
  '金额（元）',
  '用途/摘要',
  '参考号',
  '身份证号',
] as const;
export const PAYMENT_SHEET = '代发明细';
export const MISSING_ACCOUNT_SHEET = '缺少账号';

const CHUNK = 5000;
/** Output buffered beyond this waits for the client: memory stays flat however many lines the cycle has. */
const BUFFER_LIMIT = 1024 * 1024;
const WIDTHS = [8, 12, 24, 24, 12, 30, 20, 21];

type BankLine = {
  id: number;
  kind: string;
  period: string;
  amountCents: number;
  payeeName: string;
  bankName: string | null;
  bankAccount: string | null;
  idNumber: string;
};

const hasAccount = sql`coalesce(${paymentLines.bankAccount}, '') <> ''`;

/** The lines of the cycle, with or without an account, in id order, a chunk at a time (keyset on id). */
async function* bankLines(db: Db, cycleId: string, withAccount: boolean): AsyncGenerator<BankLine[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select({
        id: paymentLines.id,
        kind: paymentLines.kind,
        period: paymentLines.period,
        amountCents: paymentLines.amountCents,
        payeeName: paymentLines.payeeName,
        bankName: paymentLines.bankName,
        bankAccount: paymentLines.bankAccount,
        idNumber: persons.idNumber,
      })
      .from(paymentLines)
      .innerJoin(persons, eq(persons.id, paymentLines.personId))
      .where(
        and(
          eq(paymentLines.cycleId, cycleId),
          ne(paymentLines.status, 'void'),
          withAccount ? hasAccount : sql`not ${hasAccount}`,
          gt(paymentLines.id, after),
        ),
      )
      .orderBy(asc(paymentLines.id))
      .limit(CHUNK);
    if (rows.length > 0) yield rows;
    if (rows.length < CHUNK) return;
    after = rows[rows.length - 1]!.id;
  }
}

type Totals = { lines: number; totalCents: number; missing: number; missingCents: number };

async function cycleTotals(db: Db, cycleId: string): Promise<Totals> {
  const count = (where: SQL) => sql<number>`count(*) filter (where ${where})`.mapWith(Number);
  const sum = (where: SQL) =>
    sql<number>`coalesce(sum(${paymentLines.amountCents}) filter (where ${where}), 0)`.mapWith(Number);
  const [row] = await db
    .select({
      lines: count(hasAccount),
      totalCents: sum(hasAccount),
      missing: count(sql`not ${hasAccount}`),
      missingCents: sum(sql`not ${hasAccount}`),
    })
    .from(paymentLines)
    .where(and(eq(paymentLines.cycleId, cycleId), ne(paymentLines.status, 'void')));
  return row ?? { lines: 0, totalCents: 0, missing: 0, missingCents: 0 };
}

/**
 * The bank disbursement file (代发文件) of an approved or paid cycle: one row per line with an account
 * (void lines left out), with the full account number — the bank pays by account and name — and the ID
 * number masked. Lines whose payee has no account are not in the payment sheet (the bank could not pay
 * them): the xlsx lists them in a second sheet 缺少账号, the CSV leaves them out. Streamed a chunk of
 * lines at a time, so memory stays flat for a million lines. Every download is audited with the line
 * count and total, before the first byte leaves.
 */
export async function bankFile(o: {
  db: Db;
  actor: Actor;
  cycleId: string;
  format: BankFileFormat;
  now: Date;
  log: FastifyBaseLogger;
}): Promise<{ stream: Readable; fileName: string; totals: Totals }> {
  assertCan(o.actor, 'payments.bank');
  const cycle = await findBankCycle(o.db, o.actor, o.cycleId);
  assertBankable(cycle);
  const totals = await cycleTotals(o.db, cycle.id);
  await writeAudit(
    o.db,
    o.actor,
    {
      action: 'payment.bank_file',
      entityType: 'payment_cycle',
      entityId: cycle.id,
      regionCode: cycle.regionCode,
      details: {
        format: o.format,
        lines: totals.lines,
        totalCents: totals.totalCents,
        missingAccount: totals.missing,
      },
    },
    o.now,
  );
  const fileName = `代发-${cycle.programName}-${cycle.period}-${shortCycleId(cycle.id)}.${o.format}`;
  const stream =
    o.format === 'csv'
      ? // Byte mode: at most one chunk of lines is read ahead of what the client has taken.
        Readable.from(csvChunks(o.db, cycle), { objectMode: false })
      : xlsxStream(o.db, cycle, totals, await regionNameOf(o.db, cycle.regionCode), o.log);
  if (o.format === 'csv') {
    stream.on('error', (err) => o.log.error({ err: logSafeError(err), cycleId: cycle.id }, 'bank file failed'));
  }
  return { stream, fileName, totals };
}

function lineCells(cycle: BankCycle, line: BankLine, n: number) {
  return [
    n,
    safeCell(line.payeeName),
    safeCell(line.bankName),
    safeCell(line.bankAccount),
    yuan(line.amountCents),
    safeCell(lineSummary(cycle.programName, line)),
    lineReference(cycle.id, line.id),
    maskIdNumber(line.idNumber),
  ] as const;
}

/**
 * Resolves once the client has taken most of what is buffered (or has gone away). Polled: the zip writer
 * may have handed everything over already, in which case no 'drain' event would come.
 */
async function drained(stream: PassThrough): Promise<void> {
  while (!stream.destroyed && stream.readableLength + stream.writableLength >= BUFFER_LIMIT) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function xlsxStream(
  db: Db,
  cycle: BankCycle,
  totals: Totals,
  regionName: string | null,
  log: FastifyBaseLogger,
): PassThrough {
  const stream = new PassThrough({ highWaterMark: BUFFER_LIMIT });
  // Shared strings would keep every distinct text in memory until the end; inline strings do not.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const bold = { bold: true };
  const title = `${regionName ?? ''}${cycle.programName} ${cycle.period} 代发明细（批次 ${shortCycleId(cycle.id)}，共 ${totals.lines} 笔，合计 ${yuan(totals.totalCents)} 元）`;

  const startSheet = (name: string, heading: string, header: readonly string[]) => {
    const sheet = workbook.addWorksheet(name);
    // Accounts and ID numbers are written as strings (a 19-digit number would lose its last digits); amounts
    // show 2 decimals. Only the amount column has a style: a style per cell costs a quarter of the time.
    sheet.columns = WIDTHS.slice(0, header.length).map((width, i) => ({
      width,
      ...(header[i] === '金额（元）' ? { style: { numFmt: '0.00' } } : {}),
    }));
    const titleRow = sheet.addRow([heading]);
    titleRow.font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, header.length);
    titleRow.commit();
    const headerRow = sheet.addRow([...header]);
    headerRow.font = bold;
    headerRow.commit();
    return sheet;
  };

  (async () => {
    const sheet = startSheet(PAYMENT_SHEET, title, BANK_FILE_COLUMNS);
    let n = 0;
    let sum = 0;
    for await (const chunk of bankLines(db, cycle.id, true)) {
      for (const line of chunk) {
        n++;
        sum += line.amountCents;
        const cells = lineCells(cycle, line, n);
        // The amount as a number (sums in Excel) written from the exact decimal text.
        sheet.addRow([cells[0], cells[1], cells[2], cells[3], Number(cells[4]), cells[5], cells[6], cells[7]]).commit();
      }
      await drained(stream);
      if (stream.destroyed) return;
    }
    const totalRow = sheet.addRow(['合计', `${n} 笔`, '', '', Number(yuan(sum)), '', '', '']);
    totalRow.font = bold;
    totalRow.commit();
    sheet.commit();

    if (totals.missing > 0) {
      const header = ['序号', '姓名', '金额（元）', '用途/摘要', '参考号', '身份证号'] as const;
      const missing = startSheet(
        MISSING_ACCOUNT_SHEET,
        `以下 ${totals.missing} 笔（${yuan(totals.missingCents)} 元）缺少银行账号，未列入代发明细`,
        header,
      );
      let m = 0;
      for await (const chunk of bankLines(db, cycle.id, false)) {
        for (const line of chunk) {
          const cells = lineCells(cycle, line, ++m);
          missing.addRow([cells[0], cells[1], Number(cells[4]), cells[5], cells[6], cells[7]]).commit();
        }
        await drained(stream);
        if (stream.destroyed) return;
      }
      missing.commit();
    }
    await workbook.commit();
  })().catch((err) => {
    log.error({ err: logSafeError(err), cycleId: cycle.id }, 'bank file failed');
    stream.destroy(err as Error);
  });
  return stream;
}

/** A CSV field: formula-looking text neutralised, quoted when it holds a comma, quote or line break. */
function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM (so that Excel reads the Chinese right), header row, then the lines with an account. */
async function* csvChunks(db: Db, cycle: BankCycle): AsyncGenerator<string> {
  yield `\uFEFF${BANK_FILE_COLUMNS.join(',')}\r\n`;
  let n = 0;
  for await (const chunk of bankLines(db, cycle.id, true)) {
    let text = '';
    for (const line of chunk) text += `${lineCells(cycle, line, ++n).map(csvField).join(',')}\r\n`;
    yield text;
  }
}
