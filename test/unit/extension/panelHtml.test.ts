import * as assert from 'assert';
import { randomBytes } from 'crypto';
import { buildPanelHtml, contentSecurityPolicy, createNonce, PANEL_SCRIPT, PANEL_STYLES } from '../../../src/extension/panelHtml';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

suite('Panel HTML', () => {
  test('the policy allows only our own resources and one nonce-tagged script', () => {
    const csp = contentSecurityPolicy(CSP_SOURCE, 'abc123');
    const directives = csp.split('; ');
    assert.deepStrictEqual(directives, [
      "default-src 'none'",
      `style-src ${CSP_SOURCE}`,
      `img-src ${CSP_SOURCE} data:`,
      "script-src 'nonce-abc123'",
      `font-src ${CSP_SOURCE}`,
    ]);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
  });

  test('the page carries the policy, every stylesheet and the script with its nonce, and nothing inline', () => {
    const nonce = createNonce((n) => randomBytes(n));
    const html = buildPanelHtml({
      cspSource: CSP_SOURCE,
      nonce,
      scriptUri: `${CSP_SOURCE}/ext/dist/webview/${PANEL_SCRIPT}`,
      styleUris: PANEL_STYLES.map((name) => `${CSP_SOURCE}/ext/dist/webview/${name}`),
    });
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(CSP_SOURCE, nonce)}">`));
    assert.ok(html.includes(`<script nonce="${nonce}" src="${CSP_SOURCE}/ext/dist/webview/main.js"></script>`));
    for (const name of PANEL_STYLES) {
      assert.ok(html.includes(`<link rel="stylesheet" href="${CSP_SOURCE}/ext/dist/webview/${name}">`), name);
    }
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/<style|style="/.test(html), 'no inline style');
    assert.ok(!/\son[a-z]+=/.test(html), 'no inline event handler');
  });

  test('URIs are escaped into attributes', () => {
    const html = buildPanelHtml({ cspSource: CSP_SOURCE, nonce: 'n', scriptUri: 'https://x/"><script>alert(1)</script>', styleUris: [] });
    assert.ok(!html.includes('"><script>alert'));
    assert.ok(html.includes('&quot;&gt;&lt;script&gt;'));
  });

  test('nonces are 32 alphanumerics and differ per page', () => {
    const a = createNonce((n) => randomBytes(n));
    const b = createNonce((n) => randomBytes(n));
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notStrictEqual(a, b);
    // Each byte picks one letter: the alphabet is indexed by byte mod 62.
    assert.strictEqual(createNonce((n) => new Uint8Array(n).fill(63)), 'B'.repeat(32));
  });
});
