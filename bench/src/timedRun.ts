// Runs one command to completion and times it: wall clock from spawn to exit, and from GNU time
// (when /usr/bin/time exists) the child's peak resident set and its CPU time. On a shared,
// loaded machine CPU time is the steadier figure: wall time there includes waiting for a core.

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
  /** User + system CPU time of the child (all its threads), when measured. */
  readonly cpuMs?: number;
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
    argv = ['-q', '-o', rssFile, '-f', '%M %U %S', command, ...args];
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
  let usage: GnuTimeFigures = {};
  if (rssFile !== undefined) {
    try {
      usage = parseGnuTime(fs.readFileSync(rssFile, 'utf8'));
    } catch {
      // killed before GNU time wrote anything
    }
    fs.rmSync(rssFile, { force: true });
  }
  return { wallMs, stdout: child.stdout ?? '', stderr: child.stderr ?? '', status, timedOut, ...usage };
}

export interface GnuTimeFigures {
  readonly maxRssKiB?: number;
  readonly cpuMs?: number;
}

/**
 * Reads GNU time's "-f '%M %U %S'" output: peak RSS in KiB, user and system seconds. A line
 * such as "Command exited with non-zero status N" may come first.
 */
export function parseGnuTime(text: string): GnuTimeFigures {
  const lines = text.trim().split('\n');
  const fields = lines[lines.length - 1].trim().split(/\s+/).map(Number);
  if (fields.length !== 3 || fields.some((f) => !Number.isFinite(f))) return {};
  const [rss, user, system] = fields;
  return { maxRssKiB: rss > 0 ? rss : undefined, cpuMs: Math.round((user + system) * 1000) };
}
