// The panel's HTML with its Content Security Policy. Pure (no `vscode` import) so the policy can be
// unit-tested and the webview tests can load the very page VS Code loads.

export interface PanelAssets {
  /** `webview.cspSource`: the origin webview resource URIs are served from. */
  readonly cspSource: string;
  /** asWebviewUri of dist/webview/main.js. */
  readonly scriptUri: string;
  /** asWebviewUri of each stylesheet, in cascade order (uPlot's first, ours last). */
  readonly styleUris: readonly string[];
  /** A fresh random nonce per page load (see createNonce). */
  readonly nonce: string;
}

/** Stylesheets webpack emits next to main.js, in cascade order. */
export const PANEL_STYLES: readonly string[] = ['uPlot.min.css', 'panel.css'];
export const PANEL_SCRIPT = 'main.js';

/**
 * Nothing loads except our own bundle and stylesheets: no inline script (the nonce admits exactly
 * the one script tag), no inline style, no remote origin, no eval.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** 32 characters from [A-Za-z0-9], drawn from a cryptographic source of random bytes. */
export function createNonce(randomBytes: (count: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(32);
  let nonce = '';
  for (const byte of bytes) {
    // 256 = 4 × 62 + 8: rejecting nothing skews the first 8 letters by 1/64, harmless for a nonce
    // whose job is only to be unguessable per page load.
    nonce += alphabet[byte % alphabet.length];
  }
  return nonce;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function buildPanelHtml(assets: PanelAssets): string {
  const csp = contentSecurityPolicy(assets.cspSource, assets.nonce);
  const styles = assets.styleUris
    .map((uri) => `    <link rel="stylesheet" href="${escapeAttribute(uri)}">`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
    <title>Mallocscope</title>
  </head>
  <body>
    <script nonce="${escapeAttribute(assets.nonce)}" src="${escapeAttribute(assets.scriptUri)}"></script>
  </body>
</html>
`;
}
