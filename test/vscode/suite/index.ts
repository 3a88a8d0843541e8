// Entry point VS Code calls in the extension host (`extensionTestsPath`): runs every
// *.test.js beside this file with mocha (TDD UI) and records each result as a JSON line in the
// file named by MALLOCSCOPE_VSCODE_RESULTS, as well as on the console.

import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import type { SuiteRecord } from './results';

export function run(): Promise<void> {
  const resultsFile = process.env.MALLOCSCOPE_VSCODE_RESULTS;
  const write = (record: SuiteRecord): void => {
    console.log(`[mallocscope-suite] ${JSON.stringify(record)}`);
    if (resultsFile) fs.appendFileSync(resultsFile, `${JSON.stringify(record)}\n`);
  };
  if (resultsFile) fs.writeFileSync(resultsFile, '');

  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => {
      write({ kind: 'end', passed, failed });
      if (failed) reject(new Error(`${failed} test(s) failed`)); else resolve();
    });
    runner.on('pass', (test) => { passed++; write({ kind: 'pass', title: test.fullTitle(), durationMs: test.duration ?? 0 }); });
    runner.on('fail', (test, err: Error) => { failed++; write({ kind: 'fail', title: test.fullTitle(), error: err.stack ?? String(err) }); });
  });
}
