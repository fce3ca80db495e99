// The Lesson window as a student meets it: the first visit opens lesson 1; a lesson the window
// starts is held until the question is answered; the reveal quotes the figure of the very run the
// lab reports; a try-this step moves its slider; a lesson's link comes back with its step and
// language; and 中文 is drawn with real glyphs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, newPage, openLab, state, until, clickItem, waitFrames, screenshot, LOAD_TIMEOUT_MS } from './lab.mjs';

const lab = useLab();
// A projector's height, and wide enough for the wide tiling (from 1400 CSS px): there the Lesson
// window beside the Timeline shows its question, its steps and its reveal unscrolled.
const TALL = { viewport: { width: 1600, height: 1000 } };

// state().program.speedup is printed with 6 significant digits; the lesson's figure with all.
const sameFigure = (a, b) => Math.abs(a - b) <= 1e-5 * Math.abs(b);

const lessonState = async (page) => (await state(page)).lesson;

// Walk forward with Next until the window shows lesson `id`.
async function nextUntil(page, id) {
  for (let i = 0; i < 20 && (await lessonState(page)).id !== id; i++) {
    const before = (await lessonState(page)).id;
    await clickItem(page, 'lesson/next');
    await until(page, (s, b) => s.lesson.id !== b, before);
  }
  assert.equal((await lessonState(page)).id, id);
}

test('a fresh profile on the bare URL lands on lesson 1, its program loaded and held until the question is answered', async () => {
  const page = await newPage(lab.browser, TALL);
  await openLab(page, lab.server.url);
  let s = await until(page, (st) => st.lesson.running && st.program.status === 'ready');
  assert.equal(s.lang, 'en');
  assert.equal(s.lesson.id, 'address_space');
  assert.equal(s.lesson.title, 'A process and its address space');
  assert.ok('lesson/list' in s.items, 'the Lesson window shows the lesson\'s title in its list');
  assert.equal(s.program.config.lesson, 'address_space', 'lesson 1\'s program, not the old default');
  assert.equal(s.lesson.pending, 0, 'the question is asked');
  // Held: frames go by and the run does not start.
  await waitFrames(page, 10);
  s = await state(page);
  assert.equal(s.program.status, 'ready');
  assert.equal(s.program.instructions, 0);
  await clickItem(page, 'lesson/choice/1'); // "2: one per thread"
  s = await until(page, (st) => st.lesson.predictions[0].revealed);
  assert.equal(s.program.status, 'finished');
  assert.equal(s.lesson.predictions[0].answered, true);
  assert.equal(s.lesson.predictions[0].figure, s.program.threads.length, 'the figure is the run\'s thread count');
  assert.equal(s.lesson.predictions[0].correct, true);
  // Lesson 1 is about the regions: those too narrow for their names are named in a legend.
  assert.ok('address/legend' in s.items, 'the Address space map has a legend for its narrow bands');
  await screenshot(page, 'lesson-first-visit-revealed');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a wrong and a right guess on the GIL: the reveal quotes the speedup this run measured', async () => {
  const page = await newPage(lab.browser, TALL);
  await openLab(page, lab.server.url);
  await until(page, (st) => st.lesson.running);
  await clickItem(page, 'lesson/skip');
  await nextUntil(page, 'gil_mixed');
  let s = await until(page, (st) => st.program.config.lesson === 'gil_mixed' && st.program.status === 'ready' && st.lesson.pending === 0);
  assert.equal(s.program.config.sliders.IO_SHARE, 0);
  await clickItem(page, 'lesson/choice/2'); // "about 4x": wrong with the GIL
  s = await until(page, (st) => st.lesson.predictions[0].revealed);
  const wrong = s.lesson.predictions[0];
  assert.equal(wrong.correct, false);
  assert.equal(wrong.right, 0);
  assert.ok(s.program.speedup > 0 && s.program.speedup < 1.2, `speedup ${s.program.speedup}`);
  assert.ok(sameFigure(wrong.figure, s.program.speedup), `the figure ${wrong.figure} is the run's own speedup`);
  assert.ok(wrong.text.includes(s.program.speedup.toFixed(2)), wrong.text);
  await screenshot(page, 'lesson-gil-wrong');

  await clickItem(page, 'lesson/again/0');
  s = await until(page, (st) => st.lesson.pending === 0 && st.program.status === 'ready');
  await clickItem(page, 'lesson/choice/0'); // "no faster"
  s = await until(page, (st) => st.lesson.predictions[0].revealed);
  assert.equal(s.lesson.predictions[0].correct, true);
  assert.ok(sameFigure(s.lesson.predictions[0].figure, s.program.speedup));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a try-this step moves its slider and restarts, held for its own question', async () => {
  const page = await newPage(lab.browser, TALL);
  await openLab(page, lab.server.url + '#v=1&lesson=gil_mixed&io_share=0');
  let s = await until(page, (st) => st.lesson.id === 'gil_mixed' && st.lesson.running);
  await clickItem(page, 'lesson/step/2'); // I/O-bound: IO_SHARE 100
  s = await until(page, (st) => st.program.config.sliders.IO_SHARE === 100 && st.program.status === 'ready');
  assert.equal(s.lesson.step, 2);
  assert.equal(s.lesson.pending, 1, 'the I/O-bound question is asked');
  assert.match(s.share.fragment, /io_share=100/);
  assert.match(s.share.fragment, /step=2/);
  await clickItem(page, 'lesson/choice/2'); // "about 4x": right for I/O-bound threads
  s = await until(page, (st) => st.lesson.predictions[1].revealed);
  assert.equal(s.lesson.predictions[1].correct, true);
  assert.ok(s.program.speedup >= 3, `speedup ${s.program.speedup}`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a lesson\'s link reopens its lesson, step and language', async () => {
  const page = await newPage(lab.browser, TALL);
  await openLab(page, lab.server.url + '#v=1&lesson=race&workers=5&step=1&lang=zh');
  const s = await until(page, (st) => st.lesson.id === 'race');
  assert.equal(s.lang, 'zh');
  assert.equal(s.lesson.step, 1);
  assert.equal(s.lesson.title, '竞态条件');
  assert.equal(s.program.config.sliders.WORKERS, 5);
  assert.match(s.share.fragment, /lesson=race&workers=5&/);
  assert.match(s.share.fragment, /&step=1&lang=zh$/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('switching to 中文 in the menu draws Chinese with real glyphs, and is remembered', async () => {
  const page = await newPage(lab.browser, TALL);
  await openLab(page, lab.server.url);
  await clickItem(page, 'menu/Language');
  await clickItem(page, 'menu/Language/Chinese');
  let s = await until(page, (st) => st.lang === 'zh');
  assert.equal(s.lesson.title, '进程与它的地址空间');
  assert.ok(s.fonts.cjkGlyphs > 100, `the atlas has ${s.fonts.cjkGlyphs} CJK glyphs`);
  assert.equal(s.fonts.missingGlyphs, 0, 'every character of the interface and the lessons has a glyph');
  await waitFrames(page, 3);
  await screenshot(page, 'lesson-chinese');
  // Remembered: the page opened again (no link) is in Chinese.
  await page.reload();
  await page.waitForFunction(() => window.threadlab && window.threadlab.ready, null, { timeout: LOAD_TIMEOUT_MS });
  s = await until(page, (st) => st.frames > 2);
  assert.equal(s.lang, 'zh');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the TCB of a thread blocked in `with self._lock:` shows the program\'s frame under one built-in Lock.acquire', async () => {
  const page = await newPage(lab.browser, TALL);
  // The lock lesson, replayed to 50 ms: one worker sleeps inside the lock, the other waits for it.
  await openLab(page, lab.server.url + '#v=1&lesson=race_with_lock&t=50ms');
  let s = await until(page, (st) => !st.share.replaying && st.lab && st.lab.threads.some((t) => t.wait === 'LOCK'));
  const blocked = s.lab.threads.find((t) => t.wait === 'LOCK');
  await clickItem(page, `threads/row/${blocked.id}`);
  s = await until(page, (st) => st.lab.tcbShown === blocked.id && st.lab.tcb);
  let tcb = s.lab.tcb;
  assert.equal(tcb.frame, 'Lock.acquire');
  assert.equal(tcb.builtin, true);
  assert.equal(tcb.stack[0], 'Lock.acquire');
  assert.equal(tcb.stack[1], 'FakeDatabase.locked_update');
  // The instruction is the program's own, at the `with`, read in locked_update's code.
  assert.equal(tcb.instructionFrame, 'FakeDatabase.locked_update');
  assert.equal(tcb.line, 18);
  assert.match(tcb.instruction, /WITH/);
  assert.doesNotMatch(tcb.instruction, /IMPORT_NAME/);
  await screenshot(page, 'lesson-tcb-builtin-call');
  // The toggle shows the lab's internals in its place, each with its own instruction.
  await clickItem(page, 'threads/internals');
  s = await until(page, (st) => st.lab.tcb && st.lab.tcb.internals);
  tcb = s.lab.tcb;
  assert.equal(tcb.builtin, false);
  assert.equal(tcb.instructionFrame, tcb.frame);
  assert.doesNotMatch(tcb.instruction, /WITH/);
  assert.ok(tcb.stack.length > s.lab.threads.find((t) => t.id === blocked.id).depth, 'more frames than the program\'s');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the lesson last open comes back when the page is opened again without a link', async () => {
  const page = await newPage(lab.browser, TALL);
  await openLab(page, lab.server.url);
  assert.equal((await lessonState(page)).id, 'address_space', 'a first visit: lesson 1');
  await clickItem(page, 'lesson/next');
  await until(page, (st) => st.lesson.id === 'two_processes');
  await page.reload();
  await page.waitForFunction(() => window.threadlab && window.threadlab.ready, null, { timeout: LOAD_TIMEOUT_MS });
  const s = await until(page, (st) => st.frames > 2);
  assert.equal(s.lesson.id, 'two_processes');
  assert.equal(s.lesson.title, 'A program in execution');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
