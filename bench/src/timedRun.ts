// Runs one command to completion and times it: wall clock from spawn to exit, and the child's
// peak resident set from GNU time (-f %M) when /usr/bin/time exists.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface TimedResult {
  readonly wallMs: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Exit status, or 128 + signal when the child died by a signal; undefined on a timeout. */
  readonly status: number | undefined;
  readonly timedOut: boolean;
  /** Peak resident set of the child in KiB, when measured. */
  readonly maxRssKiB?: number;
}

const GNU_TIME = '/usr/bin/time';
const haveGnuTime = fs.existsSync(GNU_TIME);

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGABRT: 6, SIGBUS: 10, SIGFPE: 8, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 };

export function timedRun(
  command: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly timeoutMs: number; readonly env?: NodeJS.ProcessEnv },
): TimedResult {
  let rssFile: string | undefined;
  let argv0 = command;
  let argv = [...args];
  if (haveGnuTime) {
    rssFile = path.join(os.tmpdir(), `mallocscope-bench-rss-${process.pid}-${Date.now()}.txt`);
    argv0 = GNU_TIME;
    argv = ['-q', '-o', rssFile, '-f', '%M', command, ...args];
  }
  const started = process.hrtime.bigint();
  const child = spawnSync(argv0, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs,
    maxBuffer: 512 * 1024 * 1024,
    killSignal: 'SIGKILL',
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const timedOut = child.error !== undefined && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
  if (child.error !== undefined && !timedOut) throw child.error;
  let status: number | undefined;
  if (!timedOut) status = child.status ?? 128 + (SIGNAL_NUMBERS[child.signal ?? ''] ?? 0);
  let maxRssKiB: number | undefined;
  if (rssFile !== undefined) {
    maxRssKiB = readRss(rssFile);
    fs.rmSync(rssFile, { force: true });
  }
  return { wallMs, stdout: child.stdout ?? '', stderr: child.stderr ?? '', status, timedOut, maxRssKiB };
}

/** GNU time writes "Command exited with non-zero status N" or a signal line before the figure. */
function readRss(file: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.trim().split('\n');
  const value = Number(lines[lines.length - 1]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
