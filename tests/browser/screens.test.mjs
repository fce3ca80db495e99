// The lab on a phone, a small laptop window and a desktop, and the run taken home:
//   390x844 with touch: one window under a tab bar; a tap switches tabs, a long press on a
//     thread shows its tooltip (and clicks nothing), two fingers pinch the timeline's zoom, one
//     finger pans it, tapping the editor brings up the keyboard whose typing reaches the editor;
//     turning the phone and widening the page re-lay out without losing the run or the selection;
//     one finger on a listing's background scrolls it;
//   1024x768: two columns, every window inside the screen; wider: the full tiling;
//   Threadlab > Download trace / program: the files parse and hold the run (the trace is the
//     one the CLI's --trace writes for the same run, byte for byte).
// Screenshots go to test-results/screens-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useLab, newPage, openLab, openFinishedRun, state, waitFrames, itemRect, clickItem, screenshot, root, LOAD_TIMEOUT_MS,
} from './lab.mjs';

const lab = useLab();

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const TILED = ['Program', 'Code', 'Threads', 'Address space', 'Timeline'];

// Touches through the DevTools protocol: playwright's touchscreen knows only a tap.
async function touchSession(page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type, points) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({ x, y, id })),
  });
  return {
    start: (...points) => send('touchStart', points),
    move: (...points) => send('touchMove', points),
    end: () => send('touchEnd', []),
    // A finger that lands and moves at once. The move is sent without waiting for the landing to
    // be handled: on a loaded machine that wait alone can pass the long press's half second.
    swipeStart: (from, to) => Promise.all([send('touchStart', [from]), send('touchMove', [to])]),
  };
}

async function tap(page, name) {
  const r = await itemRect(page, name);
  await page.touchscreen.tap(r.cx, r.cy);
  await waitFrames(page, 5);
}

async function showTab(page, title) {
  await tap(page, `tab/${title}`);
  const s = await state(page);
  assert.equal(s.tab, title, `the ${title} tab is shown`);
  assert.ok(`window/${title}` in s.items, `the ${title} window is drawn`);
}

function inside(rect, width, height) {
  const [x0, y0, x1, y1] = rect;
  return x0 >= -0.5 && y0 >= -0.5 && x1 <= width + 0.5 && y1 <= height + 0.5;
}

// Every tiled window on screen lies inside the viewport (CSS pixels).
async function assertWindowsInside(page, width, height) {
  const s = await state(page);
  for (const title of TILED) {
    const rect = s.items[`window/${title}`];
    assert.ok(rect, `the ${title} window is on screen`);
    assert.ok(inside(rect.map((v) => v / s.dpr), width, height), `${title} ${rect} lies inside ${width}x${height}`);
  }
}

test('a phone: a tab at a time; tap, long press, pinch and the keyboard work with fingers', async () => {
  const page = await newPage(lab.browser, PHONE);
  await openLab(page, lab.server.url + '#v=1&lesson=race&cpus=2');
  await page.waitForFunction(() => window.threadlab.state().program.status === 'finished', null,
    { timeout: LOAD_TIMEOUT_MS });
  let s = await state(page);
  assert.equal(s.layout, 'compact');
  assert.equal(s.tab, 'Program');
  const program = s.items['window/Program'].map((v) => v / s.dpr);
  assert.ok(inside(program, 390, 844), 'the Program window fits the phone');
  assert.ok(program[2] - program[0] > 380, `it takes the whole width (${program})`);
  for (const title of TILED.slice(1))
    assert.ok(!(`window/${title}` in s.items), `${title} waits behind its tab`);
  const tab = await itemRect(page, 'tab/Threads');
  assert.ok(tab.y1 - tab.y0 >= 44, `a tab is a finger's height (${tab.y1 - tab.y0} px)`);
  await screenshot(page, 'screens-phone-program');

  // Tap: the Threads tab.
  await showTab(page, 'Threads');
  s = await state(page);
  assert.ok(!('window/Program' in s.items), 'the Program window gave the screen up');
  const selected = s.lab.selectedThread;

  // Long press: a thread's state tooltip, and no click (the selection stays).
  const touch = await touchSession(page);
  const cell = await itemRect(page, 'threads/state/1');
  assert.ok(!('tooltip' in (await state(page)).items), 'no tooltip before the press');
  await touch.start([cell.cx, cell.cy]);
  await page.waitForTimeout(800);
  await waitFrames(page, 3);
  s = await state(page);
  assert.equal(s.touch.phase, 'longPress');
  assert.ok('tooltip' in s.items, 'the long press shows the tooltip');
  await touch.end();
  await waitFrames(page, 3);
  s = await state(page);
  assert.ok('tooltip' in s.items, 'the tooltip stays up to be read');
  assert.equal(s.lab.selectedThread, selected, 'a long press is not a click');
  await screenshot(page, 'screens-phone-tooltip');
  await tap(page, 'threads/row/1');
  assert.equal((await state(page)).lab.selectedThread, 1, 'a tap on a row selects its thread');

  // Pinch: two fingers spread over the lanes zoom in around their centre.
  await showTab(page, 'Timeline');
  s = await state(page);
  const [x0, y0, x1, y1] = s.timeline.area.map((v) => v / s.dpr);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const before = s.timeline;
  await touch.start([cx - 30, cy], [cx + 30, cy]);
  await waitFrames(page, 2);
  for (let d = 40; d <= 120; d += 20) {
    await touch.move([cx - d, cy], [cx + d, cy]);
    await waitFrames(page, 1);
  }
  await touch.end();
  await waitFrames(page, 3);
  const zoomed = (await state(page)).timeline;
  const ratio = zoomed.nsPerPx / before.nsPerPx;
  assert.ok(ratio > 0.15 && ratio < 0.4, `spreading the fingers 4x zooms in about 4x (ns/px x${ratio.toFixed(3)})`);
  assert.ok(zoomed.start > before.start && zoomed.end < before.end, 'the new range lies inside the old one');
  // One finger pans: dragging right shows earlier moments.
  await touch.swipeStart([cx, cy], [cx + 20, cy]);
  for (let dx = 40; dx <= 100; dx += 20) {
    await touch.move([cx + dx, cy]);
    await waitFrames(page, 1);
  }
  assert.equal((await state(page)).touch.phase, 'dragging', 'the lanes took the drag');
  await touch.end();
  await waitFrames(page, 3);
  const panned = (await state(page)).timeline;
  assert.ok(panned.start < zoomed.start, `one finger pans (${zoomed.start} -> ${panned.start})`);
  assert.equal(panned.nsPerPx, zoomed.nsPerPx, 'panning keeps the zoom');
  await screenshot(page, 'screens-phone-timeline');

  // The editor: a tap brings the on-screen keyboard (the hidden field gets the focus), and
  // what is typed on it reaches the program.
  await showTab(page, 'Program');
  const source = (await state(page)).program.source;
  await tap(page, 'program/Source');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'keyboard', 'the keyboard field has the focus');
  await page.keyboard.insertText('#');
  await waitFrames(page, 3);
  const typed = (await state(page)).program.source;
  assert.equal(typed.length, source.length + 1, 'one character was typed');
  assert.ok(typed.includes('#'), 'the typed character is in the program');
  await page.keyboard.press('Backspace');
  await waitFrames(page, 3);
  assert.equal((await state(page)).program.source, source, 'Backspace on the keyboard deletes it');
  await screenshot(page, 'screens-phone-keyboard');

  // Turned sideways it stays compact; on a wider page the columns come back with the same run,
  // the same selected thread and the same zoom.
  const runId = (await state(page)).program.runId;
  await page.setViewportSize({ width: 844, height: 390 });
  await waitFrames(page, 4);
  s = await state(page);
  assert.equal(s.layout, 'compact');
  assert.equal(s.tab, 'Program');
  await page.setViewportSize({ width: 1024, height: 768 });
  await waitFrames(page, 4);
  s = await state(page);
  assert.equal(s.layout, 'medium');
  assert.equal(s.program.runId, runId, 'the run goes on');
  assert.equal(s.lab.selectedThread, 1, 'the selection stays');
  assert.equal(s.timeline.nsPerPx > 0, true);
  await assertWindowsInside(page, 1024, 768);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a phone: one finger on a listing scrolls it, and the window stays put', async () => {
  const page = await newPage(lab.browser, PHONE);
  await openLab(page, lab.server.url + '#v=1&lesson=basics'); // the longest lesson: its source scrolls
  await waitFrames(page, 3);
  await showTab(page, 'Code');
  const s = await state(page);
  const [x0, y0, x1, y1] = s.items['window/Code'].map((v) => v / s.dpr);
  const w = x1 - x0, h = y1 - y0;
  const listing = { x: x0 + 10, y: y0 + h * 0.25, width: w * 0.4, height: h * 0.4 };
  const before = await page.screenshot({ clip: listing });
  const touch = await touchSession(page);
  const x = x0 + w * 0.2;
  await touch.swipeStart([x, y0 + h * 0.75], [x, y0 + h * 0.75 - 40]);
  for (let dy = 80; dy <= 320; dy += 40) {
    await touch.move([x, y0 + h * 0.75 - dy]);
    await waitFrames(page, 1);
  }
  assert.equal((await state(page)).touch.phase, 'scrolling', 'a drag on the listing scrolls');
  await touch.end();
  await waitFrames(page, 3);
  const after = await page.screenshot({ clip: listing });
  assert.notDeepEqual(after, before, 'the source listing scrolled under the finger');
  assert.deepEqual((await state(page)).items['window/Code'], s.items['window/Code'], 'the window did not move');
  await screenshot(page, 'screens-phone-code-scrolled');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('1024x768: two columns with every window inside the screen; 1600x900: the full tiling', async () => {
  const page = await newPage(lab.browser, { viewport: { width: 1024, height: 768 } });
  await openLab(page, lab.server.url);
  await waitFrames(page, 3);
  assert.equal((await state(page)).layout, 'medium');
  await assertWindowsInside(page, 1024, 768);
  await screenshot(page, 'screens-1024x768');
  await page.setViewportSize({ width: 1600, height: 900 });
  await waitFrames(page, 4);
  assert.equal((await state(page)).layout, 'wide');
  await assertWindowsInside(page, 1600, 900);
  await screenshot(page, 'screens-1600x900');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('Download trace and Download program: the files hold the run, as the CLI writes it', async () => {
  const page = await newPage(lab.browser, { viewport: { width: 1280, height: 800 } });
  const fragment = '#v=1&lesson=race&cpus=2&seed=3';
  const run = await openFinishedRun(page, lab.server.url, fragment);

  const saved = async (item) => {
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await clickItem(page, 'menu/Threadlab');
    await clickItem(page, item);
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  };

  const program = await saved('menu/Threadlab/Download program');
  assert.equal(program.name, 'race.py');
  assert.equal(program.text, run.source, 'the program as it runs');

  const trace = await saved('menu/Threadlab/Download trace');
  assert.equal(trace.name, 'race-trace.json');
  const json = JSON.parse(trace.text);
  assert.ok(Array.isArray(json.traceEvents) && json.traceEvents.length > 10, 'Chrome Trace Event JSON');
  const threadNames = json.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args.name);
  for (const thread of run.threads)
    assert.ok(threadNames.includes(thread.name), `thread ${thread.name} has its lane`);
  const ran = json.traceEvents.filter((e) => e.ph === 'X' && e.pid === 0);
  assert.ok(ran.length > 0, 'CPU slices');
  for (const thread of run.threads)
    assert.ok(ran.some((e) => e.name === thread.name), `${thread.name} ran on a CPU`);
  const exits = json.traceEvents.filter((e) => e.ph === 'i' && e.name === 'exit');
  assert.equal(exits.length, run.threads.length, 'every thread exited');
  const lastUs = Math.max(...json.traceEvents.filter((e) => e.ts !== undefined).map((e) => e.ts + (e.dur ?? 0)));
  assert.ok(Math.abs(lastUs * 1000 - run.now) <= 1000, `the trace ends when the run did (${lastUs} us, ${run.now} ns)`);

  const cli = join(root, 'build', 'native', 'threadlab');
  if (existsSync(cli)) {
    const out = join(await mkdtemp(join(tmpdir(), 'threadlab-')), 'cli.json');
    execFileSync(cli, ['run', '--config', fragment, '--trace', out], { stdio: 'ignore' });
    assert.equal(trace.text, await readFile(out, 'utf8'), 'the same file as threadlab run --trace');
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
