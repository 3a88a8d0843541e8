// Runs the same extension-host suite in desktop VS Code through @vscode/test-electron, for
// machines that can download VS Code (the CI here cannot: it uses runInCodeServer instead).
// Here the development extension is the repository itself, so run `npm run build` first.
//
//   node out/test/vscode/runInElectron.js

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { REPO } from './codeServer';

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mallocscope-electron-'));
  const workspace = path.join(scratch, 'samples');
  fs.cpSync(path.join(REPO, 'samples'), workspace, { recursive: true });
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(REPO, 'out', 'test', 'vscode', 'suite', 'index.js'),
      extensionTestsEnv: { MALLOCSCOPE_SAMPLES: workspace, MALLOCSCOPE_VSCODE_RESULTS: path.join(scratch, 'results.jsonl') },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
