// Turns the raw option values commander collects into a checked run configuration. Every
// problem becomes a UsageError carrying one line from the catalogue; the caller prints it and
// exits with status 2.

import { cliMessages } from './messages';

export type ReportName = 'vmmap' | 'heap' | 'leaks' | 'history';
const REPORT_NAMES: readonly ReportName[] = ['vmmap', 'heap', 'leaks', 'history'];

export interface RunConfig {
  readonly files: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly profile: string | undefined;
  /** Line of the first file to stop at, before it runs. */
  readonly stopAt: number | undefined;
  /** In the order given, without repeats. `history` is implied by --history. */
  readonly reports: readonly ReportName[];
  readonly historyAddress: number | undefined;
  readonly maxSteps: number | undefined;
  readonly json: boolean;
  /** vmmap -summary instead of the full region list. */
  readonly summary: boolean;
  readonly stdinFile: string | undefined;
  readonly args: readonly string[];
  /** Whether the simulated stdout is a terminal (line-buffered, 4096-byte buffer malloc'd on first use). */
  readonly tty: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What commander hands over for `run`, before checking. */
export interface RawRunOptions {
  readonly env?: readonly string[];
  readonly profile?: string;
  readonly stopAt?: string;
  readonly report?: readonly string[];
  readonly history?: string;
  readonly maxSteps?: string;
  readonly json?: boolean;
  readonly summary?: boolean;
  readonly stdin?: string;
  readonly args?: readonly string[];
  readonly tty?: boolean;
}

export function checkRunOptions(
  files: readonly string[],
  raw: RawRunOptions,
  programArgs: readonly string[],
  knownProfiles: readonly string[],
): RunConfig {
  if (files.length === 0) throw new UsageError(cliMessages.noSources());
  for (const file of files) {
    if (!/\.c$/i.test(file)) throw new UsageError(cliMessages.notCFile(file));
  }
  if (raw.profile !== undefined && !knownProfiles.includes(raw.profile)) {
    throw new UsageError(cliMessages.unknownProfile(raw.profile, knownProfiles));
  }
  const reports: ReportName[] = [];
  for (const name of raw.report ?? []) {
    if (!(REPORT_NAMES as readonly string[]).includes(name)) throw new UsageError(cliMessages.badReport(name));
    if (!reports.includes(name as ReportName)) reports.push(name as ReportName);
  }
  const historyAddress = raw.history === undefined ? undefined : parseAddress(raw.history);
  if (historyAddress !== undefined && !reports.includes('history')) reports.push('history');
  return {
    files,
    env: parseEnv(raw.env ?? []),
    profile: raw.profile,
    stopAt: raw.stopAt === undefined ? undefined : parsePositive(raw.stopAt, cliMessages.badStopAt),
    reports,
    historyAddress,
    maxSteps: raw.maxSteps === undefined ? undefined : parsePositive(raw.maxSteps, cliMessages.badMaxSteps),
    json: raw.json === true,
    summary: raw.summary === true,
    stdinFile: raw.stdin,
    args: [...(raw.args ?? []), ...programArgs],
    tty: raw.tty !== false,
  };
}

export function parseEnv(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? '' : pair.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(cliMessages.malformedEnv(pair));
    env[name] = pair.slice(eq + 1);
  }
  return env;
}

function parsePositive(text: string, message: (text: string) => string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(message(text));
  const value = Number(text.trim());
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(message(text));
  return value;
}

/** `0x…` hex (as the program prints with %p) or decimal; must fit a JS number exactly. */
export function parseAddress(text: string): number {
  const t = text.trim().toLowerCase();
  const value = /^0x[0-9a-f]+$/.test(t) ? Number.parseInt(t.slice(2), 16)
    : /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(value) || value < 0) throw new UsageError(cliMessages.badAddress(text));
  return value;
}
