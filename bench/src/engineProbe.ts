// Child script: runs one program on the built engine in-process (createProcess from
// out/src/machine/process.js, run to exit) and prints one JSON line with what the CLI's --json
// does not carry: the event log's size per event, allocator calls by kind, and the time split
// between compiling and running. Usage: node out/bench/src/engineProbe.js FILE.c

import * as fs from 'fs';
import * as path from 'path';
import type { CreateProcessResult, LaunchOptions, Process } from '../../src/machine/api';

export interface EngineProbeResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly compileMs?: number;
  readonly runMs?: number;
  readonly steps?: number;
  readonly finishedHow?: string;
  readonly exitCode?: number;
  readonly stdout?: string;
  readonly eventCount?: number;
  readonly traceBytes?: number;
  readonly bytesPerEvent?: number;
  /** Events by TraceKind name: alloc, free, realloc, vmAlloc, vmFree, madvise. */
  readonly eventsByKind?: Readonly<Record<string, number>>;
  /** alloc + free + realloc events the program caused (the pre-main baseline left out). */
  readonly allocatorOps?: number;
  /** Events before main's first statement (the process image's baseline), all kinds. */
  readonly preMainEvents?: number;
}

/** TraceKind values in src/malloc/api.ts order. */
const KIND_NAMES = ['alloc', 'free', 'realloc', 'vmAlloc', 'vmFree', 'madvise'];
const RUN_BUDGET = 1_000_000;
const MAX_EXCEPTION_STOPS = 10_000;

type CreateProcess = (options: LaunchOptions) => CreateProcessResult;

function loadEngine(): CreateProcess {
  // Resolved at run time so the bench builds before (and independently of) the machine.
  const modulePath = path.resolve(__dirname, '../../src/machine/process.js');
  return (require(modulePath) as { createProcess: CreateProcess }).createProcess;
}

/** Runs like the CLI does: through libmalloc errors and faults until the process ends. */
function runToExit(process: Process): { how: string; exitCode?: number } {
  let exceptionStops = 0;
  for (;;) {
    const stop = process.run('continue', RUN_BUDGET);
    if (stop.reason === 'exited') return { how: 'exited', exitCode: stop.exitCode };
    if (stop.reason === 'step-limit') return { how: 'step-limit' };
    if (stop.reason === 'exception' && ++exceptionStops > MAX_EXCEPTION_STOPS) return { how: 'crashed' };
    if (process.finished) return { how: 'finished', exitCode: stop.exitCode };
  }
}

export function probe(file: string): EngineProbeResult {
  const createProcess = loadEngine();
  const text = fs.readFileSync(file, 'utf8');
  const compileStart = performance.now();
  const created = createProcess({ sources: [{ path: file, text }], args: [], env: {}, stdoutIsTerminal: true });
  const compileMs = performance.now() - compileStart;
  const process = created.process;
  if (process === undefined) {
    const first = created.diagnostics[0];
    return { ok: false, error: first ? `${first.loc.file}:${first.loc.line}: ${first.message}` : 'no process' };
  }
  let stdout = '';
  process.onOutput((stream, chunk) => {
    if (stream === 'stdout') stdout += chunk;
  });
  const runStart = performance.now();
  const { how: finishedHow, exitCode } = runToExit(process);
  const runMs = performance.now() - runStart;

  const trace = process.trace;
  const counts = new Array<number>(KIND_NAMES.length).fill(0);
  const programCounts = new Array<number>(KIND_NAMES.length).fill(0);
  let preMainEvents = 0;
  for (let i = 0; i < trace.eventCount; i++) {
    const event = trace.event(i);
    counts[event.kind]++;
    // Before main there is no statement and no C stack.
    if (event.step === 0 && trace.stack(event.stackId).length === 0) preMainEvents++;
    else programCounts[event.kind]++;
  }
  const eventsByKind: Record<string, number> = {};
  KIND_NAMES.forEach((name, kind) => (eventsByKind[name] = counts[kind]));
  return {
    ok: true,
    compileMs,
    runMs,
    steps: process.steps,
    finishedHow,
    exitCode,
    stdout,
    eventCount: trace.eventCount,
    traceBytes: trace.byteSize,
    bytesPerEvent: trace.eventCount > 0 ? trace.byteSize / trace.eventCount : undefined,
    eventsByKind,
    allocatorOps: programCounts[0] + programCounts[1] + programCounts[2],
    preMainEvents,
  };
}

if (require.main === module) {
  let result: EngineProbeResult;
  try {
    result = probe(process.argv[2]);
  } catch (e) {
    result = { ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}
