// A multiprocessing lesson in the page: four processes, each with its own interpreter and GIL,
// run to the end with the same output as the native CLI, and the lab shows every process's
// thread; a screenshot of the panels goes to test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useLab, root, newPage, openFinishedRun, screenshot } from './lab.mjs';

const lab = useLab();
// The native CLI (scripts/test builds it first); THREADLAB_CLI points at another build's.
const cli = process.env.THREADLAB_CLI ?? join(root, 'build', 'native', 'threadlab');

test('processes_cpu_bound runs in the page as in the CLI, and the lab shows one thread per process', async () => {
  const page = await newPage(lab.browser);
  const program = await openFinishedRun(page, lab.server.url, '#v=1&lesson=processes_cpu_bound&cpus=4');
  assert.equal(program.error, '');
  assert.ok(existsSync(cli), `${cli} is built`);
  const native = spawnSync(cli, ['run', '--cpus', '4', join(root, 'examples', 'processes_cpu_bound.py')]);
  assert.equal(program.output, native.stdout.toString());
  // The main process and its four children: each process's main thread, all terminated.
  assert.deepEqual(program.threads.map((t) => [t.name, t.state]), Array(5).fill(['MainThread', 'terminated']));
  await screenshot(page, 'processes-cpu-bound');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
