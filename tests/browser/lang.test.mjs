// The interface in both languages and the legibility of what it draws: switched to 中文 in the
// menu, the windows' titles, the Address space map and the Threads table are drawn in Chinese,
// the choice survives a reload and goes into the Share link; logging's stderr output is not
// drawn red, a traceback is; the Address space map's labels are whole at 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useLab, GIL_CPU_BOUND, newPage, openLab, state, until, clickItem, waitFrames, pasteProgram, screenshot, startPlainServer, LOAD_TIMEOUT_MS,
} from './lab.mjs';

const lab = useLab();
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

const finished = (s) => s.program.runId > 0 && s.program.status === 'finished';

// "#rrggbb" -> [r, g, b]
const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
// Red as a warning is: much more red than green and blue.
const looksRed = (hex) => { const [r, g, b] = rgb(hex); return r > 180 && g < 0.7 * r && b < 0.7 * r; };

test('中文 from the menu: every window on screen is titled in Chinese, and it survives a reload and goes into the link', async () => {
  const page = await newPage(lab.browser, CLIPBOARD);
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  let s = await until(page, finished);
  const english = s.windowTitles;
  assert.ok(english.includes('Program') && english.includes('Threads'), `English titles: ${english}`);
  await clickItem(page, 'menu/Language');
  await clickItem(page, 'menu/Language/Chinese');
  s = await until(page, (st) => st.lang === 'zh');
  await waitFrames(page, 3);
  s = await state(page);
  assert.equal(s.windowTitles.length, english.length, 'the same windows stay open');
  for (const title of s.windowTitles) assert.match(title, CJK, `the title "${title}" is in Chinese`);
  for (const title of ['程序', '线程', '地址空间', '时间线', '课程']) assert.ok(s.windowTitles.includes(title), `${title} in ${s.windowTitles}`);
  // Inside the windows too: the Address space map names its regions in lesson 1's words.
  const bandTexts = s.addressMap.map((band) => band.text).join(' | ');
  assert.match(bandTexts, /正文区/);
  assert.match(bandTexts, /数据区/);
  assert.equal(s.fonts.missingGlyphs, 0);
  await screenshot(page, 'lang-chinese-windows');

  // The Share link carries the language.
  await clickItem(page, 'program/Share');
  s = await until(page, (st) => st.share.shareWindow);
  assert.match(s.share.sharedUrl, /[#&]lang=zh(&|$)/);
  assert.ok(s.windowTitles.includes('分享'), 'the Share window is titled in Chinese');

  // A reload without the link's language keeps the choice (the browser remembers it).
  await page.goto(lab.server.url);
  await page.waitForFunction(() => window.threadlab && window.threadlab.ready, null, { timeout: LOAD_TIMEOUT_MS });
  s = await until(page, (st) => st.frames > 3);
  assert.equal(s.lang, 'zh');
  assert.ok(s.windowTitles.includes('线程'), `${s.windowTitles}`);

  // And back: English from the menu, every title English again.
  await clickItem(page, 'menu/Language');
  await clickItem(page, 'menu/Language/English');
  s = await until(page, (st) => st.lang === 'en');
  await waitFrames(page, 3);
  s = await state(page);
  for (const title of s.windowTitles) assert.doesNotMatch(title, CJK, `the title "${title}" is in English`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('logging\'s stderr lines are marked but not red; a thread\'s traceback is red', async () => {
  // Tall enough for the Program window's output to show all seven lines, the traceback's last too.
  const page = await newPage(lab.browser, { ...CLIPBOARD, viewport: { width: 1280, height: 1600 } });
  await openLab(page, lab.server.url + GIL_CPU_BOUND);
  await until(page, finished);
  const before = (await state(page)).program.runId;
  await pasteProgram(page, [
    'import logging',
    'import threading',
    'logging.basicConfig(format="%(threadName)s: %(message)s", level=logging.INFO)',
    'def work():',
    '    logging.info("working")',
    '    raise ValueError("boom")',
    't = threading.Thread(target=work, name="worker")',
    't.start()',
    't.join()',
    'print("done")',
    '',
  ].join('\n'));
  await clickItem(page, 'program/Run');
  await until(page, (st, prev) => st.program.runId > prev && st.program.status === 'finished', before);
  await waitFrames(page, 3);
  // The Program window's output and the Output window: each line as one of them draws it.
  const drawn = (await state(page)).outputDrawn;
  const lines = [...drawn.program, ...drawn.output];
  const line = (text) => {
    const found = lines.find((l) => l.text === text);
    assert.ok(found, `"${text}" is drawn: ${JSON.stringify(lines)}`);
    return found;
  };
  const logged = line('worker: working');
  const printed = line('done');
  const exception = line('ValueError: boom');
  assert.equal(logged.look, 'stderr');
  assert.equal(printed.look, 'stdout');
  assert.equal(exception.look, 'error');
  assert.equal(line('Traceback (most recent call last):').look, 'error');
  assert.ok(!looksRed(logged.color), `the logged line is drawn in ${logged.color}`);
  assert.equal(logged.color, printed.color, 'logging is drawn in the text colour, with a marker');
  assert.ok(looksRed(exception.color), `the traceback is drawn in ${exception.color}`);
  await screenshot(page, 'lang-stderr-not-red');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

for (const width of [1280, 1600]) {
  test(`the Address space map's labels are whole at ${width} px, in both languages`, async () => {
    const page = await newPage(lab.browser, { viewport: { width, height: 800 } });
    await openLab(page, lab.server.url + '#v=1&lesson=address_space');
    await until(page, (st) => finished(st) && st.addressMap.length >= 4);
    for (const lang of ['en', 'zh']) {
      if (lang === 'zh') {
        await clickItem(page, 'menu/Language');
        await clickItem(page, 'menu/Language/Chinese');
        await until(page, (st) => st.lang === 'zh');
        await waitFrames(page, 3);
      }
      const s = await state(page);
      const names = lang === 'en' ? ['text', 'data', 'heap', 'stack'] : ['正文区', '数据区', '堆', '栈'];
      for (const band of s.addressMap) {
        assert.ok(band.textWidth <= band.band + 0.5, `"${band.text}" needs ${band.textWidth} px, its band has ${band.band}`);
        if (band.legend) assert.ok('address/legend' in s.items, `the legend names "${band.text}"`);
      }
      // Each region's name is written in the map itself: lesson 1 is about them.
      for (const name of names)
        assert.ok(s.addressMap.some((band) => band.text.startsWith(name)), `"${name}" in ${s.addressMap.map((b) => b.text)}`);
      await screenshot(page, `lang-address-map-${width}-${lang}`);
    }
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}

test('a bad link under lang=zh: the banner says in Chinese what is wrong with each part', async () => {
  const page = await newPage(lab.browser);
  await openLab(page, lab.server.url + '#v=1&cpus=99&gil=maybe&lang=zh');
  const s = await until(page, (st) => st.frames > 3 && st.share.banner);
  assert.equal(s.lang, 'zh');
  const shown = s.share.problems.map((p) => p.shown);
  assert.deepEqual(shown, ['cpus=99：必须是 1..64 之间的整数', 'gil=maybe：必须是 on 或 off']);
  // The English words stay in `message`, as the CLI prints them.
  assert.equal(s.share.problems[0].message, 'cpus=99: must be a whole number 1..64');
  assert.equal(s.fonts.missingGlyphs, 0);
  await screenshot(page, 'lang-link-banner-chinese');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the page\'s own card speaks the link\'s language before the lab has started', async () => {
  const plain = await startPlainServer(); // no cross-origin isolation: the card, not the lab
  try {
    const page = await newPage(lab.browser);
    await page.goto(plain.url + '#v=1&lang=zh');
    const fatal = page.locator('#fatal');
    await fatal.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await fatal.textContent(), /这个页面没有启用跨源隔离/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await screenshot(page, 'lang-shell-card-chinese');
    await page.context().close();
  } finally {
    plain.close();
  }
});
