// `node --cpu-prof` on the CLI for one program: the top self-time functions of its run.

import * as fs from 'fs';
import * as path from 'path';
import { selfTimeByFile, topSelfTime, type CpuProfile, type SelfTime } from './cpuProfile';
import { timedRun } from './timedRun';

export interface CliProfile {
  readonly functions: SelfTime[];
  readonly files: SelfTime[];
}

export function profileCli(cli: string, source: string, workDir: string, top: number, timeoutMs: number): CliProfile | { error: string } {
  const dir = fs.mkdtempSync(path.join(workDir, 'cpuprof-'));
  const result = timedRun(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, cli, 'run', source, '--json'], { timeoutMs });
  if (result.timedOut) return { error: `timed out after ${timeoutMs / 1000} s` };
  // A profile of a run that failed (e.g. out/ half rewritten by a concurrent build) is no profile.
  let status: unknown;
  try {
    status = (JSON.parse(result.stdout) as { status?: unknown }).status;
  } catch {
    status = undefined;
  }
  if (status !== 'exited') return { error: `the profiled run failed (exit ${result.status}): ${result.stderr.trim().split('\n')[0] ?? ''}` };
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (file === undefined) return { error: `no profile written (exit ${result.status})` };
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  return { functions: topSelfTime(profile, top), files: selfTimeByFile(profile, top) };
}
