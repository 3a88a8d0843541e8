// One program's measurements: builds it natively, probes the engine once, then per run times
// Mallocscope's CLI, the native binary and valgrind memcheck back to back and checks that
// Mallocscope printed what the native program printed.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { EngineProbeResult } from './engineProbe';
import type { BenchProgram } from './programs';
import { compareOutputs, withDefine, type OutputComparison } from './source';
import { timedRun, type TimedResult } from './timedRun';

export interface SuitePaths {
  /** bench/ in the checkout. */
  readonly benchDir: string;
  /** The CLI script run with node (dist/cli.js or out/src/cli/main.js). */
  readonly cli: string;
  /** Compiled engine probe (out/bench/src/engineProbe.js). */
  readonly probe: string;
  /** Scratch directory for sized sources and native binaries. */
  readonly workDir: string;
}

export interface PreparedProgram {
  readonly program: BenchProgram;
  readonly n: number | undefined;
  /** The sized copy both worlds run. */
  readonly source: string;
  readonly binary: string | undefined;
  readonly buildError?: string;
}

export interface MallocscopeRun {
  readonly wallMs: number;
  readonly cpuMs?: number;
  readonly maxRssKiB?: number;
  readonly processStatus: number | undefined;
  /** From --json. */
  readonly status?: string;
  readonly exitCode?: number | null;
  readonly steps?: number;
  readonly stdout?: string;
  readonly error?: string;
}

export interface RunRecord {
  readonly mallocscope: MallocscopeRun;
  readonly native?: TimedResult;
  readonly valgrind?: TimedResult;
  /** Mallocscope vs native: stdout (normalised) and exit status. */
  readonly outputCheck?: OutputComparison & { readonly sameStatus: boolean };
}

export function prepare(program: BenchProgram, n: number | undefined, paths: SuitePaths): PreparedProgram {
  const folder = program.fromRepo !== undefined ? path.join(paths.benchDir, '..', program.fromRepo) : path.join(paths.benchDir, 'programs');
  let text = fs.readFileSync(path.join(folder, program.file), 'utf8');
  if (n !== undefined) text = withDefine(text, 'N', n);
  // Same base name as the original: the simulated process is named after it.
  const dir = path.join(paths.workDir, program.name);
  fs.mkdirSync(dir, { recursive: true });
  const source = path.join(dir, program.file);
  fs.writeFileSync(source, text);
  const binary = path.join(dir, program.name);
  const extra = (program.nativeExtra ?? []).map((arg) => (arg.startsWith('-') ? arg : path.join(paths.benchDir, arg)));
  const gcc = spawnSync('gcc', ['-O0', '-w', '-o', binary, source, ...extra], { encoding: 'utf8' });
  if (gcc.error !== undefined || gcc.status !== 0) {
    return { program, n, source, binary: undefined, buildError: (gcc.error?.message ?? gcc.stderr).trim() };
  }
  return { program, n, source, binary };
}

export function probeEngine(prepared: PreparedProgram, paths: SuitePaths, timeoutMs: number): EngineProbeResult {
  const child = timedRun(process.execPath, [paths.probe, prepared.source], { timeoutMs });
  if (child.timedOut) return { ok: false, error: `timed out after ${timeoutMs / 1000} s` };
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(lastLine) as EngineProbeResult;
  } catch {
    return { ok: false, error: `probe printed no result (status ${child.status}): ${child.stderr.trim().split('\n').slice(0, 3).join(' | ')}` };
  }
}

function runMallocscope(prepared: PreparedProgram, paths: SuitePaths, timeoutMs: number): MallocscopeRun {
  const result = timedRun(process.execPath, [paths.cli, 'run', prepared.source, '--json'], { timeoutMs });
  const base = { wallMs: result.wallMs, cpuMs: result.cpuMs, maxRssKiB: result.maxRssKiB, processStatus: result.status };
  if (result.timedOut) return { ...base, error: `timed out after ${timeoutMs / 1000} s` };
  let doc: { status?: string; exitCode?: number | null; steps?: number; stdout?: string };
  try {
    doc = JSON.parse(result.stdout) as typeof doc;
  } catch {
    const why = result.stderr.trim().split('\n').slice(0, 4).join(' | ');
    return { ...base, error: `no JSON (exit ${result.status}): ${why}` };
  }
  const run: MallocscopeRun = { ...base, status: doc.status, exitCode: doc.exitCode, steps: doc.steps, stdout: doc.stdout };
  return doc.status === 'exited' ? run : { ...run, error: `run ended with status ${doc.status}` };
}

/** One run: Mallocscope, native and valgrind back to back. */
export function runOnce(prepared: PreparedProgram, paths: SuitePaths, options: { timeoutMs: number; valgrind: boolean }): RunRecord {
  const mallocscope = runMallocscope(prepared, paths, options.timeoutMs);
  if (prepared.binary === undefined) return { mallocscope };
  const native = timedRun(prepared.binary, [], { timeoutMs: options.timeoutMs });
  const valgrind = options.valgrind
    ? timedRun('valgrind', ['--tool=memcheck', '-q', prepared.binary], { timeoutMs: options.timeoutMs })
    : undefined;
  let outputCheck: RunRecord['outputCheck'];
  if (mallocscope.stdout !== undefined) {
    outputCheck = {
      ...compareOutputs(native.stdout, mallocscope.stdout, prepared.program.normalise),
      sameStatus: native.status === mallocscope.exitCode,
    };
  }
  return { mallocscope, native, valgrind, outputCheck };
}
