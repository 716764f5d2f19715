import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, useBrowserPage } from './browser.js';

const session = useBrowserPage();

const SIZES = [
  { label: 'phone', width: 375, height: 812 },
  { label: 'desktop', width: 1280, height: 800 },
] as const;

/** Every axe rule (best practices included), and no violation of any impact. */
async function expectNoA11yViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(found, `axe on ${label}`).toEqual([]);
}

// The e2e project has no DOM types, hence the narrow casts inside page.evaluate.
type Doc = { documentElement: { scrollWidth: number; clientWidth: number } };
const overflowsSideways = (page: Page) =>
  page.evaluate(() => {
    const d = (globalThis as unknown as { document: Doc }).document.documentElement;
    return d.scrollWidth > d.clientWidth;
  });

describe('citizen portal: the public service catalogue', () => {
  for (const size of SIZES) {
    it(`shows the catalogue and a guide without signing in, axe-clean at ${size.label} size`, async () => {
      const { page } = session;
      await page.setViewportSize({ width: size.width, height: size.height });
      const res = await page.goto(`${baseUrl()}/portal/`);
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('公共服务事项清单');
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('banner').count()).toBe(1);
      expect(await page.getByRole('contentinfo').count()).toBe(1);
      expect(await overflowsSideways(page)).toBe(false);
      await expectNoA11yViolations(page, `catalogue (${size.label})`);

      await page.getByRole('link', { name: '困难残疾人生活补贴' }).click();
      await page.waitForURL(/\/portal\/services\/living_subsidy$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('困难残疾人生活补贴');
      expect(await page.getByRole('heading', { level: 2, name: '所需材料' }).count()).toBe(1);
      expect(await page.getByRole('heading', { level: 2, name: '办理流程' }).count()).toBe(1);
      expect(await page.getByText('最低生活保障证').count()).toBe(1);
      expect(await overflowsSideways(page)).toBe(false);
      await expectNoA11yViolations(page, `guide (${size.label})`);
    });
  }

  it('is usable by keyboard: the first Tab reaches the skip link, which leads into the main content', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/portal/`);
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const el = (
          globalThis as unknown as { document: { activeElement: { id: string; textContent: string } | null } }
        ).document.activeElement;
        return { id: el?.id ?? '', text: el?.textContent ?? '' };
      });
    expect((await focused()).text).toBe('跳到主要内容');
    expect(await page.getByRole('link', { name: '跳到主要内容' }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('main');
    // The next Tab goes to the first service link inside main, not back to the header.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => {
        const el = (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } })
          .document.activeElement;
        return Boolean(el?.closest('main'));
      }),
    ).toBe(true);
  });

  it('answers an unknown item with the portal’s own 404 page, not the admin app', async () => {
    const { page } = session;
    const res = await page.goto(`${baseUrl()}/portal/services/no_such_item`);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('没有找到这个页面');
    await expectNoA11yViolations(page, 'not-found page');
  });
});
