import { makeIdNumber } from '@huican/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectNoSeriousA11yViolations, signIn, useBrowserPage } from './browser.js';

const session = useBrowserPage();

/** A person of 青禾镇 with a valid certificate and no application yet, registered through the API. */
async function registerApplicant(page: Page) {
  for (let attempt = 0; ; attempt += 1) {
    const suffix = ['春', '夏', '秋', '冬'][Math.floor(Math.random() * 4)]!;
    const name = `申请${suffix}生`;
    const idNumber = makeIdNumber('341599', '1972-04-18', 501 + Math.floor(Math.random() * 200) * 2);
    const response = await page.request.post(`${baseUrl()}/api/persons`, {
      data: {
        name,
        idNumber,
        regionCode: '341599101001',
        certificate: { number: `${idNumber}42`, issuedOn: '2024-03-01' },
      },
    });
    // The demo county may hold that ID number already: draw another.
    if (response.status() === 409 && attempt < 5) continue;
    expect(response.status(), await response.text()).toBe(201);
    const person = (await response.json()) as { id: string };
    return { id: person.id, name, idNumber };
  }
}

/** Narrows the inbox to one person (the demo county has many applications waiting). */
async function searchInbox(page: Page, idNumber: string) {
  await page.getByLabel('姓名或身份证号', { exact: true }).fill(idNumber);
  await page.getByLabel('姓名或身份证号', { exact: true }).press('Enter');
}

describe('applications', () => {
  it('files an application, reviews it in the township inbox and approves it in the county inbox', async () => {
    const { page } = session;
    await signIn(page, 'township');
    const person = await registerApplicant(page);

    // File from the person's record.
    await page.goto(`${baseUrl()}/persons/${person.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: person.name }).count()).toBe(1);
    await page.getByRole('button', { name: '申请项目' }).click();
    const fileDialog = page.getByRole('dialog');
    await expect.poll(() => fileDialog.getByLabel('项目', { exact: true }).count()).toBe(1);
    await fileDialog.getByLabel('项目', { exact: true }).fill('辅助器具适配');
    await page.keyboard.press('Enter');
    await expect.poll(() => fileDialog.getByText('辅助器具适配').count()).toBeGreaterThan(0);
    await fileDialog.getByRole('button', { name: '提交申请' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: new RegExp(`${person.name}.*辅助器具适配`) }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    const applicationId = page.url().split('/applications/')[1]!;

    // Review it from the township inbox (default filter: awaiting review).
    await page.goto(`${baseUrl()}/applications`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '申请审批' }).count()).toBe(1);
    await searchInbox(page, person.idNumber);
    const reviewButton = page.getByRole('button', { name: `审核通过：${person.name}` });
    await expect.poll(() => reviewButton.count(), { timeout: 10_000 }).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'inbox (township)');
    await reviewButton.click();
    const reviewDialog = page.getByRole('dialog');
    await reviewDialog.getByLabel('意见（选填）').fill('材料齐全');
    await reviewDialog.getByRole('button', { name: '审核通过', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '已审核通过' }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    // Reviewed: out of the township's default inbox.
    await expect.poll(() => reviewButton.count()).toBe(0);

    // The county officer approves it with a bulk action from the inbox.
    await page.context().clearCookies();
    await signIn(page, 'officer');
    await page.goto(`${baseUrl()}/applications`);
    await searchInbox(page, person.idNumber);
    const select = page.getByRole('checkbox', { name: `选择 ${person.name}` });
    await expect.poll(() => select.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: person.name }).getByText('待审批').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'inbox (officer)');
    await select.check();
    await page.getByRole('button', { name: '批量审批通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '审批通过', exact: true }).click();
    await expect
      .poll(() => page.getByText('批量审批通过：成功 1 件，失败 0 件').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);

    // The detail's history shows both steps.
    await page.goto(`${baseUrl()}/applications/${applicationId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: new RegExp(person.name) }).count()).toBe(1);
    await expect.poll(() => page.getByText('乡镇审核通过').count()).toBe(1);
    expect(await page.getByText('县级审批通过').count()).toBe(1);
    expect(await page.getByText('意见：材料齐全').count()).toBe(1);
    expect(await page.getByText('已批准').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'application detail');

    const stored = await (await page.request.get(`${baseUrl()}/api/applications/${applicationId}`)).json();
    expect(stored.status).toBe('approved');
    expect(stored.history.map((event: { action: string }) => event.action)).toEqual(['file', 'review', 'approve']);
  });

  it('asks for a reason before returning an application', async () => {
    const { page } = session;
    await signIn(page, 'township');
    const person = await registerApplicant(page);
    const filed = await page.request.post(`${baseUrl()}/api/applications`, {
      data: { personId: person.id, programCode: 'assistive_device', year: new Date().getFullYear() },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    await page.goto(`${baseUrl()}/applications/${id}`);
    await page.getByRole('button', { name: '退回补正' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '退回补正' }).click();
    await expect.poll(() => dialog.getByText('请填写原因').count()).toBe(1);
    await dialog.getByLabel('原因').fill('缺少户口簿复印件');
    await dialog.getByRole('button', { name: '退回补正' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '已退回补正' }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByText('意见：缺少户口簿复印件').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'application detail (returned)');
  });

  it('shows the programme list, a programme with its targets, and the institutions', async () => {
    const { page } = session;
    await signIn(page, 'officer');
    await page.goto(`${baseUrl()}/programs`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '项目管理' }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'programme list');
    await page.getByRole('link', { name: '查看项目 困难残疾人生活补贴' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '困难残疾人生活补贴' }).count()).toBe(1);
    await page.getByRole('button', { name: '预览匹配人数' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '符合条件' }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const target = page.getByRole('spinbutton', { name: '青禾镇 目标数' });
    await expect.poll(() => target.count(), { timeout: 10_000 }).toBe(1);
    await target.fill('37');
    await page.getByRole('button', { name: /保存目标/ }).click();
    await expect.poll(() => page.getByText(/青禾县 合计：\d+/).count(), { timeout: 10_000 }).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'programme detail');
    const year = new Date().getFullYear();
    const targets = await (await page.request.get(`${baseUrl()}/api/programs/living_subsidy/targets/${year}`)).json();
    expect(targets.targets).toContainEqual(expect.objectContaining({ regionCode: '341599101000', target: 37 }));

    await page.goto(`${baseUrl()}/institutions`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '定点机构' }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'institutions');
  });
});
