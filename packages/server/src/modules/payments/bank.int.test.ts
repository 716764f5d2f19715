import { makeCertificateNumber, makeIdNumber, todayInChina } from '@huican/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createTestContext, makeXlsx, multipartFile, type TestContext } from '../../test-support/index.js';
import { addMonths } from './months.js';

// Cycles and lines are written directly with SQL here (what generation would have produced), so that
// these tests of the bank side stand on their own.

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
const call: TestContext['call'] = (...a) => t.call(...a);
const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q));

let seq = 0;
async function person(o: { name?: string; account?: string | null; region?: string } = {}): Promise<string> {
  seq++;
  const region = o.region ?? '341599101201';
  const idNumber = makeIdNumber(region.slice(0, 6), '1970-06-01', 300 + seq * 2);
  const res = await call(region.startsWith('341598') ? 'otherOfficer' : 'officer', 'POST', '/api/persons', {
    name: o.name ?? `银行${seq}`,
    idNumber,
    regionCode: region,
    flags: { lowIncome: true },
    certificate: { number: makeCertificateNumber(idNumber, 4, 1), issuedOn: '2020-05-01' },
    ...(o.account === null
      ? {}
      : { bankName: '中国农业银行青禾县支行', bankAccount: o.account ?? `62284800${String(seq).padStart(11, '0')}` }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

let month = 0;
/** A cycle in a month of its own (so that the lines of different tests never pay the same month). */
async function cycle(o: {
  status: string;
  region?: string;
  program?: string;
}): Promise<{ id: string; period: string }> {
  const period = addMonths('2021-01', month++);
  const region = o.region ?? '341599000000';
  const [row] = await query<{ id: string }>(sql`
    insert into payment_cycles (program_code, kind, period, year, region_code, county_code, status, created_by,
      created_at, approved_by, approved_at)
    values (${o.program ?? 'living_subsidy'}, 'monthly', ${period}, ${Number(period.slice(0, 4))}, ${region},
      ${region.slice(0, 6)}, ${o.status}, ${t.userId('officer')}::uuid, now(),
      ${o.status === 'draft' ? null : t.userId('finance')}::uuid, ${o.status === 'draft' ? null : sql`now()`})
    returning id`);
  return { id: row!.id, period };
}

async function line(
  c: { id: string; period: string },
  personId: string,
  o: { cents: number; payee?: string; status?: string; kind?: string; period?: string },
): Promise<number> {
  const period = o.period ?? c.period;
  const [row] = await query<{ id: string | number }>(sql`
    insert into payment_lines (cycle_id, program_code, kind, period, year, person_id, region_code, grade,
      amount_cents, payee_name, bank_name, bank_account, status)
    select ${c.id}::uuid, 'living_subsidy', ${o.kind ?? 'regular'}, ${period}, ${Number(period.slice(0, 4))}, p.id,
      p.region_code, p.grade, ${o.cents}, coalesce(${o.payee ?? null}, p.name), p.bank_name, p.bank_account,
      ${o.status ?? 'pending'}
    from persons p where p.id = ${personId}::uuid
    returning id`);
  return Number(row!.id);
}

const short = (cycleId: string) => cycleId.replace(/-/g, '').slice(0, 8);

async function loadXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

async function upload(as: Parameters<typeof call>[0], cycleId: string, name: string, data: Buffer) {
  const { payload, headers } = multipartFile(name, data);
  return call(as, 'POST', `/api/cycles/${cycleId}/reconciliation`, payload, headers);
}

type LineRow = {
  id: string | number;
  status: string;
  paid_on: string | Date | null;
  failure_reason: string | null;
  bank_reference: string | null;
  repaid_by_line_id: string | number | null;
};
async function lineRow(id: number): Promise<LineRow> {
  const [row] = await query<LineRow>(sql`select id, status, paid_on::text as paid_on, failure_reason, bank_reference,
    repaid_by_line_id from payment_lines where id = ${id}`);
  return row!;
}

describe('bank file', () => {
  let c: { id: string; period: string };
  let ids: number[];
  let accounts: string[];
  beforeAll(async () => {
    c = await cycle({ status: 'approved' });
    const a = await person({ name: '张三', account: '6228480012345678901' });
    const b = await person({ name: '李四', account: '6217991234567890123' });
    const d = await person({ name: '王五', account: '6236681234567890001' });
    const none = await person({ name: '赵六', account: null });
    const gone = await person({ name: '钱七' });
    accounts = ['6228480012345678901', '6217991234567890123', '6236681234567890001'];
    ids = [
      await line(c, a, { cents: 9500 }),
      await line(c, b, { cents: 8000, kind: 'back_pay', period: addMonths(c.period, -1) }),
      // A payee name that a spreadsheet would run as a formula stays text.
      await line(c, d, { cents: 12345, payee: '=HYPERLINK("http://x","y")' }),
      await line(c, none, { cents: 9500 }),
      await line(c, gone, { cents: 9500, status: 'void' }),
    ];
  });

  it('is an xlsx with a title row, every line with its full account and exact amount, and a totals row', async () => {
    const res = await call('finance', 'GET', `/api/cycles/${c.id}/bank-file.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`${c.period}-${short(c.id)}.xlsx`);
    expect(res.headers['x-line-count']).toBe('3');
    const workbook = await loadXlsx(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['代发明细', '缺少账号']);
    const sheet = workbook.getWorksheet('代发明细')!;
    const title = String(sheet.getRow(1).getCell(1).value);
    expect(title).toContain('青禾县困难残疾人生活补贴');
    expect(title).toContain(c.period);
    expect(title).toContain('共 3 笔，合计 298.45 元');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '户名',
      '开户行',
      '银行账号',
      '金额（元）',
      '用途/摘要',
      '参考号',
      '身份证号',
    ]);
    const rows = [3, 4, 5].map((r) => sheet.getRow(r));
    expect(rows.map((r) => r.getCell(1).value)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.getCell(4).value)).toEqual(accounts);
    expect(rows.map((r) => r.getCell(5).value)).toEqual([95, 80, 123.45]);
    expect(rows[0]!.getCell(5).numFmt).toBe('0.00');
    expect(rows.map((r) => r.getCell(7).value)).toEqual(ids.slice(0, 3).map((id) => `${short(c.id)}-${id}`));
    expect(rows[0]!.getCell(2).value).toBe('张三');
    expect(rows[2]!.getCell(2).value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(rows[0]!.getCell(3).value).toBe('中国农业银行青禾县支行');
    expect(rows[0]!.getCell(6).value).toBe(`困难残疾人生活补贴 ${c.period}`);
    expect(rows[1]!.getCell(6).value).toBe(`困难残疾人生活补贴 ${addMonths(c.period, -1)} 补发`);
    expect(String(rows[0]!.getCell(8).value)).toMatch(/^3415\*{10}\d{3}[\dX]$/);
    const totals = sheet.getRow(6);
    expect(totals.getCell(1).value).toBe('合计');
    expect(totals.getCell(2).value).toBe('3 笔');
    expect(totals.getCell(5).value).toBe(298.45);
    expect(sheet.getRow(7).getCell(1).value ?? null).toBeNull();
    // The line without an account is listed apart; the void one nowhere.
    const missing = workbook.getWorksheet('缺少账号')!;
    expect(String(missing.getRow(1).getCell(1).value)).toContain('以下 1 笔（95.00 元）缺少银行账号');
    expect(missing.getRow(3).getCell(2).value).toBe('赵六');
    expect(missing.getRow(3).getCell(5).value).toBe(`${short(c.id)}-${ids[3]}`);
    expect(missing.rowCount).toBe(3);
  });

  it('is a CSV in UTF-8 with a BOM, without title, totals or lines lacking an account', async () => {
    const res = await call('admin', 'GET', `/api/cycles/${c.id}/bank-file.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('序号,户名,开户行,银行账号,金额（元）,用途/摘要,参考号,身份证号');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      new RegExp(
        `^1,张三,中国农业银行青禾县支行,6228480012345678901,95\\.00,困难残疾人生活补贴 ${c.period},${short(c.id)}-${ids[0]},3415\\*{10}`,
      ),
    );
    expect(lines[3]).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(lines[3]).toContain(',123.45,');
  });

  it('audits every download with the line count and total', async () => {
    const audit = (await call('root', 'GET', `/api/audit?action=payment.bank_file&entityId=${c.id}`)).json();
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
    expect(audit.items[0].details).toMatchObject({ format: 'csv', lines: 3, totalCents: 29845, missingAccount: 1 });
    expect(audit.items[1]).toMatchObject({ actorUsername: 'finance', details: { format: 'xlsx', lines: 3 } });
  });

  it('is refused to roles without payments.bank (403), outside the county (404) and before approval (409)', async () => {
    for (const as of ['officer', 'township', 'auditor'] as const) {
      expect((await call(as, 'GET', `/api/cycles/${c.id}/bank-file.xlsx`)).statusCode, as).toBe(403);
    }
    const other = await call('otherAdmin', 'GET', `/api/cycles/${c.id}/bank-file.xlsx`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('CYCLE_NOT_FOUND');
    expect((await call('finance', 'GET', `/api/cycles/${crypto.randomUUID()}/bank-file.csv`)).statusCode).toBe(404);
    for (const status of ['draft', 'submitted', 'cancelled']) {
      const pending = await cycle({ status });
      const res = await call('finance', 'GET', `/api/cycles/${pending.id}/bank-file.xlsx`);
      expect(res.statusCode, status).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'CYCLE_NOT_APPROVED', status });
    }
    const paid = await cycle({ status: 'paid' });
    expect((await call('finance', 'GET', `/api/cycles/${paid.id}/bank-file.xlsx`)).statusCode).toBe(200);
  });
});

describe('reconciliation (回盘)', () => {
  let c: { id: string; period: string };
  let ids: number[];
  let personIds: string[];
  beforeAll(async () => {
    c = await cycle({ status: 'approved' });
    personIds = [await person(), await person(), await person(), await person()];
    ids = [];
    for (const p of personIds) ids.push(await line(c, p, { cents: 9500 }));
  });
  const ref = (id: number) => `${short(c.id)}-${id}`;

  it('refuses a bad file with the rows at fault and writes nothing', async () => {
    const csv = [
      '参考号,状态,失败原因,银行流水号',
      `${ref(ids[0]!)},成功,,B001`,
      `${ref(ids[1]!)},未知,,`,
      `${ref(ids[0]!)},失败,户名不符,`,
      `${short(c.id)}-999999999,成功,,`,
      `0000abcd-${ids[2]},成功,,`,
      ',成功,,',
    ].join('\r\n');
    const res = await upload('finance', c.id, '回盘.csv', Buffer.from(csv));
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('RECONCILIATION_INVALID');
    expect(error.message).toContain('5 处错误');
    expect(Object.keys(error.fields)).toEqual([
      'row 3.状态',
      'row 4.参考号',
      'row 5.参考号',
      'row 6.参考号',
      'row 7.参考号',
    ]);
    expect(error.fields['row 4.参考号']).toContain('第 2 行');
    expect(error.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5, 6, 7]);
    expect(error.errors[0]).toEqual({ row: 3, field: '状态', message: '状态应为“成功”或“失败”' });
    expect((await lineRow(ids[0]!)).status).toBe('pending');
  });

  it('marks lines paid (today, with the bank serial number) or failed (with the reason); again: unchanged', async () => {
    // The bank's own layout: a title row above the header, our columns in another order, extra columns.
    const file = await makeXlsx([
      ['代发回盘 2021'],
      ['序号', '户名', '参考号', '金额（元）', '状态', '失败原因', '银行流水号'],
      [1, '甲', ref(ids[0]!), 95, '成功', '', 'B0001'],
      [2, '乙', ref(ids[1]!), 95, '成功', '', ''],
      [3, '丙', ref(ids[2]!), 95, '失败', '账号不存在', ''],
      ['合计', '', '', 285, '', '', ''],
    ]);
    const res = await upload('finance', c.id, 'return.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ paid: 2, failed: 1, unchanged: 0, pending: 1 });
    const today = todayInChina(t.now());
    expect(await lineRow(ids[0]!)).toMatchObject({ status: 'paid', paid_on: today, bank_reference: 'B0001' });
    expect(await lineRow(ids[1]!)).toMatchObject({ status: 'paid', paid_on: today, bank_reference: null });
    expect(await lineRow(ids[2]!)).toMatchObject({ status: 'failed', paid_on: null, failure_reason: '账号不存在' });
    expect((await lineRow(ids[3]!)).status).toBe('pending');
    const again = await upload('finance', c.id, 'return.xlsx', file);
    expect(again.json()).toEqual({ paid: 0, failed: 0, unchanged: 3, pending: 1 });
    const audit = (await call('root', 'GET', `/api/audit?action=payment.reconcile&entityId=${c.id}`)).json();
    expect(audit.items[1].details).toMatchObject({ rows: 3, paid: 2, failed: 1, unchanged: 0 });
  });

  it('is for finance and admin, in scope, on approved or paid cycles', async () => {
    const csv = Buffer.from(`参考号,状态\r\n${ref(ids[3]!)},成功\r\n`);
    expect((await upload('officer', c.id, 'r.csv', csv)).statusCode).toBe(403);
    expect((await upload('township', c.id, 'r.csv', csv)).statusCode).toBe(403);
    expect((await upload('otherAdmin', c.id, 'r.csv', csv)).statusCode).toBe(404);
    const draft = await cycle({ status: 'draft' });
    expect((await upload('finance', draft.id, 'r.csv', csv)).statusCode).toBe(409);
    expect((await upload('finance', c.id, 'r.pdf', csv)).statusCode).toBe(400);
    expect((await lineRow(ids[3]!)).status).toBe('pending');
  });
});

describe('re-payment batch', () => {
  let source: { id: string; period: string };
  let failedIds: number[];
  let people: string[];
  beforeAll(async () => {
    source = await cycle({ status: 'paid' });
    people = [await person(), await person(), await person(), await person()];
    failedIds = [];
    for (const p of people) failedIds.push(await line(source, p, { cents: 9500 }));
    // Paid, failed (account then corrected), failed (account then removed), failed at a back-pay month.
    await t.database.db.execute(sql`update payment_lines set status = 'paid', paid_on = '2021-01-20'
      where id = ${failedIds[0]!}`);
    await t.database.db.execute(sql`update payment_lines set status = 'failed', failure_reason = '账号不存在'
      where id in (${failedIds[1]!}, ${failedIds[2]!}, ${failedIds[3]!})`);
    await t.database.db.execute(sql`update payment_lines set kind = 'back_pay', period = ${addMonths(source.period, -1)}
      where id = ${failedIds[3]!}`);
    const p1 = (await call('officer', 'GET', `/api/persons/${people[1]}`)).json();
    const fixed = await call('officer', 'PATCH', `/api/persons/${people[1]}`, {
      version: p1.version,
      bankName: '青禾农村商业银行',
      bankAccount: '6236681111222233334',
      name: '更正后',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const p2 = (await call('officer', 'GET', `/api/persons/${people[2]}`)).json();
    await call('officer', 'PATCH', `/api/persons/${people[2]}`, { version: p2.version, bankAccount: null });
  });

  it('builds a draft repayment cycle from the failed lines whose person has an account now', async () => {
    const res = await call('officer', 'POST', `/api/cycles/${source.id}/repayment`);
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json();
    expect(batch).toMatchObject({
      programCode: 'living_subsidy',
      kind: 'repayment',
      period: source.period,
      regionCode: '341599000000',
      status: 'draft',
      sourceCycleId: source.id,
      count: 2,
      totalCents: 19000,
    });
    const lines = await query<{
      id: string | number;
      kind: string;
      period: string;
      person_id: string;
      payee_name: string;
      bank_name: string;
      bank_account: string;
      status: string;
    }>(sql`select id, kind, period, person_id, payee_name, bank_name, bank_account, status from payment_lines
      where cycle_id = ${batch.id}::uuid order by id`);
    expect(lines.map((l) => l.person_id)).toEqual([people[1], people[3]]);
    expect(lines.every((l) => l.kind === 'repayment' && l.status === 'pending')).toBe(true);
    expect(lines.map((l) => l.period)).toEqual([source.period, addMonths(source.period, -1)]);
    // The CURRENT name and account, not the failed line's.
    expect(lines[0]).toMatchObject({
      payee_name: '更正后',
      bank_name: '青禾农村商业银行',
      bank_account: '6236681111222233334',
    });
    expect(Number((await lineRow(failedIds[1]!)).repaid_by_line_id)).toBe(Number(lines[0]!.id));
    expect(Number((await lineRow(failedIds[3]!)).repaid_by_line_id)).toBe(Number(lines[1]!.id));
    expect((await lineRow(failedIds[2]!)).repaid_by_line_id).toBeNull();
    const [cycleRow] = await query<{ source_cycle_id: string; count: number; created_by: string }>(
      sql`select source_cycle_id, count, created_by from payment_cycles where id = ${batch.id}::uuid`,
    );
    expect(cycleRow).toMatchObject({ source_cycle_id: source.id, count: 2, created_by: t.userId('officer') });
    const audit = (await call('root', 'GET', `/api/audit?action=payment.repayment&entityId=${batch.id}`)).json();
    expect(audit.items[0].details).toMatchObject({ sourceCycleId: source.id, lines: 2, totalCents: 19000 });

    // Nothing left: the failed lines are taken, and the one without an account waits for one.
    const again = await call('finance', 'POST', `/api/cycles/${source.id}/repayment`);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('NOTHING_TO_REPAY');
  });

  it('never pays a month twice: the unique index refuses a second live line, the return file a repaid one', async () => {
    // A second pending line for a month the re-payment batch pays: refused by the database.
    const other = await cycle({ status: 'draft' });
    const refused = await line(other, people[1]!, { cents: 9500, period: source.period }).catch((e) => e);
    const cause = (refused as { cause?: { code?: string; constraint_name?: string; constraint?: string } }).cause;
    expect(cause?.code).toBe('23505');
    expect(cause?.constraint_name ?? cause?.constraint).toBe('payment_lines_month_unique');
    // The failed line, paid again by the batch, cannot turn paid by a (late) return file.
    await t.database.db.execute(sql`update payment_cycles set status = 'paid' where id = ${source.id}::uuid`);
    const csv = Buffer.from(`参考号,状态\r\n${short(source.id)}-${failedIds[1]},成功\r\n`);
    const res = await upload('finance', source.id, 'late.csv', csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['row 2.状态']).toContain('重新发放');
    expect((await lineRow(failedIds[1]!)).status).toBe('failed');
  });

  it('two batches at once for the same failed lines: one is made, the other finds nothing to pay', async () => {
    const paidCycle = await cycle({ status: 'paid' });
    const failed = await line(paidCycle, await person(), { cents: 9500, status: 'failed' });
    const results = await Promise.all(
      (['officer', 'finance'] as const).map((as) => call(as, 'POST', `/api/cycles/${paidCycle.id}/repayment`)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    const [n] = await query<{ n: number }>(sql`select count(*)::int as n from payment_lines l
      join payment_cycles c on c.id = l.cycle_id where c.source_cycle_id = ${paidCycle.id}::uuid`);
    expect(n!.n).toBe(1);
    expect((await lineRow(failed)).repaid_by_line_id).not.toBeNull();
  });

  it('is refused to a township user (403), outside the county (404), and with no failed line (422)', async () => {
    expect((await call('township', 'POST', `/api/cycles/${source.id}/repayment`)).statusCode).toBe(403);
    expect((await call('auditor', 'POST', `/api/cycles/${source.id}/repayment`)).statusCode).toBe(403);
    expect((await call('otherOfficer', 'POST', `/api/cycles/${source.id}/repayment`)).statusCode).toBe(404);
    const clean = await cycle({ status: 'paid' });
    await line(clean, await person(), { cents: 9500, status: 'paid' });
    const none = await call('finance', 'POST', `/api/cycles/${clean.id}/repayment`);
    expect(none.statusCode).toBe(422);
    // The refused batch left no cycle behind.
    const [n] = await query<{ n: number }>(
      sql`select count(*)::int as n from payment_cycles where source_cycle_id = ${clean.id}::uuid`,
    );
    expect(n!.n).toBe(0);
  });
});
