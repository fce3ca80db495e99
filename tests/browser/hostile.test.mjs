// Nothing a program does can take the page down, and nothing typed is lost. Each hostile program
// is opened through a link, as a visitor would open one from a chat: the page keeps drawing frames
// and shows what stopped the program (MemoryError, the dropped-lines notice); when the page's own
// memory runs out anyway, the last-resort card offers to reopen the same link; an edit survives a
// reload, with the way back to the lesson's original.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import {
  useLab, root, newPage, openLab, state, itemRect, clickItem, pasteProgram, screenshot, LOAD_TIMEOUT_MS,
} from './lab.mjs';

const lab = useLab();

// A link that carries `source` as its edited program (raw DEFLATE, base64url: the src= field).
const linkOf = (source, extra = '') => '#v=1&src=' + deflateRawSync(Buffer.from(source)).toString('base64url') + extra;

// The hostile programs, as bench/hostile.mjs measures them too.
const hostile = (name) => readFileSync(join(root, 'bench', 'hostile', name), 'utf8');
const GROWTH = hostile('growth.py');
// 100 000 threads started in a loop, each sleeping half a second: the live-thread limit refuses
// the ones past it, as CPython does when the OS refuses.
const THREAD_STARTS = hostile('thread_starts.py');
// Threads started and joined one after another, for ever: the run's thread table refuses the one
// it has no room for, and the timeline keeps the lanes of the live threads and of the newest
// finished ones, and says how many it left out.
const THREADS_FINISHING = hostile('threads_finishing.py');
const PRINTS = hostile('prints.py');
// Eight processes that grow at once: they share the machine's memory, so together they stop at
// its budget, not at eight times it.
const PROCESSES_GROWING = hostile('processes_growing.py');
// 1 000 processes started and joined one after another: the run's process limit refuses the 33rd.
const PROCESS_STARTS = hostile('process_starts.py');
// Giants made in one instruction each (padding, a join, a list nested 100 000 deep, a comparison
// of 2**40 values): each stops with an error the program catches, before the page's memory or
// the engine's stack runs out.
const ONE_INSTRUCTION = hostile('one_instruction.py');
// A loop that never ends, and never waits: the run budget pauses it.
const RUNAWAY = 'n = 0\nwhile True:\n    n += 1\n';

// The page's frames per second over `ms` of wall time, which must be drawing.
async function framesPerSecond(page, ms = 3000) {
  const before = (await state(page)).frames;
  const start = Date.now();
  await page.waitForTimeout(ms);
  const after = (await state(page)).frames;
  const fps = (after - before) / ((Date.now() - start) / 1000);
  assert.ok(after > before + 2, `the page still draws frames (${before} -> ${after})`);
  return fps;
}

async function waitForProgram(page, predicate, arg, timeout = 120_000) {
  await page.waitForFunction(`(${predicate})(window.threadlab.state().program, ${JSON.stringify(arg)})`,
    null, { timeout, polling: 250 });
  return (await state(page)).program;
}

const finished = (p) => p.runId > 0 && p.status === 'finished';

test('a list that grows without end stops with MemoryError, and the page goes on', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + linkOf(GROWTH));
  const program = await waitForProgram(page, finished);
  assert.match(program.error, /line 3, in <module>[\s\S]*MemoryError/);
  const fps = await framesPerSecond(page);
  console.log(`# growth: MemoryError after ${program.instructions} instructions, ${fps.toFixed(1)} frames/s after`);
  await screenshot(page, 'hostile-growth');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('eight processes growing at once share one memory: each stops with MemoryError, and the page goes on', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + linkOf(PROCESSES_GROWING));
  const program = await waitForProgram(page, finished);
  assert.equal(program.output, 'exit codes [1, 1, 1, 1, 1, 1, 1, 1]\n');
  assert.equal(program.error.match(/^MemoryError$/gm)?.length, 8, program.error.slice(-300));
  await page.waitForFunction(() => window.threadlab.error || window.threadlab.state().program.speedup > 0,
    null, { timeout: 240_000, polling: 250 });
  assert.equal(await page.evaluate(() => window.threadlab.error), null, 'no last-resort card: the memory held');
  const fps = await framesPerSecond(page, 1000);
  console.log(`# processes growing: heap reached ${((await state(page)).heapEnd / 2 ** 20).toFixed(0)} MiB, ` +
    `${fps.toFixed(1)} frames/s after`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('1 000 process starts: the one past the run\'s process limit raises BlockingIOError, and the page goes on', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + linkOf(PROCESS_STARTS));
  const program = await waitForProgram(page, finished);
  assert.equal(program.output, '');
  assert.match(program.error, /line 11, in <module>[\s\S]*BlockingIOError: \[Errno 11\] Resource temporarily unavailable/);
  await framesPerSecond(page, 1000);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('giants made in one instruction each stop with an error the program catches, and the page goes on', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + linkOf(ONE_INSTRUCTION));
  const program = await waitForProgram(page, finished);
  assert.equal(program.output, 'padding -> MemoryError\nformat width -> MemoryError\njoin -> MemoryError\n' +
    'enumerate -> MemoryError\nrepr nested 100 000 deep -> RecursionError\n== of 2**40 nested values -> RuntimeError\n' +
    'count of a long needle -> 0\ndone\n');
  assert.equal(program.error, '');
  const fps = await framesPerSecond(page, 1000);
  console.log(`# one instruction: heap reached ${((await state(page)).heapEnd / 2 ** 20).toFixed(0)} MiB, ${fps.toFixed(1)} frames/s after`);
  assert.equal(await page.evaluate(() => window.threadlab.error), null, 'no last-resort card');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('100 000 thread starts: the one past the live-thread limit raises RuntimeError, and the page goes on', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + linkOf(THREAD_STARTS));
  await waitForProgram(page, (p) => p.runId > 0 && p.threads.length > 100);
  const fps = await framesPerSecond(page);
  const program = await waitForProgram(page, finished);
  assert.match(program.error, /line 4, in <module>[\s\S]*RuntimeError: can't start new thread/);
  // The main thread and the 1999 it started, none past the limit: the newest are listed, the
  // older finished ones counted.
  const s = await state(page);
  assert.equal(s.program.threads.length + s.program.threadsNotShown, 2000);
  assert.ok(s.program.threads.length <= 257, `${s.program.threads.length} threads listed`);
  const notice = await itemRect(page, 'threads/NotShown');
  assert.ok(notice.x1 > notice.x0, 'the Threads window says how many it does not list');
  assert.equal(await page.evaluate(() => window.threadlab.error), null, 'no last-resort card: the memory held');
  await framesPerSecond(page, 1000);
  console.log(`# threads: RuntimeError after 2000 threads, ${fps.toFixed(1)} frames/s while running`);
  await screenshot(page, 'hostile-threads');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('threads started and joined for ever: the thread table refuses one with RuntimeError, old lanes counted', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + linkOf(THREADS_FINISHING));
  const program = await waitForProgram(page, finished, null, 240_000);
  // Without the table's bound this loop filled the page's memory: 100 000 threads took 247 of its
  // 256 MiB.
  assert.match(program.error, /line 13, in <module>[\s\S]*RuntimeError: can't start new thread/);
  // The speedup's one-CPU baseline runs the program again after it finishes: the memory must
  // hold through that too.
  await page.waitForFunction(() => window.threadlab.error || window.threadlab.state().program.speedup > 0,
    null, { timeout: 240_000, polling: 250 });
  assert.equal(await page.evaluate(() => window.threadlab.error), null, 'no last-resort card: the memory held');
  const fps = await framesPerSecond(page, 1000);
  const s = await state(page);
  const timeline = s.timeline;
  // The timeline takes the run's first million events, all of these threads', and keeps the
  // lanes of the newest 256 it saw finish.
  assert.ok(timeline.threadsNotShown > 50_000, `${timeline.threadsNotShown} finished threads not shown`);
  assert.ok(timeline.lanes.length > 0, 'lanes are drawn');
  const notice = await itemRect(page, 'timeline/NotShown');
  assert.ok(notice.x1 > notice.x0, 'the Timeline says how many finished threads it does not show');
  // Some 1 KiB each of 64 MiB: the main thread and some 60 000 it started.
  const threads = s.program.threads.length + s.program.threadsNotShown;
  assert.ok(threads > 55_000 && threads <= 65_536, `${threads} threads in the run`);
  console.log(`# threads finishing: ${threads} threads, ${timeline.threadsNotShown} lanes not shown, heap reached ` +
    `${(s.heapEnd / 2 ** 20).toFixed(0)} MiB, ${fps.toFixed(1)} frames/s after`);
  await screenshot(page, 'hostile-threads-finishing');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a program that prints forever keeps the newest lines and says how many it dropped', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + linkOf(PRINTS));
  const program = await waitForProgram(page, (p) => p.outputDropped > 0);
  const notice = await itemRect(page, 'program/OutputDropped');
  assert.ok(notice.x1 > notice.x0, 'the Program window shows the dropped-lines notice');
  const fps = await framesPerSecond(page);
  const later = (await state(page)).program;
  assert.ok(later.outputDropped > program.outputDropped, 'it goes on printing, and dropping the oldest');
  const lines = later.output.trimEnd().split('\n');
  assert.equal(Number(lines[0]), later.outputDropped, 'the first line kept is the one after the dropped ones');
  assert.equal(Number(lines.at(-1)), later.outputDropped + lines.length - 1);
  console.log(`# prints: ${later.outputDropped} lines dropped, ${fps.toFixed(1)} frames/s while printing`);
  await screenshot(page, 'hostile-prints');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a loop that never ends pauses at the run budget with a notice, and Continue runs it on', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + linkOf(RUNAWAY));
  const paused = await waitForProgram(page, (p) => p.budgetPaused, null, 240_000);
  assert.equal(paused.status, 'paused');
  assert.ok(paused.instructions >= 200_000_000, `${paused.instructions} instructions`);
  const notice = await itemRect(page, 'program/BudgetNotice');
  assert.ok(notice.y1 > notice.y0);
  await page.waitForTimeout(1000);
  assert.equal((await state(page)).program.instructions, paused.instructions, 'paused: it runs no more');
  await screenshot(page, 'hostile-budget');
  await clickItem(page, 'program/Continue');
  const resumed = await waitForProgram(page, (p, before) => !p.budgetPaused && p.instructions > before,
    paused.instructions);
  assert.equal(resumed.status, 'playing');
  await framesPerSecond(page, 1000);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('when the page runs out of memory anyway, a card says so and reopens the same link', async () => {
  const page = await newPage(lab.browser);
  // A heap budget past the page's own memory: the WebAssembly heap runs out before MemoryError.
  const url = lab.server.url + linkOf(GROWTH, '&max-memory=4GiB');
  await openLab(page, url);
  const card = page.locator('#fatal');
  await card.waitFor({ state: 'visible', timeout: 120_000 });
  assert.match(await card.textContent(), /ran out of memory/);
  assert.match(await page.evaluate(() => window.threadlab.error), /ran out of memory/);
  await screenshot(page, 'hostile-last-resort');
  const reopen = page.locator('#fatal-reopen');
  assert.ok(await reopen.isVisible());
  await Promise.all([page.waitForEvent('load'), reopen.click()]);
  assert.equal(page.url(), url, 'the same link');
  await page.waitForFunction(() => window.threadlab && (window.threadlab.ready || window.threadlab.error),
    null, { timeout: LOAD_TIMEOUT_MS });
  assert.equal((await state(page)).program.source, GROWTH, 'the link\'s program, again');
  await page.context().close();
});

test('an edit survives a reload, and the way back to the lesson\'s original forgets it', async () => {
  const page = await newPage(lab.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const url = lab.server.url + '#v=1&lesson=basics';
  const original = readFileSync(join(root, 'examples', 'basics.py'), 'utf8');
  await openLab(page, url);
  await waitForProgram(page, (p) => p.runId > 0);
  assert.equal((await state(page)).program.source, original);
  const edit = 'print("my own edit")\n';
  await pasteProgram(page, edit);
  await page.waitForFunction((text) => localStorage.getItem('threadlab.draft.basics') === text, edit);

  await page.reload();
  await openLab(page, url);
  let program = await waitForProgram(page, (p) => p.runId > 0);
  assert.equal(program.source, edit, 'the edit is back after the reload');
  assert.equal(program.draftRestored, true);
  await screenshot(page, 'hostile-draft-restored');

  await clickItem(page, 'program/DraftOriginal');
  program = await waitForProgram(page, (p, text) => p.source === text, original);
  assert.equal(program.draftRestored, false);
  assert.equal(await page.evaluate(() => localStorage.getItem('threadlab.draft.basics')), null);
  await page.reload();
  await openLab(page, url);
  assert.equal((await state(page)).program.source, original, 'the original stays after another reload');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
