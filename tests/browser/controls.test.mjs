// The Program window's settings act at once: a dragged slider or a chosen policy restarts the run
// with the new value (read back from window.threadlab), a program's own slider changes what it
// runs, a source that does not compile leaves the previous run going, and the Run metrics show
// the speedup against a one-thread baseline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useLab, GIL_CPU_BOUND, newPage, openLab, state, waitFrames, itemRect, clickItem, pasteProgram, screenshot,
} from './lab.mjs';

const lab = useLab();
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

const program = async (page) => (await state(page)).program;

// The run that follows `previousRunId` has ended.
async function waitForEnd(page, previousRunId) {
  await page.waitForFunction((prev) => {
    const p = window.threadlab.state().program;
    return p.runId > prev && ['finished', 'deadlock', 'time limit', 'error'].includes(p.status);
  }, previousRunId, { timeout: 60_000 });
  return program(page);
}

// Drag a slider's grab from its left end to `fx` of its width, in steps, as a hand does.
async function dragSlider(page, name, fx) {
  const r = await itemRect(page, name);
  await page.mouse.move(r.x0 + 2, r.cy);
  await waitFrames(page, 2);
  await page.mouse.down();
  await waitFrames(page, 1);
  for (let i = 1; i <= 4; i++) {
    await page.mouse.move(r.x0 + 2 + (r.x1 - r.x0 - 4) * fx * (i / 4), r.cy);
    await waitFrames(page, 1);
  }
  await page.mouse.up();
  await waitFrames(page, 2);
}

async function openRunMetrics(page) {
  if ('window/Run metrics' in (await state(page)).items) return;
  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/Run metrics');
}

test('dragging the CPUs slider restarts the run on that many CPUs', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  const first = await waitForEnd(page, 0);
  assert.equal(first.config.cpus, 4);
  assert.equal(first.cpus, 4);
  await dragSlider(page, 'program/CPUs', 0.5);
  const after = await waitForEnd(page, first.runId);
  assert.ok(after.config.cpus > 16 && after.config.cpus < 48, `about half of 1..64: ${after.config.cpus}`);
  assert.equal(after.cpus, after.config.cpus, 'the run has the CPUs the slider shows');
  assert.equal(after.status, 'finished', 'it played on to the end');
  await page.context().close();
});

test('a log-scale duration slider sets the time slice in round values', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  const first = await waitForEnd(page, 0);
  assert.equal(first.config.slice, 10_000_000, 'the default 10 ms');
  await dragSlider(page, 'program/Slice', 0.25);
  const after = await waitForEnd(page, first.runId);
  assert.notEqual(after.config.slice, first.config.slice);
  assert.ok(after.config.slice >= 1_000 && after.config.slice <= 10_000_000_000, String(after.config.slice));
  const digits = String(after.config.slice).replace(/0+$/, '');
  assert.ok(digits.length <= 2, `two significant digits: ${after.config.slice} ns`);
  await page.context().close();
});

test("the program's THREADS slider changes how many threads the run starts", async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  const first = await waitForEnd(page, 0);
  assert.equal(first.config.sliders.THREADS, 4);
  assert.equal(first.threads.length, 5, 'the main thread and 4 workers');
  // The program's sliders are named by their order in it.
  const index = Object.keys(first.config.sliders).indexOf('THREADS');
  await dragSlider(page, `program/slider/${index}`, 0.0001);
  const after = await waitForEnd(page, first.runId);
  assert.equal(after.config.sliders.THREADS, 1);
  assert.equal(after.threads.length, 2, 'the main thread and one worker');
  assert.match(after.output, /^1 threads counted down 200000 in total/);
  await page.context().close();
});

test('choosing a scheduling policy restarts the run with it', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  const first = await waitForEnd(page, 0);
  assert.equal(first.config.policy, 'rr');
  await clickItem(page, 'program/Policy');
  await clickItem(page, 'program/Policy/fifo');
  const after = await waitForEnd(page, first.runId);
  assert.equal(after.config.policy, 'fifo');
  assert.equal(after.status, 'finished');
  await page.context().close();
});

test('a source that does not compile shows its line while the previous run goes on', async () => {
  const page = await newPage(lab.browser, CLIPBOARD);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  await waitForEnd(page, 0);
  await pasteProgram(page, 'import time\nn = 0\nwhile True:\n    n += 1\n    time.sleep(0.001)\n');
  const before = (await program(page)).runId;
  await clickItem(page, 'program/Run');
  await page.waitForFunction((prev) => {
    const p = window.threadlab.state().program;
    return p.runId > prev && p.status === 'playing';
  }, before, { timeout: 30_000 });
  const good = await program(page);
  await pasteProgram(page, 'import time\nn = 0\nwhile True\n    n += 1\n');
  await clickItem(page, 'program/Run');
  await page.waitForFunction(() => window.threadlab.state().program.compileError !== '', null, { timeout: 30_000 });
  const broken = await program(page);
  assert.equal(broken.errorLine, 3);
  assert.match(broken.compileError, /SyntaxError/);
  assert.equal(broken.runId, good.runId, 'the same run goes on');
  assert.equal(broken.status, 'playing');
  await page.waitForFunction((t) => window.threadlab.state().program.now > t, broken.now, { timeout: 30_000 });
  assert.ok(await itemRect(page, 'program/CompileError'), 'the error is on screen');
  await screenshot(page, 'controls-compile-error-keeps-run');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the speedup against one thread: about 1x with the GIL, about 4x without it on 4 CPUs', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  await openRunMetrics(page);
  await page.waitForFunction(() => window.threadlab.state().program.speedup > 0, null, { timeout: 60_000 });
  const withGil = await program(page);
  assert.equal(withGil.config.gil, true);
  assert.equal(withGil.baseline, 'THREADS = 1');
  assert.ok(withGil.speedup > 0.8 && withGil.speedup < 1.2, `with the GIL: ${withGil.speedup}`);
  await itemRect(page, 'metrics/speedup');
  await clickItem(page, 'program/GIL');
  await page.waitForFunction((prev) => {
    const p = window.threadlab.state().program;
    return p.runId > prev && p.speedup > 0;
  }, withGil.runId, { timeout: 60_000 });
  const free = await program(page);
  assert.equal(free.config.gil, false);
  assert.ok(free.speedup > 3 && free.speedup < 4.5, `without the GIL: ${free.speedup}`);
  await screenshot(page, 'controls-speedup-free-threaded');
  await page.context().close();
});

test("gil_mixed's IO_SHARE slider: the more the workers wait, the more threads help under the GIL", async () => {
  const page = await newPage(lab.browser);
  await openLab(page, `${lab.server.url}#v=1&lesson=gil_mixed&cpus=4`);
  await clickItem(page, 'program/Run');
  await page.waitForFunction(() => window.threadlab.state().program.speedup > 0, null, { timeout: 60_000 });
  const half = await program(page);
  assert.equal(half.config.lesson, 'gil_mixed');
  assert.equal(half.config.sliders.IO_SHARE, 50);
  assert.ok(half.speedup > 1.5 && half.speedup < 2.5, `half the time waiting: ${half.speedup}`);
  const index = Object.keys(half.config.sliders).indexOf('IO_SHARE');
  await dragSlider(page, `program/slider/${index}`, 1);
  await page.waitForFunction((prev) => {
    const p = window.threadlab.state().program;
    return p.runId > prev && p.speedup > 0;
  }, half.runId, { timeout: 60_000 });
  const waiting = await program(page);
  assert.equal(waiting.config.sliders.IO_SHARE, 100);
  assert.ok(waiting.speedup > 3, `all the time waiting: ${waiting.speedup}`);
  await page.context().close();
});
