import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectNoSeriousA11yViolations, signIn, useBrowserPage } from './browser.js';

const session = useBrowserPage();

describe('sign-in journey', () => {
  it('serves the app in Chinese with a labelled sign-in form that passes axe', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(() => page.getByLabel('用户名').count()).toBe(1);
    expect(await page.getByLabel('密码').count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'sign-in page');
  });

  it('says why a wrong password is refused', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('用户名').fill('officer');
    await page.getByLabel('密码').fill('Wrong-pass-1');
    await page.getByLabel('密码').press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码错误');
  });

  it('signs in by keyboard alone, shows the menu for the role, and signs out', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('用户名').focus();
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Huican@2026');
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu').first();
    await expect.poll(() => menu.count(), { timeout: 15_000 }).toBe(1);
    for (const item of ['首页', '用户管理', '区划管理', '审计日志']) {
      expect(await menu.getByText(item, { exact: true }).count(), item).toBe(1);
    }
    await expectNoSeriousA11yViolations(page, 'home (admin)');
    await signOut(page);
    await expect.poll(() => page.getByLabel('用户名').count()).toBe(1);
    const me = await page.request.get(`${baseUrl()}/api/auth/me`);
    expect(me.status()).toBe(401);
  });

  it('shows a township officer a smaller menu and a 403 page for the users page', async () => {
    const { page } = session;
    await signIn(page, 'township');
    const menu = page.getByRole('menu').first();
    expect(await menu.getByText('用户管理', { exact: true }).count()).toBe(0);
    expect(await menu.getByText('审计日志', { exact: true }).count()).toBe(0);
    await page.goto(`${baseUrl()}/users`);
    await expect.poll(() => page.getByText('你没有权限访问此页面').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, '403 page');
    await page.goto(`${baseUrl()}/no-such-page`);
    await expect.poll(() => page.getByText('页面不存在').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, '404 page');
  });

  it('switches to English', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/login`);
    await page
      .getByRole('button', { name: /English/ })
      .first()
      .click();
    await expect.poll(() => page.getByLabel('Username').count()).toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectNoSeriousA11yViolations(page, 'sign-in page (English)');
  });
});

describe('every admin page passes axe', () => {
  for (const [path, heading] of [
    ['/users', '用户管理'],
    ['/regions', '区划管理'],
    ['/audit', '审计日志'],
  ] as const) {
    it(`${path}`, async () => {
      const { page } = session;
      await signIn(page, 'admin');
      await page.goto(`${baseUrl()}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).count()).toBe(1);
      await page.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(page, path);
    });
  }
});

async function signOut(page: Page) {
  await page
    .getByRole('button', { name: /系统管理员|用户菜单/ })
    .first()
    .click();
  await page.getByText('退出登录').click();
}
