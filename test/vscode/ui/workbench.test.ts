// The packaged extension driven the way a person drives it: code-server serves VS Code with the
// .vsix installed and the samples folder open, headless Chromium shows the workbench, and the
// tests use the keyboard and mouse — Quick Open, F5, F10, F9, the Heap View panel, hovering a
// pointer — and read what the workbench shows. Tests run in order and share one page.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, Browser, Frame, Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, REPO, CodeServer, packagedVsix, startCodeServer, workbenchUrl } from '../codeServer';

/** trace.c line 19: `printf("PID: %d  big=%p\n", getpid(), big);` */
const PRINTF_LINE = 19;
const SCREENSHOT_DIR = path.join(REPO, 'test-results');

suite('Mallocscope in VS Code: the workbench, by keyboard and mouse', function () {
  this.timeout(180_000);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let scratch = '';

  suiteSetup(async function () {
    this.timeout(300_000);
    const vsix = packagedVsix();
    assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mallocscope-ui-'));
    const workspace = path.join(scratch, 'samples');
    fs.cpSync(path.join(REPO, 'samples'), workspace, { recursive: true });
    server = await startCodeServer({ folder: workspace, vsix, settings: { 'editor.hover.delay': 200, 'debug.console.closeOnEnd': false } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // Generous waits: CI machines have two cores and the workbench loads a lot of script.
    page.setDefaultTimeout(60_000);
    await page.goto(workbenchUrl(server, workspace), { timeout: 180_000, waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    // The explorer lists the folder once the remote extension host and file system are up.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'trace.c' }).first().waitFor({ timeout: 90_000 });
  });

  suiteTeardown(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('Quick Open opens trace.c in an editor', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('trace.c');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'trace.c' }).first().waitFor({ timeout: 90_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'trace.c' }).waitFor();
    await page.locator('.monaco-editor .view-line', { hasText: 'small[i] = malloc(64);' }).waitFor();
  });

  test('F5 starts the trace.c launch configuration and stops on entry in main', async () => {
    await focusEditor(page);
    await page.keyboard.press('F5');
    await page.locator('.debug-toolbar').waitFor({ timeout: 60_000 });
    const top = await topFrame(page);
    assert.strictEqual(top.name, 'main');
    assert.ok(top.line >= 8 && top.line <= 10, `stopped on entry at line ${top.line}`);
  });

  test('F10 steps over to a later line', async () => {
    const before = await topFrame(page);
    await page.keyboard.press('F10');
    const after = await waitForTopFrame(page, (f) => f.line !== before.line);
    assert.strictEqual(after.name, 'main');
    assert.ok(after.line > before.line, `stepped from line ${before.line} to ${after.line}`);
  });

  test('F9 sets a breakpoint on the printf line and F5 runs the 1000 mallocs up to it', async () => {
    await focusEditor(page);
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(String(PRINTF_LINE));
    await page.keyboard.press('Enter');
    await page.keyboard.press('F9');
    await page.locator('.monaco-editor .codicon-debug-breakpoint').first().waitFor();
    await page.keyboard.press('F5');
    const top = await waitForTopFrame(page, (f) => f.line === PRINTF_LINE, 60_000);
    assert.strictEqual(top.name, 'main');
  });

  test('the Heap View panel shows the zone table with the 1000 blocks', async () => {
    let frame = await findFrame(page, 'table.zone-table tbody tr', 5_000);
    if (!frame) {
      await runCommand(page, 'Mallocscope: Open Heap View');
      frame = await findFrame(page, 'table.zone-table tbody tr', 30_000);
    }
    assert.ok(frame, 'no webview with a filled zone table appeared');
    const table = await frame.locator('table.zone-table').innerText();
    assert.match(table, /Allocations/);
    assert.match(table, /MallocZone/);
    const counts = (await frame.locator('table.zone-table tbody tr').allInnerTexts())
      .map((row) => Number((/\b(\d{1,3}(?:,\d{3})+|\d+)\b/.exec(row.split('\t').slice(2).join(' ')) ?? ['', '0'])[1].replace(/,/g, '')));
    assert.ok(counts.some((n) => n >= 1000), `no zone row counts 1000 allocations: ${table}`);
    await page.keyboard.press('Control+J'); // hide the bottom panel so the screenshot shows the editor and the Heap View
    await page.waitForTimeout(800); // let the chart and heap map finish drawing
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const shot = path.join(SCREENSHOT_DIR, 'screenshot.png');
    await page.screenshot({ path: shot });
    if (process.env.MALLOCSCOPE_UPDATE_SCREENSHOT === '1') fs.copyFileSync(shot, path.join(REPO, 'media', 'screenshot.png'));
  });

  test('hovering the pointer `big` where it is declared shows its 10 MiB block and where it was allocated', async () => {
    // Line 14, `void *big = malloc(…)`: the extension's C evaluatable-expression provider makes the
    // debug hover evaluate `big`, where VS Code's generic finder would take `*big`.
    const line = page.locator('.monaco-editor .view-line', { hasText: 'void *big = malloc' });
    await line.scrollIntoViewIfNeeded();
    // Monaco merges neighbouring tokens of one colour into one span, so measure the three
    // characters themselves.
    const box = await line.evaluate((element: any, word: string) => {
      const document = element.ownerDocument;
      const NodeFilter = { SHOW_TEXT: 4 };
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = /\bbig\b/.exec(node.textContent ?? '');
        if (!at) continue;
        const range = document.createRange();
        range.setStart(node, at.index);
        range.setEnd(node, at.index + word.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      return undefined;
    }, 'big');
    assert.ok(box, 'the token `big` is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // The debug hover (the adapter's evaluate) and the extension's hover (the block's history)
    // fill in asynchronously: read until an address shows or time runs out.
    let shown = '';
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !/0x[0-9a-f]{6,}/.test(shown)) {
      await page.waitForTimeout(300);
      shown = (await page.locator('.debug-hover-widget:visible, .monaco-hover:visible').allInnerTexts()).join('\n');
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'hover.png') });
    if (!/0x[0-9a-f]{6,}/.test(shown)) {
      const html = await page.locator('.debug-hover-widget').evaluateAll((els) => els.map((e: any) => `${JSON.stringify(e.textContent)} ${e.getBoundingClientRect().width}x${e.getBoundingClientRect().height} ${e.outerHTML.replace(/<div class="complex-value"[\s\S]*?<\/div><\/div><\/div><\/div>/, '').slice(-1500)}`));
      console.log(`hover widgets:\n${html.join('\n')}`);
    }
    assert.match(shown, /0x[0-9a-f]{6,}/, `hover text: ${shown}`);
    assert.match(shown, /large|10 ?M|10485760/i, `hover text: ${shown}`);
    assert.match(shown, /allocated at trace\.c:14 \(step \d+\) in main · live/, `hover text: ${shown}`);
    await page.mouse.move(5, 500);
    await page.keyboard.press('Escape');
  });

  test('F5 again runs trace.c to the end and the Debug Console shows its output', async () => {
    await focusEditor(page);
    await page.keyboard.press('F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 60_000 });
    await page.keyboard.press('Control+Shift+Y'); // Debug Console
    const console = page.locator('.repl .monaco-list-rows');
    await console.waitFor();
    await page.locator('.repl .monaco-list-row', { hasText: /PID: \d+ {2}big=0x[0-9a-f]+/ }).first().waitFor({ timeout: 15_000 });
  });
});

async function focusEditor(page: Page): Promise<void> {
  // Clicking the active tab focuses its editor wherever the text is scrolled.
  await page.locator('.tabs-container .tab.active', { hasText: 'trace.c' }).click();
  await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 10_000 });
}

interface TopFrame { name: string; line: number }

/** The innermost frame as the Call Stack view shows it ("main  trace.c 19:5"). */
async function topFrame(page: Page, timeoutMs = 60_000): Promise<TopFrame> {
  return waitForTopFrame(page, () => true, timeoutMs);
}

async function waitForTopFrame(page: Page, accept: (f: TopFrame) => boolean, timeoutMs = 30_000): Promise<TopFrame> {
  const deadline = Date.now() + timeoutMs;
  let last: TopFrame | undefined;
  while (Date.now() < deadline) {
    const row = page.locator('.debug-call-stack .monaco-list-row .stack-frame').first();
    if (await row.count()) {
      const name = (await row.locator('.expression').first().innerText().catch(() => '')).trim();
      const position = (await row.locator('.line-number').first().innerText().catch(() => '')).trim();
      const line = Number(/^(\d+)/.exec(position)?.[1] ?? NaN);
      if (name && Number.isFinite(line)) {
        last = { name, line };
        if (accept(last)) return last;
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`the Call Stack did not show the expected frame within ${timeoutMs / 1000} s (last: ${JSON.stringify(last)})`);
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The first frame (webviews are iframes nested in iframes) holding `selector`. */
async function findFrame(page: Page, selector: string, timeoutMs: number): Promise<Frame | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    await page.waitForTimeout(300);
  }
  return undefined;
}
