// The Program window: a program runs in the page on the engine's thread and prints exactly what
// the native CLI prints; pasted programs run; errors show where they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  useLab, GIL_CPU_BOUND, root, newPage, openLab, state, waitFrames, clickItem, pasteProgram, screenshot,
} from './lab.mjs';

const lab = useLab();

async function waitForRun(page, previousRunId = 0) {
  await page.waitForFunction((prev) => {
    const p = window.threadlab.state().program;
    return p.runId > prev && p.status !== 'ready' && p.status !== 'playing';
  }, previousRunId, { timeout: 60_000 });
  return (await state(page)).program;
}

const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

async function pressRun(page) {
  const before = (await state(page)).program.runId || 0;
  await clickItem(page, 'program/Run');
  return waitForRun(page, before);
}

test('the lesson a link names runs when the page opens, with the same output as the native CLI', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  const program = await waitForRun(page);
  assert.equal(program.status, 'finished', program.error);
  assert.ok(program.instructions > 0);
  // scripts/test builds the native CLI before the page.
  const cli = join(root, 'build', 'native', 'threadlab');
  assert.ok(existsSync(cli), `${cli} is built`);
  // The linked lesson, on the 4 CPUs a page opens with.
  const lesson = join(root, 'examples', 'gil_cpu_bound.py');
  assert.equal(program.source, readFileSync(lesson, 'utf8'));
  const native = spawnSync(cli, ['run', '--cpus', '4', lesson]);
  assert.equal(program.output, native.stdout.toString());
  await screenshot(page, 'program-default-lesson');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a pasted program runs and prints its output', async () => {
  const page = await newPage(lab.browser, CLIPBOARD);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  await waitForRun(page);
  await pasteProgram(page, 'total = 0\nfor i in range(10):\n    total += i\nprint("total", total)\n');
  const program = await pressRun(page);
  assert.equal(program.status, 'finished', program.error);
  assert.equal(program.output, 'total 45\n');
  await page.context().close();
});

test('a syntax error is shown at its line and column, and the previous run stays on screen', async () => {
  const page = await newPage(lab.browser, CLIPBOARD);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  const good = await waitForRun(page);
  await pasteProgram(page, 'x = 1\nif x > 0\n    print(x)\n');
  await clickItem(page, 'program/Run');
  await page.waitForFunction(() => window.threadlab.state().program.compileError !== '', null, { timeout: 30_000 });
  const program = (await state(page)).program;
  assert.equal(program.errorLine, 2);
  assert.match(program.compileError, /SyntaxError/);
  assert.equal(program.runId, good.runId, 'no new run');
  assert.equal(program.status, 'finished');
  assert.equal(program.output, good.output, "the previous program's output is still shown");
  await screenshot(page, 'program-syntax-error');
  await page.context().close();
});

test('a runtime error shows a Python traceback after the output so far', async () => {
  const page = await newPage(lab.browser, CLIPBOARD);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  await waitForRun(page);
  await pasteProgram(page, 'def f():\n    return y\n\nprint("before")\nf()\n');
  const program = await pressRun(page);
  assert.equal(program.status, 'finished');
  assert.equal(program.output, 'before\n');
  assert.match(program.error, /Traceback \(most recent call last\):/);
  assert.match(program.error, /line 2, in f/);
  assert.match(program.error, /NameError: name 'y' is not defined\n?$/);
  await page.context().close();
});

test('an endless loop can be paused, and the page keeps drawing', async () => {
  const page = await newPage(lab.browser, CLIPBOARD);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  await waitForRun(page);
  await pasteProgram(page, 'n = 0\nwhile True:\n    n += 1\n');
  const before = (await state(page)).program.runId || 0;
  await clickItem(page, 'program/Run');
  await page.waitForFunction((prev) => {
    const p = window.threadlab.state().program;
    return p.runId > prev && p.status === 'playing' && p.instructions > 0;
  }, before, { timeout: 30_000 });
  await waitFrames(page, 5);
  await clickItem(page, 'program/Play'); // it reads Pause while playing
  const program = await waitForRun(page, before);
  assert.equal(program.status, 'paused');
  const frames = (await state(page)).frames;
  await waitFrames(page, 5);
  assert.ok((await state(page)).frames >= frames + 5);
  await page.context().close();
});

test('Step executes exactly one instruction of one thread', async () => {
  const page = await newPage(lab.browser, CLIPBOARD);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  await waitForRun(page);
  await pasteProgram(page, 'import threading\n\ndef work(n):\n    while n > 0:\n        n -= 1\n\nt = threading.Thread(target=work, args=(50,))\nt.start()\nwork(50)\nt.join()\n');
  await clickItem(page, 'program/Reset');
  await page.waitForFunction(() => window.threadlab.state().program.status === 'ready', null, { timeout: 30_000 });
  // Step until the worker thread exists and both threads have run, then compare one step.
  for (let i = 0; i < 400; i++) {
    const threads = (await state(page)).program.threads;
    if (threads.length >= 2 && threads.every((t) => t.instructions > 0)) break;
    await clickItem(page, 'program/StepSlice');
  }
  const before = (await state(page)).program;
  await clickItem(page, 'program/Step');
  await page.waitForFunction((seq) => window.threadlab.state().program.sequence > seq, before.sequence, { timeout: 30_000 });
  const after = (await state(page)).program;
  assert.equal(after.instructions, before.instructions + 1, 'one instruction executed');
  const moved = after.threads.filter((t, i) => t.instructions !== before.threads[i]?.instructions);
  assert.equal(moved.length, 1, 'exactly one thread moved');
  assert.equal(moved[0].instructions, before.threads[moved[0].id].instructions + 1);
  assert.equal(after.status, 'paused');
  await page.context().close();
});

test('playing carries on through stretches where every thread sleeps', async () => {
  const page = await newPage(lab.browser, CLIPBOARD);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  await waitForRun(page);
  await pasteProgram(page, 'import threading\nimport time\n\ndef nap():\n    time.sleep(0.05)\n\nt = threading.Thread(target=nap)\nt.start()\ntime.sleep(0.05)\nt.join()\nprint("woke")\n');
  const program = await pressRun(page);
  assert.equal(program.status, 'finished', program.error);
  assert.equal(program.output, 'woke\n');
  assert.ok(program.now >= 50_000_000, `the clock passed the sleeps (${program.now} ns)`);
  await page.context().close();
});
