// What the adapter tells about a heap pointer, in the DAP shape the extension's hover reads:
// the block (zone, sizes) and where it was allocated and, if it was, freed. The facts come
// from the reports' describePointer; this file only translates them.

import type { Process } from '../machine/api';
import type { PointerInfo, SourcePoint } from '../protocol/dap';
import { describePointer, type SiteDescription } from '../reports/mallocHistory';

export function pointerInfo(process: Process, address: number): PointerInfo | undefined {
  const d = describePointer(process, address);
  if (d === undefined) return undefined;
  return {
    address,
    blockAddress: d.block.address,
    zone: d.block.zone,
    blockSize: d.block.blockSize,
    requested: d.block.requestedSize,
    allocated: d.allocated && sourcePoint(d.allocated),
    ...(d.freed && !d.block.live ? { freed: sourcePoint(d.freed) } : {}),
    live: d.block.live,
  };
}

function sourcePoint(site: SiteDescription): SourcePoint {
  return { file: site.file, line: site.line, step: site.step, function: site.functionName };
}

/** "trace.c:11 (step 5) in main" */
export function describeSourcePoint(point: SourcePoint): string {
  const file = point.file.slice(Math.max(point.file.lastIndexOf('/'), point.file.lastIndexOf('\\')) + 1);
  return `${file}:${point.line} (step ${point.step})${point.function ? ` in ${point.function}` : ''}`;
}

/** "allocated at trace.c:14 (step 1003) in main · live", or "… · freed at trace.c:26 (step 7001) in main". */
export function describePointerHistory(info: PointerInfo): string {
  const allocated = info.allocated ? `allocated at ${describeSourcePoint(info.allocated)}` : 'allocated before main';
  const fate = info.live ? 'live' : info.freed ? `freed at ${describeSourcePoint(info.freed)}` : 'freed';
  return `${allocated} · ${fate}`;
}
