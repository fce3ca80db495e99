// The page's frames per second while each hostile program of bench/hostile/ runs (issue 16): a
// list that grows without end, 100 000 thread starts (those past the live-thread limit refused),
// threads started and joined one after another for ever (the run's thread table refuses one past
// some 60 000), a program that prints forever, eight processes growing at once, 1 000 processes
// started one after another, and giants made in one instruction each
// (bench/hostile/one_instruction.py). Each is opened through a link in headless Chromium, served
// by emrun as the browser tests are; the frames are counted over the first SECONDS of wall time
// after the lab is ready (the page's idle rate with the default lesson first, to compare), then
// how the run stands is printed, with how far the page's heap reached into its fixed 256 MiB.
//
//   node bench/hostile.mjs                 (after scripts/build web)
//   SECONDS=20 node bench/hostile.mjs
//
// A benchmark, not a test: it reports, it does not fail. The CLI's peak memory on the same
// programs: /usr/bin/time -v build/native/threadlab run bench/hostile/NAME.py
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { startEmrun, launch, newPage, openLab, state, root } from '../tests/browser/lab.mjs';

const SECONDS = Number(process.env.SECONDS ?? 10);
const PROGRAMS = ['growth.py', 'thread_starts.py', 'threads_finishing.py', 'prints.py', 'processes_growing.py',
  'process_starts.py', 'one_instruction.py'];

const linkOf = (source) => '#v=1&src=' + deflateRawSync(Buffer.from(source)).toString('base64url');

async function measure(browser, url) {
  const page = await newPage(browser);
  await openLab(page, url);
  const first = await state(page);
  const start = Date.now();
  await page.waitForTimeout(SECONDS * 1000);
  const last = await state(page);
  const fps = (last.frames - first.frames) / ((Date.now() - start) / 1000);
  const p = last.program;
  const stopped = (p.error.trim().split('\n').at(-1) || '').slice(0, 60);
  const facts = `${p.status}, ${p.instructions} instructions, ${p.threads.length + p.threadsNotShown} threads, ` +
    `heap reached ${(last.heapEnd / 2 ** 20).toFixed(0)} of 256 MiB` +
    (p.outputDropped ? `, ${p.outputDropped} output lines dropped` : '') + (stopped ? `: ${stopped}` : '');
  const errors = page.consoleErrors.length ? ` (console errors: ${page.consoleErrors.join(' | ')})` : '';
  await page.context().close();
  return { fps, facts: facts + errors };
}

const server = await startEmrun();
const browser = await launch();
try {
  console.log(`frames per second over the first ${SECONDS} s after the lab is ready:`);
  const idle = await measure(browser, server.url);
  console.log(`  ${'default lesson'.padEnd(22)} ${idle.fps.toFixed(1).padStart(6)}   ${idle.facts}`);
  for (const name of PROGRAMS) {
    const source = readFileSync(join(root, 'bench', 'hostile', name), 'utf8');
    const { fps, facts } = await measure(browser, server.url + linkOf(source));
    console.log(`  ${name.padEnd(22)} ${fps.toFixed(1).padStart(6)}   ${facts}`);
  }
} finally {
  await browser.close();
  server.close();
}
