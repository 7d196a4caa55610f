import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { createApp, type App } from '../server/app.js';
import { testConfig, type Config } from '../server/config.js';

export const ARTIFACTS = path.resolve('e2e/artifacts');

/** Flags proven on these machines (../shared/ENVIRONMENT.md): fake devices, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

export function chromiumPath(): string | null {
  return inject('chromiumPath');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath() ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export interface TestServer {
  url: string;
  app: App;
  close(): Promise<void>;
}

/** A real server on a free port serving the built client (npm test builds it first). */
export async function startServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const clientDir = path.resolve('dist/client');
  if (!existsSync(path.join(clientDir, 'index.html')))
    throw new Error('dist/client is missing: run `npm run build` (npm test does)');
  const app = await createApp({ config: testConfig({ clientDir, ...overrides }) });
  const port = await app.listen();
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}

/** One person = one browser context (own storage, own camera), like a separate device. */
export async function newPerson(
  browser: Browser,
  opts: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: opts.locale ?? 'en-GB',
    viewport: opts.viewport ?? { width: 1280, height: 860 },
    permissions: ['camera', 'microphone', 'clipboard-read', 'clipboard-write'],
  });
  context.setDefaultTimeout(10_000);
  // Anything the Content-Security-Policy blocks is kept in window.__cspViolations (see cspViolations).
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  return { context, page };
}

/** What the page's Content-Security-Policy blocked so far (empty when the built client fits it). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

export async function createWorkshop(page: Page, baseUrl: string, title: string) {
  await page.goto(baseUrl);
  await page.getByLabel(/^Title|^Titel|^Titre|^Tytuł/).fill(title);
  await page.locator('form.create-form button[type=submit]').click();
  const invite = page.getByTestId('invite-url');
  await invite.waitFor();
  return {
    inviteUrl: await invite.inputValue(),
    moderatorUrl: await page.getByTestId('moderator-url').inputValue(),
    code: (await page.getByTestId('join-code').textContent())!.trim(),
  };
}

/** Fills the join form (screen 1) and waits for the workshop (screen 2). */
export async function joinWorkshop(
  page: Page,
  url: string,
  who: { name: string; town: string; group?: number; media?: boolean },
) {
  await page.goto(url);
  // Without media: no camera, no peers (lighter for tests that do not look at video).
  if (who.media === false) await page.getByTestId('join-without-media').check();
  await page.locator('#join-name').fill(who.name);
  await page.locator('#join-town').fill(who.town);
  if (who.group) {
    await page.locator('input[name=kind][value=group]').check();
    await page.locator('#join-headcount').fill(String(who.group));
  }
  await page.locator('form.join-form button[type=submit]').click();
  await page.getByTestId('workshop').waitFor();
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** Describe that skips with a visible reason when no Chromium is installed (CI fails instead, in global setup). */
export const hasBrowser = () => chromiumPath() !== null;
