// What the adapter tells about a heap pointer: its block (zone, sizes) and where the block was
// allocated and, if it was, freed — read from the block model and the event log.

import type { Process } from '../machine/api';
import { TraceKind } from '../malloc/api';
import type { PointerInfo, SourcePoint } from '../protocol/dap';
import type { TraceEvent } from '../trace/api';

export function pointerInfo(process: Process, address: number): PointerInfo | undefined {
  const block = process.malloc.blockContaining(address);
  if (block === undefined) return undefined;
  let allocated: TraceEvent | undefined;
  let freed: TraceEvent | undefined;
  for (const e of process.trace.historyOf(block.address)) {
    const createsBlock = (e.kind === TraceKind.Alloc || e.kind === TraceKind.Realloc) && e.address === block.address;
    const releasesBlock = (e.kind === TraceKind.Free && e.address === block.address)
      || (e.kind === TraceKind.Realloc && e.previousAddress === block.address && e.address !== block.address);
    if (createsBlock) {
      allocated = e;
      freed = undefined;
    } else if (releasesBlock && allocated !== undefined) {
      freed = e;
    }
  }
  return {
    address,
    blockAddress: block.address,
    zone: block.zone,
    blockSize: block.blockSize,
    requested: block.requestedSize,
    allocated: allocated && sourcePoint(process, allocated),
    ...(freed && !block.live ? { freed: sourcePoint(process, freed) } : {}),
    live: block.live,
  };
}

function sourcePoint(process: Process, e: TraceEvent): SourcePoint {
  // Innermost frame that is the program's own code (library frames carry no file).
  const frames = process.trace.stack(e.stackId);
  const frame = frames.find((f) => f.file !== '') ?? frames[0];
  return { file: frame?.file ?? '', line: frame?.line ?? 0, step: e.step, function: frame?.functionName ?? '' };
}

/** "trace.c:11 (step 5) in main" */
export function describeSourcePoint(point: SourcePoint): string {
  const file = point.file.slice(Math.max(point.file.lastIndexOf('/'), point.file.lastIndexOf('\\')) + 1);
  return `${file}:${point.line} (step ${point.step})${point.function ? ` in ${point.function}` : ''}`;
}
