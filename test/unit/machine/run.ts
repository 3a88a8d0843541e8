// Compile-and-run helpers over the real path: createProcess (front end, address space,
// libmalloc, trace, process image).

import * as fs from 'fs';
import * as path from 'path';
import type { LaunchOptions, Process, StopInfo } from '../../../src/machine/api';
import { createProcess } from '../../../src/machine/process';

export interface Output { stdout: string; stderr: string; chunks: { stream: string; text: string }[] }

export function launch(source: string, options: Partial<LaunchOptions> = {}, file = 'prog.c'): { process: Process; out: Output } {
  const r = createProcess({ sources: [{ path: file, text: source }], args: [], env: {}, ...options });
  if (r.process === undefined) throw new Error('compile failed: ' + r.diagnostics.map((d) => `${d.loc.line}:${d.loc.column} ${d.message}`).join('; '));
  const out: Output = { stdout: '', stderr: '', chunks: [] };
  r.process.onOutput((stream, text) => { out.chunks.push({ stream, text }); if (stream === 'stdout') out.stdout += text; else out.stderr += text; });
  return { process: r.process, out };
}

/** Runs to exit as the CLI does, collecting exception stops on the way. */
export function runAll(source: string, options: Partial<LaunchOptions> = {}): { out: Output; exit: StopInfo; exceptions: StopInfo[]; process: Process } {
  const { process, out } = launch(source, options);
  const exceptions: StopInfo[] = [];
  for (let i = 0; i < 1_000_000; i++) {
    const stop = process.run('continue', 100_000);
    if (stop.reason === 'exception') exceptions.push(stop);
    if (stop.reason === 'exited' || stop.reason === 'step-limit') return { out, exit: stop, exceptions, process };
  }
  throw new Error('did not finish');
}

/** A program of test/unit/machine/programs/, else of the shared test/fixtures/programs/ (the seed's trace.c). */
export function program(name: string): string {
  const test = path.join(__dirname, '..', '..', '..', '..', 'test');
  const own = path.join(test, 'unit', 'machine', 'programs', name);
  return fs.readFileSync(fs.existsSync(own) ? own : path.join(test, 'fixtures', 'programs', name), 'utf8');
}
