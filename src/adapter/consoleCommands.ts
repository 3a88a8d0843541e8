// The debug console's commands: Apple's memory tools run on the simulated process. A line
// that is not a command is left to the caller to evaluate as a C expression.

import type { Process } from '../machine/api';
import { vmSize } from '../reports/format';
import { heapReport } from '../reports/heap';
import { zoneUsage } from '../reports/inspect';
import { leaksReport } from '../reports/leaks';
import { mallocHistoryReport } from '../reports/mallocHistory';
import { vmmapReport } from '../reports/vmmap';
import { parseAddress } from './memory';
import { adapterMessages } from './messages';

export const CONSOLE_COMMANDS = ['vmmap', 'heap', 'leaks', 'malloc_history', 'zones', 'help'] as const;

/** The report text, or undefined when the line is not a console command. */
export function runConsoleCommand(process: Process | undefined, line: string): string | undefined {
  const words = line.trim().split(/\s+/);
  const command = words[0];
  if (!(CONSOLE_COMMANDS as readonly string[]).includes(command)) return undefined;
  if (command === 'help') return adapterMessages.consoleUsage();
  if (process === undefined) return adapterMessages.noProcess();
  const flags = words.slice(1);
  switch (command) {
    case 'vmmap':
      return vmmapReport(process, { summary: flags.includes('-summary') || flags.includes('--summary') });
    case 'heap':
      return heapReport(process);
    case 'leaks':
      return leaksReport(process).text;
    case 'malloc_history':
      return mallocHistory(process, flags);
    case 'zones':
      return zonesTable(process);
  }
  return undefined;
}

function mallocHistory(process: Process, flags: readonly string[]): string {
  const invert = flags.includes('-invert');
  const rest = flags.filter((f) => f !== '-invert');
  if (rest.length !== 1) return adapterMessages.consoleBadHistory();
  switch (rest[0]) {
    case '-allBySize': return mallocHistoryReport(process, { allBySize: true });
    case '-allByCount': return mallocHistoryReport(process, { allByCount: true });
    case '-allEvents': return mallocHistoryReport(process, { allEvents: true });
    case '-callTree': return mallocHistoryReport(process, { callTree: true, invert });
    case '-highWaterMark': return mallocHistoryReport(process, { highWaterMark: true });
  }
  const address = parseAddress(rest[0]);
  if (address === undefined) return adapterMessages.badAddress(rest[0]);
  return mallocHistoryReport(process, { address });
}

function zonesTable(process: Process): string {
  const rows = zoneUsage(process);
  const header = ['ZONE', 'KINDS', 'COUNT', 'BYTES', 'REGIONS', 'VIRTUAL', 'RESIDENT', 'DIRTY', '% FRAG'];
  const table = rows.map((z) => [
    z.zoneName, z.kinds.join('+'), String(z.allocationCount), vmSize(z.bytesAllocated), String(z.regionCount),
    vmSize(z.virtual), vmSize(z.resident), vmSize(z.dirty), `${Math.round(z.fragmentationPercent)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...table.map(line)].join('\n');
}
