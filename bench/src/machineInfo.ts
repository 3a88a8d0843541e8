// What the figures were measured on, recorded next to them.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly os: string;
  readonly node: string;
  readonly gcc: string | undefined;
  readonly valgrind: string | undefined;
  readonly loadAverage: readonly number[];
}

function firstLine(command: string, args: readonly string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error !== undefined || result.status !== 0) return undefined;
  return `${result.stdout}${result.stderr}`.split('\n')[0].trim() || undefined;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1].trim();
  } catch {
    // not Linux: fall back to what Node knows
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

export function describeMachine(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    gcc: firstLine('gcc', ['--version']),
    valgrind: firstLine('valgrind', ['--version']),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
