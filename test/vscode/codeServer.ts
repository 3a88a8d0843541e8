// Starts and stops code-server (VS Code's server build) for the real-VS-Code tests: a fresh
// user-data dir with workspace trust off, a dedicated extensions dir holding the packaged .vsix,
// a free loopback port. Installation itself is scripts/code-server.sh (cached outside the repo).

import { execFileSync, spawn, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..', '..');

export function packagedVsix(): string {
  const fromEnv = process.env.MALLOCSCOPE_VSIX;
  if (fromEnv) return path.resolve(fromEnv);
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(REPO, `${pkg.name}-${pkg.version}.vsix`);
}

/** The code-server directory, installing it first when the cache has none. */
export function codeServerHome(): string {
  const out = execFileSync('bash', [path.join(REPO, 'scripts', 'code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = out.trim().split('\n');
  return lines[lines.length - 1];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServer {
  readonly port: number;
  readonly url: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Everything code-server printed, for failure reports. */
  log(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The folder the workbench opens. */
  readonly folder: string;
  /** A .vsix to install into the fresh extensions dir before starting. */
  readonly vsix?: string;
  /** Extra environment for the server (and so for its extension host). */
  readonly env?: Record<string, string>;
  readonly port?: number;
  /** Extra user settings. */
  readonly settings?: Record<string, unknown>;
}

function entry(home: string): string {
  return path.join(home, 'out', 'node', 'entry.js');
}

export function installExtension(home: string, extensionsDir: string, userDataDir: string, vsix: string): void {
  execFileSync(process.execPath, [entry(home), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const home = codeServerHome();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mallocscope-code-server-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    ...options.settings,
  };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (options.vsix) installExtension(home, extensionsDir, userDataDir, options.vsix);

  const port = options.port ?? (await freePort());
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [entry(home), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, options.folder],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env }, detached: true },
  );
  child.stdout?.on('data', (d) => { output += d; });
  child.stderr?.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, 60_000, () => child.exitCode !== null);
  if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);

  return {
    port, url, userDataDir, extensionsDir,
    log: () => output,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.pid === undefined) { resolve(); return; }
      child.once('exit', () => {
        fs.rmSync(scratch, { recursive: true, force: true });
        resolve();
      });
      // The server forks the extension host and file watchers: end the whole group we started.
      try { process.kill(-child.pid, 'SIGTERM'); } catch { child.kill('SIGTERM'); }
      setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } }, 5_000).unref();
    }),
  };
}

async function waitForHttp(url: string, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gaveUp()) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(url, (res) => { res.resume(); resolve((res.statusCode ?? 500) < 500); });
      req.on('error', () => resolve(false));
      req.setTimeout(2_000, () => { req.destroy(); resolve(false); });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!gaveUp()) throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** A `vscode-remote://` URI for a path on this machine, as the workbench's payload expects. */
export function remoteUri(server: CodeServer, absPath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${absPath}`;
}

/** The workbench URL that opens `folder`, optionally running an extension-host test suite. */
export function workbenchUrl(server: CodeServer, folder: string, tests?: { extensionDevelopmentPath: string; extensionTestsPath: string }): string {
  const params = new URLSearchParams({ folder });
  if (tests) {
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, tests.extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(server, tests.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    params.set('payload', JSON.stringify(payload));
  }
  return `${server.url}/?${params.toString()}`;
}

/** Chromium flags for headless runs on a machine with no GPU, no sandbox and no network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
