// The concurrency toolbox in the page: a multiprocessing Value and Array that a child changes
// are shown as shared memory in the Address space window (its Shared section, with who else
// sees them), with the child's writes; a screenshot goes to test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, newPage, openLab, state, clickItem, pasteProgram, itemRect, screenshot } from './lab.mjs';

const lab = useLab();
// A tall page, so the Address space window has room for its sections.
const CONTEXT = { permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 1400 } };

const PROGRAM = `import multiprocessing

def child(counter, numbers):
    counter.value += 41
    numbers[0] = 2.5

if __name__ == "__main__":
    counter = multiprocessing.Value("i", 1)
    numbers = multiprocessing.Array("d", 3)
    p = multiprocessing.Process(target=child, args=(counter, numbers))
    p.start()
    p.join()
    print(counter.value, numbers[:])
`;

test('a Value and an Array that a child changed show as shared memory in the Address space window', async () => {
  const page = await newPage(lab.browser, CONTEXT);
  await openLab(page, lab.server.url);
  await page.waitForFunction(() => window.threadlab.state().program.runId > 0, null, { timeout: 60_000 });
  await pasteProgram(page, PROGRAM);
  const before = (await state(page)).program.runId;
  await clickItem(page, 'program/Run');
  await page.waitForFunction((prev) => {
    const p = window.threadlab.state().program;
    return p.runId > prev && p.status === 'finished';
  }, before, { timeout: 60_000 });
  const program = (await state(page)).program;
  assert.equal(program.output, '42 [2.5, 0.0, 0.0]\n', program.error);
  // The Address space window lists the shared Value and Array with who else sees them.
  const shared = await itemRect(page, 'address/shared');
  assert.ok(shared.x1 > shared.x0);
  await screenshot(page, 'toolbox-shared-memory');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
