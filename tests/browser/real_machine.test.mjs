// The Real machine window: opened from the View menu, it measures the speedup of real threads
// (Web Workers) for 1 and 2 threads and the switch costs (an Asyncify fiber switch, a thread
// hand-off, creating a thread) and runs the real race; window.threadlab.state().realMachine
// reports the figures, each positive with its spread, and the page goes on drawing frames while
// they are measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useLab, newPage, openLab, state, waitFrames, clickItem, itemRect, pressKeys, screenshot,
} from './lab.mjs';

const lab = useLab();

// Probes take seconds; on 2 busy cores with software WebGL, allow for many.
const PROBE_TIMEOUT_MS = 180_000;
// The longest the page may go without a new frame while a probe runs.
const MAX_FRAME_GAP_MS = 2_000;

// Scrolls the Real machine window down until `name` is wholly on screen (the app reports only
// the visible part of an item, and nothing of one scrolled out).
async function scrollIntoWindow(page, name) {
  for (let i = 0; i < 40; ++i) {
    const s = await state(page);
    const window = s.items['window/Real machine'];
    const item = s.items[name];
    const height = (r) => r[3] - r[1];
    if (item && height(item) >= 0.5 * 16 * s.dpr && item[3] <= window[3] - 4 * s.dpr) return itemRect(page, name);
    await page.mouse.move((window[0] + window[2]) / 2 / s.dpr, (window[1] + window[3]) / 2 / s.dpr);
    await page.mouse.wheel(0, 120);
    await waitFrames(page, 2);
  }
  throw new Error(`${name} never came into the Real machine window`);
}

// Clicks a probe's button, then samples the frame counter until the probe is done; returns the
// longest time without a new frame and the report.
async function runProbe(page, button) {
  await scrollIntoWindow(page, button);
  await clickItem(page, button);
  await page.waitForFunction(() => window.threadlab.state().realMachine.running, null, { timeout: 30_000 });
  let last = { at: Date.now(), frames: (await state(page)).frames };
  let longestGap = 0;
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const s = await state(page);
    const now = Date.now();
    if (s.frames > last.frames) last = { at: now, frames: s.frames };
    longestGap = Math.max(longestGap, now - last.at);
    if (!s.realMachine.running) return { longestGap, report: s.realMachine.report };
    assert.ok(now < deadline, `the probe behind ${button} is still running`);
    assert.ok(s.realMachine.progress >= 0 && s.realMachine.progress <= 1, `progress ${s.realMachine.progress}`);
  }
}

function assertSpread(s, what) {
  assert.ok(s.min > 0 && Number.isFinite(s.max), `${what}: positive and finite (${JSON.stringify(s)})`);
  assert.ok(s.min <= s.median && s.median <= s.max, `${what}: the median lies in the spread (${JSON.stringify(s)})`);
}

test('the Real machine window measures the speedup on 1 and 2 real threads and the switch costs, frames going on', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url);
  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/Real machine');
  await itemRect(page, 'window/Real machine');
  assert.equal((await state(page)).windows.realMachine, true);

  // The slider starts at the machine's cores; this test measures 1 and 2 threads.
  if ((await state(page)).realMachine.threads !== 2) {
    const slider = await itemRect(page, 'real/threads');
    await page.keyboard.down('Control');
    await page.mouse.click(slider.cx, slider.cy);
    await page.keyboard.up('Control');
    await waitFrames(page, 2);
    await pressKeys(page, 'Control', 'a');
    await page.keyboard.type('2');
    await pressKeys(page, 'Enter');
  }
  assert.equal((await state(page)).realMachine.threads, 2);

  const speedup = await runProbe(page, 'real/Measure speedup');
  assert.ok(speedup.longestGap < MAX_FRAME_GAP_MS, `no frame for ${speedup.longestGap} ms while measuring the speedup`);
  const report = speedup.report;
  assert.deepEqual(Object.keys(report.speedup_seconds), ['1', '2']);
  assertSpread(report.speedup_seconds['1'], 'one thread\'s wall time');
  assertSpread(report.speedup_seconds['2'], 'two threads\' wall time');
  assert.ok(report.speedup_repeats >= 3, `${report.speedup_repeats} repeats`);
  assert.equal(report.speedup['1'], 1);
  assert.ok(report.speedup['2'] > 0, `speedup on 2 threads: ${report.speedup['2']}`);
  // The engine's prediction for the same work: the GIL keeps it at one thread's pace, without
  // it two threads on two CPUs nearly halve it (deterministic figures, unlike the real ones).
  assert.ok(report.simulated.gil['2'] < 1.2, `simulated with the GIL: ${report.simulated.gil['2']}`);
  assert.ok(report.simulated.free_threaded['2'] > 1.6, `simulated free-threaded: ${report.simulated.free_threaded['2']}`);
  await itemRect(page, 'real/speedup table');

  const switches = await runProbe(page, 'real/Measure switch cost');
  assert.ok(switches.longestGap < MAX_FRAME_GAP_MS, `no frame for ${switches.longestGap} ms while measuring switches`);
  for (const name of ['fiber_switch_ns', 'thread_handoff_ns', 'thread_create_ns']) {
    assert.ok(switches.report[name] > 0, `${name}: ${switches.report[name]}`);
    assertSpread(switches.report.switch_cost[name], name);
  }
  // The speedup measured before is still reported beside the new figures.
  assert.deepEqual(Object.keys(switches.report.speedup_seconds), ['1', '2']);
  await scrollIntoWindow(page, 'real/switch table');
  await screenshot(page, 'real-machine');
  console.log(`real machine in headless Chromium: ${JSON.stringify(switches.report)}`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the real race on 2 Web Workers: an atomic add and a lock lose nothing, unguarded updates are lost or not', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url);
  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/Real machine');
  const race = await runProbe(page, 'real/Run race');
  assert.ok(race.longestGap < MAX_FRAME_GAP_MS, `no frame for ${race.longestGap} ms during the race`);
  const r = race.report.race;
  assert.ok(r.threads >= 2, `${r.threads} threads`);
  assert.equal(r.with_atomic_lost, 0);
  assert.equal(r.with_lock_lost, 0);
  // How many unguarded updates are lost is the machine's business, but never more than were made.
  assert.ok(r.lost >= 0 && r.lost_spread.max < r.threads * r.additions_each, JSON.stringify(r));
  await scrollIntoWindow(page, 'real/race result');
  await screenshot(page, 'real-machine-race');
  console.log(`real race in headless Chromium: ${JSON.stringify(r)}`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
