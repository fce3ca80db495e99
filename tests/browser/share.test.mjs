// Share and permalinks: a link opens the very run it was made from (settings, moment, selected
// thread, zoom), Share puts the link in the URL and on the clipboard, back/forward move between
// shared states, and a bad link shows a banner that names what was wrong while the rest opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useLab, root, newPage, openLab, state, waitFrames, clickItem, pressKeys, screenshot,
} from './lab.mjs';

const lab = useLab();
// The wide tiling: the Share confirmation (top centre, for a few seconds) sits over the Code
// window there, not over the Threads rows these tests click while it shows.
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1600, height: 900 } };
// The native CLI (scripts/test builds it first); THREADLAB_CLI points at another build's.
const cli = process.env.THREADLAB_CLI ?? join(root, 'build', 'native', 'threadlab');

// Opening a link: the page loads, then replays the run to the link's moment.
async function openLink(page, fragment, { query = '' } = {}) {
  await openLab(page, lab.server.url + query + fragment);
  return waitForReplay(page);
}

async function waitForReplay(page) {
  await page.waitForFunction(() => {
    const s = window.threadlab.state();
    return !s.share.replaying && s.program.runId > 0 && s.program.status !== 'ready' &&
      (s.share.view.time === 0 || s.program.status !== 'playing');
  }, null, { timeout: 90_000 });
  return state(page);
}

function cliHash(link) {
  assert.ok(existsSync(cli), `${cli} is built`);
  const run = spawnSync(cli, ['run', '--config', link, '--hash']);
  const match = /trace hash: ([0-9a-f]{16})/.exec(run.stderr.toString());
  assert.ok(match, run.stderr.toString());
  return match[1];
}

// The link of a program that is not a shipped lesson, as the CLI makes it (src= carries it).
function editedProgramLink() {
  const file = join(mkdtempSync(join(tmpdir(), 'threadlab-share-')), 'mine.py');
  writeFileSync(file, 'import threading\n\ndef work(n):\n    while n > 0:\n        n -= 1\n\n' +
    'threads = [threading.Thread(target=work, args=(3000,)) for _ in range(3)]\n' +
    'for t in threads:\n    t.start()\nfor t in threads:\n    t.join()\nprint("done")\n');
  const run = spawnSync(cli, ['run', '--cpus', '3', '--link', file]);
  const match = /link: (#\S+)/.exec(run.stderr.toString());
  assert.ok(match, run.stderr.toString());
  return match[1];
}

const within = (value, expected, tolerance) => Math.abs(value - expected) <= tolerance;
// The lab's config as applied, in the link's own words: the fields that differ from the defaults.
const applied = (s) => Object.fromEntries(new URLSearchParams(s.share.fragment));

test('a link opens its lesson and settings, paused at its moment, with its thread selected and its zoom', async () => {
  const page = await newPage(lab.browser);
  const link = '#v=1&lesson=race&cpus=3&seed=7&workers=3&t=2ms&sel=1&zoom=1ms..3ms';
  const s = await openLink(page, link);
  const config = applied(s);
  assert.equal(config.lesson, 'race');
  assert.equal(config.cpus, '3');
  assert.equal(config.seed, '7');
  assert.equal(config.workers, '3');
  assert.equal(s.program.status, 'paused');
  assert.equal(s.program.now, 2_000_000);
  assert.equal(s.share.view.selectedThread, 1);
  assert.equal(s.timeline.selectedThread, 1);
  assert.ok(within(s.timeline.start, 1e6, 1e3) && within(s.timeline.end, 3e6, 1e3),
    `the timeline shows 1ms..3ms (${s.timeline.start}..${s.timeline.end})`);
  assert.equal(s.share.url, lab.server.url + link);
  assert.equal(s.share.banner, false);
  await screenshot(page, 'share-opened-link');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a replayed link has the same trace hash every time, and at its end the CLI\'s hash for that link', async () => {
  const moment = '#v=1&lesson=race&cpus=2&seed=3&t=1500us';
  const hashes = [];
  for (let i = 0; i < 2; i++) {
    const page = await newPage(lab.browser);
    const s = await openLink(page, moment);
    assert.equal(s.program.now, 1_500_000);
    hashes.push(s.program.traceHash);
    await page.context().close();
  }
  assert.equal(hashes[0], hashes[1]);
  // A moment past the run's end replays it whole: the very trace the CLI runs for that link.
  const whole = '#v=1&lesson=race&cpus=2&seed=3&t=50s';
  const page = await newPage(lab.browser);
  const s = await openLink(page, whole);
  assert.equal(s.program.status, 'finished', s.program.error);
  assert.equal(s.program.traceHash, cliHash(whole));
  await page.context().close();
});

test('Share (button, Ctrl+S, menu) puts the link in the URL and on the clipboard, and it opens the same run', async () => {
  const page = await newPage(lab.browser, CLIPBOARD);
  const opened = await openLink(page, '#v=1&lesson=race&cpus=2&t=3ms');
  await page.evaluate(() => window.addEventListener('keydown', (e) => { window.lastKeyPrevented = e.defaultPrevented; }));

  const historyBefore = await page.evaluate(() => history.length);
  await clickItem(page, 'program/Share');
  let s = await state(page);
  assert.equal(s.share.shareWindow, true);
  assert.ok(s.items['window/Share'], 'the confirmation shows');
  const shared = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(shared, await page.evaluate(() => location.href));
  assert.equal(shared, s.share.sharedUrl);
  assert.match(shared, /#v=1&lesson=race&cpus=2&t=3ms/);
  assert.equal(await page.evaluate(() => history.length), historyBefore + 1);
  await screenshot(page, 'share-confirmation');

  // Whoever opens it sees the same run at the same moment.
  const other = await newPage(lab.browser);
  const reopened = await openLab(other, shared).then(() => waitForReplay(other));
  const { zoom: _, ...settings } = applied(opened);
  const { zoom: __, ...reopenedSettings } = applied(reopened);
  assert.deepEqual(reopenedSettings, settings);
  assert.equal(reopened.program.now, 3_000_000);
  assert.equal(reopened.program.traceHash, s.program.traceHash);
  await other.context().close();

  // Ctrl+S after selecting a thread: the link says so, and the browser's save dialog stays shut.
  await clickItem(page, 'threads/row/2', 0.1);
  await pressKeys(page, 'Control', 's');
  assert.equal(await page.evaluate(() => window.lastKeyPrevented), true);
  s = await state(page);
  assert.match(await page.evaluate(() => location.hash), /&sel=2/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.evaluate(() => location.href));

  await clickItem(page, 'threads/row/1', 0.1);
  await clickItem(page, 'menu/Threadlab');
  await clickItem(page, 'menu/Threadlab/Share');
  assert.match(await page.evaluate(() => location.hash), /&sel=1/);
  assert.equal(await page.evaluate(() => history.length), historyBefore + 3);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('when the browser refuses the clipboard, the Share window says so and shows the link to copy by hand', async () => {
  const page = await newPage(lab.browser);
  await openLink(page, '#v=1&lesson=race&t=1ms');
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('not allowed')); });
  await clickItem(page, 'program/Share');
  await page.waitForFunction(() => window.threadlab.state().share.copyRefused, null, { timeout: 10_000 });
  const s = await state(page);
  assert.equal(s.share.shareWindow, true);
  assert.ok(s.items['share/Link'], 'the link is on screen, selectable');
  assert.equal(s.share.sharedUrl, await page.evaluate(() => location.href));
  await page.context().close();
});

test('back and forward move between shared states and restore each', async () => {
  const page = await newPage(lab.browser, CLIPBOARD);
  const first = '#v=1&lesson=race&cpus=2&t=1ms';
  await openLink(page, first);
  // Play it to its end and share: a second state, at a later moment.
  await pressKeys(page, ' ');
  await page.waitForFunction(() => window.threadlab.state().program.status === 'finished', null, { timeout: 60_000 });
  await pressKeys(page, 'Control', 's');
  const second = await state(page);
  const secondHash = await page.evaluate(() => location.hash);
  assert.notEqual(secondHash, first);
  assert.ok(second.program.now > 1_000_000);

  await page.evaluate(() => history.back());
  await page.waitForFunction((h) => location.hash === h, first);
  await waitFrames(page, 3);
  let s = await waitForReplay(page);
  assert.equal(s.program.now, 1_000_000);

  await page.evaluate(() => history.forward());
  await page.waitForFunction((h) => location.hash === h, secondHash);
  await waitFrames(page, 3);
  s = await waitForReplay(page);
  assert.equal(s.program.now, second.program.now);
  assert.equal(s.program.traceHash, second.program.traceHash);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('bad links show a banner naming the wrong part, the rest opens, and the page keeps working', async () => {
  const good = editedProgramLink();
  const src = /src=([^&]*)/.exec(good)[1];
  const middle = Math.floor(src.length / 2);
  const corrupted = good.replace(src, src.slice(0, middle) + src.slice(middle, middle + 12).split('').reverse().join('') +
    src.slice(middle + 12));
  const cases = [
    // The program comes first in a link, so a cut there leaves nothing usable: the default lab.
    { name: 'truncated', link: good.slice(0, good.indexOf('src=') + 4 + middle), field: 'src', nothingUsable: true },
    { name: 'corrupted', link: corrupted, field: 'src', cpus: 3 },
    { name: 'future', link: '#v=99&cpus=3&warp=9', field: 'v', cpus: 3 },
    { name: 'html', link: '#v=1&cpus=3&<img src=x onerror=alert(1)>=1', field: '<img src', cpus: 3 },
    { name: 'garbage', link: '#%%%not-a-link', field: 'link', nothingUsable: true },
  ];
  for (const [i, c] of cases.entries()) {
    const page = await newPage(lab.browser);
    page.on('dialog', () => { throw new Error('a link ran script'); });
    await openLab(page, `${lab.server.url}?case=${i}${c.link}`);
    const s = await waitForReplay(page);
    assert.equal(s.share.banner, true, c.name);
    assert.ok(s.share.problems.some((p) => p.field === c.field), `${c.name}: ${JSON.stringify(s.share.problems)}`);
    assert.equal(s.share.nothingUsable, !!c.nothingUsable, c.name);
    if (c.cpus) assert.equal(applied(s).cpus, String(c.cpus), `${c.name}: the rest of the link opens`);
    if (c.nothingUsable) {
      // The default lesson on the lab's default 4 CPUs: no settings besides where the view stands.
      const settings = Object.keys(applied(s)).filter((key) => !['v', 't', 'zoom', 'sel'].includes(key));
      assert.deepEqual(settings, [], `the default lab opens: ${s.share.fragment}`);
    }
    assert.notEqual(s.program.status, 'error', c.name);
    await waitFrames(page, 5);
    assert.ok((await state(page)).items['window/LinkProblems'], `${c.name}: the banner is drawn`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    if (i === 0) await screenshot(page, 'share-bad-link-banner');
    if (c.name === 'future') {
      await clickItem(page, 'banner/Dismiss');
      assert.equal((await state(page)).share.banner, false);
    }
    assert.deepEqual(page.consoleErrors, [], c.name);
    await page.context().close();
  }
});
