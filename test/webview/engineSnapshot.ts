// The snapshot the panel tests feed: from a real engine run of trace.c stopped at its printf when
// the engine (machine + reports) is built, else the hand-built fixture of the same shape. The
// source is logged so a run on the fixture is visible in the test output.

import * as fs from 'fs';
import * as path from 'path';
import type { HeapSnapshot } from '../../src/protocol/snapshot';
import type { CreateProcessResult, LaunchOptions, Process } from '../../src/machine/api';
import { traceSnapshot } from './snapshotFixtures';

const OUT_ROOT = path.resolve(__dirname, '..', '..');
const REPO_ROOT = path.resolve(OUT_ROOT, '..');

type CreateProcess = (options: LaunchOptions) => CreateProcessResult;
type BuildSnapshot = (process: Process, status: HeapSnapshot['status'], stoppedAt: HeapSnapshot['stoppedAt']) => HeapSnapshot;

function tryRequire<T>(file: string, name: string): T | undefined {
  const full = path.join(OUT_ROOT, file);
  if (!fs.existsSync(full)) {
    return undefined;
  }
  const loaded = require(full) as Record<string, unknown>;
  return loaded[name] as T | undefined;
}

function engineTraceSnapshot(): HeapSnapshot | string {
  const createProcess = tryRequire<CreateProcess>('src/machine/process.js', 'createProcess');
  const buildSnapshot = tryRequire<BuildSnapshot>('src/reports/snapshot.js', 'buildSnapshot');
  const tracePath = [path.join(REPO_ROOT, 'test/fixtures/programs/trace.c'), path.join(REPO_ROOT, 'samples/trace.c')].find((p) => fs.existsSync(p));
  if (createProcess === undefined || buildSnapshot === undefined || tracePath === undefined) {
    return 'engine not built yet';
  }
  const text = fs.readFileSync(tracePath, 'utf8');
  const { process, diagnostics } = createProcess({ sources: [{ path: 'trace.c', text }], args: [], env: {} });
  if (process === undefined) {
    return `trace.c did not compile: ${diagnostics.map((d) => d.message).join('; ')}`;
  }
  // The printf after memset(big, …): every allocation of the program has happened by then.
  const printfLine = text.split('\n').findIndex((line) => line.includes('printf(')) + 1;
  if (printfLine === 0) {
    return 'trace.c has no printf line to stop at';
  }
  const verified = process.setBreakpoints('trace.c', [printfLine]);
  for (let chunk = 0; chunk < 1000; chunk++) {
    const stop = process.run('continue', 100_000);
    if (stop.reason === 'breakpoint') {
      return buildSnapshot(process, 'stopped', { file: 'trace.c', line: stop.loc?.line ?? verified[0] ?? printfLine });
    }
    if (stop.reason !== 'budget') {
      return `trace.c stopped with '${stop.reason}' before its printf`;
    }
  }
  return 'trace.c did not reach its printf';
}

export function loadTraceSnapshot(): { snapshot: HeapSnapshot; source: string } {
  let engine: HeapSnapshot | string;
  try {
    engine = engineTraceSnapshot();
  } catch (error) {
    engine = `engine failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (typeof engine !== 'string') {
    return { snapshot: engine, source: 'real engine run of trace.c' };
  }
  return { snapshot: traceSnapshot(), source: `hand-built fixture (${engine})` };
}
