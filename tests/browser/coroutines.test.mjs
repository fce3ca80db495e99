// The coroutines lesson in the page: three asyncio tasks sleeping one second finish after one
// simulated second, print what CPython prints, and the lab shows a single thread (tasks of one
// event loop are not threads); a screenshot of the panels goes to test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useLab, root, newPage, openLab, state, screenshot } from './lab.mjs';

const lab = useLab();

test('the coroutines lesson: three tasks, one thread, one simulated second, CPython\'s output', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + '#v=1&lesson=coroutines');
  await page.waitForFunction(() => {
    const p = window.threadlab.state().program;
    return p.runId > 0 && p.status === 'finished' && p.output.startsWith('task 0: start');
  }, null, { timeout: 90_000 });
  const { program } = await state(page);
  assert.equal(program.error, '');
  const cpython = readFileSync(join(root, 'tests', 'conformance', 'expected', 'classic_coroutines.out'), 'utf8');
  assert.equal(program.output, cpython);
  assert.deepEqual(program.threads.map((t) => [t.name, t.state]), [['MainThread', 'terminated']]);
  const second = 1_000_000_000;
  assert.ok(program.now >= second && program.now < 1.01 * second, `the run took ${program.now} ns`);
  await screenshot(page, 'coroutines');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
