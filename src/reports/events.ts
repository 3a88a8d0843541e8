// Reading the trace the way the reports need it: event kind names as malloc_history prints them,
// the event that allocated a live block, and stacks as plain frames.

import { TraceKind } from '../malloc/api';
import type { TraceApi, TraceEvent } from '../trace/api';
import type { HistoryEntry, HistoryFrame } from '../protocol/snapshot';

export type EventKindName = HistoryEntry['kind'];

export function kindName(kind: TraceKind): EventKindName {
  switch (kind) {
    case TraceKind.Alloc: return 'ALLOC';
    case TraceKind.Free: return 'FREE';
    case TraceKind.Realloc: return 'REALLOC';
    case TraceKind.VmAlloc: return 'VM_ALLOC';
    case TraceKind.VmFree: return 'VM_FREE';
    case TraceKind.Madvise: return 'MADVISE';
  }
  return 'ALLOC';
}

export function isMallocEvent(kind: TraceKind): boolean {
  return kind === TraceKind.Alloc || kind === TraceKind.Free || kind === TraceKind.Realloc;
}

/** The most recent ALLOC or REALLOC that produced a block at exactly `address`. */
export function allocationEventOf(trace: TraceApi, address: number): TraceEvent | undefined {
  const events = trace.historyOf(address);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if ((e.kind === TraceKind.Alloc || e.kind === TraceKind.Realloc) && e.address === address) return e;
  }
  return undefined;
}

/** The C stack of an event, innermost first. */
export function framesOf(trace: TraceApi, stackId: number): HistoryFrame[] {
  try {
    return trace.stack(stackId).map((f) => ({ functionName: f.functionName, file: f.file, line: f.line }));
  } catch {
    // An id the log does not know (a stack recorded before stacks were interned) reads as no stack.
    return [];
  }
}

/** Library entry points a machine may leave as the innermost frame of an allocation's stack. */
const ALLOCATOR_ENTRY_POINTS: ReadonlySet<string> = new Set([
  'malloc', 'calloc', 'realloc', 'reallocf', 'free', 'valloc', 'aligned_alloc', 'posix_memalign',
  'malloc_zone_malloc', 'malloc_zone_calloc', 'malloc_zone_realloc',
]);

/** The innermost frames that belong to the program, with any allocator entry point stripped. */
export function callerFrames(frames: readonly HistoryFrame[]): { entryPoint: string | undefined; frames: readonly HistoryFrame[] } {
  let i = 0;
  let entryPoint: string | undefined;
  while (i < frames.length && ALLOCATOR_ENTRY_POINTS.has(frames[i].functionName)) {
    entryPoint ??= frames[i].functionName;
    i++;
  }
  // The outermost allocator frame is the one the program called.
  if (i > 0) entryPoint = frames[i - 1].functionName;
  return { entryPoint, frames: frames.slice(i) };
}

/**
 * The innermost frame in the program's own source: where a user looks for the cause of an
 * allocation. Library frames (printf making stdout's buffer) carry no file and are skipped.
 */
export function programFrame(frames: readonly HistoryFrame[]): HistoryFrame | undefined {
  return frames.find((f) => f.file !== '');
}

export function historyEntryOf(trace: TraceApi, e: TraceEvent): HistoryEntry {
  const entry: HistoryEntry = {
    kind: kindName(e.kind),
    address: e.address,
    size: e.size,
    zone: e.zone,
    step: e.step,
    stack: framesOf(trace, e.stackId),
  };
  return e.previousAddress === undefined ? entry : { ...entry, previousAddress: e.previousAddress };
}
