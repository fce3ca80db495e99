// The timeline benchmark: opens the lab at ?bench=timeline in headless Chromium (served by emrun
// from build/web, as the browser tests do). The app builds a synthetic trace of a million CPU
// slices across 64 threads and 8 CPUs, then measures the UI thread's CPU time per frame (C++,
// steady clock) in three phases: the app without the timeline (baseline), the timeline showing
// the whole trace (fit), and a scripted zoom from the whole run down to 20 microseconds and back
// while panning across it (pan/zoom). Prints median / p95 / max per phase.
//
//   node bench/timeline.mjs            (after scripts/build web)
//
// The goal: pan/zoom median under 8 ms. A benchmark, not a test: it reports, it does not fail.
import { startEmrun, launch, newPage, openLab, state, screenshot } from '../tests/browser/lab.mjs';

const PHASE_TIMEOUT_MS = 15 * 60_000;
const GOAL_MEDIAN_MS = 8;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summary(name, times) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    phase: name,
    frames: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
  };
}

const server = await startEmrun();
const browser = await launch();
try {
  const page = await newPage(browser);
  await openLab(page, `${server.url}index.html?bench=timeline`);
  await page.waitForFunction(() => window.threadlab.state().bench.fit.length >= 30, null,
    { timeout: PHASE_TIMEOUT_MS });
  await screenshot(page, 'bench-timeline-fit');
  await page.waitForFunction(() => window.threadlab.state().bench.phase === 'done', null,
    { timeout: PHASE_TIMEOUT_MS });
  const { bench } = await state(page);

  console.log(`synthetic trace: ${bench.cpuSlices} CPU slices (${bench.laneSlices} slices in ${bench.lanes} ` +
    `lanes), ${bench.threads} threads, ${bench.cpus} CPUs, built in ${bench.generateMs.toFixed(0)} ms`);
  console.log('UI thread CPU time per frame (ms):');
  console.log('  phase        frames   median      p95      max');
  const rows = [summary('baseline', bench.baseline), summary('fit', bench.fit), summary('pan/zoom', bench.panZoom)];
  for (const r of rows) {
    console.log(`  ${r.phase.padEnd(10)} ${String(r.frames).padStart(8)} ${r.median.toFixed(2).padStart(8)} ` +
      `${r.p95.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)}`);
  }
  const panZoom = rows[2];
  console.log(`goal: pan/zoom median under ${GOAL_MEDIAN_MS} ms: ` +
    `${panZoom.median < GOAL_MEDIAN_MS ? 'met' : 'MISSED'} (${panZoom.median.toFixed(2)} ms)`);
  if (page.consoleErrors.length) console.log(`console errors: ${page.consoleErrors.join(' | ')}`);
} finally {
  await browser.close();
  server.close();
}
