import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { createApp, type App } from '../server/app.js';
import { PRESENCE_DROP_DELAY_DEFAULT_MS, testConfig, type Config } from '../server/config.js';
import { chromiumArgs } from '../test/chromium.mjs';

export const ARTIFACTS = path.resolve('e2e/artifacts');

export const CHROMIUM_ARGS = chromiumArgs();

export function chromiumPath(): string | null {
  return inject('chromiumPath');
}

/** Headless Chromium with the fake devices (another fake camera: `chromiumArgs({ ...clip })`). */
export async function launchBrowser(args: string[] = CHROMIUM_ARGS): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath() ?? '/usr/bin/chromium',
    args,
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
  // [WS32] Drops as deployed (the server tests' config records them at once, to keep those tests quick).
  const config = testConfig({ clientDir, presenceDropDelayMs: PRESENCE_DROP_DELAY_DEFAULT_MS, ...overrides });
  const app = await createApp({ config });
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

export async function createWorkshop(page: Page, baseUrl: string, title: string, opts: { countries?: string[] } = {}) {
  await page.goto(baseUrl);
  await page.getByLabel(/^Title|^Titel|^Titre|^Tytuł|^Titolo/).fill(title);
  // The partner countries, picked by their code from the list of names in the interface language.
  for (const code of opts.countries ?? []) await page.locator('#ws-country-add').selectOption(code);
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

/** A remote tile's <video>: whose it is, its playback position and decoded width. */
export interface RemoteVideo {
  name: string;
  time: number;
  width: number;
}

/** The remote tiles' <video> elements (client/media) with their playback position and decoded size. */
export function remoteVideos(page: Page): Promise<RemoteVideo[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLVideoElement>('[data-testid=tile][data-self=false] video')].map((v) => ({
      name: (v.closest('[data-testid=tile]') as HTMLElement).dataset.who ?? '',
      time: v.currentTime,
      width: v.videoWidth,
    })),
  );
}

/** The names on the remote tiles, sorted. */
export const tileNames = (page: Page) =>
  page
    .locator('[data-testid=tile][data-self=false]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.who ?? '').sort());

/**
 * Waits until every named remote video has played on since the call (its currentTime grew) and has a
 * size: what a person sees as "the video moves", without waiting a fixed time.
 */
export async function expectFramesAdvance(page: Page, names: string[], wait = { timeout: 30_000, interval: 250 }) {
  const before = new Map((await remoteVideos(page)).map((v) => [v.name, v.time]));
  const stalled = async () =>
    (await remoteVideos(page))
      .filter((v) => names.includes(v.name) && !(v.width > 0 && v.time > (before.get(v.name) ?? Infinity)))
      .map((v) => v.name);
  await expect.poll(stalled, { ...wait, message: 'remote videos whose frames did not advance' }).toEqual([]);
}

/** The rule set every screen is checked against: WCAG 2.0 and 2.1, levels A and AA (colour contrast included). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[] }[];
}

/** One line per violation: rule, impact, how many elements, the first selectors, the help text. */
function describeViolations(label: string, found: AxeViolation[]): string {
  return found
    .map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' > '));
      const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
      return `  [${label}] ${v.id} (${v.impact}, ${v.nodes.length}x): ${v.help}\n      at ${targets.join(' | ')}${more}`;
    })
    .join('\n');
}

/**
 * Runs axe-core (WCAG 2.1 A/AA) on what the page shows now and fails with a readable list of every
 * serious or critical violation; moderate and minor ones are printed (to fix later) but do not fail.
 * The screen's label names the state in the message ("phone poll", "ended").
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const started = performance.now();
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy (no inline script, no eval)
  // neither blocks it nor reports it; injected once per page load.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource());
  const violations = (await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, AXE_TAGS)) as AxeViolation[];
  // One line per check, so a slow or noisy screen shows in the test output.
  console.info(`axe [${label}]: ${violations.length} rule(s) violated, ${Math.round(performance.now() - started)} ms`);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const later = violations.filter((v) => !blocking.includes(v));
  if (later.length) console.warn(`axe (moderate/minor, not failing):\n${describeViolations(label, later)}`);
  if (blocking.length)
    throw new Error(
      `axe: ${blocking.length} serious or critical violation(s) on "${label}":\n${describeViolations(label, blocking)}`,
    );
}

let axeSourceText: string | undefined;
async function axeSource(): Promise<string> {
  // The minified build: less to send and compile in every page checked (about a third of a first check's time).
  axeSourceText ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSourceText;
}

/**
 * [LAYOUT] Opens a side panel (desktop) or tab (phone) the way a person does: People, Chat, Polls, Rooms, Host.
 * On a phone the polls are part of "Now".
 */
export async function openPanel(page: Page, id: 'people' | 'chat' | 'polls' | 'rooms' | 'agenda' | 'host' | 'now') {
  const phone = (await page.getByTestId('workshop').getAttribute('data-layout')) === 'phone';
  const tab = phone && id === 'polls' ? 'now' : phone && id === 'agenda' ? 'host' : id;
  const testId = phone && (tab === 'chat' || tab === 'people') ? `phone-${tab}` : `tab-${tab}`;
  await page.getByTestId(testId).click();
}

/** [LAYOUT] Shows the board: on the stage of a desktop (for this person), in the Board tab of a phone. */
export async function showBoard(page: Page) {
  const phone = (await page.getByTestId('workshop').getAttribute('data-layout')) === 'phone';
  await page.getByTestId(phone ? 'tab-board' : 'stage-board').click();
  await page.getByTestId('board-section').waitFor();
}
