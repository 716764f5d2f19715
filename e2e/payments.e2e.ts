import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, expectNoSeriousA11yViolations, signIn, useBrowserPage } from './browser.js';

const session = useBrowserPage();

type CycleItem = {
  id: string;
  programCode: string;
  kind: string;
  period: string;
  status: string;
  count: number;
  totalCents: number;
};
type CycleDetail = CycleItem & {
  lines: { byStatus: Record<'pending' | 'paid' | 'failed' | 'void', { count: number; amountCents: number }> };
};

/** Fen as the pages show it, written out independently of the app's own helper: 1234550 → ¥12,345.50. */
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

function nextMonth(period: string): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7));
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl()}${path}`);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** Signs in through the API (no page needed), for the set-up a test needs before its journey. */
async function signInByApi(page: Page, username: string) {
  await page.context().clearCookies();
  const response = await page.request.post(`${baseUrl()}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
}

async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

/** The bank's return file for a cycle, as CSV: every reference of its bank file with the status chosen per row. */
async function returnFileFor(page: Page, cycleId: string, statusOf: (index: number) => string) {
  const response = await page.request.get(`${baseUrl()}/api/cycles/${cycleId}/bank-file.csv`);
  expect(response.status()).toBe(200);
  const rows = (await response.text())
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line.length > 0);
  const at = rows[0]!.split(',').indexOf('参考号');
  expect(at).toBeGreaterThan(0);
  const references = rows.slice(1).map((line) => line.split(',')[at]!);
  expect(references.length).toBeGreaterThan(1);
  const body = references.map((reference, i) => {
    const verdict = statusOf(i);
    return `${reference},${verdict},${verdict === '失败' ? '账户已冻结' : ''}`;
  });
  return { references, csv: ['参考号,状态,失败原因', ...body].join('\r\n') };
}

async function uploadReturnFile(page: Page, name: string, csv: string) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

describe('payments', () => {
  it('shows a paid cycle, generates the next month, submits it, approves it as finance, reconciles and pays it', async () => {
    const { page } = session;
    // The period of the next cycle: the month after the newest living-subsidy cycle of the demo county; the
    // standard of its year is set if the demo has none (a run in December reaches into next year).
    await signInByApi(page, 'admin');
    const listed = await apiJson<{ items: CycleItem[] }>(page, '/api/cycles?programCode=living_subsidy&pageSize=50');
    const monthly = listed.items.filter((c) => c.kind === 'monthly' && c.status !== 'cancelled');
    const latest = monthly
      .map((c) => c.period)
      .sort()
      .at(-1)!;
    const next = nextMonth(latest);
    const program = await apiJson<{ years: { year: number; monthlyCentsByGrade: unknown }[] }>(
      page,
      '/api/programs/living_subsidy',
    );
    const nextYear = Number(next.slice(0, 4));
    if (!program.years.some((y) => y.year === nextYear && y.monthlyCentsByGrade)) {
      const standard = program.years.find((y) => y.monthlyCentsByGrade)!.monthlyCentsByGrade;
      const put = await page.request.put(`${baseUrl()}/api/programs/living_subsidy/standards/${nextYear}`, {
        data: { monthlyCentsByGrade: standard },
      });
      expect(put.status(), await put.text()).toBe(200);
    }
    const paid = monthly.filter((c) => c.status === 'paid').sort((a, b) => b.period.localeCompare(a.period))[0]!;
    const paidDetail = await apiJson<CycleDetail>(page, `/api/cycles/${paid.id}`);

    // The officer opens the list and a paid cycle with its lines and totals.
    await switchUser(page, 'officer');
    await page.goto(`${baseUrl()}/payments?programCode=living_subsidy&status=paid`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '资金发放' }).count()).toBe(1);
    const paidLink = page.getByRole('link', { name: `查看发放批次 困难残疾人生活补贴 ${paid.period} 青禾县` });
    await expect.poll(() => paidLink.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('row').filter({ has: paidLink }).getByText(yuan(paid.totalCents)).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'cycle list');
    await paidLink.click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: `困难残疾人生活补贴 ${paid.period}` }).count())
      .toBe(1);
    const totalsRow = page.getByText(`合计（筛选结果）：${paid.count} 笔`);
    await expect.poll(() => totalsRow.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('table', { name: '发放明细' }).getByText(yuan(paid.totalCents)).count()).toBe(1);
    // Only the failed lines: the totals follow the filter.
    const lineFilters = page.getByRole('form', { name: '发放明细筛选' });
    await lineFilters.getByLabel('发放状态', { exact: true }).click();
    await page.locator('.ant-select-item-option[title="发放失败"]').click();
    await lineFilters.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.url()).toContain('status=failed');
    const failed = paidDetail.lines.byStatus.failed;
    await expect
      .poll(() => page.getByText(`合计（筛选结果）：${failed.count} 笔`).count(), { timeout: 10_000 })
      .toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'cycle detail (paid, failed lines)');
    await page.getByRole('tab', { name: '停发名单' }).click();
    await expect
      .poll(() => page.getByText(new RegExp(`有发放、${paid.period} 不再发放的人员：\\d+ 人`)).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'stopped list');

    // Generate the next month: the dialog proposes it.
    await page.goto(`${baseUrl()}/payments`);
    await page.getByRole('button', { name: '生成发放批次' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('项目', { exact: true }).fill('困难残疾人生活补贴');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByText(`最近一期：${latest}`).count(), { timeout: 10_000 }).toBe(1);
    expect(await dialog.getByText(next, { exact: true }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'generate dialog');
    await dialog.getByRole('button', { name: '生成', exact: true }).click();
    const heading = page.getByRole('heading', { level: 1, name: `困难残疾人生活补贴 ${next}` });
    await expect.poll(() => heading.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => status(page, '已生成发放批次').count(), { timeout: 10_000 }).toBe(1);
    const cycleId = page.url().split('/payments/')[1]!;
    const generated = await apiJson<CycleDetail>(page, `/api/cycles/${cycleId}`);
    expect(generated.status).toBe('draft');
    expect(generated.period).toBe(next);
    expect(generated.count).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(`合计（筛选结果）：${generated.count} 笔`).count()).toBe(1);
    expect(await page.getByText(`${generated.count} 笔，${yuan(generated.totalCents)}`).count()).toBeGreaterThan(0);
    // No approve button for the officer: approving is finance's.
    expect(await page.getByRole('button', { name: '审批通过' }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'cycle detail (draft)');

    // The same month again: refused, and said so.
    await page.goto(`${baseUrl()}/payments`);
    await page.getByRole('button', { name: '生成发放批次' }).click();
    await dialog.getByLabel('项目', { exact: true }).fill('困难残疾人生活补贴');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByText(`最近一期：${next}`).count(), { timeout: 10_000 }).toBe(1);
    await dialog.getByLabel('补贴月份').fill(next);
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: '生成', exact: true }).click();
    await expect.poll(() => dialog.getByText('该批次已存在').count(), { timeout: 10_000 }).toBe(1);
    await expectNoSeriousA11yViolations(page, 'generate dialog (cycle exists)');
    await dialog.getByRole('button', { name: '取消' }).click();

    // The officer submits it.
    await page.goto(`${baseUrl()}/payments/${cycleId}`);
    await expect.poll(() => heading.count()).toBe(1);
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交审批' }).click();
    await expect.poll(() => status(page, '已提交审批').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText('待审批').count()).toBeGreaterThan(0);

    // Finance approves it, downloads the bank file and imports the bank's return file.
    await switchUser(page, 'finance');
    await page.goto(`${baseUrl()}/payments/${cycleId}`);
    await expect.poll(() => heading.count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: '审批通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '审批通过' }).click();
    await expect.poll(() => status(page, '已审批通过').count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('tab', { name: '银行文件与回盘' }).click();
    const download = page.getByRole('link', { name: '下载代发文件（xlsx）' });
    await expect.poll(() => download.count(), { timeout: 10_000 }).toBe(1);
    expect(await download.getAttribute('href')).toBe(`/api/cycles/${cycleId}/bank-file.xlsx`);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'bank tab');

    // A return file with a wrong reference is refused as a whole, row by row.
    const { references, csv } = await returnFileFor(page, cycleId, (i) => (i === 0 ? '失败' : '成功'));
    const broken = csv.replace(references[1]!, 'not-a-reference');
    await uploadReturnFile(page, 'return-broken.csv', broken);
    const errors = page.getByRole('table', { name: '回盘文件错误（按行）' });
    await expect.poll(() => errors.count(), { timeout: 15_000 }).toBe(1);
    expect(await errors.getByRole('row').filter({ hasText: '参考号格式不正确' }).getByText('3').count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'return file refused');
    expect((await apiJson<CycleDetail>(page, `/api/cycles/${cycleId}`)).lines.byStatus.paid.count).toBe(0);

    await uploadReturnFile(page, 'return.csv', csv);
    await expect
      .poll(() => status(page, `${references.length - 1} 笔标记为已发放，1 笔标记为失败`).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await errors.count()).toBe(0);
    const reconciled = await apiJson<CycleDetail>(page, `/api/cycles/${cycleId}`);
    expect(reconciled.lines.byStatus.paid.count).toBe(references.length - 1);
    expect(reconciled.lines.byStatus.failed.count).toBe(1);

    await page.getByRole('button', { name: '确认已发放' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认已发放' }).click();
    await expect.poll(() => status(page, '已确认发放').count(), { timeout: 10_000 }).toBe(1);
    expect((await apiJson<CycleDetail>(page, `/api/cycles/${cycleId}`)).status).toBe('paid');

    // The failed line goes into a re-payment batch.
    await page.getByRole('button', { name: '生成重发批次' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: `困难残疾人生活补贴 ${next} 重发批次` }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(() => page.getByText('合计（筛选结果）：1 笔').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => status(page, '已生成重发批次').count()).toBe(1);

    // The budget page shows the programme's year with its figures as text and bars.
    const year = Number(next.slice(0, 4));
    const budgets = await apiJson<
      {
        programCode: string;
        budgetCents: number | null;
        committedCents: number;
        paidCents: number;
        executionRate: number | null;
      }[]
    >(page, `/api/budgets?year=${year}`);
    const living = budgets.find((b) => b.programCode === 'living_subsidy')!;
    await page.goto(`${baseUrl()}/payments/budgets?year=${year}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '预算执行' }).count()).toBe(1);
    const row = page.getByRole('row').filter({ hasText: '困难残疾人生活补贴' });
    await expect.poll(() => row.getByText(yuan(living.committedCents)).count(), { timeout: 10_000 }).toBe(1);
    expect(await row.getByText(yuan(living.paidCents)).count()).toBe(1);
    // A bar with its value as text where the year has a budget (a run in December looks at next year's).
    const bar = page.getByRole('progressbar', { name: '困难残疾人生活补贴 预算执行率' });
    if (living.budgetCents === null) {
      expect(await row.getByText('未设预算').count()).toBeGreaterThan(0);
    } else {
      expect(await bar.count()).toBe(1);
      expect(await bar.getAttribute('aria-valuetext')).toBe(`${living.executionRate!.toFixed(2)}%`);
    }
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'budget page');
  }, 180_000); // a long journey: four sign-ins and nine axe runs

  it('does not let finance approve a grant cycle it generated, and cancels it with a reason', async () => {
    const { page } = session;
    await signIn(page, 'finance');
    await page.goto(`${baseUrl()}/payments`);
    await page.getByRole('button', { name: '生成发放批次' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '年度补助' }).check();
    await dialog.getByLabel('项目', { exact: true }).fill('困难精神残疾人服药补助');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: '生成', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: /^困难精神残疾人服药补助 \d{4}-\d{2}$/ }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交审批' }).click();
    await expect.poll(() => status(page, '已提交审批').count(), { timeout: 10_000 }).toBe(1);
    // Maker-checker: the creator is told why there is no approve button.
    await expect.poll(() => page.getByText(/您是本批次的生成人/).count()).toBe(1);
    expect(await page.getByRole('button', { name: '审批通过' }).count()).toBe(0);
    const cycleId = page.url().split('/payments/')[1]!;
    const approve = await page.request.post(`${baseUrl()}/api/cycles/${cycleId}/actions`, {
      data: { action: 'approve' },
    });
    expect(approve.status()).toBe(409);
    expect(((await approve.json()) as { error: { code: string } }).error.code).toBe('SAME_USER');

    await page.getByRole('button', { name: '作废批次' }).click();
    const cancel = page.getByRole('dialog');
    await cancel.getByRole('button', { name: '作废批次' }).click();
    await expect.poll(() => cancel.getByText('请填写作废原因').count()).toBe(1);
    await cancel.getByLabel('作废原因').fill('名单需复核');
    await cancel.getByRole('button', { name: '作废批次' }).click();
    await expect.poll(() => status(page, '已作废').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText('名单需复核').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'cycle detail (cancelled)');
  });

  it('refuses a cycle over budget, and lets an admin generate it with a reason', async () => {
    const { page } = session;
    const year = Number(new Date().toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
    await signInByApi(page, 'admin');
    const put = await page.request.put(`${baseUrl()}/api/programs/accident_insurance/budgets/${year}`, {
      data: { budgetCents: 10_000 },
    });
    expect(put.status(), await put.text()).toBe(200);

    const generate = async (beforeSending?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) => {
      await page.goto(`${baseUrl()}/payments`);
      await page.getByRole('button', { name: '生成发放批次' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: '年度补助' }).check();
      await dialog.getByLabel('项目', { exact: true }).fill('意外伤害保险');
      await page.keyboard.press('Enter');
      await beforeSending?.(dialog);
      await dialog.getByRole('button', { name: '生成', exact: true }).click();
      await expect.poll(() => dialog.getByText('超出年度预算，未生成批次').count(), { timeout: 15_000 }).toBe(1);
      expect(await dialog.getByText('¥100.00').count()).toBe(1);
      return dialog;
    };

    await switchUser(page, 'officer');
    const refused = await generate();
    await expect.poll(() => refused.getByText(/仅系统管理员可填写理由后超预算生成/).count()).toBe(1);
    expect(await refused.getByLabel('超预算理由').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'generate dialog (over budget)');

    // The admin's scope is the whole database: the county is named.
    await switchUser(page, 'admin');
    const dialog = await generate(async (d) => {
      await d.getByLabel('发放区划').click();
      await page.locator('.ant-cascader-menu-item[title="青禾县"]').first().click();
      await page.keyboard.press('Escape');
    });
    await dialog.getByLabel('超预算理由').fill('年中追加预算已批复');
    await dialog.getByRole('button', { name: '填写理由后超预算生成' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: /^意外伤害保险 \d{4}-\d{2}$/ }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect.poll(() => page.getByText('年中追加预算已批复').count()).toBe(1);
  });
});
