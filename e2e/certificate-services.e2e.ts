import { makeIdNumber, todayInChina } from '@huican/core';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectNoSeriousA11yViolations, signIn, useBrowserPage } from './browser.js';

const session = useBrowserPage();

/** A person of 青禾镇 建设社区, registered through the API; with `certificate`, holding a valid one. */
async function registerPerson(page: Page, prefix: string, certificate = false) {
  for (let attempt = 0; ; attempt += 1) {
    const suffix = ['东', '南', '西', '北'][Math.floor(Math.random() * 4)]!;
    const name = `${prefix}${suffix}明`;
    const idNumber = makeIdNumber('341599', '1968-09-12', 301 + Math.floor(Math.random() * 300) * 2);
    const response = await page.request.post(`${baseUrl()}/api/persons`, {
      data: {
        name,
        idNumber,
        regionCode: '341599101001',
        ...(certificate ? { certificate: { number: `${idNumber}42`, issuedOn: '2024-03-01' } } : {}),
      },
    });
    // The demo county may hold that ID number already: draw another.
    if (response.status() === 409 && attempt < 5) continue;
    expect(response.status(), await response.text()).toBe(201);
    const person = (await response.json()) as { id: string };
    return { id: person.id, name, idNumber };
  }
}

/** Picks an option of a searchable antd Select by typing part of its text: the first match is chosen with Enter. */
async function choose(field: Locator, text: string) {
  await field.fill(text);
  await field.press('Enter');
}

/** Picks an option of a plain antd Select: opens it and clicks the option of that text. */
async function pick(page: Page, field: Locator, text: string) {
  await field.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${text}"]`).click();
}

/** Types a date into an antd DatePicker and confirms it. */
async function typeDate(field: Locator, date: string) {
  await field.fill(date);
  await field.press('Enter');
}

const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

describe('certificate services', () => {
  it('files 评残 at the person’s record, reviews, approves and completes it with the assessment', async () => {
    const { page } = session;
    await signIn(page, 'township');
    const person = await registerPerson(page, '评残');

    // File from the person's record.
    await page.goto(`${baseUrl()}/persons/${person.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: person.name }).count()).toBe(1);
    await page.getByRole('button', { name: '证件业务' }).click();
    const fileDialog = page.getByRole('dialog');
    const service = fileDialog.getByLabel('证件业务', { exact: true });
    await expect.poll(() => service.count()).toBe(1);
    await choose(service, '残疾人证申领');
    await expect.poll(() => fileDialog.getByText(/所需材料：.*残疾评定表/).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'certificate service filing');
    await fileDialog.getByRole('button', { name: '提交申请' }).click();
    const title = page.getByRole('heading', { level: 1, name: new RegExp(`${person.name}.*残疾人证申领`) });
    await expect.poll(() => title.count(), { timeout: 10_000 }).toBe(1);
    const applicationId = page.url().split('/applications/')[1]!;

    // The township reviews it.
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => status(page, '已审核通过').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // The county officer finds it in the inbox under 证件业务, approves it and completes it.
    await page.context().clearCookies();
    await signIn(page, 'officer');
    await page.goto(`${baseUrl()}/applications?programCode=cert_new&q=${person.idNumber}`);
    await expect
      .poll(() => page.getByRole('link', { name: `查看 ${person.name} 的残疾人证申领（评残）申请` }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await page.goto(`${baseUrl()}/applications/${applicationId}`);
    await expect.poll(() => title.count()).toBe(1);
    await page.getByRole('button', { name: '审批通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '审批通过' }).click();
    await expect.poll(() => status(page, '已审批通过').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.getByRole('button', { name: '办结' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('评定医院').count()).toBe(1);
    // Exactly the assessment's fields: nothing of the other services.
    expect(await dialog.getByLabel('迁入地').count()).toBe(0);
    expect(await dialog.getByLabel('注销原因').count()).toBe(0);
    // Required fields are asked for before anything is sent.
    await dialog.getByRole('button', { name: '办结' }).click();
    await expect.poll(() => dialog.getByText('请填写评定医院').count()).toBe(1);
    expect(await dialog.getByText('请选择残疾等级').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'certificate completion form');

    const today = todayInChina();
    await dialog.getByLabel('评定医院').fill('青禾县人民医院');
    await typeDate(dialog.getByLabel('评定日期'), today);
    await pick(page, dialog.getByLabel('残疾类别'), '肢体');
    await pick(page, dialog.getByLabel('残疾等级'), '二级');
    await dialog.getByRole('button', { name: '办结' }).click();
    await expect.poll(() => status(page, '已办结').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // The result as recorded, and the new certificate.
    await expect.poll(() => page.getByRole('heading', { level: 2, name: '办理结果' }).count()).toBe(1);
    expect(await page.getByText('青禾县人民医院').count()).toBe(1);
    expect(await page.getByText('肢体二级').count()).toBeGreaterThan(0);
    const number = `${person.idNumber}42`;
    await expect.poll(() => page.getByText(number).count(), { timeout: 10_000 }).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'completed certificate service');

    await page.getByRole('link', { name: `查看 ${person.name} 的残疾人证` }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: '当前证件' }).count()).toBe(1);
    await expect.poll(() => page.getByText(number).count()).toBeGreaterThan(0);
    expect(await page.getByText('有效', { exact: true }).count()).toBeGreaterThan(0);

    const stored = await (await page.request.get(`${baseUrl()}/api/applications/${applicationId}`)).json();
    expect(stored.status).toBe('completed');
    expect(stored.details.result).toMatchObject({ hospital: '青禾县人民医院', category: 4, grade: 2 });
  });
});

describe('precise rehabilitation', () => {
  it('records an assessment, a plan and a service on the person’s 精准康复 tab', async () => {
    const { page } = session;
    await signIn(page, 'township');
    const person = await registerPerson(page, '康复', true);
    await page.goto(`${baseUrl()}/persons/${person.id}?tab=rehab`);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: '需求评估' }).count()).toBe(1);
    await expect.poll(() => page.getByText('本年度尚无康复方案。').count()).toBe(1);

    // 新增评估
    await page.getByRole('button', { name: '新增评估' }).click();
    const assessment = page.getByRole('dialog');
    await assessment.getByLabel('评估人').fill('王医生');
    await assessment.getByRole('checkbox', { name: '康复训练' }).check();
    await assessment.getByRole('checkbox', { name: '辅助器具' }).check();
    await assessment.getByRole('button', { name: '添加辅具' }).click();
    await assessment.getByLabel('第 1 项辅具代码').fill('12.22');
    await assessment.getByLabel('第 1 项辅具名称').fill('轮椅');
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'rehab assessment form');
    await assessment.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => status(page, '需求评估').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('cell', { name: '王医生' }).count()).toBe(1);

    // 制定方案: 24 sessions of training.
    await page.getByRole('button', { name: '制定方案' }).click();
    const plan = page.getByRole('dialog');
    await plan.getByLabel('康复目标').fill('提高下肢行走能力');
    await plan.getByLabel('第 1 项次数').fill('24');
    await plan.getByLabel('第 1 项提供方').fill('青禾县残疾人康复中心');
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'rehab plan form');
    await plan.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => status(page, '康复方案').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('0/24 次').count()).toBeGreaterThan(0);

    // 记录服务 under the plan: progress moves to 1/24.
    await page.getByRole('button', { name: /^记录服务：/ }).click();
    const service = page.getByRole('dialog');
    await expect.poll(() => service.getByLabel('服务日期').count()).toBe(1);
    await service.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => status(page, '已记录康复训练服务').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('1/24 次').count()).toBeGreaterThan(0);
    expect(await page.getByText('执行中').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'rehab tab');

    // The plan is listed on the 精准康复 page, linking back to the person's tab.
    await page.getByRole('menuitem', { name: '精准康复' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '精准康复' }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'rehab plans');
    const rehab = await (await page.request.get(`${baseUrl()}/api/persons/${person.id}/rehab`)).json();
    expect(rehab.assessments[0]).toMatchObject({ assessor: '王医生', devices: [{ code: '12.22', name: '轮椅' }] });
    expect(rehab.plans[0].progress).toMatchObject({ planned: 24, delivered: 1 });
  });
});
