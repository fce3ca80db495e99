// The Explore window: a racy program's schedules explored in the page (off the UI thread), two
// outcomes, the failing witness's preemption named (who, after which instruction, on which line),
// the witness replayed in the lab (the lost update) with its preemption and conflicting accesses
// marked on the timeline, a link carrying a schedule, and "you are the scheduler" played to the
// lost update, with an undo. The lesson whose race one run hides, explored and its witness replayed
// as the lesson tells the student to; and the page's pool of workers finding what the CLI's one
// worker finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  useLab, root, newPage, openFinishedRun, until, pretendCores, exploreSchedules, state, waitFrames, clickItem,
  pressKeys, screenshot,
} from './lab.mjs';

const lab = useLab();
const cli = process.env.THREADLAB_CLI ?? join(root, 'build', 'native', 'threadlab');
const program = join(root, 'bench', 'explore', 'counter2.py');

// The link of a program file, as the CLI makes it (src= carries the program).
function linkOf(file, ...extra) {
  assert.ok(existsSync(cli), `${cli} is built`);
  const run = spawnSync(cli, ['run', file, '--link', ...extra]);
  const match = /link: (#\S+)/.exec(run.stderr.toString());
  assert.ok(match, run.stderr.toString());
  return match[1];
}
// The two-thread counter's.
const counterLink = (...extra) => linkOf(program, ...extra);

// Replay outcome `index` of the Explore window, whose witness is `schedule`: the lab's run of it,
// once it has ended.
async function replayWitness(page, index, schedule) {
  await clickItem(page, `explore/Replay ${index}`, 0.5);
  await page.waitForFunction((witness) => {
    const p = window.threadlab.state().program;
    return p.config.schedule === witness && p.status === 'finished';
  }, schedule, { timeout: 90_000 });
  return (await state(page)).program;
}

// A two-thread counter's lost update in the timeline's words, its `counter += 1` on `line`: where
// Thread-1 was cut off, Thread-2's stale read and Thread-1's late write.
const lostUpdateNotes = (line) => [{
  words: `Thread-1 (increment) was preempted after BINARY_OP, line ${line}, and MainThread ran`,
  conflict: `Thread-2 (increment) read \`counter\` (LOAD_GLOBAL counter, line ${line}) before ` +
    `Thread-1 (increment) wrote it (STORE_GLOBAL counter, line ${line})`,
}];

test('explore the racy counter, then replay its failing witness in the lab', async () => {
  const page = await newPage(lab.browser);
  const first = await openFinishedRun(page, lab.server.url, counterLink());
  assert.match(first.output, /^counter 2$/m, 'the default schedule does not lose the update');

  const explore = await exploreSchedules(page);
  assert.equal(explore.exhaustive, true);
  assert.equal(explore.outcomes.length, 2);
  const failing = explore.outcomes.findIndex((o) => o.failure !== '');
  assert.ok(failing >= 0);
  const lost = explore.outcomes[failing];
  assert.equal(lost.failure, 'AssertionError: lost an update: counter is 1');
  assert.equal(lost.preemptions, 1);
  assert.deepEqual(lost.preempted, [lostUpdateNotes(9)[0].words]);
  assert.equal(explore.outcomes.reduce((sum, o) => sum + o.count, 0), explore.schedules);
  // The CLI finds the same witness.
  const json = JSON.parse(spawnSync(cli, ['explore', program, '--json']).stdout.toString());
  assert.equal(json.outcomes.find((o) => o.failure !== null).schedule, lost.schedule);
  await screenshot(page, 'explore-outcomes');

  const replayed = await replayWitness(page, failing, lost.schedule);
  assert.match(replayed.output, /^counter 1$/m, 'the witness loses the update in the lab');
  assert.match(replayed.error, /AssertionError: lost an update: counter is 1/);
  assert.equal((await state(page)).explore.replayed, failing);
  await waitFrames(page, 3);

  // The timeline tells the witness's story, in words on hover.
  const { timeline } = await state(page);
  assert.deepEqual(timeline.scheduleNotes, lostUpdateNotes(9));
  assert.deepEqual(timeline.scheduleMarks.map((m) => [m.kind, m.thread]),
    [['Preempted', 1], ['Read', 2], ['Wrote', 1]], 'the three marks are on screen, in time order');
  const dpr = (await state(page)).dpr;
  const cut = timeline.scheduleMarks[0];
  await page.mouse.move(cut.x / dpr, cut.y / dpr);
  await waitFrames(page, 3);
  const hovered = await state(page);
  assert.equal(hovered.timeline.hover?.scheduleMark, 'Preempted');
  assert.ok('tooltip' in hovered.items, 'the preemption shows its words');
  await screenshot(page, 'explore-witness');
});

test('the lesson whose race one run hides: its run counts right, Explore finds the lost update, Replay shows the preemption', async () => {
  const page = await newPage(lab.browser, { viewport: { width: 1600, height: 1000 } });
  // The lesson after the lock's, as the Lesson window's Next opens it: with its own settings, its
  // run held for the question.
  await openFinishedRun(page, lab.server.url, '#v=1&lesson=race_with_lock');
  await clickItem(page, 'lesson/next');
  let s = await until(page, (st) => st.lesson.id === 'race_hidden' && st.program.status === 'ready' && st.lesson.pending === 0);
  assert.equal(s.lesson.title, 'A race the default schedule hides');
  assert.equal(s.program.config.cpus, 1);
  await clickItem(page, 'lesson/choice/0'); // "THREADS: every update counts"
  s = await until(page, (st) => st.lesson.predictions[0].revealed && st.program.status === 'finished');
  assert.equal(s.lesson.predictions[0].correct, true, 'one run shows no race');
  assert.match(s.program.output, /^counter 2$/m);
  assert.equal(s.program.error, '');

  const explore = await exploreSchedules(page);
  assert.equal(explore.exhaustive, true);
  assert.equal(explore.outcomes.length, 2);
  const failing = explore.outcomes.findIndex((o) => o.failure !== '');
  const lost = explore.outcomes[failing];
  assert.equal(lost.failure, 'AssertionError: lost an update: counter is 1');
  assert.equal(lost.preemptions, 1);
  assert.deepEqual(lost.preempted, [lostUpdateNotes(14)[0].words]);

  const replayed = await replayWitness(page, failing, lost.schedule);
  assert.equal(replayed.config.lesson, 'race_hidden', 'the witness runs in the lesson');
  assert.match(replayed.output, /^counter 1$/m);
  assert.match(replayed.error, /AssertionError: lost an update: counter is 1/);
  await waitFrames(page, 3);
  const { timeline } = await state(page);
  assert.deepEqual(timeline.scheduleNotes, lostUpdateNotes(14));
  assert.deepEqual(timeline.scheduleMarks.map((m) => [m.kind, m.thread]), [['Preempted', 1], ['Read', 2], ['Wrote', 1]]);
  await screenshot(page, 'explore-race-hidden-witness');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('on a 4-core computer the page explores on 3 workers and finds what the CLI finds on 1', async () => {
  const page = await newPage(lab.browser);
  await pretendCores(page, 4);
  const counter3x2 = join(root, 'bench', 'explore', 'counter3x2.py');
  await openFinishedRun(page, lab.server.url, linkOf(counter3x2));
  const explore = await exploreSchedules(page);
  assert.equal(explore.workers, 3);
  const one = JSON.parse(spawnSync(cli, ['explore', counter3x2, '--json', '--workers', '1']).stdout.toString());
  assert.equal(explore.schedules, one.schedules);
  assert.equal(explore.pruned, one.pruned);
  assert.equal(explore.exhaustive, one.exhaustive);
  const found = (outcomes) => outcomes.map((o) => ({
    output: o.output.split('\n')[0], exit: o.exit, failure: o.failure || null, count: o.count,
    preemptions: o.preemptions, schedule: o.schedule,
  }));
  assert.ok(one.outcomes.length > 2);
  assert.deepEqual(found(explore.outcomes), found(one.outcomes));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
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

test('you are the scheduler: two switching picks lose the update, and undo takes the last back', async () => {
  const page = await newPage(lab.browser);
  await openFinishedRun(page, lab.server.url, counterLink());
  await clickItem(page, 'menu/View');
  await clickItem(page, 'menu/View/You are the scheduler');
  await clickItem(page, 'scheduler/Start');
  const decision = async () => {
    await page.waitForFunction(() => {
      const s = window.threadlab.state();
      return s.scheduler.waiting && s.program.instructions === s.scheduler.step;
    }, null, { timeout: 60_000 });
    return (await state(page)).scheduler;
  };
  // Pick by button or digit key the n-th thread of the decision, and wait for the next one.
  const pick = async (thread, how) => {
    const d = (await state(page)).scheduler;
    const index = d.threads.indexOf(thread);
    assert.ok(index >= 0, `thread ${thread} may run at step ${d.step}: ${JSON.stringify(d)}`);
    if (how === 'key') await pressKeys(page, String(index + 1));
    else await clickItem(page, `scheduler/Pick ${index + 1}`);
    await page.waitForFunction((picks) => window.threadlab.state().scheduler.picks === picks, d.picks + 1,
      { timeout: 30_000 });
  };
  const next = (d) => d.next[d.threads.indexOf(d.current)];

  // Thread-1 keeps running until it is about to store its incremented copy.
  let d = await decision();
  while (!(d.current === 1 && next(d) === 'STORE_GLOBAL counter, line 9')) {
    await pick(d.current, 'button');
    d = await decision();
  }
  await pick(0, 'key');  // MainThread: Thread-1 is preempted before its store
  d = await decision();
  assert.equal(d.preemptions, 1);
  while (!(d.threads.includes(2) && d.current !== 2)) {
    await pick(d.current, 'button');
    d = await decision();
  }
  const beforeSecond = d;
  await pick(2, 'key');  // Thread-2 runs, and reads the counter Thread-1 has not stored yet
  d = await decision();
  assert.equal(d.switches, 2);
  await clickItem(page, 'scheduler/Finish');
  await page.waitForFunction(() => window.threadlab.state().program.status === 'finished', null, { timeout: 60_000 });
  let s = await state(page);
  assert.match(s.program.output, /^counter 1$/m, 'the lost update');
  assert.equal(s.scheduler.goalReached, true);
  assert.equal(s.program.config.schedule.split(',').length, 2, 'the two switching picks are the schedule');
  const schedule = s.program.config.schedule;
  await screenshot(page, 'scheduler-lost-update');

  // Undo: back at the decision before the second switch, replayed from the start.
  await clickItem(page, 'scheduler/Undo');
  d = await decision();
  assert.equal(d.step, beforeSecond.step);
  assert.equal(d.picks, beforeSecond.picks);
  assert.equal(d.switches, 1);
  assert.equal(d.goalReached, false);
  s = await state(page);
  assert.equal(s.program.config.schedule.split(',').length, 1);

  // The chosen schedule is an ordinary one: the CLI replays it to the same lost update.
  const replay = spawnSync(cli, ['run', program, '--schedule', schedule]);
  assert.match(replay.stdout.toString(), /^counter 1$/m);
});
