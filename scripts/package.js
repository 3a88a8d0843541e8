#!/usr/bin/env node
// Packages the built extension (dist/ must exist: `npm run build`) into
// <name>-<version>.vsix and checks it against the 2 MB budget. Relative links in README.md are
// resolved against the repository URL in package.json, as the Marketplace page needs.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const LIMIT = 2 * 1024 * 1024;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
const repo = String(pkg.repository?.url ?? pkg.repository ?? '').replace(/^git\+/, '').replace(/\.git$/, '');

for (const bundle of [pkg.main, 'dist/engine.js', 'dist/debugAdapter.js', 'dist/webview/main.js']) {
  if (!fs.existsSync(path.join(ROOT, bundle))) {
    console.error(`package: ${bundle} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
}

const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const args = [vsce, 'package', '--no-dependencies', '-o', vsix];
if (repo) args.push('--baseContentUrl', `${repo}/blob/main`, '--baseImagesUrl', `${repo}/raw/main`);
const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

const size = fs.statSync(vsix).size;
console.log(`${path.basename(vsix)}: ${(size / 1024).toFixed(0)} KiB of the ${LIMIT / 1024} KiB budget`);
if (size > LIMIT) {
  console.error(`package: the .vsix is ${size} bytes, over the 2 MB budget`);
  process.exit(1);
}
