import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectNoSeriousA11yViolations, signIn, useBrowserPage } from './browser.js';

const session = useBrowserPage();

type CompletionRow = {
  programCode: string;
  programName: string;
  regionCode: string;
  regionName: string | null;
  target: number;
  completed: number;
  rate: number | null;
  hasTarget: boolean;
};
type CompletionReport = {
  regionName: string | null;
  rows: CompletionRow[];
  totals: { programCode: string; programName: string; target: number; completed: number; rate: number | null }[];
};
type FundsReport = { totals: { paidCents: number; personsPaid: number } };
type RegistryStats = {
  persons: { active: number; categoryGrade: { rows: { category: number; total: number }[]; withCertificate: number } };
};
type RehabReport = { needs: number; serviceRate: number | null };

const thisYear = () => Number(new Date().toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl()}${path}`);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** Written out independently of the app's helpers: 1234550 fen → ¥12,345.50, 12.5 → 12.50%, 1234 → 1,234. */
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
const count = (n: number) => n.toLocaleString('en-US');
/** completed ÷ target × 100, half-up to hundredths, in integers; as the page prints it. */
function rateText(completed: number, target: number): string {
  const hundredths = (BigInt(completed) * 20000n + BigInt(target)) / (2n * BigInt(target));
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}%`;
}

/** The completion report summed over programmes per child region, from the raw rows. */
function byRegion(report: CompletionReport) {
  const regions = new Map<string, { name: string; target: number; hasTarget: boolean; completed: number }>();
  for (const r of report.rows) {
    const entry = regions.get(r.regionCode) ?? {
      name: r.regionName ?? r.regionCode,
      target: 0,
      hasTarget: false,
      completed: 0,
    };
    if (r.hasTarget) {
      entry.target += r.target;
      entry.hasTarget = true;
    }
    entry.completed += r.completed;
    regions.set(r.regionCode, entry);
  }
  return [...regions.values()];
}

/** A chart: an image named by its title and summary, drawn (SVG with shapes inside). */
async function expectChartDrawn(page: Page, title: string) {
  const chart = page.getByRole('img', { name: new RegExp(`^${title}：`) });
  await expect.poll(() => chart.count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => chart.locator('svg path, svg rect').count(), { timeout: 15_000 }).toBeGreaterThan(3);
  return chart;
}

/** Content Security Policy violations the page reports (ECharts must draw without eval). */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy|unsafe-eval|EvalError/i.test(error.message)) violations.push(error.message);
  });
  return violations;
}

describe('reports and dashboard', () => {
  it('shows the officer a dashboard with charts, text summaries and tables', async () => {
    const { page } = session;
    const cspViolations = collectCspViolations(page);
    await signIn(page, 'officer');
    const year = thisYear();
    const completion = await apiJson<CompletionReport>(page, `/api/reports/completion?year=${year}`);
    const funds = await apiJson<FundsReport>(page, `/api/reports/funds?year=${year}`);
    const registry = await apiJson<RegistryStats>(page, '/api/reports/registry');

    const response = await page.goto(`${baseUrl()}/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '首页' }).count()).toBe(1);

    // Key figures of the county.
    await expect
      .poll(() => page.getByText(`${count(registry.persons.active)} 人`, { exact: true }).count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => page.getByText(yuan(funds.totals.paidCents), { exact: true }).count()).toBe(1);

    // Completion bars by township, with the best and worst rate in words, as the raw figures give them.
    const completionTitle = `${year}年各乡镇（街道）目标任务完成情况（各项目合计）`;
    const chart = await expectChartDrawn(page, completionTitle);
    const regions = byRegion(completion).filter((r) => r.hasTarget && r.target > 0);
    expect(regions.length).toBeGreaterThan(1);
    const rates = regions.map((r) => ({ name: r.name, rate: rateText(r.completed, r.target) }));
    const highest = rates.reduce((a, b) => (Number.parseFloat(b.rate) > Number.parseFloat(a.rate) ? b : a)).rate;
    const summaryText = page.getByText(/^完成率最高的是/);
    await expect.poll(() => summaryText.count(), { timeout: 15_000 }).toBe(1);
    const summary = (await summaryText.textContent())!;
    const named = /^完成率最高的是(.+?)（([\d.]+%)）/.exec(summary);
    expect(named?.[2]).toBe(highest);
    expect(rates.some((r) => r.name === named?.[1] && r.rate === highest)).toBe(true);
    expect(await chart.getAttribute('aria-label')).toContain(summary);

    // Monthly payments line and category pie, each with its summary.
    await expectChartDrawn(page, `${year}年各月资金发放`);
    if (funds.totals.paidCents > 0) {
      const paidSummary = `${year}年已发放 ${yuan(funds.totals.paidCents)}，共 ${count(funds.totals.personsPaid)} 人`;
      expect(await page.getByText(paidSummary).count()).toBe(1);
    }
    await expectChartDrawn(page, '在册持证残疾人残疾类别构成');
    const top = registry.persons.categoryGrade.rows.reduce((a, b) => (b.total > a.total ? b : a));
    const categoryName = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'][top.category - 1];
    const categorySummary = `在册持证残疾人 ${count(registry.persons.categoryGrade.withCertificate)} 人，人数最多的是${categoryName}残疾（${count(top.total)} 人`;
    expect(await page.getByText(categorySummary).count()).toBe(1);

    // The table alternative, by keyboard.
    const toggle = page.getByRole('button', { name: '以表格显示' }).first();
    await toggle.focus();
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: completionTitle });
    await expect.poll(() => table.count()).toBe(1);
    const qinghe = byRegion(completion).find((r) => r.name === '青禾镇')!;
    const qingheRow = table.getByRole('row').filter({ hasText: '青禾镇' });
    expect(await qingheRow.getByRole('cell', { name: count(qinghe.completed), exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '隐藏表格' }).getAttribute('aria-expanded')).toBe('true');

    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'dashboard (officer)');
    expect(cspViolations).toEqual([]);
  });

  it('lets the officer drill into a township and back, open every tab and download the workbook', async () => {
    const { page } = session;
    await signIn(page, 'officer');
    const year = thisYear();
    const county = await apiJson<CompletionReport>(page, `/api/reports/completion?year=${year}`);
    const township = await apiJson<CompletionReport>(
      page,
      `/api/reports/completion?year=${year}&regionCode=341599101000`,
    );
    const rehab = await apiJson<RehabReport>(page, `/api/reports/rehab?year=${year}`);

    await page.getByRole('menuitem', { name: '统计报表' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '统计报表' }).count()).toBe(1);
    const countyHeading = page.getByRole('heading', { level: 2, name: `青禾县 ${year}年目标任务完成情况` });
    await expect.poll(() => countyHeading.count(), { timeout: 15_000 }).toBe(1);

    // The totals per programme, and the first programme's table by township with its totals row.
    const totals = page.getByRole('table', { name: '各项目完成情况（合计）' });
    const first = county.totals[0]!;
    const firstRow = totals.getByRole('row').filter({ hasText: first.programName });
    await expect.poll(() => firstRow.count(), { timeout: 10_000 }).toBe(1);
    expect(await firstRow.getByRole('cell', { name: count(first.target), exact: true }).count()).toBe(1);
    const byTownship = page.getByRole('table', { name: `${first.programName}：各乡镇（街道）完成情况` });
    await expect.poll(() => byTownship.count()).toBe(1);
    const qinghe = county.rows.find((r) => r.programCode === first.programCode && r.regionCode === '341599101000')!;
    const qingheRow = byTownship.getByRole('row').filter({ has: page.getByRole('link', { name: '青禾镇' }) });
    expect(await qingheRow.getByRole('cell', { name: count(qinghe.target), exact: true }).count()).toBe(1);
    const totalRow = byTownship.getByRole('row').filter({ hasText: '合计' });
    expect(await totalRow.getByText(count(first.target), { exact: true }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'reports, completion (county)');

    // The completion workbook: a link to the file, which is an xlsx workbook.
    const download = page.getByRole('link', { name: '下载完成情况表（xlsx）' });
    const href = await download.getAttribute('href');
    expect(href).toBe(`/api/reports/completion.xlsx?year=${year}`);
    const file = await page.request.get(`${baseUrl()}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    const body = await file.body();
    expect(body.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container
    expect(body.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
    const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(saved.suggestedFilename()).toMatch(/\.xlsx$/);

    // Drill into the township: its villages; Back returns to the county.
    await qingheRow.getByRole('link', { name: '青禾镇' }).click();
    await expect.poll(() => page.url()).toContain('regionCode=341599101000');
    const townshipHeading = page.getByRole('heading', { level: 2, name: `青禾镇 ${year}年目标任务完成情况` });
    await expect.poll(() => townshipHeading.count(), { timeout: 15_000 }).toBe(1);
    const trail = page.getByRole('navigation', { name: '报表区划' });
    expect(await trail.getByRole('link', { name: '青禾县' }).count()).toBe(1);
    expect(await trail.getByText('青禾镇').getAttribute('aria-current')).toBe('location');
    const townshipFirst = township.totals.find((p) => p.programCode === first.programCode)!;
    const townshipTotals = page
      .getByRole('table', { name: '各项目完成情况（合计）' })
      .getByRole('row')
      .filter({ hasText: first.programName });
    await expect
      .poll(() => townshipTotals.getByRole('cell', { name: count(townshipFirst.target), exact: true }).count())
      .toBe(1);
    expect(await page.getByRole('table', { name: `${first.programName}：各村（社区）完成情况` }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'reports, completion (township)');
    await page.goBack();
    await expect.poll(() => countyHeading.count(), { timeout: 15_000 }).toBe(1);
    expect(page.url()).not.toContain('regionCode=');

    // Every tab, each checked with axe.
    await page.getByRole('tab', { name: '康复', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: `青禾县 ${year}年康复服务情况` }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await page.getByRole('link', { name: '下载康复服务表（xlsx）' }).getAttribute('href')).toBe(
      `/api/reports/rehab.xlsx?year=${year}`,
    );
    if (rehab.serviceRate !== null) {
      await expect
        .poll(() => page.getByText(`${rehab.serviceRate!.toFixed(2)}%`, { exact: true }).count())
        .toBeGreaterThan(0);
    }
    for (const name of ['按区划', '按残疾类别', '按年龄段']) {
      expect(await page.getByRole('table', { name }).count()).toBe(1);
    }
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'reports, rehabilitation');

    await page.getByRole('tab', { name: '资金', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: `青禾县 ${year}年资金执行情况` }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await page.getByRole('table', { name: '各月发放情况（全部项目）' }).getByRole('row').count()).toBe(14);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'reports, funds');

    await page.getByRole('tab', { name: '统计', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: '青禾县残疾人基本状况统计' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await page.getByRole('table', { name: '残疾类别 × 残疾等级（在册人员）' }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'reports, registry statistics');

    // The Word summaries of the half-year and the year.
    expect(await page.getByRole('link', { name: `${year}年上半年汇总（Word）` }).getAttribute('href')).toBe(
      `/api/reports/summary.docx?year=${year}&period=H1`,
    );
    expect(await page.getByRole('link', { name: `${year}年全年汇总（Word）` }).getAttribute('href')).toBe(
      `/api/reports/summary.docx?year=${year}&period=year`,
    );
  });

  it('shows a township officer the figures of its own township only', async () => {
    const { page } = session;
    await signIn(page, 'township');
    const year = thisYear();
    const completion = await apiJson<CompletionReport>(page, `/api/reports/completion?year=${year}`);
    const registry = await apiJson<RegistryStats>(page, '/api/reports/registry');
    expect(completion.regionName).toBe('青禾镇');
    expect(completion.rows.every((r) => r.regionCode.startsWith('341599101'))).toBe(true);
    // The county's figures are not the township's to read.
    expect((await page.request.get(`${baseUrl()}/api/reports/completion?regionCode=341599000000`)).status()).toBe(404);

    await page.goto(`${baseUrl()}/`);
    await expect.poll(() => page.getByText('管辖范围：青禾镇').count()).toBe(1);
    await expect
      .poll(() => page.getByText(`${count(registry.persons.active)} 人`, { exact: true }).count(), { timeout: 15_000 })
      .toBe(1);
    const title = `${year}年各村（社区）目标任务完成情况（各项目合计）`;
    await expectChartDrawn(page, title);
    await page.getByRole('button', { name: '以表格显示' }).first().click();
    const table = page.getByRole('table', { name: title });
    await expect.poll(() => table.count()).toBe(1);
    const villages = byRegion(completion);
    expect(villages.length).toBeGreaterThan(0);
    // One row per village of the township (header row aside), none of another township.
    expect(await table.getByRole('row').count()).toBe(villages.length + 1);
    for (const village of villages)
      expect(await table.getByRole('row').filter({ hasText: village.name }).count()).toBe(1);
    expect(await page.getByText('柳河镇').count()).toBe(0);
    expect(await page.getByText('青禾县').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'dashboard (township)');
  });
});
