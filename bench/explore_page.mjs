// The schedule explorer's figures in the page (issue 17): opens the lab in headless Chromium
// with a link to each program (as `threadlab run FILE --link` makes it), runs the Explore window
// at its default bound (2 preemptions) and prints the window's own figures, read from
// window.threadlab.state(): schedules run, choices pruned, outcomes, seconds and schedules per
// second, and the workers it ran on; then the same exploration natively (`threadlab explore
// --json`) beside it. The page sizes its pool by navigator.hardwareConcurrency (one worker less
// than the cores, at most 4): --cores makes the page see each of these core counts in turn, so
// one machine measures the page on 1 and on N workers.
// Real time: a machine busy with other work lowers both rates, so read the figures of an idle one.
//
//   node bench/explore_page.mjs                        (after scripts/build web and scripts/build native)
//   node bench/explore_page.mjs --cores 2,3,5 bench/explore/counter2.py
//
// A benchmark, not a test: it reports, it does not fail.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startEmrun, launch, newPage, openFinishedRun, pretendCores, exploreSchedules, root } from '../tests/browser/lab.mjs';

const EXPLORE_TIMEOUT_MS = 15 * 60_000;
const cli = process.env.THREADLAB_CLI ?? join(root, 'build', 'native', 'threadlab');
const args = process.argv.slice(2);
const coresAt = args.indexOf('--cores');
// No --cores: the page sees the machine's own.
const coreCounts = coresAt >= 0 ? args.splice(coresAt, 2)[1].split(',').map(Number) : [null];
const programs = args.length > 0 ? args : ['bench/explore/counter3x2.py'];

function link(program) {
  const run = spawnSync(cli, ['run', program, '--link']);
  const match = /link: (#\S+)/.exec(run.stderr.toString());
  if (!match) throw new Error(`no link for ${program}: ${run.stderr}`);
  return match[1];
}

function native(program) {
  const start = process.hrtime.bigint();
  const run = spawnSync(cli, ['explore', program, '--json']);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { ...JSON.parse(run.stdout.toString()), seconds };
}

function line(where, program, r) {
  const rate = r.seconds > 0 ? (r.schedules / r.seconds).toFixed(0) : '-';
  console.log(`${where.padEnd(18)} ${program.padEnd(30)} ${String(r.schedules).padStart(6)} schedules ` +
    `${String(r.pruned).padStart(7)} pruned ${String(r.outcomes.length).padStart(2)} outcomes ` +
    `${r.exhaustive ? 'exhausted' : 'NOT exhausted'} ${r.seconds.toFixed(2).padStart(7)} s ${rate.padStart(6)} schedules/s`);
}

if (!existsSync(cli)) throw new Error(`${cli} is not built: scripts/build native`);
const server = await startEmrun();
const browser = await launch();
try {
  for (const program of programs) {
    for (const cores of coreCounts) {
      const page = await newPage(browser);
      if (cores !== null) await pretendCores(page, cores);
      await openFinishedRun(page, server.url, link(program));
      const explore = await exploreSchedules(page, EXPLORE_TIMEOUT_MS);
      line(`page, ${explore.workers} worker${explore.workers === 1 ? '' : 's'}`, program, explore);
      if (page.consoleErrors.length) console.log(`console errors: ${page.consoleErrors.join(' | ')}`);
      await page.context().close();
    }
    line('native, 1 worker', program, native(program));
  }
} finally {
  await browser.close();
  server.close();
}
