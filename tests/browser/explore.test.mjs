// The Explore window: a racy program's schedules explored in the page (off the UI thread), two
// outcomes, the failing witness's preemption named (who, after which instruction, on which line),
// the witness replayed in the lab (the lost update), and a link carrying a schedule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useLab, root, newPage, openFinishedRun, state, waitFrames, clickItem, screenshot } from './lab.mjs';

const lab = useLab();
const cli = process.env.THREADLAB_CLI ?? join(root, 'build', 'native', 'threadlab');
const program = join(root, 'bench', 'explore', 'counter2.py');

// The link of the two-thread counter, as the CLI makes it (src= carries the program).
function counterLink(...extra) {
  assert.ok(existsSync(cli), `${cli} is built`);
  const run = spawnSync(cli, ['run', program, '--link', ...extra]);
  const match = /link: (#\S+)/.exec(run.stderr.toString());
  assert.ok(match, run.stderr.toString());
  return match[1];
}

test('explore the racy counter, then replay its failing witness in the lab', async () => {
  const page = await newPage(lab.browser);
  const first = await openFinishedRun(page, lab.server.url, counterLink());
  assert.match(first.output, /^counter 2$/m, 'the default schedule does not lose the update');

  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/Explore schedules');
  await clickItem(page, 'explore/Explore');
  await page.waitForFunction(() => window.threadlab.state().explore.finished, null, { timeout: 300_000 });
  const { explore } = await state(page);
  assert.equal(explore.exhaustive, true);
  assert.equal(explore.outcomes.length, 2);
  const failing = explore.outcomes.findIndex((o) => o.failure !== '');
  assert.ok(failing >= 0);
  const lost = explore.outcomes[failing];
  assert.equal(lost.failure, 'AssertionError: lost an update: counter is 1');
  assert.equal(lost.preemptions, 1);
  assert.deepEqual(lost.preempted, ['Thread-1 (increment) was preempted after BINARY_OP, line 9, and MainThread ran']);
  assert.equal(explore.outcomes.reduce((sum, o) => sum + o.count, 0), explore.schedules);
  // The CLI finds the same witness.
  const json = JSON.parse(spawnSync(cli, ['explore', program, '--json']).stdout.toString());
  assert.equal(json.outcomes.find((o) => o.failure !== null).schedule, lost.schedule);
  await screenshot(page, 'explore-outcomes');

  await clickItem(page, `explore/Replay ${failing}`, 0.5);
  await page.waitForFunction((schedule) => {
    const p = window.threadlab.state().program;
    return p.config.schedule === schedule && p.status === 'finished';
  }, lost.schedule, { timeout: 90_000 });
  const replayed = (await state(page)).program;
  assert.match(replayed.output, /^counter 1$/m, 'the witness loses the update in the lab');
  assert.match(replayed.error, /AssertionError: lost an update: counter is 1/);
  assert.equal((await state(page)).explore.replayed, failing);
  await waitFrames(page, 3);
  await screenshot(page, 'explore-witness');
});

test('a link with a schedule replays that interleaving in the page', async () => {
  const page = await newPage(lab.browser);
  const json = JSON.parse(spawnSync(cli, ['explore', program, '--json']).stdout.toString());
  const witness = json.outcomes.find((o) => o.failure !== null).schedule;
  const link = counterLink('--schedule', witness);
  assert.match(link, new RegExp(`&schedule=${witness}`));
  const run = await openFinishedRun(page, lab.server.url, link);
  assert.equal(run.config.schedule, witness);
  assert.match(run.output, /^counter 1$/m);
});
