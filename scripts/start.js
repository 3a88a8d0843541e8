#!/usr/bin/env node
// `npm start`: opens a real VS Code with Mallocscope and the samples folder.
//
// With desktop VS Code (`code` on PATH): builds and runs it as the development extension.
// Without it: installs or reuses code-server (scripts/code-server.sh), builds and packages the
// .vsix, installs it into a dedicated extensions dir and serves VS Code on 127.0.0.1:PORT
// (default 8080; `npm start -- --port 9000`). Open the printed address in a browser.
'use strict';
const { execFileSync, spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SAMPLES = path.join(ROOT, 'samples');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function parseArgs(argv) {
  const options = { port: 8080, codeServer: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) options.port = Number(arg.slice('--port='.length));
    else if (arg === '--code-server') options.codeServer = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm start [-- --port N] [-- --code-server]');
      process.exit(0);
    } else {
      console.error(`unknown option ${arg}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) {
    console.error('--port needs a port number');
    process.exit(2);
  }
  return options;
}

function npm(...args) {
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The desktop VS Code CLI, when installed (code-server's own `code` wrapper does not count). */
function desktopCode() {
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const where = found.status === 0 ? found.stdout.trim() : '';
  if (!where) return undefined;
  const version = spawnSync(where, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return version.status === 0 && !/code-server/i.test(version.stdout) ? where : undefined;
}

function startDesktop(code) {
  npm('run', 'build');
  console.log(`opening VS Code with ${SAMPLES}`);
  const child = spawn(code, [`--extensionDevelopmentPath=${ROOT}`, SAMPLES], { stdio: 'inherit' });
  child.on('exit', (status) => process.exit(status ?? 0));
}

function startCodeServer(port) {
  const home = execFileSync('bash', [path.join(__dirname, 'code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    .trim().split('\n').pop();
  npm('run', 'package');
  const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);

  const state = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'mallocscope', 'start');
  const userDataDir = path.join(state, 'user-data');
  const extensionsDir = path.join(state, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none' }, null, 2));
  }
  const entry = path.join(home, 'out', 'node', 'entry.js');
  const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  execFileSync(process.execPath, [entry, ...dirs, '--install-extension', vsix, '--force'], { stdio: 'inherit' });

  const child = spawn(
    process.execPath,
    [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...dirs, SAMPLES],
    { stdio: 'inherit' },
  );
  console.log(`\nMallocscope in VS Code (code-server): http://127.0.0.1:${port}/?folder=${encodeURIComponent(SAMPLES)}`);
  console.log('Open trace.c and press F5. Ctrl+C stops the server.\n');
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (status) => process.exit(status ?? 0));
}

const options = parseArgs(process.argv.slice(2));
const code = options.codeServer ? undefined : desktopCode();
if (code) startDesktop(code);
else startCodeServer(options.port);
