// What every DAP test file shares: which adapter build to drive, and how a DebugClient starts.

import * as fs from 'fs';
import * as path from 'path';
import { DebugClient } from '@vscode/debugadapter-testsupport';

export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'test/adapter/fixtures');

function newest(paths: readonly string[]): string {
  const present = paths.filter((p) => fs.existsSync(p));
  return present.reduce((best, p) => (fs.statSync(p).mtimeMs > fs.statSync(best).mtimeMs + 1000 ? p : best), present[0]);
}

/** The bundle when present, unless tsc's output is newer (a stale bundle would test old code). */
export const ADAPTER = newest([path.join(ROOT, 'dist/debugAdapter.js'), path.join(ROOT, 'out/src/adapter/main.js')]);

/** A DebugClient on the adapter, started; the test stops it. */
export async function startClient(): Promise<DebugClient> {
  const dc = new DebugClient('node', ADAPTER, 'mallocscope', undefined, true);
  dc.defaultTimeout = 15_000;
  await dc.start();
  return dc;
}
