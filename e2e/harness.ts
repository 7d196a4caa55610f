import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { createApp, type App } from '../server/app.js';
import { testConfig, type Config } from '../server/config.js';

export const ARTIFACTS = path.resolve('e2e/artifacts');

/** Flags proven on these machines (../shared/ENVIRONMENT.md): fake devices, no background traffic. */
const BASE_ARGS = [
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
  // Several pages of one browser are people side by side: none of them is a background tab.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/**
 * The fake camera plays a small generated clip (320x180 at 10 fps) instead of rendering and encoding
 * 640x360 at 24 fps: a browser test with six live videos then costs a fraction of the two cores.
 * The clip still moves, so "frames advance" stays a real check; screen sharing keeps its 1280x720.
 */
export const FAKE_VIDEO = { width: 320, height: 180, fps: 10, frames: 20 } as const;

export const CHROMIUM_ARGS = [...BASE_ARGS, `--use-file-for-fake-video-capture=${fakeVideoFile()}`];

function fakeVideoFile(): string {
  const { width, height, fps, frames } = FAKE_VIDEO;
  const file = path.join(os.tmpdir(), `jumelage-fake-${width}x${height}-${fps}.y4m`);
  if (existsSync(file)) return file;
  const luma = width * height;
  const chroma = (width / 2) * (height / 2);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) {
    const frame = Buffer.alloc(luma + 2 * chroma, 128);
    // A bright bar that walks across a grey picture: every frame differs from the last.
    const x0 = Math.floor((f / frames) * width);
    for (let y = 0; y < height; y++) frame.fill(235, y * width + x0, y * width + Math.min(width, x0 + width / 8));
    parts.push(Buffer.from('FRAME\n'), frame);
  }
  // Written under a temporary name first: parallel workers never read half a file.
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, Buffer.concat(parts));
  renameSync(tmp, file);
  return file;
}

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

/** Everyone's browser context in the running test, with what their page printed, for failure artifacts. */
const people = new Set<{ context: BrowserContext; page: Page; name: string; console: string[] }>();

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
  const person = { context, page, name: `person${people.size + 1}-${opts.locale ?? 'en-GB'}`, console: [] as string[] };
  people.add(person);
  context.on('close', () => people.delete(person));
  const keep = (line: string) => {
    person.console.push(`${new Date().toISOString()} ${line}`);
    if (person.console.length > 400) person.console.shift();
  };
  page.on('console', (msg) => keep(`[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => {
    keep(`[page error] ${err.message}`);
    console.error(`[page error] ${err.message}`);
  });
  page.on('framenavigated', (frame) => frame === page.mainFrame() && keep(`[navigated] ${frame.url()}`));
  return { context, page };
}

/**
 * After a failed test: a screenshot and the console of every page still open, under e2e/artifacts/failures/,
 * so a timeout says what the person was looking at. Never throws: the test's own error is the one to read.
 */
export async function saveFailureArtifacts(testName: string): Promise<string[]> {
  const dir = path.join(ARTIFACTS, 'failures');
  mkdirSync(dir, { recursive: true });
  const slug = testName.replace(/[^a-zA-Z0-9-]+/g, '-').slice(0, 80);
  const saved: string[] = [];
  for (const person of people) {
    const base = path.join(dir, `${slug}--${person.name}`);
    try {
      await person.page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 });
      saved.push(`${base}.png`);
    } catch (err) {
      person.console.push(`(screenshot failed: ${(err as Error).message})`);
    }
    const url = person.page.isClosed() ? '(closed)' : person.page.url();
    writeFileSync(`${base}.log`, [`url: ${url}`, ...person.console].join('\n'));
    saved.push(`${base}.log`);
  }
  return saved;
}

/** Closes every context a test opened, also when it failed before closing them: a failed video test must not load the next. */
export async function closeEveryone(): Promise<void> {
  await Promise.all([...people].map((p) => p.context.close().catch(() => {})));
  people.clear();
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
