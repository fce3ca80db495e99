// CTest check of `threadlab explore` and `threadlab run --schedule`, as the issue specifies
// them: plain output (one line per outcome, then "explored S schedules: K outcomes, F failing"),
// --json (one object), exit status 1 / 0 / 2, and the failing witness replayed by `run`.
//   node explore_cli.mjs THREADLAB_COMMAND... -- BENCH_DIR
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import path from 'node:path';

const split = process.argv.indexOf('--');
const [command, ...prefix] = process.argv.slice(2, split);
const benchDir = process.argv[split + 1];
const program = (name) => path.join(benchDir, name);

function threadlab(...args) {
  const run = spawnSync(command, [...prefix, ...args], { encoding: 'utf8', timeout: 600000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function check(name, body) {
  try {
    body();
    console.log(`ok - ${name}`);
  } catch (error) {
    console.log(`not ok - ${name}\n${error.message}`);
    process.exitCode = 1;
  }
}

let witness = null;

check('plain output: one line per outcome, then the summary; exit 1 when one fails', () => {
  const r = threadlab('explore', program('counter2.py'));
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines.at(-1), /^explored \d+ schedules: 2 outcomes, 1 failing$/);
  assert.equal(lines.filter((l) => /^\d+ schedules?: exit /.test(l)).length, 2);
  assert.match(r.stdout, /exit 1, AssertionError: lost an update: counter is 1, witness 1 preemption/);
  assert.match(r.stdout, /^  Thread-\d \(increment\) was preempted after BINARY_OP, line 9, and \S+ ran$/m);
  assert.match(r.stderr, /the space of at most 2 preemptions exhausted/);
});

check('--json: one object with the schedules, exhaustive, and each outcome', () => {
  const r = threadlab('explore', program('counter2.py'), '--json');
  assert.equal(r.status, 1, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.exhaustive, true);
  assert.equal(typeof result.schedules, 'number');
  assert.equal(result.outcomes.length, 2);
  const total = result.outcomes.reduce((sum, o) => sum + o.count, 0);
  assert.equal(total, result.schedules);
  const ok = result.outcomes.find((o) => o.failure === null);
  assert.deepEqual([ok.output, ok.exit, ok.preemptions, ok.schedule], ['counter 2\n', 0, 0, '']);
  const lost = result.outcomes.find((o) => o.failure !== null);
  assert.equal(lost.failure, 'AssertionError: lost an update: counter is 1');
  assert.equal(lost.exit, 1);
  assert.equal(lost.preemptions, 1);
  assert.match(lost.schedule, /^\d+:\d+(,\d+:\d+)*$/);
  witness = lost.schedule;
});

check('run --schedule replays the failing witness; the default schedule does not fail', () => {
  assert.ok(witness, 'no witness from the --json check');
  const replayed = threadlab('run', program('counter2.py'), '--schedule', witness);
  assert.equal(replayed.status, 1);
  assert.match(replayed.stdout, /^counter 1$/m);
  assert.match(replayed.stderr, /AssertionError: lost an update: counter is 1/);
  assert.equal(threadlab('run', program('counter2.py')).status, 0);
});

check('explore --cpus 4 runs on one CPU, says so, and its witness replays with run --cpus 1', () => {
  const r = threadlab('explore', program('counter2.py'), '--cpus', '4', '--json');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /the schedules ran on 1 CPU, which makes every interleaving that 4 CPUs make; replay a witness with run --cpus 1 --schedule S/);
  const lost = JSON.parse(r.stdout).outcomes.find((o) => o.failure !== null);
  assert.equal(lost.schedule, witness);
  const replayed = threadlab('run', program('counter2.py'), '--cpus', '1', '--schedule', lost.schedule);
  assert.equal(replayed.status, 1);
  assert.match(replayed.stdout, /^counter 1$/m);
});

check('the permalink carries the schedule: run --config LINK replays the lost update', () => {
  assert.ok(witness, 'no witness from the --json check');
  const linked = threadlab('run', program('counter2.py'), '--schedule', witness, '--link');
  const link = linked.stderr.match(/^link: (#\S+)$/m)[1];
  assert.match(link, new RegExp(`&schedule=${witness}(&|$)`));
  const replayed = threadlab('run', '--config', link);
  assert.equal(replayed.status, 1);
  assert.match(replayed.stdout, /^counter 1$/m);
});

check('the locked counter: one outcome, no failure, exit 0', () => {
  const r = threadlab('explore', program('counter2_locked.py'), '--preemptions', '1');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /explored \d+ schedules: 1 outcomes, 0 failing\n$/);
});

check('a deadlock is a failing outcome, with its wait-for cycle', () => {
  const r = threadlab('explore', program('philosophers.py'), '--preemptions', '2', '--workers', '2', '--json');
  assert.equal(r.status, 1, r.stderr);
  const dead = JSON.parse(r.stdout).outcomes.find((o) => o.failure === 'deadlock');
  assert.ok(dead, 'no deadlock found');
  assert.equal(dead.preemptions, 2);
  assert.match(dead.detail, /wait-for cycle: Thread-\d \(dine\) -> .* -> Thread-\d \(dine\)/);
});

check('bad input exits 2 with a message', () => {
  const missing = threadlab('explore', program('no_such_file.py'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /can't open file/);
  const negative = threadlab('explore', program('counter2.py'), '--preemptions', '-1');
  assert.equal(negative.status, 2);
  const schedule = threadlab('run', program('counter2.py'), '--schedule', '9:1,3:2');
  assert.equal(schedule.status, 2);
  assert.match(schedule.stderr, /steps must ascend/);
});
