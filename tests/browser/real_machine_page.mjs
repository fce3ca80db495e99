// Driving the Real machine window as a person does, for its browser test and for
// bench/real_machine.mjs: open it from the View menu, scroll a probe's button into view, click it
// and follow the probe to its end while watching that the page keeps drawing frames.
import assert from 'node:assert/strict';
import { state, waitFrames, clickItem, itemRect, pressKeys } from './lab.mjs';

// Probes take seconds; on 2 busy cores with software WebGL, allow for many.
export const PROBE_TIMEOUT_MS = 180_000;

export async function openRealMachine(page) {
  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/Real machine');
  await itemRect(page, 'window/Real machine');
  assert.equal((await state(page)).windows.realMachine, true);
}

// Types `threads` into the threads slider (Ctrl+click turns an ImGui slider into a text field).
export async function setProbeThreads(page, threads) {
  if ((await state(page)).realMachine.threads === threads) return;
  const slider = await itemRect(page, 'real/threads');
  await page.keyboard.down('Control');
  await page.mouse.click(slider.cx, slider.cy);
  await page.keyboard.up('Control');
  await waitFrames(page, 2);
  await pressKeys(page, 'Control', 'a');
  await page.keyboard.type(String(threads));
  await pressKeys(page, 'Enter');
  assert.equal((await state(page)).realMachine.threads, threads);
}

// Scrolls the Real machine window down until `name` is wholly on screen (the app reports only
// the visible part of an item, and nothing of one scrolled out).
export async function scrollIntoWindow(page, name) {
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
export async function runProbe(page, button, timeoutMs = PROBE_TIMEOUT_MS) {
  await scrollIntoWindow(page, button);
  await clickItem(page, button);
  await page.waitForFunction(() => window.threadlab.state().realMachine.running, null, { timeout: 30_000 });
  let last = { at: Date.now(), frames: (await state(page)).frames };
  let longestGap = 0;
  const deadline = Date.now() + timeoutMs;
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
