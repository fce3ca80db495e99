// The schedule explorer's figures in the page (issue 17): opens the lab in headless Chromium
// with a link to each program (as `threadlab run FILE --link` makes it), runs the Explore window
// at its default bound (2 preemptions) and prints the window's own figures, read from
// window.threadlab.state(): schedules run, choices pruned, outcomes, seconds and schedules per
// second; then the same exploration natively (`threadlab explore --json`) beside it.
// Real time: a machine busy with other work lowers both rates, so read the figures of an idle one.
//
//   node bench/explore_page.mjs                        (after scripts/build web and scripts/build native)
//   node bench/explore_page.mjs bench/explore/counter2.py
//
// A benchmark, not a test: it reports, it does not fail.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startEmrun, launch, newPage, openFinishedRun, state, clickItem, root } from '../tests/browser/lab.mjs';

const EXPLORE_TIMEOUT_MS = 15 * 60_000;
const cli = process.env.THREADLAB_CLI ?? join(root, 'build', 'native', 'threadlab');
const programs = process.argv.length > 2 ? process.argv.slice(2) : ['bench/explore/counter3x2.py'];

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
  console.log(`${where.padEnd(7)} ${program.padEnd(30)} ${String(r.schedules).padStart(6)} schedules ` +
    `${String(r.pruned).padStart(7)} pruned ${String(r.outcomes.length).padStart(2)} outcomes ` +
    `${r.exhaustive ? 'exhausted' : 'NOT exhausted'} ${r.seconds.toFixed(2).padStart(7)} s ${rate.padStart(6)} schedules/s`);
}

if (!existsSync(cli)) throw new Error(`${cli} is not built: scripts/build native`);
const server = await startEmrun();
const browser = await launch();
try {
  for (const program of programs) {
    const page = await newPage(browser);
    await openFinishedRun(page, server.url, link(program));
    await clickItem(page, 'menu/View');
    await clickItem(page, 'menu/View/Explore schedules');
    await clickItem(page, 'explore/Explore');
    await page.waitForFunction(() => window.threadlab.state().explore.finished, null, { timeout: EXPLORE_TIMEOUT_MS });
    line('page', program, (await state(page)).explore);
    line('native', program, native(program));
    if (page.consoleErrors.length) console.log(`console errors: ${page.consoleErrors.join(' | ')}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
