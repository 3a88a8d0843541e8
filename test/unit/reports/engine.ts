// Runs a C program on the real engine (createProcess: front end, machine, address space,
// Libmalloc, trace) up to a line, for report tests against real engine objects.

import * as fs from 'fs';
import * as path from 'path';
import type { Process, StopInfo } from '../../../src/machine/api';
import { createProcess } from '../../../src/machine/process';

export const PROGRAMS_DIR = path.resolve(__dirname, '../../../../test/unit/reports/programs');
/** Programs shared by every layer's tests (the seed's trace.c among them). */
const SHARED_PROGRAMS_DIR = path.resolve(__dirname, '../../../../test/fixtures/programs');

export interface Run {
  readonly process: Process;
  readonly stop: StopInfo;
  readonly stdout: string;
}

/** Runs `name` (a file in programs/, else in test/fixtures/programs/) until it reaches `line` (before running it) or exits. */
export function runProgram(name: string, options: { env?: Record<string, string>; line?: number; profile?: string } = {}): Run {
  const own = path.join(PROGRAMS_DIR, name);
  const text = fs.readFileSync(fs.existsSync(own) ? own : path.join(SHARED_PROGRAMS_DIR, name), 'utf8');
  const created = createProcess({ sources: [{ path: name, text }], args: [], env: options.env ?? {}, profile: options.profile, stdoutIsTerminal: true });
  if (created.process === undefined) throw new Error(`${name} did not compile: ${JSON.stringify(created.diagnostics)}`);
  const process = created.process;
  let stdout = '';
  process.onOutput((stream, t) => { if (stream === 'stdout') stdout += t; });
  if (options.line !== undefined) process.setBreakpoints(name, [options.line]);
  let stop: StopInfo;
  do stop = process.run('continue', 1_000_000); while (stop.reason === 'budget');
  return { process, stop, get stdout() { return stdout; } };
}
