// Drives one run of the engine for the command line: compile and create the process, run it in
// budget chunks to a stop (--stop-at), an exit, a death by signal or the step limit, then print
// the program's output, the requested reports or the JSON document. No file access here: the
// caller loads the sources and supplies the output sinks.

import type { IncludeResolver, SourceFile } from '../c/ast';
import { formatDiagnostic } from '../c/frontend';
import type { ProgramError, Process, StopInfo } from '../machine/api';
import { createProcess } from '../machine/process';
import { buildRunDocument, type RunStatus } from './runDocument';
import { cliMessages, SIGNAL_NAMES } from './messages';
import type { RunConfig } from './options';
import { renderReports } from './reports';

export interface CliSinks {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface LoadedRun {
  readonly config: RunConfig;
  readonly sources: readonly SourceFile[];
  readonly stdin: string | undefined;
  readonly includes?: IncludeResolver;
}

/** Statements per run() call; output produced in a chunk reaches the sinks as it is flushed. */
const RUN_BUDGET = 1_000_000;
/** Conventional status of a command cut off by a time limit (timeout(1)). */
export const STEP_LIMIT_EXIT_STATUS = 124;
/** Guards against a machine that keeps reporting the same fault instead of dying. */
const MAX_EXCEPTION_STOPS = 10_000;

/** Runs the program; returns the exit status for the CLI. */
export function runProgram(run: LoadedRun, sinks: CliSinks): number {
  const { config } = run;
  const created = createProcess({
    sources: run.sources,
    args: config.args,
    env: config.env,
    profile: config.profile,
    stdin: run.stdin,
    stdoutIsTerminal: config.tty,
    includes: run.includes,
  });
  const textOf = (file: string) => run.sources.find((s) => s.path === file)?.text ?? run.includes?.readFile(file);
  let errorCount = 0;
  for (const d of created.diagnostics) {
    if (d.severity === 'error') errorCount++;
    sinks.stderr(ensureNewline(formatDiagnostic(d, textOf(d.loc.file))));
  }
  const process = created.process;
  if (errorCount > 0 || process === undefined) {
    sinks.stderr(cliMessages.compileFailed(Math.max(errorCount, 1)) + '\n');
    return 2;
  }

  const captured = { stdout: '', stderr: '' };
  process.onOutput((stream, text) => {
    if (config.json) captured[stream] += text;
    else sinks[stream](text);
  });

  process.setMaxSteps(config.maxSteps);

  const firstFile = run.sources[0].path;
  let stopLine: number | undefined;
  if (config.stopAt !== undefined) {
    stopLine = process.setBreakpoints(firstFile, [config.stopAt])[0];
    if (stopLine === undefined) sinks.stderr(cliMessages.stopLineNotExecutable(firstFile, config.stopAt) + '\n');
  }

  const outcome = runToEnd(process, stopLine !== undefined);

  if (config.json) {
    const reports = config.reports.length > 0 ? renderReports(process, config) : undefined;
    const doc = buildRunDocument(process, outcome, captured, reports);
    sinks.stdout(JSON.stringify(doc, null, 2) + '\n');
  } else {
    if (outcome.status === 'step-limit') sinks.stderr(cliMessages.stepLimit(process.steps) + '\n');
    if (outcome.status === 'crashed' && outcome.stop.signal !== undefined) {
      const name = SIGNAL_NAMES[outcome.stop.signal] ?? `Killed by signal ${outcome.stop.signal}`;
      sinks.stderr(name + '\n');
    }
    if (config.reports.length > 0) {
      for (const text of Object.values(renderReports(process, config))) sinks.stdout(ensureNewline(text));
    }
  }
  return exitStatusOf(outcome);
}

export interface RunOutcome {
  readonly status: RunStatus;
  /** The stop that ended the run. */
  readonly stop: StopInfo;
  /** Every libmalloc error or fault met on the way, in order. */
  readonly errors: readonly ProgramError[];
}

function runToEnd(process: Process, stopAtBreakpoint: boolean): RunOutcome {
  const errors: ProgramError[] = [];
  let exceptionStops = 0;
  for (;;) {
    const stop = process.run('continue', RUN_BUDGET);
    switch (stop.reason) {
      case 'breakpoint':
        if (stopAtBreakpoint) {
          // --stop-at means the first time only.
          process.setBreakpoints(stop.loc?.file ?? '', []);
          return { status: 'stopped', stop, errors };
        }
        break;
      case 'exception':
        // Going on lets the process die the way macOS would (SIGABRT after a libmalloc error,
        // SIGSEGV after a fault); the error is kept for the report.
        if (stop.error !== undefined) errors.push(stop.error);
        if (++exceptionStops > MAX_EXCEPTION_STOPS) return { status: 'crashed', stop, errors };
        break;
      case 'exited':
        return { status: stop.signal !== undefined && stop.signal > 0 ? 'crashed' : 'exited', stop, errors };
      case 'step-limit':
        return { status: 'step-limit', stop, errors };
      case 'budget':
      case 'entry':
      case 'step':
      case 'pause':
        break;
    }
    if (process.finished) {
      return { status: 'exited', stop, errors };
    }
  }
}

function exitStatusOf(outcome: RunOutcome): number {
  switch (outcome.status) {
    case 'stopped': return 0;
    case 'step-limit': return STEP_LIMIT_EXIT_STATUS;
    case 'crashed':
      return outcome.stop.exitCode ?? 128 + (outcome.stop.signal ?? 0);
    case 'exited':
      return outcome.stop.exitCode ?? 0;
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}
