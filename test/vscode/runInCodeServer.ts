// Runs the extension-host suite (test/vscode/suite) inside a real VS Code: code-server serves
// the workbench, headless Chromium opens it with a payload naming the packaged extension as the
// development extension and the suite as the tests path, and the suite — running in the Node
// extension host with the real `vscode` API — writes one JSON line per test to a results file.
// This prints those results the way mocha's spec reporter does, so the totals are read the same
// way as every other tier's.
//
//   node out/test/vscode/runInCodeServer.js     (after `npm run package`)

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, REPO, packagedVsix, startCodeServer, workbenchUrl, CodeServer } from './codeServer';
import type { SuiteRecord } from './suite/results';

const SUITE_TIMEOUT_MS = 6 * 60_000;

async function main(): Promise<number> {
  const vsix = packagedVsix();
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mallocscope-ext-host-'));
  const workspace = path.join(scratch, 'samples');
  fs.cpSync(path.join(REPO, 'samples'), workspace, { recursive: true });
  const resultsFile = path.join(scratch, 'results.jsonl');

  let server: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  const pageLog: string[] = [];
  try {
    server = await startCodeServer({
      folder: workspace,
      vsix,
      env: { MALLOCSCOPE_VSCODE_RESULTS: resultsFile, MALLOCSCOPE_SAMPLES: workspace },
    });
    const installed = fs.readdirSync(server.extensionsDir).find((d) => d.startsWith('mallocscope.mallocscope-'));
    if (!installed) throw new Error(`the .vsix did not install into ${server.extensionsDir}:\n${server.log()}`);
    // The development extension is the installed copy of the package, so the suite exercises
    // exactly what the .vsix ships.
    const url = workbenchUrl(server, workspace, {
      extensionDevelopmentPath: path.join(server.extensionsDir, installed),
      extensionTestsPath: path.join(REPO, 'out', 'test', 'vscode', 'suite', 'index.js'),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => pageLog.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => pageLog.push(`[pageerror] ${e.message}`));
    await page.goto(url, { timeout: 180_000, waitUntil: 'domcontentloaded' });

    const records = await waitForResults(resultsFile, SUITE_TIMEOUT_MS);
    return report(records, pageLog, server);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function waitForResults(file: string, timeoutMs: number): Promise<SuiteRecord[]> {
  const deadline = Date.now() + timeoutMs;
  let records: SuiteRecord[] = [];
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) {
      records = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as SuiteRecord);
      if (records.some((r) => r.kind === 'end')) return records;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return [...records, { kind: 'timeout', title: `the suite did not finish within ${timeoutMs / 1000} s` }];
}

function report(records: SuiteRecord[], pageLog: string[], server: CodeServer): number {
  console.log('\n  extension host (code-server)');
  let passed = 0;
  const failures: { title: string; error?: string }[] = [];
  for (const r of records) {
    if (r.kind === 'pass') { passed++; console.log(`    ✔ ${r.title} (${r.durationMs} ms)`); }
    if (r.kind === 'fail' || r.kind === 'timeout') { failures.push(r); console.log(`    ${failures.length}) ${r.title}`); }
  }
  if (records.length === 0 || records.every((r) => r.kind === 'timeout')) {
    console.log('\n  No result came from the extension host. Workbench console:');
    for (const line of pageLog.slice(-40)) console.log(`    ${line}`);
    console.log('  code-server output:');
    for (const line of server.log().split('\n').slice(-30)) console.log(`    ${line}`);
  }
  console.log(`\n  ${passed} passing`);
  if (failures.length) {
    console.log(`  ${failures.length} failing\n`);
    failures.forEach((f, i) => console.log(`  ${i + 1}) ${f.title}\n     ${(f.error ?? '').split('\n').join('\n     ')}\n`));
  }
  return failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.log(`\n  extension host (code-server)\n    1) could not run: ${err instanceof Error ? err.stack : String(err)}`);
  console.log('\n  0 passing\n  1 failing');
  process.exit(1);
});
