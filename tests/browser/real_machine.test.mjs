// The Real machine window: opened from the View menu, it measures the speedup of real threads
// (Web Workers) for 1 and 2 threads and the switch costs (an Asyncify fiber switch, a thread
// hand-off, creating a thread) and runs the real race; window.threadlab.state().realMachine
// reports the figures, each positive with its spread, and the page goes on drawing frames while
// they are measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, newPage, openLab, itemRect, screenshot } from './lab.mjs';
import { openRealMachine, setProbeThreads, scrollIntoWindow, runProbe } from './real_machine_page.mjs';

const lab = useLab();

// The longest the page may go without a new frame while a probe runs.
const MAX_FRAME_GAP_MS = 2_000;

function assertSpread(s, what) {
  assert.ok(s.min > 0 && Number.isFinite(s.max), `${what}: positive and finite (${JSON.stringify(s)})`);
  assert.ok(s.min <= s.median && s.median <= s.max, `${what}: the median lies in the spread (${JSON.stringify(s)})`);
}

test('the Real machine window measures the speedup on 1 and 2 real threads and the switch costs, frames going on', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url);
  await openRealMachine(page);
  // The slider starts at the machine's cores; this test measures 1 and 2 threads.
  await setProbeThreads(page, 2);

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
  await openRealMachine(page);
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
