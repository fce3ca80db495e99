// The page itself: it loads, runs its engine thread, draws with ImGui, answers clicks and
// resizes, and explains in plain words when the browser or the server can't run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useLab, startPlainServer, launch, newPage, openLab, state, waitFrames, itemRect, clickItem,
  screenshot, LOAD_TIMEOUT_MS,
} from './lab.mjs';
import { decodePng } from './png.mjs';

const lab = useLab();

test('the lab loads cross-origin isolated, with no console errors, and keeps drawing', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url);
  assert.equal(await page.evaluate(() => window.crossOriginIsolated), true);
  const first = await state(page);
  await waitFrames(page, 10);
  const later = await state(page);
  assert.ok(later.frames >= first.frames + 10, `frames advanced: ${first.frames} -> ${later.frames}`);
  assert.equal(await page.locator('#loading').isHidden(), true, 'the loading indicator is gone');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the engine thread is alive: its loop keeps turning beside the UI', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url);
  const s = await state(page);
  assert.equal(s.engine.alive, true);
  const before = s.engine.heartbeats;
  await page.waitForFunction((n) => window.threadlab.state().engine.heartbeats >= n + 2, before, { timeout: 30_000 });
  await page.context().close();
});

test('the canvas shows the ImGui interface, not a blank page', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url);
  await waitFrames(page, 3);
  const png = decodePng(await screenshot(page, 'foundation-default'));
  const s = await state(page);
  const bar = await itemRect(page, 'menu/Help');
  // Right of the last menu, inside the main menu bar: ImGui's dark menu bar colour.
  const barPixel = png.pixel(png.width - 10, Math.round(bar.cy));
  assert.deepEqual(barPixel.slice(0, 3), [36, 36, 36], `menu bar colour, got ${barPixel}`);
  // Below the bar: the grid background, darker than the bar.
  const bgPixel = png.pixel(Math.round(png.width / 2) + 3, Math.round(png.height / 2) + 3);
  assert.ok(bgPixel[0] < 36, `background below the bar, got ${bgPixel}`);
  // Menu text is drawn: some bright pixels in the bar.
  let bright = 0;
  for (let x = 0; x < Math.min(png.width, 300); x++)
    for (let y = 0; y < Math.round(bar.y1); y++) if (png.pixel(x, y)[0] > 200) bright++;
  assert.ok(bright > 20, `menu titles are drawn (${bright} bright pixels)`);
  assert.equal(s.theme, 'dark');
  await page.context().close();
});

test('Help > About opens the About window', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url);
  assert.equal((await state(page)).windows.about, false);
  await clickItem(page, 'menu/Help');
  await clickItem(page, 'menu/Help/About');
  const s = await state(page);
  assert.equal(s.windows.about, true);
  assert.ok('window/About' in s.items, 'the About window was drawn');
  assert.match(s.commit, /^[0-9a-f]{7,}|unknown$/);
  await screenshot(page, 'foundation-about');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('View > Metrics opens Dear ImGui\'s metrics window', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url);
  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/Metrics');
  assert.equal((await state(page)).windows.metrics, true);
  await page.context().close();
});

test('resizing the window resizes the canvas', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url);
  let s = await state(page);
  assert.equal(s.canvas.width, Math.round(1280 * s.dpr));
  await page.setViewportSize({ width: 900, height: 600 });
  await page.waitForFunction(() => window.threadlab.state().canvas.width === Math.round(900 * window.devicePixelRatio),
    null, { timeout: 30_000 });
  s = await state(page);
  assert.equal(s.canvas.height, Math.round(600 * s.dpr));
  await page.context().close();
});

test('on a hi-DPI screen the canvas has one pixel per device pixel', async () => {
  const page = await newPage(lab.browser, { deviceScaleFactor: 2 });
  await openLab(page, lab.server.url);
  const s = await state(page);
  assert.equal(s.dpr, 2);
  assert.equal(s.canvas.width, 2560);
  assert.equal(s.canvas.height, 1440);
  // The menu bar is as tall in CSS pixels as at 1x: text and widgets were scaled, not shrunk.
  const bar = await itemRect(page, 'menu/Help');
  assert.ok(bar.y1 - bar.y0 > 12, `menu height ${bar.y1 - bar.y0} CSS px`);
  await page.context().close();
});

test('while the WebAssembly downloads, the page shows a progress indicator', async () => {
  const page = await newPage(lab.browser);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/threadlab_app.wasm', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  await page.goto(lab.server.url);
  const loading = page.locator('#loading');
  assert.equal(await loading.isVisible(), true);
  assert.match(await page.locator('#loading-stage').textContent(), /Loading|Downloading/);
  release();
  await page.waitForFunction(() => window.threadlab.ready, null, { timeout: LOAD_TIMEOUT_MS });
  assert.equal(await loading.isHidden(), true);
  await page.context().close();
});

test('without cross-origin isolation the page says so in plain words', async () => {
  const plain = await startPlainServer();
  try {
    const page = await newPage(lab.browser);
    await page.goto(plain.url);
    const fatal = page.locator('#fatal');
    await fatal.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await fatal.textContent(), /not cross-origin isolated/);
    assert.match(await fatal.textContent(), /scripts\/serve/);
    assert.match(await page.evaluate(() => window.threadlab.error), /cross-origin/);
    await page.context().close();
  } finally {
    plain.close();
  }
});

test('without WebGL2 the page says so in plain words', async () => {
  const noGl = await launch(['--disable-3d-apis']);
  try {
    const page = await newPage(noGl);
    await page.goto(lab.server.url);
    const fatal = page.locator('#fatal');
    await fatal.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await fatal.textContent(), /no WebGL2/);
  } finally {
    await noGl.close();
  }
});
