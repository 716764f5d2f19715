import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'Huican@2026';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const baseUrl = () => inject('baseUrl');

/** Signs in through the form by keyboard: type, Tab, type, Enter. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
  await expect.poll(() => page.getByRole('menu').count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

/**
 * No serious or critical WCAG 2.1 A/AA violations on the page once it has settled: a toast caught
 * half-way through its fade-in has, for that moment, too little contrast, which is no real failure.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string) {
  // Finite animations only: a loading spinner turns forever. (A function, not a string: the app's CSP
  // forbids eval.) The e2e project has no DOM types, hence the narrow cast.
  type Animation = { playState: string; effect: { getComputedTiming(): { endTime?: number | string } } | null };
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { document: { getAnimations(): Animation[] } }).document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY),
    undefined,
    { timeout: 10_000 },
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}

/**
 * One browser per test file and a fresh context (no cookies) per test:
 * `const session = useBrowserPage();` then `session.page` inside tests.
 */
export function useBrowserPage(locale = 'zh-CN') {
  let browser: Browser;
  let context: BrowserContext | undefined;
  const session = {} as { page: Page };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext({ locale });
    session.page = await context.newPage();
  });
  return session;
}
