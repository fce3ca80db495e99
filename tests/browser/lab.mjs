// Shared helpers for the browser tests: serve build/web, launch Debian's Chromium through
// playwright-core, open the lab, and act on it through window.threadlab (the app's own account
// of where things are), never through guessed pixel positions.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
// The page as scripts/build web gathers it; THREADLAB_WEB_DIR points at another build's copy.
export const webDir = process.env.THREADLAB_WEB_DIR ?? join(root, 'build', 'web');
export const outputDir = join(root, 'test-results');

// Software WebGL on 2 cores is slow to start: allow for it rather than flake.
export const LOAD_TIMEOUT_MS = 90_000;

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader',
];

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHttp(url, deadlineMs) {
  const start = Date.now();
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() - start > deadlineMs) throw new Error(`no server at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The lab as users get it: emrun, exactly as scripts/serve starts it.
export async function startEmrun() {
  if (!existsSync(join(webDir, 'index.html'))) throw new Error('build/web is missing: run scripts/build web');
  const port = await freePort();
  const child = spawn('emrun', ['--no_browser', '--hostname', '127.0.0.1', '--port', String(port),
    join(webDir, 'index.html')], { stdio: 'ignore', env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, 20_000);
  return { url, close: () => child.kill() };
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

// A plain static server WITHOUT the cross-origin isolation headers, as a careless host would be.
export async function startPlainServer() {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = join(webDir, path === '/' ? 'index.html' : path.slice(1));
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

export async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

// One served lab and one browser for a whole test file: call at the top of the file, then use
// lab.server.url and lab.browser in its tests.
export function useLab() {
  const lab = { server: null, browser: null };
  before(async () => {
    lab.server = await startEmrun();
    lab.browser = await launch();
  });
  after(async () => {
    await lab.browser?.close();
    lab.server?.close();
  });
  return lab;
}

// Open a page that records console errors and uncaught exceptions.
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => page.consoleErrors.push(String(err)));
  return page;
}

// Make the page (before it loads) see a computer with `cores` logical cores, as
// navigator.hardwareConcurrency tells them: what sizes the Explore window's pool of workers.
export async function pretendCores(page, cores) {
  await page.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
  }, cores);
}

// View > Explore schedules > Explore, and the search's figures (state().explore) once it has ended.
export async function exploreSchedules(page, timeoutMs = 300_000) {
  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/Explore schedules');
  await clickItem(page, 'explore/Explore');
  await page.waitForFunction(() => window.threadlab.state().explore.finished, null, { timeout: timeoutMs });
  return (await state(page)).explore;
}

// The lab a bare URL opened before a first visit opened lesson 1 (which holds its run for its
// question): tests that need a run going at once, or this program, open it by its link.
export const GIL_CPU_BOUND = '#v=1&lesson=gil_cpu_bound';

export async function openLab(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.threadlab && (window.threadlab.ready || window.threadlab.error),
    null, { timeout: LOAD_TIMEOUT_MS });
  const error = await page.evaluate(() => window.threadlab.error);
  if (error) throw new Error(`the lab reported: ${error}`);
}

export const state = (page) => page.evaluate(() => window.threadlab.state());

// Poll the app's state until `predicate` holds of it (the page's policy forbids eval, so the
// predicate runs here), and return that state.
export async function until(page, predicate, arg) {
  const start = Date.now();
  for (;;) {
    const s = await state(page);
    if (predicate(s, arg)) return s;
    if (Date.now() - start > LOAD_TIMEOUT_MS) throw new Error(`timed out waiting for ${predicate}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Open the lab at `fragment` (a permalink, '#v=1&lesson=coroutines'), wait until that run has
// finished, and return what the app reports about it (state().program).
export async function openFinishedRun(page, url, fragment) {
  await openLab(page, url + fragment);
  await page.waitForFunction(() => {
    const p = window.threadlab.state().program;
    return p.runId > 0 && p.status === 'finished';
  }, null, { timeout: LOAD_TIMEOUT_MS });
  return (await state(page)).program;
}

// Wait until the app has drawn `count` more frames, so it has seen our input.
export async function waitFrames(page, count = 3) {
  const start = (await state(page)).frames;
  await page.waitForFunction((target) => window.threadlab.state().frames >= target, start + count,
    { timeout: 30_000 });
}

// Wait until the app reports a widget rectangle under `name`, and return it in CSS pixels.
export async function itemRect(page, name) {
  await page.waitForFunction((n) => n in window.threadlab.state().items, name, { timeout: 30_000 });
  const s = await state(page);
  const [x0, y0, x1, y1] = s.items[name].map((v) => v / s.dpr);
  return { x0, y0, x1, y1, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
}

// Click a reported widget, at `fx` of its width (the middle by default; a table row is better
// clicked near its left end, away from the column borders that resize columns).
export async function clickItem(page, name, fx = 0.5) {
  const r = await itemRect(page, name);
  await page.mouse.move(r.x0 + (r.x1 - r.x0) * fx, r.cy);
  await waitFrames(page, 2);
  await page.mouse.down();
  await waitFrames(page, 2);
  await page.mouse.up();
  await waitFrames(page, 2);
}

// Press a key combination for exactly one frame: Dear ImGui 1.86 samples the keyboard once per
// frame, so a press and release between two frames goes unseen, and a key held past its repeat
// delay (slow headless frames) repeats.
export async function pressKeys(page, ...keys) {
  for (const key of keys) await page.keyboard.down(key);
  await waitFrames(page, 1);
  for (const key of [...keys].reverse()) await page.keyboard.up(key);
  await waitFrames(page, 2);
}

// Replace the editor's text the way a person does: copy it to the clipboard, click into the
// editor, select all, paste.
export async function pasteProgram(page, text) {
  const editor = await itemRect(page, 'program/Source');
  await page.mouse.click(editor.cx, editor.cy);
  await waitFrames(page, 2);
  await pressKeys(page, 'Control', 'a');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await pressKeys(page, 'Control', 'v');
  assert.equal((await state(page)).program.source, text, 'the pasted text is in the editor');
}

export async function screenshot(page, name) {
  await mkdir(outputDir, { recursive: true });
  return page.screenshot({ path: join(outputDir, `${name}.png`) });
}
