// The lab's panels (Threads/TCB, Code, Address space, Output, Run metrics): a click on a thread
// row opens that thread's control block, and the TCB on screen is the one the app reports in
// window.threadlab.state().lab; screenshots of the panels in both themes go to test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useLab, GIL_CPU_BOUND, newPage, openLab, state, waitFrames, clickItem, screenshot,
} from './lab.mjs';

const shared = useLab();

const PANELS = ['Threads', 'Code', 'Address space', 'Output', 'Run metrics'];

// Opens each panel from the View menu unless it is open already.
async function openPanels(page) {
  for (const panel of PANELS) {
    if (`window/${panel}` in (await state(page)).items) continue;
    await clickItem(page, 'menu/View');
    await clickItem(page, `menu/View/${panel}`);
  }
  for (const panel of PANELS)
    assert.ok(`window/${panel}` in (await state(page)).items, `the ${panel} window is on screen`);
}

async function waitForThreads(page, count) {
  await page.waitForFunction((n) => (window.threadlab.state().lab?.threads.length ?? 0) >= n, count,
    { timeout: 60_000 });
  return (await state(page)).lab;
}

test('clicking a thread row opens its TCB, and the TCB is the thread the app reports', async () => {
  const page = await newPage(shared.browser);
  await openLab(page, shared.server.url + GIL_CPU_BOUND);
  await openPanels(page);
  const lab = await waitForThreads(page, 2);
  // The rows a user can see without scrolling the table.
  const items = (await state(page)).items;
  const visible = lab.threads.slice(0, 4).filter((thread) => `threads/row/${thread.id}` in items);
  assert.ok(visible.length >= 2, `at least two rows are on screen (${visible.length})`);
  for (const thread of visible) {
    await clickItem(page, `threads/row/${thread.id}`, 0.05);
    const after = (await state(page)).lab;
    assert.equal(after.selectedThread, thread.id, 'the clicked row is selected');
    assert.equal(after.tcbShown, thread.id, 'the TCB shown is the selected thread');
    const shown = after.threads.find((t) => t.id === thread.id);
    assert.ok(shown, 'the selected thread is in the snapshot');
    assert.ok(['NEW', 'RDY', 'RUN', 'BLK', 'END'].includes(shown.state), shown.state);
  }
  await screenshot(page, 'panels-dark');
  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/Light theme');
  await waitFrames(page, 3);
  await screenshot(page, 'panels-light');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('clicking an output line selects its thread and asks the timeline for that moment', async () => {
  const page = await newPage(shared.browser);
  await openLab(page, shared.server.url + GIL_CPU_BOUND);
  await openPanels(page);
  await page.waitForFunction(() => 'output/line/last' in window.threadlab.state().items, null, { timeout: 60_000 });
  await clickItem(page, 'output/line/last', 0.05);
  const lab = (await state(page)).lab;
  assert.ok(lab.selectedThread >= 0, 'a thread is selected');
  assert.equal(lab.tcbShown, lab.selectedThread);
  await page.context().close();
});
