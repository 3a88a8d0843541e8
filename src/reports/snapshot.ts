// The panel's snapshot at one stop: zones, regions with their pages and blocks, the footprint
// and its series. Built on every stop, so it stays cheap: blocks are capped per region and
// overall (the rest counted in blocksOmitted), and pages are read through the address space's
// bulk accessor when it has one.

import type { Process } from '../machine/api';
import type { AddressSpaceApi, Footprint, VmRegionInfo } from '../vm/api';
import { PageState } from '../vm/api';
import {
  BlockState, SNAPSHOT_SCHEMA,
  type FootprintSample, type HeapBlock, type HeapRegion, type HeapSnapshot,
} from '../protocol/snapshot';
import { introspection, isMallocDataTag, sortedRegions, zoneUsage } from './inspect';

export interface SnapshotLimits {
  /** Blocks listed per region; the rest are counted in blocksOmitted. */
  readonly maxBlocksPerRegion: number;
  /** Blocks listed in the whole snapshot. */
  readonly maxBlocks: number;
}

/**
 * 20,000 blocks per region keeps a dense tiny region drawable block by block; 50,000 overall
 * keeps a 1,000,000-block heap's snapshot (and its JSON message to the panel) within the
 * panel's 200 ms budget.
 */
export const DEFAULT_SNAPSHOT_LIMITS: SnapshotLimits = { maxBlocksPerRegion: 20_000, maxBlocks: 50_000 };

const PAGE_CHARS: Record<number, string> = {
  [PageState.Untouched]: 'u',
  [PageState.Dirty]: 'd',
  [PageState.Reusable]: 'r',
  [PageState.Resident]: 'c',
};

/** The allocator helper's footprint recorder, wherever the engine keeps it. */
interface SeriesLike {
  record?(step: number, footprint: Footprint): void;
  samples(): readonly FootprintSample[];
}

function findSeries(process: Process): SeriesLike | undefined {
  // TraceLog keeps it as `footprint` (src/trace/footprintSeries.ts); accept a `footprintSeries`
  // member or accessor on any engine object too.
  const owners: unknown[] = [process.trace, process, process.malloc];
  for (const owner of owners) {
    for (const name of ['footprintSeries', 'footprint']) {
      const candidate = (owner as Record<string, unknown>)[name];
      const series = typeof candidate === 'function' ? (candidate as () => unknown).call(owner) : candidate;
      if (series !== null && typeof series === 'object' && typeof (series as SeriesLike).samples === 'function') return series as SeriesLike;
    }
  }
  return undefined;
}

/** The footprint over time, ending with the present (recorded now if the recorder allows). */
function footprintSeries(process: Process, now: Footprint): FootprintSample[] {
  const series = findSeries(process);
  if (series === undefined) return [{ step: process.steps, ...now }];
  series.record?.(process.steps, now);
  const samples = series.samples().map((s) => ({
    step: s.step, virtual: s.virtual, resident: s.resident, dirty: s.dirty, swapped: s.swapped,
    physFootprint: s.physFootprint, physFootprintPeak: s.physFootprintPeak,
  }));
  const last = samples[samples.length - 1];
  if (last === undefined || last.step !== process.steps) samples.push({ step: process.steps, ...now });
  return samples;
}

type BulkPageStates = (start: number, end: number) => ArrayLike<number> | string;

/** One character per page: u untouched, d dirty, r reusable, c resident clean. */
export function pageStates(memory: AddressSpaceApi, start: number, end: number): string {
  const m = memory as { pageStatesIn?: BulkPageStates; pageStates?: BulkPageStates };
  const bulk = m.pageStatesIn ?? m.pageStates;
  const pageSize = memory.pageSize;
  if (typeof bulk === 'function') {
    const states = bulk.call(memory, start, end);
    if (typeof states === 'string') return states;
    return stateCodesToString(states);
  }
  const states = new Uint8Array(Math.max(0, Math.ceil((end - start) / pageSize)));
  for (let i = 0; i < states.length; i++) states[i] = memory.pageState(start + i * pageSize);
  return stateCodesToString(states);
}

const PAGE_CHAR_CODES = [PageState.Untouched, PageState.Dirty, PageState.Reusable, PageState.Resident]
  .reduce((codes, state) => { codes[state] = PAGE_CHARS[state].charCodeAt(0); return codes; }, new Uint8Array(256).fill(117 /* u */));

/** Page states to their letters, in chunks (a 512 MiB nano region is 32,768 pages). */
function stateCodesToString(states: ArrayLike<number>): string {
  const CHUNK = 8192;
  const parts: string[] = [];
  const codes = new Array<number>(Math.min(CHUNK, states.length));
  for (let at = 0; at < states.length; at += CHUNK) {
    const n = Math.min(CHUNK, states.length - at);
    codes.length = n;
    for (let i = 0; i < n; i++) codes[i] = PAGE_CHAR_CODES[states[at + i] & 0xff];
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

const BLOCK_STATES = { 'in-use': BlockState.InUse, free: BlockState.Free, cached: BlockState.Cached } as const;

export function buildSnapshot(
  process: Process,
  status: HeapSnapshot['status'],
  stoppedAt: HeapSnapshot['stoppedAt'],
  limits: SnapshotLimits = DEFAULT_SNAPSHOT_LIMITS,
): HeapSnapshot {
  const memory = process.memory;
  const vmRegions = sortedRegions(process);
  const zones = zoneUsage(process, vmRegions);
  const now = memory.footprint();
  let budget = limits.maxBlocks;
  const regions: HeapRegion[] = [];
  for (const mr of introspection(process).regions()) {
    const blocks: HeapBlock[] = [];
    let omitted = 0;
    const cap = Math.min(limits.maxBlocksPerRegion, budget);
    const known = mr.blockCount?.();
    for (const b of mr.blocks()) {
      if (blocks.length === cap) {
        if (known !== undefined) break; // the rest are counted, not walked
        omitted++;
        continue;
      }
      blocks.push({ address: b.address, size: b.size, requested: b.state === 'in-use' ? b.requested : 0, state: BLOCK_STATES[b.state] });
    }
    if (known !== undefined) omitted = Math.max(0, known - blocks.length);
    budget -= blocks.length;
    regions.push({
      type: regionTag(vmRegions, mr.start) ?? `MALLOC_${mr.zone.toUpperCase()}`,
      zone: mr.zone,
      start: mr.start,
      end: mr.end,
      pageSize: memory.pageSize,
      pages: pageStates(memory, mr.start, mr.end),
      blocks,
      blocksOmitted: omitted,
    });
  }
  regions.sort((a, b) => a.start - b.start);
  let liveBlockCount = 0;
  for (const z of zones) liveBlockCount += z.allocationCount;
  return {
    schema: SNAPSHOT_SCHEMA,
    programName: process.programName,
    profile: process.profileName,
    pageSize: memory.pageSize,
    step: process.steps,
    stoppedAt,
    status,
    footprint: {
      virtual: now.virtual, resident: now.resident, dirty: now.dirty, swapped: now.swapped,
      physFootprint: now.physFootprint, physFootprintPeak: now.physFootprintPeak,
    },
    footprintSeries: footprintSeries(process, now),
    zones,
    regions,
    liveBlockCount,
    eventCount: process.trace.eventCount,
  };
}

/** The VM tag of the malloc data region holding `address`. */
function regionTag(sorted: readonly VmRegionInfo[], address: number): string | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start <= address) lo = mid + 1;
    else hi = mid;
  }
  const r = sorted[lo - 1];
  return r !== undefined && address < r.end && isMallocDataTag(r.tag) ? r.tag : undefined;
}
