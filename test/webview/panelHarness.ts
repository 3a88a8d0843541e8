// Loads the built panel (dist/webview) into headless Chromium under the same HTML and Content
// Security Policy the extension serves, with a stub acquireVsCodeApi that records what the panel
// posts. Nothing is fetched from the network: a routed fake origin serves dist/webview.

import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildPanelHtml, PANEL_SCRIPT, PANEL_STYLES } from '../../src/extension/panelHtml';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const DIST_WEBVIEW = path.join(REPO_ROOT, 'dist', 'webview');
const ORIGIN = 'https://mallocscope-panel.test';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

/** Defines acquireVsCodeApi before the panel's script runs; posted messages land in window.__posted. */
const STUB_API = `
  window.__posted = [];
  window.__state = window.__initialState;
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => { window.__posted.push(JSON.parse(JSON.stringify(message))); },
    getState: () => window.__state,
    setState: (state) => { window.__state = state; },
  });
`;

export interface PanelPage {
  readonly page: Page;
  readonly cspViolations: string[];
  readonly consoleErrors: string[];
  /** Messages the panel has posted so far. */
  posted(): Promise<{ type: string; [key: string]: unknown }[]>;
  /** Delivers a message as the extension's postMessage would. */
  send(message: unknown): Promise<void>;
}

export async function openPanel(browser: Browser, options: { width?: number; initialState?: unknown } = {}): Promise<PanelPage> {
  if (!fs.existsSync(path.join(DIST_WEBVIEW, PANEL_SCRIPT))) {
    throw new Error(`${path.join(DIST_WEBVIEW, PANEL_SCRIPT)} is missing: build it with \`npx webpack --config-name webview\``);
  }
  const page = await browser.newPage({ viewport: { width: options.width ?? 1000, height: 900 } });
  const cspViolations: string[] = [];
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.exposeFunction('__reportCsp', (text: string) => cspViolations.push(text));
  await page.addInitScript(`window.__initialState = ${JSON.stringify(options.initialState ?? null)};`
    + 'document.addEventListener("securitypolicyviolation", (e) => window.__reportCsp(e.violatedDirective + " " + e.blockedURI));'
    + STUB_API);

  const html = buildPanelHtml({
    cspSource: ORIGIN,
    nonce: 'testNonce0123456789abcdefABCDEF01',
    scriptUri: `${ORIGIN}/${PANEL_SCRIPT}`,
    styleUris: PANEL_STYLES.map((name) => `${ORIGIN}/${name}`),
  });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === 'index.html') {
      await route.fulfill({ status: 200, contentType: 'text/html', body: html });
      return;
    }
    const file = path.join(DIST_WEBVIEW, path.basename(name));
    if (!fs.existsSync(file)) {
      await route.fulfill({ status: 404, body: '' });
      return;
    }
    await route.fulfill({ status: 200, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(file) });
  });
  await page.goto(`${ORIGIN}/index.html`);

  return {
    page,
    cspViolations,
    consoleErrors,
    posted: async () => (await page.evaluate('window.__posted')) as { type: string; [key: string]: unknown }[],
    send: async (message: unknown) => {
      await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
    },
  };
}

/** Polls `read` until `accept` holds (the panel reacts to messages asynchronously). */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}
