// The real machine's figures (issue 18), in headless Chromium and natively, side by side: the
// page's Real machine window runs every probe ("Run all", 1..THREADS Web Workers), then
// `threadlab probe --json` runs the same probes on std::thread and the native fiber switch.
// Prints each figure and whether it meets its target:
//   speedup on N threads at least 0.85·N (N up to the cores), a fiber switch at least 10 times
//   cheaper than a thread hand-off, 10 000 fibers alive at once within 64 MB, and the locked and
//   atomic races losing nothing.
// Real time on real cores: a machine busy with other work lowers the speedup and raises the
// costs, so read the figures of an idle machine.
//
//   node bench/real_machine.mjs          (after scripts/build web and scripts/build native)
//   THREADS=4 NATIVE=0 node bench/real_machine.mjs
//
// A benchmark, not a test: it reports, it does not fail.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startEmrun, launch, newPage, openLab, root } from '../tests/browser/lab.mjs';
import { openRealMachine, setProbeThreads, runProbe } from '../tests/browser/real_machine_page.mjs';

const THREADS = Number(process.env.THREADS ?? 2);
const NATIVE = process.env.NATIVE !== '0';
const ALL_PROBES_TIMEOUT_MS = 15 * 60_000;
const MB = 1024 * 1024;

const targets = [
  ['speedup', (r) => Object.entries(r.speedup ?? {}).every(([n, s]) => s >= 0.85 * Number(n)),
    (r) => Object.entries(r.speedup ?? {}).map(([n, s]) => `${n}: ${s.toFixed(2)}`).join(', ')],
  ['fiber switch at least 10x cheaper than a hand-off', (r) => r.thread_handoff_ns / r.fiber_switch_ns >= 10,
    (r) => `fiber ${r.fiber_switch_ns.toPrecision(3)} ns, hand-off ${r.thread_handoff_ns.toPrecision(3)} ns: ` +
      `${(r.thread_handoff_ns / r.fiber_switch_ns).toFixed(0)}x; creating a thread ${r.thread_create_ns.toPrecision(3)} ns`],
  ['10 000 fibers within 64 MB', (r) => r.fibers.count === 10000 && r.fibers.bytes <= 64 * MB,
    (r) => `${(r.fibers.bytes / MB).toFixed(1)} MB, ${(r.fibers.switches_per_s / 1e6).toFixed(2)} million switches/s ` +
      `(10 000 threads would reserve ${(r.fibers.threads_bytes / MB).toFixed(0)} MB of stacks)`],
  ['the atomic and locked races lose nothing', (r) => r.race.with_atomic_lost === 0 && r.race.with_lock_lost === 0,
    (r) => `${r.race.threads} threads x ${r.race.additions_each} additions: unguarded lost ${r.race.lost} ` +
      `(${r.race.lost_spread.min}..${r.race.lost_spread.max}), atomic ${r.race.with_atomic_lost}, locked ${r.race.with_lock_lost}`],
];

function print(where, report) {
  console.log(`${where} (${report.cores} logical cores):`);
  for (const [goal, met, figures] of targets)
    console.log(`  ${met(report) ? 'met   ' : 'MISSED'} ${goal}: ${figures(report)}`);
  console.log(`  ${JSON.stringify(report)}`);
}

const server = await startEmrun();
const browser = await launch();
try {
  const page = await newPage(browser);
  await openLab(page, server.url);
  await openRealMachine(page);
  await setProbeThreads(page, THREADS);
  const { longestGap, report } = await runProbe(page, 'real/Run all', ALL_PROBES_TIMEOUT_MS);
  print(`headless Chromium, Web Workers and Asyncify fibers (longest gap between frames ${longestGap} ms)`, report);
  if (page.consoleErrors.length) console.log(`console errors: ${page.consoleErrors.join(' | ')}`);
} finally {
  await browser.close();
  server.close();
}

const threadlab = join(root, 'build', 'native', 'threadlab');
if (NATIVE && existsSync(threadlab)) {
  const json = execFileSync(threadlab, ['probe', '--json', '--threads', String(THREADS)], { encoding: 'utf8' });
  print('natively, std::thread and the native fiber switch', JSON.parse(json));
} else if (NATIVE) {
  console.log(`natively: no ${threadlab} (scripts/build native)`);
}
