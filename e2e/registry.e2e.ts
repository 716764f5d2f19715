import { makeIdNumber } from '@huican/core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectNoSeriousA11yViolations, signIn, useBrowserPage } from './browser.js';

const session = useBrowserPage();

describe('registry', () => {
  it('searches the registry and opens a person', async () => {
    const { page } = session;
    await signIn(page, 'officer');
    const sample = (await (await page.request.get(`${baseUrl()}/api/persons?pageSize=1&status=active`)).json())
      .items[0];
    await page.goto(`${baseUrl()}/persons`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '残疾人信息库' }).count()).toBe(1);
    await page.getByLabel('搜索').fill(sample.idNumber);
    await page.getByLabel('搜索').press('Enter');
    const link = page.getByRole('link', { name: `查看 ${sample.name} 的档案` });
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'registry list');
    await link.click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: sample.name }).count()).toBe(1);
    expect(await page.getByText(sample.idNumber).count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'person detail');
    for (const tab of ['残疾人证', '需求与服务', '变更记录']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(page, `person detail, tab ${tab}`);
    }

    // Record a service on the 需求与服务 tab (the shared service form): it is listed with its provider.
    await page.getByRole('tab', { name: '需求与服务' }).click();
    const form = page.getByRole('form', { name: '添加服务记录' });
    await form.getByLabel('服务类别').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="康复训练"]').click();
    await form.getByLabel('服务提供方').fill('青禾县康复中心');
    await form.getByRole('button', { name: '添加服务记录' }).click();
    await expect.poll(() => page.getByText('已添加服务记录').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('cell', { name: '青禾县康复中心' }).count()).toBeGreaterThan(0);
  });

  it("shows a person's payments, month by month", async () => {
    const { page } = session;
    await signIn(page, 'officer');
    const api = async (path: string) => (await page.request.get(`${baseUrl()}${path}`)).json();
    const cycle = (await api('/api/cycles?status=paid&programCode=living_subsidy&pageSize=1')).items[0];
    const line = (await api(`/api/cycles/${cycle.id}/entitlements?pageSize=1&status=paid`)).items[0];
    const payments = await api(`/api/persons/${line.personId}/payments?pageSize=100`);
    expect(payments.totals.paidCents).toBeGreaterThan(0);
    await page.goto(`${baseUrl()}/persons/${line.personId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: line.personName }).count()).toBe(1);
    await page.getByRole('tab', { name: '发放' }).click();
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('cell', { name: cycle.period, exact: true }).count()).toBeGreaterThan(0);
    const paidYuan = (payments.totals.paidCents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    expect(await page.getByText(`已发放 ${paidYuan} 元`).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'person detail, payments tab');
  });

  it('masks ID numbers for a village officer', async () => {
    const { page } = session;
    await signIn(page, 'village');
    await page.goto(`${baseUrl()}/persons`);
    await expect.poll(() => page.getByText(/\d{4}\*{10}[\dX]{4}/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('registers a person, with gender and birth date read from the ID', async () => {
    const { page } = session;
    await signIn(page, 'township');
    await page.goto(`${baseUrl()}/persons/new`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '新增残疾人' }).count()).toBe(1);
    const idNumber = makeIdNumber('341599', '1988-07-09', 700 + Math.floor(Math.random() * 100) * 2 + 1);
    await page.getByLabel('姓名', { exact: true }).fill('欧阳春生');
    await page.getByLabel('身份证号').fill(idNumber);
    await expect.poll(() => page.getByText('1988-07-09 出生').count()).toBeGreaterThan(0);
    await page.getByLabel('联系电话').fill('13700001234');
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'create person form');
    await page.getByRole('button', { name: '建档' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: '欧阳春生' }).count(), { timeout: 10_000 })
      .toBe(1);
    const found = await (await page.request.get(`${baseUrl()}/api/persons?q=${idNumber}`)).json();
    expect(found.items[0]).toMatchObject({ name: '欧阳春生', gender: 'male', birthDate: '1988-07-09' });
  });

  it('imports a CSV file and shows the result', async () => {
    const { page } = session;
    await signIn(page, 'officer');
    await page.goto(`${baseUrl()}/persons/import`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '批量导入残疾人' }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'import page');
    const base = 300 + Math.floor(Math.random() * 200) * 2;
    const ids = [makeIdNumber('341599', '1975-01-02', base), makeIdNumber('341599', '1980-03-04', base + 1)];
    const csv = [
      '姓名,身份证号,残疾证号,发证日期,区划代码,联系电话,住址,低保,特困,监测户',
      `导入甲,${ids[0]},${ids[0]}41,2021-06-01,341599102201,13800002222,柳河镇,是,否,否`,
      `导入乙,${ids[1]},,,341599103201,,石桥镇,否,否,是`,
    ].join('\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'persons.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByText('导入完成').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const found = await (await page.request.get(`${baseUrl()}/api/persons?q=${ids[0]}`)).json();
    expect(found.items[0]).toMatchObject({ name: '导入甲', flags: { lowIncome: true } });
    await expectNoSeriousA11yViolations(page, 'import result');
  });
});
