// Nothing a program does can take the page down: a hostile program opened through a link (a list
// that grows without end) ends in its error while the page keeps drawing frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import {
  useLab, newPage, openLab, state, screenshot,
} from './lab.mjs';

const lab = useLab();

// A link that carries `source` as its edited program (raw DEFLATE, base64url: the src= field).
const linkOf = (source, extra = '') => '#v=1&src=' + deflateRawSync(Buffer.from(source)).toString('base64url') + extra;

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

async function waitForStatus(page, statuses, timeout = 120_000) {
  await page.waitForFunction((wanted) => {
    const p = window.threadlab.state().program;
    return p.runId > 0 && wanted.includes(p.status);
  }, statuses, { timeout });
  return (await state(page)).program;
}

test('a list that grows without end stops with MemoryError, and the page goes on', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + linkOf('a = []\nwhile True:\n    a.append([0] * 1000)\n'));
  const program = await waitForStatus(page, ['finished']);
  assert.match(program.error, /line 3, in <module>[\s\S]*MemoryError/);
  const fps = await framesPerSecond(page);
  console.log(`# growth: MemoryError after ${program.instructions} instructions, ${fps.toFixed(1)} frames/s after`);
  await screenshot(page, 'hostile-growth');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
