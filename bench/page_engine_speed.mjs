// The engine's speed inside the page: a CPU-bound loop opened from a link that replays it to a
// far moment (the engine runs it as fast as it goes, on its own pthread, while the page draws),
// in headless Chromium served by emrun as the browser tests are. Samples the engine's executed
// instructions from window.threadlab.state() for SECONDS and prints instructions per second,
// the best of RUNS fresh page loads (a moment another process takes the CPU only lowers a run).
// For comparing builds (compiler and linker flags): the figure must not drop between them. The
// engine thread runs a tick of at most a million instructions and then waits a frame's time for
// commands, so the figure is a little below the interpreter's own pace, the same for every build.
//
//   node bench/page_engine_speed.mjs            (after scripts/build web)
//   RUNS=5 SECONDS=8 node bench/page_engine_speed.mjs
//
// A benchmark, not a test: it reports, it does not fail.
import { deflateRawSync } from 'node:zlib';
import { startEmrun, launch, newPage, openLab, state } from '../tests/browser/lab.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 6);

// Arithmetic, a loop, a call and a list: what the interpreter's inner loop spends most time on.
const PROGRAM = `def step(total, i):
    return total + i * 3 % 7

total = 0
values = []
for i in range(100_000_000):
    total = step(total, i)
    if i % 1000 == 0:
        values.append(total)
        if len(values) > 100:
            values.clear()
print(total)
`;
const link = '#v=1&src=' + deflateRawSync(Buffer.from(PROGRAM)).toString('base64url') + '&t=100000s';

async function instructionsPerSecond(page) {
  await page.waitForFunction(() => window.threadlab.state().program.instructions > 1_000_000, null, { timeout: 90_000 });
  const first = await page.evaluate(() => ({ at: performance.now(), n: window.threadlab.state().program.instructions }));
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const last = await page.evaluate(() => ({ at: performance.now(), n: window.threadlab.state().program.instructions }));
  const s = await state(page);
  if (s.program.status === 'finished') throw new Error('the program finished while measured: make it longer');
  return (last.n - first.n) / ((last.at - first.at) / 1000);
}

const server = await startEmrun();
const browser = await launch();
try {
  const rates = [];
  for (let run = 0; run < RUNS; ++run) {
    const page = await newPage(browser);
    await openLab(page, server.url + link);
    rates.push(await instructionsPerSecond(page));
    if (page.consoleErrors.length) console.log(`console errors: ${page.consoleErrors.join(' | ')}`);
    await page.context().close();
  }
  const millions = rates.map((r) => (r / 1e6).toFixed(1));
  console.log(`engine in the page: ${millions.join(', ')} million instructions/s over ${SECONDS} s each; ` +
    `best ${(Math.max(...rates) / 1e6).toFixed(1)}`);
} finally {
  await browser.close();
  server.close();
}
