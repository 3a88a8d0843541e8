// The header Apple's analysis tools (vmmap, heap, leaks, malloc_history) print first.
// Fields that would vary from run to run on a Mac (Date/Time, Launch Time, Parent Process) are
// left out: the engine is deterministic and so are its reports.

import type { Process } from '../machine/api';
import { hexAddress, padRight, vmSize } from './format';

export type AnalysisTool = 'vmmap' | 'heap' | 'leaks' | 'malloc_history';

/**
 * The macOS release the allocator model follows: libmalloc-521 ≈ macOS 14.4 (notes §0).
 * 23E214 is that release's build number.
 */
export const SIMULATED_OS_VERSION = 'macOS 14.4 (23E214)';

/** Where the simulated executable "lives"; clang's output in the user's temporary folder. */
export function executablePath(programName: string): string {
  return `/private/tmp/mallocscope/${programName}`;
}

function field(label: string, value: string): string {
  return padRight(`${label}:`, 17) + value;
}

function footprintField(label: string, value: string): string {
  return padRight(`${label}:`, 28) + value;
}

/** The common header, up to and including the "----" rule (no newline after it). */
export function reportHeader(process: Process, tool: AnalysisTool): string {
  const fp = process.memory.footprint();
  const text = process.memory.regions().filter((r) => r.tag === '__TEXT').sort((a, b) => a.start - b.start)[0];
  const lines = [
    field('Process', `${process.programName} [${process.pid}]`),
    field('Path', executablePath(process.programName)),
  ];
  if (text !== undefined) lines.push(field('Load Address', hexAddress(text.start)));
  lines.push(
    field('Identifier', process.programName),
    field('Version', '0'),
    field('Code Type', process.memory.profile.codeType),
    field('Platform', 'macOS'),
    field('Target Type', 'live task'),
    '',
    field('OS Version', SIMULATED_OS_VERSION),
    field('Report Version', '7'),
    field('Analysis Tool', `/usr/bin/${tool}`),
    '',
    footprintField('Physical footprint', vmSize(fp.physFootprint)),
    footprintField('Physical footprint (peak)', vmSize(fp.physFootprintPeak)),
    footprintField('Idle exit', 'untracked'),
    '----',
  );
  return lines.join('\n');
}
