// The `--json` document (design brief §4): run status and output from the CLI, memory figures
// from src/reports/runJson.

import type { ProgramError, Process } from '../machine/api';
import { hexAddress } from '../reports/format';
import { runJsonMemory } from '../reports/runJson';
import type { RunOutcome } from './runProgram';

export const RUN_SCHEMA = 'mallocscope/run@1';

export type RunStatus = 'exited' | 'stopped' | 'crashed' | 'step-limit';

export interface RunErrorJson {
  readonly kind: ProgramError['kind'];
  readonly address: string | null;
  readonly message: string;
  readonly file: string | null;
  readonly line: number | null;
}

export function buildRunDocument(
  process: Process,
  outcome: RunOutcome,
  output: { readonly stdout: string; readonly stderr: string },
  reports: Readonly<Record<string, string>> | undefined,
): Record<string, unknown> {
  const { stop } = outcome;
  const finished = outcome.status === 'exited' || outcome.status === 'crashed';
  const where = stop.loc ?? stop.error?.loc;
  return {
    schema: RUN_SCHEMA,
    status: outcome.status,
    exitCode: finished ? stop.exitCode ?? (stop.signal ? 128 + stop.signal : 0) : null,
    signal: stop.signal ?? null,
    stoppedAt: where === undefined ? null : { file: where.file, line: where.line },
    steps: process.steps,
    stdout: output.stdout,
    stderr: output.stderr,
    ...runJsonMemory(process),
    errors: outcome.errors.map(errorJson),
    ...(reports === undefined ? {} : { reports }),
  };
}

function errorJson(e: ProgramError): RunErrorJson {
  return {
    kind: e.kind,
    address: e.address === undefined ? null : hexAddress(e.address),
    message: e.message,
    file: e.loc?.file ?? null,
    line: e.loc?.line ?? null,
  };
}
