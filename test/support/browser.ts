import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestServer, type TestServer } from './server.ts';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium, installed by `scripts/setup.mjs --browser`; flags for a closed network. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  if (!executablePath)
    throw new Error('Chromium not found: run `node scripts/setup.mjs --browser`');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      // the browser's language when a test names none (each context may set its own locale)
      '--lang=en-US',
    ],
  });
}

/** axe's serious and critical violations on the page as it is now (none is the goal). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** True when the page scrolls sideways at its current width (a 360 px layout failure). */
export const overflowsHorizontally = (page: Page): Promise<boolean> =>
  // a string, so this Node-typed file needs no DOM types
  page.evaluate(
    'document.documentElement.scrollWidth > document.documentElement.clientWidth + 1',
  ) as Promise<boolean>;

/** axe-clean and no sideways scrolling, once the page has settled; `name` labels failures. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `horizontal scroll on ${name}`).toBe(false);
}

/** Signs in through the sign-in page. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * A test server and Chromium for one `describe` block, started before its tests and closed
 * after (with every context it opened); `newPage(width)` opens a page in a context of its
 * own, `newContext(options)` a context (1280 px wide unless `options` say otherwise) whose
 * pages share a session. A `beforeAll` registered after `browserSuite()` runs after they
 * start, so it can seed data through `ui.server`.
 *
 * @example
 * const ui = browserSuite();
 * beforeAll(async () => { await seedNetwork(ui.server, seed); });
 * it('…', async () => { const page = await ui.newPage(360); await page.goto(ui.server.url); });
 */
export function browserSuite(height = 900) {
  const contexts: BrowserContext[] = [];
  const suite = {
    server: undefined as unknown as TestServer,
    browser: undefined as unknown as Browser,
    newContext: async (options: BrowserContextOptions = {}): Promise<BrowserContext> => {
      const context = await suite.browser.newContext({
        viewport: { width: 1280, height },
        ...options,
      });
      contexts.push(context);
      return context;
    },
    newPage: async (width: number): Promise<Page> =>
      (await suite.newContext({ viewport: { width, height } })).newPage(),
  };
  beforeAll(async () => {
    suite.server = await startTestServer();
    suite.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
