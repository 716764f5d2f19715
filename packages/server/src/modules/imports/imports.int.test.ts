import { addDays, makeCertificateNumber, makeIdNumber } from '@huican/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { auditLog, certificates, importErrors, jobs, persons } from '../../db/schema/index.js';
import {
  createTestContext,
  type FixtureUser,
  makeXlsx,
  multipartFile,
  type TestContext,
} from '../../test-support/index.js';
import { makePersonImportJob, personImportJob } from './import-persons.js';
import { TEMPLATE_EXAMPLES } from './person-import-template.js';
import { openCopy, postgresClientOf } from './person-writers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const HEADER = ['姓名', '身份证号', '残疾证号', '发证日期', '区划代码', '联系电话', '住址', '低保', '特困', '监测户'];
const VILLAGE_A = '341599101201'; // 王庄村, 青禾镇
const VILLAGE_B = '341599102201'; // 李岗村, 柳河镇

// Every test takes fresh ID numbers: the database is shared by the whole file.
let nextSequence = 100;
function newId(birthDate = '1975-06-15'): string {
  return makeIdNumber('341599', addDays(birthDate, Math.floor(nextSequence / 900)), nextSequence++ % 900);
}

type Cells = (string | number | Date | null)[];
function row(
  name: string,
  id: string,
  o: { cert?: string; issuedOn?: string; region?: string; flags?: string[] } = {},
) {
  return [name, id, o.cert ?? '', o.issuedOn ?? '', o.region ?? VILLAGE_A, '', '', ...(o.flags ?? ['否', '否', '否'])];
}

async function uploadFile(as: FixtureUser, fileName: string, data: Buffer, mode = 'strict') {
  const file = multipartFile(fileName, data);
  return t.call(as, 'POST', `/api/imports/persons?mode=${mode}`, file.payload, file.headers);
}

async function runJob(as: FixtureUser, jobId: string, lang = 'zh') {
  // runOnce takes the next queued job; under load another runner pass may hold this one a moment
  // longer, so run and look again until it has ended — bounded in time, not in passes: on a loaded CI
  // machine 200 passes of 50 ms once ended before a 4-row job had.
  const until = Date.now() + 25_000;
  for (;;) {
    await t.app.deps.jobRunner.runOnce();
    const res = await t.call(as, 'GET', `/api/jobs/${jobId}`, undefined, { 'accept-language': lang });
    expect(res.statusCode).toBe(200);
    const job = res.json();
    if (job.status === 'succeeded' || job.status === 'failed' || Date.now() > until) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function importXlsx(as: FixtureUser, rows: Cells[], mode = 'strict', lang = 'zh') {
  const res = await uploadFile(as, 'persons.xlsx', await makeXlsx([HEADER, ...rows] as never), mode);
  expect(res.statusCode).toBe(202);
  const { jobId } = res.json();
  return { jobId, job: await runJob(as, jobId, lang) };
}

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');

async function countPersons(ids: string[]) {
  return (await t.database.db.select().from(persons).where(inArray(persons.idNumber, ids))).length;
}

async function getJson(as: FixtureUser, url: string) {
  return (await t.call(as, 'GET', url)).json();
}

describe('person import', () => {
  it('imports an xlsx: persons with derived fields, certificates (event import), audit, progress', async () => {
    const a = newId('1980-02-10');
    const b = newId('1990-07-01');
    const certA = makeCertificateNumber(a, 4, 2);
    const { jobId, job } = await importXlsx('officer', [
      ['周冬梅', a, certA, '2020/6/1', VILLAGE_A, '138 0000 1111', '王庄村 1 号', '是', '否', 'Y'],
      ['单田芳', b, '', '', VILLAGE_B, '', '', '', '0', '1'],
    ]);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 } });
    expect(job.result).toMatchObject({
      imported: 2,
      rejected: 0,
      errors: [],
      errorCount: 0,
      errorReportUrl: `/api/imports/${jobId}/errors.xlsx`,
    });
    const [p] = await t.database.db.select().from(persons).where(eq(persons.idNumber, a));
    expect(p).toMatchObject({
      name: '周冬梅',
      namePinyin: 'zhoudongmei',
      nameInitials: 'zdm',
      gender: Number(a[16]) % 2 === 1 ? 'male' : 'female',
      birthDate: '1980-02-10',
      regionCode: VILLAGE_A,
      countyCode: '341599',
      phone: '13800001111',
      address: '王庄村 1 号',
      lowIncome: true,
      extremePoverty: false,
      povertyMonitored: true,
      certNumber: certA,
      category: 4,
      grade: 2,
      certIssuedOn: '2020-06-01',
      certValidUntil: '2030-06-01',
      certState: 'normal',
      status: 'active',
      createdBy: t.userId('officer'),
    });
    expect(p!.certEvent).toBe('import');
    // The current certificate is on the person row only: nothing has ended.
    expect(await t.database.db.select().from(certificates).where(eq(certificates.personId, p!.id))).toEqual([]);
    const [q] = await t.database.db.select().from(persons).where(eq(persons.idNumber, b));
    expect(q).toMatchObject({ namePinyin: 'shantianfang', certNumber: null, certState: null, lowIncome: false });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, jobId), eq(auditLog.action, 'person.import')));
    expect(audit).toMatchObject([{ details: { imported: 2, rejected: 0, mode: 'strict' } }]);
  });

  it('imported persons are found by their pinyin initials', async () => {
    const id = newId();
    await importXlsx('officer', [row('欧阳娜娜', id)]);
    const list = await getJson('officer', '/api/persons?q=oynn');
    expect(list.items.map((p: { idNumber: string }) => p.idNumber)).toContain(id);
  });

  it('strict: one bad row imports nothing and names the row and field, in Chinese or English', async () => {
    const good = newId();
    const valid = newId();
    const bad = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0'); // wrong check character
    const ids = [good, bad];
    const { jobId, job } = await importXlsx('officer', [row('好人', good), row('坏号', bad)]);
    expect(job.status).toBe('failed');
    expect(job.result).toMatchObject({ imported: 0, rejected: 1, errorCount: 1 });
    expect(job.result.errors).toEqual([{ row: 3, field: '身份证号', message: expect.stringContaining('身份证号') }]);
    expect(await countPersons(ids)).toBe(0);
    const en = await t.call('officer', 'GET', `/api/jobs/${jobId}`, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().result.errors[0]).toMatchObject({
      row: 3,
      field: '身份证号',
      message: expect.stringMatching(/check/i),
    });
  });

  it('lenient: imports the good rows and reports the others', async () => {
    const [a, b, c] = [newId(), newId(), newId()];
    const { job } = await importXlsx(
      'officer',
      [row('甲', a), row('', b), row('丙', c, { region: '341599000000' })],
      'lenient',
    );
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ imported: 1, rejected: 2, errorCount: 2 });
    expect(job.result.errors).toEqual([
      { row: 3, field: '姓名', message: '必填' },
      { row: 4, field: '区划代码', message: '请选择到乡镇（街道）或村（社区）' },
    ]);
    expect(await countPersons([a])).toBe(1);
    expect(await countPersons([b, c])).toBe(0);
  });

  it('reads a GB18030 CSV', async () => {
    const id = newId();
    // "姓名,身份证号,区划代码\r\n张三,<id>,<code>\r\n" in GB18030: only the Chinese text needs other bytes.
    const gb = (hex: string) => Buffer.from(hex, 'hex');
    const data = Buffer.concat([
      gb('d0d5c3fb'), // 姓名
      Buffer.from(','),
      gb('c9edb7ddd6a4bac5'), // 身份证号
      Buffer.from(','),
      gb('c7f8bbaeb4fac2eb'), // 区划代码
      Buffer.from('\r\n'),
      gb('d5c5c8fd'), // 张三
      Buffer.from(`,${id},${VILLAGE_A}\r\n`),
    ]);
    const res = await uploadFile('officer', 'gbk.csv', data);
    expect(res.statusCode).toBe(202);
    const job = await runJob('officer', res.json().jobId);
    expect(job.result).toMatchObject({ imported: 1, rejected: 0 });
    const [p] = await t.database.db.select().from(persons).where(eq(persons.idNumber, id));
    expect(p).toMatchObject({ name: '张三', nameInitials: 'zs' });
  });

  it('reads a UTF-8 CSV with a BOM, quoted fields holding commas, quotes and newlines', async () => {
    const [a, b] = [newId(), newId()];
    const text = `\uFEFF${csv([
      ['姓名', '身份证号', '区划代码', '住址', '备注'],
      ['王五', a, VILLAGE_A, '"青禾镇, 王庄村 ""东头""\r\n第 2 组"', '"多余的列, 被忽略"'],
      ['赵六', b, VILLAGE_B, '"柳河镇\n李岗村"', ''],
    ])}\r\n`;
    const res = await uploadFile('officer', 'utf8.csv', Buffer.from(text, 'utf8'));
    const job = await runJob('officer', res.json().jobId);
    expect(job.result).toMatchObject({ imported: 2, rejected: 0 });
    const rows = await t.database.db
      .select()
      .from(persons)
      .where(inArray(persons.idNumber, [a, b]));
    expect(Object.fromEntries(rows.map((r) => [r.name, r.address]))).toEqual({
      王五: '青禾镇, 王庄村 "东头"\r\n第 2 组',
      赵六: '柳河镇\n李岗村',
    });
  });

  it('numbers CSV rows as a spreadsheet shows them', async () => {
    const a = newId();
    const text = csv([['姓名', '身份证号', '区划代码'], ['甲', a, VILLAGE_A], [], ['乙', '123', VILLAGE_A]]);
    const job = await runJob('officer', (await uploadFile('officer', 'rows.csv', Buffer.from(text))).json().jobId);
    expect(job.result.errors).toEqual([{ row: 4, field: '身份证号', message: expect.any(String) }]);
  });

  it('importing the same file again reports every row as registered already and doubles nothing', async () => {
    const [a, b] = [newId(), newId()];
    const certB = makeCertificateNumber(b, 1, 3);
    const file = await makeXlsx([HEADER, row('甲', a), row('乙', b, { cert: certB, issuedOn: '20190301' })] as never);
    const first = await runJob('officer', (await uploadFile('officer', 'p.xlsx', file)).json().jobId);
    expect(first.result).toMatchObject({ imported: 2 });
    const again = await runJob('officer', (await uploadFile('officer', 'p.xlsx', file, 'lenient')).json().jobId);
    expect(again.status).toBe('succeeded');
    expect(again.result).toMatchObject({ imported: 0, rejected: 2 });
    expect(again.result.errors).toEqual([
      { row: 2, field: '身份证号', message: '已在残疾人库中登记' },
      { row: 3, field: '身份证号', message: '已在残疾人库中登记' },
      { row: 3, field: '残疾证号', message: '已在残疾人库中登记' },
    ]);
    expect(await countPersons([a, b])).toBe(2);
    const certs = await t.database.db.select().from(persons).where(eq(persons.certNumber, certB));
    expect(certs).toHaveLength(1);
  });

  it('refuses a duplicate within the file on the later row, naming the first', async () => {
    const [a, b] = [newId(), newId()];
    const { job } = await importXlsx('officer', [row('甲', a), row('乙', b), row('甲又', a)], 'lenient');
    expect(job.result).toMatchObject({ imported: 2, rejected: 1 });
    expect(job.result.errors).toEqual([{ row: 4, field: '身份证号', message: '与第 2 行重复' }]);
    expect(await countPersons([a])).toBe(1);
  });

  it('refuses regions outside a township user’s scope, unknown regions, and bad codes', async () => {
    const [a, b, c, d] = [newId(), newId(), newId(), newId()];
    const { job } = await importXlsx(
      'township',
      [
        row('本镇', a, { region: VILLAGE_A }),
        row('外镇', b, { region: VILLAGE_B }),
        row('无村', c, { region: '341599101299' }),
        row('坏码', d, { region: '3415991012' }),
      ],
      'lenient',
    );
    expect(job.result).toMatchObject({ imported: 1, rejected: 3 });
    expect(job.result.errors).toEqual([
      { row: 3, field: '区划代码', message: '不在你的管辖范围内' },
      { row: 4, field: '区划代码', message: '区划不存在' },
      { row: 5, field: '区划代码', message: '区划代码应为 12 位数字' },
    ]);
  });

  it('checks certificates against the ID and the issue date, and 是/否 columns', async () => {
    const [a, b, c, d, e] = [newId('1985-01-01'), newId(), newId(), newId(), newId()];
    const { job } = await importXlsx(
      'officer',
      [
        row('证号不符', a, { cert: makeCertificateNumber(b, 4, 2), issuedOn: '2020-01-01' }),
        row('无发证日期', b, { cert: makeCertificateNumber(b, 4, 2) }),
        row('日期错', c, { cert: makeCertificateNumber(c, 2, 1), issuedOn: '2021-02-30' }),
        row('是否错', d, { flags: ['是', '可能', 'x'] }),
        row('未来证', e, { cert: makeCertificateNumber(e, 4, 2), issuedOn: '2999-01-01' }),
      ],
      'lenient',
    );
    expect(job.result).toMatchObject({ imported: 0, rejected: 5 });
    expect(job.result.errors).toEqual([
      { row: 2, field: '残疾证号', message: '残疾人证号前 18 位须与身份证号一致' },
      { row: 3, field: '发证日期', message: '填写了残疾证号时，发证日期必填' },
      { row: 4, field: '发证日期', message: expect.stringContaining('20200601') },
      { row: 5, field: '特困', message: '应填“是”或“否”' },
      { row: 5, field: '监测户', message: '应填“是”或“否”' },
      { row: 6, field: '发证日期', message: '发证日期晚于今天' },
    ]);
  });

  it('reads real Excel date cells as issue dates', async () => {
    const id = newId();
    const { job } = await importXlsx('officer', [
      ['日期格', id, makeCertificateNumber(id, 5, 3), new Date(Date.UTC(2018, 8, 9)), VILLAGE_A, '', '', '', '', ''],
    ]);
    expect(job.result).toMatchObject({ imported: 1 });
    const [p] = await t.database.db.select().from(persons).where(eq(persons.idNumber, id));
    expect(p).toMatchObject({ certIssuedOn: '2018-09-09', certValidUntil: '2028-09-09' });
  });

  it('serves the refused rows as a workbook with a 错误说明 column, to its creator only', async () => {
    const [a, b, c] = [newId(), newId(), newId()];
    const { jobId, job } = await importXlsx(
      'officer',
      [row('好', a), row('', b, { flags: ['也许', '否', '否'] }), row('=HYPERLINK("x")', `${c.slice(0, 17)}Z`)],
      'lenient',
    );
    expect(job.result).toMatchObject({ imported: 1, rejected: 2, errorCount: 3 });
    const res = await t.call('officer', 'GET', job.result.errorReportUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.worksheets[0]!;
    const values = (r: number) =>
      Array.from({ length: HEADER.length + 1 }, (_, c) => sheet.getRow(r).getCell(c + 1).value ?? '');
    expect(values(1)).toEqual([...HEADER, '错误说明']);
    expect(sheet.rowCount).toBe(3);
    expect(values(2)).toEqual([
      '',
      b,
      '',
      '',
      VILLAGE_A,
      '',
      '',
      '也许',
      '否',
      '否',
      '姓名：必填；低保：应填“是”或“否”',
    ]);
    expect(values(3)[0]).toBe(`'=HYPERLINK("x")`);
    expect(values(3)[10]).toMatch(/^身份证号：/);

    const en = await t.call('officer', 'GET', job.result.errorReportUrl, undefined, { 'accept-language': 'en' });
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(en.rawPayload as never);
    expect(enBook.worksheets[0]!.getRow(2).getCell(11).value).toBe('姓名: Required；低保: Write 是 (yes) or 否 (no)');

    // Another officer's region sees no such job; the county admin (its region) may.
    const other = await t.login('otherOfficer');
    expect(
      (await t.app.inject({ url: `/api/imports/${jobId}/errors.xlsx`, headers: { cookie: other } })).statusCode,
    ).toBe(404);
    expect((await t.call('township', 'GET', `/api/imports/${jobId}/errors.xlsx`)).statusCode).toBe(404);
    expect((await t.call('admin', 'GET', `/api/imports/${jobId}/errors.xlsx`)).statusCode).toBe(200);
    const rows = await t.database.db.select().from(importErrors).where(eq(importErrors.jobId, jobId));
    expect(rows).toHaveLength(3);
  });

  it('serves a template whose examples import cleanly', async () => {
    const res = await t.call('township', 'GET', '/api/imports/persons/template.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.worksheets[0]!;
    const head = sheet.getRow(1);
    expect((head.values as unknown[]).slice(1)).toEqual(HEADER);
    expect(head.getCell(1).font?.bold).toBe(true);
    for (let c = 1; c <= HEADER.length; c++) expect(JSON.stringify(head.getCell(c).note)).toMatch(/[\u4e00-\u9fff]/);
    expect(sheet.getColumn(2).numFmt).toBe('@');
    expect(sheet.rowCount).toBe(3);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(TEMPLATE_EXAMPLES[0]!.map((v) => v));

    const upload = await uploadFile('officer', 'template.xlsx', res.rawPayload);
    const job = await runJob('officer', upload.json().jobId);
    expect(job.result).toMatchObject({ imported: 2, rejected: 0 });
  });

  it('forbids roles without the import permission', async () => {
    const res = await uploadFile('village', 'p.csv', Buffer.from(csv([HEADER])));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await uploadFile('auditor', 'p.csv', Buffer.from(csv([HEADER])))).statusCode).toBe(403);
  });

  it('refuses binary data, other file types, and a file without the required header', async () => {
    const binary = await uploadFile('officer', 'p.csv', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04]));
    expect(binary.statusCode).toBe(400);
    expect(binary.json().error.message).toContain('CSV');
    expect((await uploadFile('officer', 'p.txt', Buffer.from('a,b'))).statusCode).toBe(400);
    const noHeader = await uploadFile('officer', 'p.csv', Buffer.from('名字,号码\n甲,1\n'));
    const job = await runJob('officer', noHeader.json().jobId);
    expect(job).toMatchObject({ status: 'failed', error: expect.stringContaining('身份证号') });
  });

  it('strict: a refused row after thousands of good ones still leaves nothing written; lenient imports them', async () => {
    const count = 10_050; // more than one slice of checks, so writing has started when the bad row is met
    const ids = Array.from({ length: count }, (_, i) =>
      makeIdNumber('341599', addDays('1950-01-01', Math.floor(i / 900)), i % 900),
    );
    const lines = [['姓名', '身份证号', '残疾证号', '发证日期', '区划代码', '低保']];
    ids.forEach((id, i) => {
      const cert = i % 2 ? makeCertificateNumber(id, (i % 6) + 1, (i % 4) + 1) : '';
      lines.push([`人${i}`, id, cert, cert ? '2019.3.15' : '', i % 2 ? VILLAGE_A : VILLAGE_B, i % 3 ? '否' : '是']);
    });
    lines[count]![5] = '不知道'; // the last row
    const file = Buffer.from(csv(lines));
    const strict = await runJob('officer', (await uploadFile('officer', 'many.csv', file)).json().jobId);
    expect(strict).toMatchObject({ status: 'failed', progress: { done: count, total: count } });
    expect(strict.result).toMatchObject({ imported: 0, rejected: 1, errors: [{ row: count + 1, field: '低保' }] });
    expect(await countPersons(ids)).toBe(0);

    const lenient = await runJob('officer', (await uploadFile('officer', 'many.csv', file, 'lenient')).json().jobId);
    expect(lenient).toMatchObject({ status: 'succeeded', progress: { done: count, total: count } });
    expect(lenient.result).toMatchObject({ imported: count - 1, rejected: 1 });
    expect(await countPersons(ids)).toBe(count - 1);
    const certs = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from persons p
            where p.created_by = ${t.userId('officer')}::uuid and p.cert_number is not null
              and p.cert_event = 'import' and p.name like '人%'`,
      ),
    );
    expect(certs[0]!.n).toBe(count / 2 - 1); // every odd row has a certificate; the last one is refused
  });

  it('a bulk load (search indexes dropped, rows copied, indexes rebuilt) imports the same and keeps every index', async () => {
    // On PostgreSQL an import that at least doubles a registry of 100,000 rows or more is a bulk load;
    // `always` runs that path on this small one (PGlite writes row by row whatever it is told).
    const bulk = makePersonImportJob({ bulk: 'always' });
    const indexes = async () =>
      t.database.kind === 'postgres'
        ? rowsOf<{ def: string }>(
            await t.database.db.execute(
              sql`select indexdef as def from pg_indexes where tablename = 'persons' order by indexname`,
            ),
          ).map((r) => r.def)
        : [];
    const before = await indexes();
    const runBulk = async (data: Buffer, mode: string) => {
      const { jobId } = (await uploadFile('officer', 'bulk.csv', data, mode)).json();
      // Taken out of the queue so that the runner leaves it to this handler.
      await t.database.db.update(jobs).set({ status: 'running' }).where(eq(jobs.id, jobId));
      const [stored] = await t.database.db.select().from(jobs).where(eq(jobs.id, jobId));
      return bulk.run({ db: t.database.db, job: stored!, progress: async () => {} });
    };

    const registered = newId();
    await importXlsx('officer', [row('早登', registered)]);
    const [a, b, c] = [newId('1960-01-01'), newId('1960-01-01'), newId('1960-01-01')];
    const certA = makeCertificateNumber(a, 2, 3);
    const lines = [
      ['姓名', '身份证号', '残疾证号', '发证日期', '区划代码', '住址'],
      ['柏青', a, certA, '2021-04-01', VILLAGE_A, '"王庄村\t3 号\\东"'],
      ['柏松', b, '', '', VILLAGE_B, '"一行\n两行"'],
      ['重名', registered, '', '', VILLAGE_A, ''],
      ['柏林', c, '', '', VILLAGE_A, ''],
    ];
    const badLines = lines.map((l) => [...l]);
    badLines[4]![1] = '1';
    const strict = await runBulk(Buffer.from(csv(badLines)), 'strict');
    expect(strict).toMatchObject({ failed: true, result: { imported: 0, rejected: 2 } });
    expect(await countPersons([a, b])).toBe(0);
    expect(await indexes()).toEqual(before);

    const lenient = await runBulk(Buffer.from(csv(lines)), 'lenient');
    expect(lenient.result).toMatchObject({ imported: 3, rejected: 1 });
    expect(lenient.result.errors).toEqual([{ row: 4, field: '身份证号', key: 'import.DUPLICATE_IN_REGISTRY' }]);
    expect(await indexes()).toEqual(before);
    const rows = await t.database.db
      .select()
      .from(persons)
      .where(inArray(persons.idNumber, [a, b, c]));
    expect(Object.fromEntries(rows.map((r) => [r.name, [r.address, r.certNumber, r.certValidUntil]]))).toEqual({
      柏青: ['王庄村\t3 号\\东', certA, '2031-04-01'],
      柏松: ['一行\n两行', null, null],
      柏林: [null, null, null],
    });
    const found = await getJson('officer', '/api/persons?q=bq');
    expect(found.items.map((p: { idNumber: string }) => p.idNumber)).toContain(a);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'a COPY the server refuses after its last row fails instead of hanging (PostgreSQL)',
    async () => {
      const refused = t.database.db.transaction(async (tx) => {
        await tx.execute(sql`create temp table copy_probe (n int primary key) on commit drop`);
        const copy = await openCopy(postgresClientOf(tx), 'copy copy_probe (n) from stdin');
        await copy.write(Buffer.from('1\n2\n'));
        await copy.write(Buffer.from('2\n'));
        await copy.end();
      });
      await expect(refused).rejects.toMatchObject({ code: '23505' });
      // The connection is usable afterwards.
      expect(rowsOf(await t.database.db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
    },
  );

  it('an import that fails while its COPY is open rolls back and leaves the connection usable', async () => {
    const ids = Array.from({ length: 6_000 }, (_, i) =>
      makeIdNumber('341599', addDays('1948-01-01', Math.floor(i / 900)), i % 900),
    );
    const lines = [['姓名', '身份证号', '区划代码'], ...ids.map((id, i) => [`断${i}`, id, VILLAGE_A])];
    const { jobId } = (await uploadFile('officer', 'broken.csv', Buffer.from(csv(lines)))).json();
    await t.database.db.update(jobs).set({ status: 'running' }).where(eq(jobs.id, jobId));
    const [stored] = await t.database.db.select().from(jobs).where(eq(jobs.id, jobId));
    let reports = 0;
    const progress = async () => {
      // The first report comes with the first slice, already sent to the database.
      if (++reports === 2) throw new Error('progress failed');
    };
    await expect(personImportJob.run({ db: t.database.db, job: stored!, progress })).rejects.toThrow('progress failed');
    await t.database.db.update(jobs).set({ status: 'failed' }).where(eq(jobs.id, jobId));
    expect(await countPersons(ids)).toBe(0);
    // Every pooled connection answers (none is left in the middle of a COPY).
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => t.database.db.execute(sql`select count(*)::int as n from persons`)),
    );
    expect(answers).toHaveLength(12);
    const a = newId();
    expect((await importXlsx('officer', [row('后来', a)])).job.result).toMatchObject({ imported: 1 });
  });

  it('running the job again after it committed reports the committed import instead of importing twice', async () => {
    const [a, b] = [newId(), newId()];
    const { jobId, job } = await importXlsx('officer', [row('甲', a), row('乙', '1')], 'lenient');
    expect(job.result).toMatchObject({ imported: 1, rejected: 1 });
    const [stored] = await t.database.db.select().from(jobs).where(eq(jobs.id, jobId));
    const again = await personImportJob.run({ db: t.database.db, job: stored!, progress: async () => {} });
    expect(again).toMatchObject({ result: { imported: 1, rejected: 1, errorCount: 1, errors: [{ row: 3 }] } });
    expect(await countPersons([a])).toBe(1);
    expect(await countPersons([b])).toBe(0);
    const errorRows = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from import_errors where job_id = ${jobId}::uuid`),
    );
    expect(errorRows[0]!.n).toBe(1);
  });
});

describe('upload limit', () => {
  let small: TestContext;
  beforeAll(async () => {
    small = await createTestContext({ env: { HUICAN_UPLOAD_LIMIT_MB: '1' } });
  });
  afterAll(() => small.close());

  it('answers 413 past the configured limit', async () => {
    const cookie = await small.login('officer');
    const file = multipartFile('big.csv', Buffer.alloc(1024 * 1024 + 100_000, 'a'));
    const res = await small.app.inject({
      method: 'POST',
      url: '/api/imports/persons',
      payload: file.payload,
      headers: { ...file.headers, cookie },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('1 MB');
  });
});
