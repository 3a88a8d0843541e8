// The text reports --report asks for, keyed by name, in the order given on the command line.

import type { Process } from '../machine/api';
import { heapReport } from '../reports/heap';
import { leaksReport } from '../reports/leaks';
import { mallocHistoryReport } from '../reports/mallocHistory';
import { vmmapReport } from '../reports/vmmap';
import type { ReportName, RunConfig } from './options';

export function renderReports(process: Process, config: RunConfig): Partial<Record<ReportName, string>> {
  const out: Partial<Record<ReportName, string>> = {};
  for (const name of config.reports) {
    switch (name) {
      case 'vmmap':
        out.vmmap = vmmapReport(process, { summary: config.summary });
        break;
      case 'heap':
        out.heap = heapReport(process);
        break;
      case 'leaks':
        out.leaks = leaksReport(process).text;
        break;
      case 'history':
        // Without an address, the per-size summary (malloc_history -allBySize) stays readable
        // where -allEvents would list every block.
        out.history = config.historyAddress !== undefined
          ? mallocHistoryReport(process, { address: config.historyAddress })
          : mallocHistoryReport(process, { allBySize: true });
        break;
    }
  }
  return out;
}
