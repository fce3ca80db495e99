// The page's weight and its first frame: the bytes of what the browser downloads from build/web
// (raw and gzipped), then the lab opened RUNS times in headless Chromium, each in a fresh
// browser context (an empty cache), served by emrun from localhost as the browser tests are.
// The first frame is performance.now() when the app's first frame is on screen, counted from
// the navigation's start (download, compile, engine thread, fonts, the first ImGui frame).
//
//   node bench/first_frame.mjs            (after scripts/build web)
//   RUNS=10 node bench/first_frame.mjs
//
// The goals (issue 19): WebAssembly + JS + data at most 2 MB raw, first frame at most 1.5 s.
// A benchmark, not a test: it reports, it does not fail.
import { readdir, readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startEmrun, launch, newPage, openLab, webDir } from '../tests/browser/lab.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const GOAL_BYTES = 2 * 1024 * 1024;
const GOAL_FIRST_FRAME_MS = 1500;
const PAYLOAD = new Set(['.wasm', '.js', '.data']); // what the goal counts; the rest is the shell

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const mb = (bytes) => (bytes / 1048576).toFixed(2);

const files = [];
for (const name of (await readdir(webDir)).sort()) {
  const bytes = await readFile(join(webDir, name));
  files.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, payload: PAYLOAD.has(extname(name)) });
}
console.log(`build/web (${webDir}):`);
console.log('  file                          raw (KB)   gzip (KB)');
for (const f of files)
  console.log(`  ${f.name.padEnd(28)} ${(f.raw / 1024).toFixed(1).padStart(9)} ${(f.gzip / 1024).toFixed(1).padStart(11)}`);
const payload = files.filter((f) => f.payload);
const raw = payload.reduce((n, f) => n + f.raw, 0);
const gzip = payload.reduce((n, f) => n + f.gzip, 0);
console.log(`WebAssembly + JS + data: ${mb(raw)} MB raw, ${mb(gzip)} MB gzipped`);
console.log(`goal: at most 2 MB raw: ${raw <= GOAL_BYTES ? 'met' : 'MISSED'} (${mb(raw)} MB)`);

const server = await startEmrun();
const browser = await launch();
try {
  const times = [];
  for (let run = 0; run < RUNS; ++run) {
    const page = await newPage(browser);
    await openLab(page, server.url);
    // A page from before firstFrameMs: the moment the lab was seen ready (a little later).
    times.push(await page.evaluate(() => window.threadlab.firstFrameMs ?? performance.now()));
    if (page.consoleErrors.length) console.log(`console errors: ${page.consoleErrors.join(' | ')}`);
    await page.context().close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`first frame over ${RUNS} fresh page loads (ms): median ${median(times).toFixed(0)}, ` +
    `min ${sorted[0].toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)}`);
  console.log(`goal: first frame at most ${GOAL_FIRST_FRAME_MS} ms: ` +
    `${median(times) <= GOAL_FIRST_FRAME_MS ? 'met' : 'MISSED'} (median ${median(times).toFixed(0)} ms)`);
} finally {
  await browser.close();
  server.close();
}
