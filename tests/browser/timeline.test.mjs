// The Timeline window on the benchmark's synthetic trace (?timeline=synthetic: a million CPU
// slices, 64 threads, 8 CPUs): the wheel zooms around the pointer, dragging pans, hovering a
// slice names it, clicking a thread lane selects that thread, and View > Timeline toggles it.
// Open the lab with ?timeline=synthetic to look at the same trace by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, newPage, openLab, state, waitFrames, clickItem, screenshot } from './lab.mjs';

const lab = useLab();

// A tall viewport: the Timeline opens in the lower part of the screen, and its 80 lanes should
// not need vertical scrolling at the top, where these tests point.
async function openSyntheticTimeline() {
  const page = await newPage(lab.browser, { viewport: { width: 1600, height: 1100 } });
  await openLab(page, `${lab.server.url}index.html?timeline=synthetic`);
  await page.waitForFunction(() => {
    const s = window.threadlab.state();
    return s.windows.timeline && s.timeline.traceEnd > 0 && s.timeline.lanes.length > 0;
  }, null, { timeout: 60_000 });
  return page;
}

// The timeline's view in CSS pixels: visible time range, lanes area, lanes by kind.
async function timeline(page) {
  const s = await state(page);
  const t = s.timeline;
  const [x0, y0, x1, y1] = t.area.map((v) => v / s.dpr);
  const lanes = t.lanes.map((l) => ({ ...l, cy: (l.y + l.height / 2) / s.dpr }));
  return { ...t, x0, y0, x1, y1, lanes, timeAt: (x) => t.start + ((x - x0) / (x1 - x0)) * (t.end - t.start) };
}

async function wheel(page, notches) {
  for (let i = 0; i < Math.abs(notches); i++) {
    await page.mouse.wheel(0, notches > 0 ? -100 : 100); // wheel up zooms in
    await waitFrames(page, 1);
  }
  await waitFrames(page, 2);
}

test('the wheel zooms in around the pointer: the range narrows and the time under it stays', async () => {
  const page = await openSyntheticTimeline();
  const before = await timeline(page);
  assert.ok(before.end - before.start > 0.9 * before.traceEnd, 'it opens showing the whole run');
  const x = before.x0 + (before.x1 - before.x0) * 0.3;
  const cpu0 = before.lanes.find((l) => l.kind === 'cpu' && l.id === 0);
  await page.mouse.move(x, cpu0.cy);
  await waitFrames(page, 2);
  const underPointer = before.timeAt(x);
  await wheel(page, 5);
  const after = await timeline(page);
  const span = (v) => v.end - v.start;
  assert.ok(span(after) < span(before) * 0.5, `span ${span(before)} -> ${span(after)}`);
  assert.ok(after.start > before.start && after.end < before.end, 'the new range lies inside the old one');
  const drift = Math.abs(after.timeAt(x) - underPointer);
  assert.ok(drift < span(after) * 0.01, `the time under the pointer moved by ${drift} ns`);
  await wheel(page, -5);
  const back = await timeline(page);
  assert.ok(Math.abs(span(back) - span(before)) < span(before) * 0.01, 'zooming out again restores the span');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('dragging pans: dragging right shows earlier time by the dragged distance', async () => {
  const page = await openSyntheticTimeline();
  let view = await timeline(page);
  const y = view.lanes.find((l) => l.kind === 'cpu').cy;
  await page.mouse.move(view.x0 + (view.x1 - view.x0) / 2, y);
  await wheel(page, 8);
  const before = await timeline(page);
  const perPixel = (before.end - before.start) / (before.x1 - before.x0);
  const startX = before.x0 + (before.x1 - before.x0) * 0.3;
  await page.mouse.move(startX, y);
  await waitFrames(page, 1);
  await page.mouse.down();
  await waitFrames(page, 1);
  for (let step = 1; step <= 4; step++) {
    await page.mouse.move(startX + step * 50, y);
    await waitFrames(page, 1);
  }
  await page.mouse.up();
  await waitFrames(page, 2);
  view = await timeline(page);
  const shift = before.start - view.start;
  assert.ok(Math.abs(shift - 200 * perPixel) < 10 * perPixel, `shifted ${shift / perPixel} pixels' worth`);
  assert.ok(Math.abs((view.end - view.start) - (before.end - before.start)) < perPixel, 'the zoom is unchanged');
  assert.equal(view.selectedThread, -1, 'a drag is not a click');
  await page.context().close();
});

test('hovering a slice reports it; clicking a thread lane selects the thread and sets the cursor', async () => {
  const page = await openSyntheticTimeline();
  let view = await timeline(page);
  const cpu0 = view.lanes.find((l) => l.kind === 'cpu' && l.id === 0);
  const x = view.x0 + (view.x1 - view.x0) * 0.5;
  await page.mouse.move(x, cpu0.cy);
  await waitFrames(page, 2);
  view = await timeline(page);
  assert.equal(view.hover.laneKind, 'cpu');
  assert.equal(view.hover.kind, 'MERGED', 'zoomed out, a pixel holds many slices');
  assert.ok(view.hover.count > 1);

  await wheel(page, 32); // about 2 ms across: slices are several pixels wide
  view = await timeline(page);
  assert.equal(view.hover.laneKind, 'cpu');
  assert.equal(view.hover.laneId, 0);
  assert.equal(view.hover.count, 1, `one slice under the pointer (span ${view.end - view.start} ns)`);
  assert.equal(view.hover.kind, 'CPU');
  assert.ok(view.hover.thread >= 0 && view.hover.thread < 64);
  const t = view.timeAt(x);
  assert.ok(view.hover.start <= t + (view.end - view.start) / 500 && t <= view.hover.end + (view.end - view.start) / 500,
    `the slice [${view.hover.start}, ${view.hover.end}] is under the pointer at ${t}`);
  await screenshot(page, 'timeline-hover');

  const thread = view.lanes.find((l) => l.kind === 'thread');
  await page.mouse.move(x, thread.cy);
  await waitFrames(page, 2);
  await page.mouse.down();
  await waitFrames(page, 2);
  await page.mouse.up();
  await waitFrames(page, 2);
  view = await timeline(page);
  assert.equal(view.selectedThread, thread.id);
  assert.ok(Math.abs(view.cursor - view.timeAt(x)) < (view.end - view.start) / 200, 'the cursor is where we clicked');
  await screenshot(page, 'timeline-selected');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('View > Timeline closes and reopens the window (open by default)', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url);
  assert.equal((await state(page)).windows.timeline, true);
  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/Timeline');
  let s = await state(page);
  assert.equal(s.windows.timeline, false);
  assert.ok(!('window/Timeline' in s.items), 'the Timeline window is gone');
  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/Timeline');
  s = await state(page);
  assert.equal(s.windows.timeline, true);
  assert.ok('window/Timeline' in s.items, 'the Timeline window was drawn');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
