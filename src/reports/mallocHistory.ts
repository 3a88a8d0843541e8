// malloc_history: the allocation history of one address, every event, live allocations grouped
// by stack (by size, by count, as a call tree), and the high-water mark. Also the per-pointer
// history the panel and editor hovers show.

import type { Process } from '../machine/api';
import { TraceKind, type BlockInfo } from '../malloc/api';
import type { HistoryEntry, HistoryFrame } from '../protocol/snapshot';
import type { TraceEvent } from '../trace/api';
import { hexAddress, plural } from './format';
import { reportHeader } from './header';
import { allocationEventOf, callerFrames, framesOf, historyEntryOf, isMallocEvent, programFrame } from './events';

export type MallocHistoryQuery =
  | { readonly address: number }
  | { readonly allBySize: true }
  | { readonly allByCount: true }
  | { readonly allEvents: true }
  | { readonly callTree: true; readonly invert?: boolean }
  | { readonly highWaterMark: true };

/**
 * The simulated program's only thread, as malloc_history names it. [INFERRED] a plausible arm64
 * main-thread id; the machine prints the same in libmalloc's "prog(pid,0x…)" message prefix.
 */
export const MAIN_THREAD_ID = 0x1f3ac4c00;
const THREAD = `thread_${MAIN_THREAD_ID.toString(16)}`;

export function mallocHistoryReport(process: Process, query: MallocHistoryQuery): string {
  const out: string[] = [reportHeader(process, 'malloc_history'), '', 'malloc_history Report Version:  2.0'];
  if ('address' in query) out.push(...addressHistory(process, query.address));
  else if ('allEvents' in query) out.push(...allEvents(process));
  else if ('allBySize' in query) out.push(...bySite(process, liveAllocations(process), 'size'));
  else if ('allByCount' in query) out.push(...bySite(process, liveAllocations(process), 'count'));
  else if ('callTree' in query) out.push(...callTree(process, liveAllocations(process), query.invert === true));
  else out.push(...highWaterMark(process));
  out.push('');
  return out.join('\n');
}

/** "thread_1f3ac4c00 | start | main | f": the stack outermost first, allocator frames left out. */
function stackText(frames: readonly HistoryFrame[]): string {
  const names = ['start'];
  const own = callerFrames(frames).frames;
  for (let i = own.length - 1; i >= 0; i--) names.push(own[i].functionName);
  return `${THREAD} | ${names.join(' | ')}`;
}

/** One event line; the end address is inclusive, as malloc_history prints it. */
function eventLine(label: string, address: number, size: number, frames: readonly HistoryFrame[]): string {
  const end = address + Math.max(size, 1) - 1;
  return `${label} ${hexAddress(address)}-${hexAddress(end)} [size=${size}]: ${stackText(frames)}`;
}

/**
 * Lines for one trace event. A REALLOC reads as two: the old block FREEd and the new one
 * ALLOCed (at the same address when it was resized in place), both with the realloc's stack. `wanted` filters by
 * block (start and size); `sizes` carries each live block's requested size between events.
 */
function eventLines(
  process: Process, e: TraceEvent, sizes: Map<number, number>,
  wanted: (address: number, size: number) => boolean = () => true,
): string[] {
  const frames = framesOf(process.trace, e.stackId);
  const line = (label: string, address: number, size: number): string[] =>
    wanted(address, size) ? [eventLine(label, address, size, frames)] : [];
  switch (e.kind) {
    case TraceKind.Alloc:
      sizes.set(e.address, e.size);
      return line('ALLOC', e.address, e.size);
    case TraceKind.Free: {
      const size = sizes.get(e.address) ?? e.size;
      sizes.delete(e.address);
      return line('FREE ', e.address, size);
    }
    case TraceKind.Realloc: {
      const lines: string[] = [];
      // Grown or shrunk in place, the block still ends one life and starts another, with a new size.
      if (e.previousAddress !== undefined && e.previousAddress !== 0) {
        const old = sizes.get(e.previousAddress) ?? 0;
        sizes.delete(e.previousAddress);
        lines.push(...line('FREE ', e.previousAddress, old));
      }
      sizes.set(e.address, e.size);
      lines.push(...line('ALLOC', e.address, e.size));
      return lines;
    }
    case TraceKind.VmAlloc:
      return line('VM_ALLOC', e.address, e.size);
    case TraceKind.VmFree:
      return line('VM_FREE', e.address, e.size);
    default:
      return [];
  }
}

/** Every event of blocks that contained `address`, oldest first. */
function addressHistory(process: Process, address: number): string[] {
  const sizes = new Map<number, number>();
  const covers = (start: number, size: number): boolean => start === address || (address > start && address < start + size);
  const lines: string[] = [];
  for (const e of process.trace.historyOf(address)) lines.push(...eventLines(process, e, sizes, covers));
  return lines.length > 0 ? lines : [`No malloc history for address ${hexAddress(address)}`];
}

function allEvents(process: Process): string[] {
  const sizes = new Map<number, number>();
  const lines: string[] = [];
  const trace = process.trace;
  for (let i = 0; i < trace.eventCount; i++) {
    const e = trace.event(i);
    if (isMallocEvent(e.kind)) lines.push(...eventLines(process, e, sizes));
  }
  return lines;
}

interface Allocation { readonly address: number; readonly size: number; readonly stackId: number }

/** Live blocks with the stack and requested size of the event that allocated each. */
function liveAllocations(process: Process): Allocation[] {
  const out: Allocation[] = [];
  for (const b of process.malloc.liveBlocks()) {
    const e = allocationEventOf(process.trace, b.address);
    out.push({ address: b.address, size: b.requestedSize, stackId: e === undefined ? -1 : e.stackId });
  }
  return out;
}

function stackOf(process: Process, stackId: number): HistoryFrame[] {
  return stackId < 0 ? [] : framesOf(process.trace, stackId);
}

/** -allBySize / -allByCount: "N calls for B bytes: thread_… | start | main | f", biggest first. */
function bySite(process: Process, allocations: readonly Allocation[], order: 'size' | 'count'): string[] {
  const sites = new Map<number, { count: number; bytes: number }>();
  for (const a of allocations) {
    const s = sites.get(a.stackId) ?? { count: 0, bytes: 0 };
    s.count++;
    s.bytes += a.size;
    sites.set(a.stackId, s);
  }
  const rows = [...sites.entries()].map(([stackId, s]) => ({ stackId, ...s, text: stackText(stackOf(process, stackId)) }));
  rows.sort((a, b) => {
    const primary = order === 'size' ? b.bytes - a.bytes || b.count - a.count : b.count - a.count || b.bytes - a.bytes;
    return primary || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  });
  return rows.map((r) => `${plural(r.count, 'call')} for ${r.bytes} bytes: ${r.text}`);
}

function treeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)}K`;
  return `${(bytes / (1024 * 1024)).toFixed(1)}M`;
}

interface TreeNode { name: string; count: number; bytes: number; children: Map<string, TreeNode> }

/** -callTree (-invert): live allocations summed along their call paths. */
function callTree(process: Process, allocations: readonly Allocation[], invert: boolean): string[] {
  const root: TreeNode = { name: '<< TOTAL >>', count: 0, bytes: 0, children: new Map() };
  for (const a of allocations) {
    const own = callerFrames(stackOf(process, a.stackId)).frames;
    const path = [`Thread_${MAIN_THREAD_ID.toString(16)}`, 'start  (in dyld)'];
    for (let i = own.length - 1; i >= 0; i--) path.push(`${own[i].functionName}  (in ${process.programName})  ${own[i].file}:${own[i].line}`);
    if (invert) path.reverse();
    root.count++;
    root.bytes += a.size;
    let node = root;
    for (const name of path) {
      let child = node.children.get(name);
      if (child === undefined) {
        child = { name, count: 0, bytes: 0, children: new Map() };
        node.children.set(name, child);
      }
      child.count++;
      child.bytes += a.size;
      node = child;
    }
  }
  const lines = ['Call graph:'];
  const walk = (node: TreeNode, depth: number): void => {
    lines.push(`${' '.repeat(4 + 2 * depth)}${node.count} (${treeSize(node.bytes)}) ${node.name}`);
    const children = [...node.children.values()].sort((a, b) => b.bytes - a.bytes || b.count - a.count || (a.name < b.name ? -1 : 1));
    for (const c of children) walk(c, depth + 1);
  };
  walk(root, 0);
  return lines;
}

/** -highWaterMark: replays the malloc events and reports the live set at its largest. */
function highWaterMark(process: Process): string[] {
  const trace = process.trace;
  const live = new Map<number, Allocation>();
  let bytes = 0;
  let best = -1;
  let bestBytes = 0;
  const apply = (e: TraceEvent): void => {
    if (e.kind === TraceKind.Alloc) {
      live.set(e.address, { address: e.address, size: e.size, stackId: e.stackId });
      bytes += e.size;
    } else if (e.kind === TraceKind.Free) {
      const a = live.get(e.address);
      if (a !== undefined) { bytes -= a.size; live.delete(e.address); }
    } else if (e.kind === TraceKind.Realloc) {
      if (e.previousAddress !== undefined) {
        const a = live.get(e.previousAddress);
        if (a !== undefined) { bytes -= a.size; live.delete(e.previousAddress); }
      }
      if (e.address !== 0) {
        live.set(e.address, { address: e.address, size: e.size, stackId: e.stackId });
        bytes += e.size;
      }
    }
  };
  for (let i = 0; i < trace.eventCount; i++) {
    apply(trace.event(i));
    if (bytes > bestBytes) { bestBytes = bytes; best = i; }
  }
  if (best < 0) return ['High water mark: 0 bytes (no allocations)'];
  live.clear();
  bytes = 0;
  for (let i = 0; i <= best; i++) apply(trace.event(i));
  const at = trace.event(best);
  return [
    `High water mark: ${bestBytes} bytes in ${plural(live.size, 'allocation')} at step ${at.step} (event #${best})`,
    ...bySite(process, [...live.values()], 'size'),
  ];
}

/** Every event of the block(s) at `address`, for the panel's history view and hovers. */
export function historyEntries(process: Process, address: number): HistoryEntry[] {
  return process.trace.historyOf(address).map((e) => historyEntryOf(process.trace, e));
}

export interface SiteDescription {
  readonly file: string;
  readonly line: number;
  readonly step: number;
  readonly functionName: string;
}

export interface PointerDescription {
  readonly address: number;
  /** The block holding the address (live, or the most recent freed one there). */
  readonly block: BlockInfo;
  /** address − block.address. */
  readonly offset: number;
  readonly allocated: SiteDescription | undefined;
  /** Undefined while the block is live. */
  readonly freed: SiteDescription | undefined;
  /** Three lines for a hover: the block, where it was allocated, where it was freed or "live". */
  readonly text: string;
}

function siteOf(process: Process, e: TraceEvent): SiteDescription | undefined {
  const frame = programFrame(framesOf(process.trace, e.stackId));
  if (frame === undefined) return undefined;
  return { file: frame.file, line: frame.line, step: e.step, functionName: frame.functionName };
}

function siteText(verb: string, site: SiteDescription | undefined, step: number): string {
  return site === undefined
    ? `${verb} before main (step ${step})`
    : `${verb} at ${site.file}:${site.line} (step ${site.step}) in ${site.functionName}`;
}

/** What a hover shows for a pointer: zone, sizes, where the block came from and where it went. */
export function describePointer(process: Process, address: number): PointerDescription | undefined {
  const block = process.malloc.blockContaining(address);
  if (block === undefined) return undefined;
  const events = process.trace.historyOf(block.address);
  let allocIndex = -1;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if ((e.kind === TraceKind.Alloc || e.kind === TraceKind.Realloc) && e.address === block.address) { allocIndex = i; break; }
  }
  const allocEvent = allocIndex >= 0 ? events[allocIndex] : undefined;
  let freeEvent: TraceEvent | undefined;
  if (!block.live) {
    for (let i = allocIndex + 1; i < events.length; i++) {
      const e = events[i];
      const frees = (e.kind === TraceKind.Free && e.address === block.address)
        || (e.kind === TraceKind.Realloc && e.previousAddress === block.address && e.address !== block.address);
      if (frees) { freeEvent = e; break; }
    }
  }
  const allocated = allocEvent === undefined ? undefined : siteOf(process, allocEvent);
  const freed = freeEvent === undefined ? undefined : siteOf(process, freeEvent);
  const offset = address - block.address;
  const lines = [
    `${hexAddress(block.address)}${offset === 0 ? '' : ` + ${offset}`}: ${block.zone} block of ${block.blockSize} bytes (${block.requestedSize} requested)`,
    allocEvent === undefined ? 'allocated before the trace began' : siteText('allocated', allocated, allocEvent.step),
    block.live ? 'live' : freeEvent === undefined ? 'freed' : siteText('freed', freed, freeEvent.step),
  ];
  return { address, block, offset, allocated, freed, text: lines.join('\n') };
}
