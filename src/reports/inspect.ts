// What the reports read from a Process beyond the Process contract itself: the allocator's
// introspection (zones, regions, blocks), live blocks as sorted arrays for address lookups, and
// per-zone VM figures. One place, so vmmap, heap, leaks, the CLI JSON and the panel snapshot
// agree on every number.

import type { ZoneRow } from '../protocol/snapshot';
import type { Process } from '../machine/api';
import type { BlockInfo, MallocIntrospection, ZoneKind, ZoneReport } from '../malloc/api';
import type { VmRegionInfo, VmTag } from '../vm/api';

/** The allocator's introspection; a MallocApi without it reports no zones. */
export function introspection(process: Process): MallocIntrospection {
  const m = process.malloc as unknown as Partial<MallocIntrospection>;
  if (typeof m.zones === 'function' && typeof m.regions === 'function') return m as MallocIntrospection;
  return { zones: () => [], regions: () => [] };
}

/** VM tags whose regions hold malloc blocks (vmmap's "see MALLOC ZONE table below" rows). */
const MALLOC_DATA_TAGS: ReadonlySet<VmTag> = new Set<VmTag>(['MALLOC_NANO', 'MALLOC_TINY', 'MALLOC_SMALL', 'MALLOC_MEDIUM', 'MALLOC_LARGE']);

export function isMallocDataTag(tag: string): boolean {
  return MALLOC_DATA_TAGS.has(tag as VmTag);
}

/** VM regions lowest first. */
export function sortedRegions(process: Process): VmRegionInfo[] {
  return process.memory.regions().slice().sort((a, b) => a.start - b.start);
}

/** Live blocks as parallel arrays, lowest address first, for binary searches. */
export class LiveBlockIndex {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly blocks: readonly BlockInfo[];

  constructor(blocks: Iterable<BlockInfo>) {
    const list = Array.from(blocks);
    // liveBlocks() promises address order; sorting again is cheap insurance for the searches.
    for (let i = 1; i < list.length; i++) {
      if (list[i - 1].address > list[i].address) {
        list.sort((a, b) => a.address - b.address);
        break;
      }
    }
    this.blocks = list;
    this.starts = new Float64Array(list.length);
    this.ends = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) {
      this.starts[i] = list[i].address;
      this.ends[i] = list[i].address + Math.max(list[i].blockSize, 1);
    }
  }

  get count(): number {
    return this.blocks.length;
  }

  /** Index of the first block starting at or above `address`. */
  lowerBound(address: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] < address) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the live block containing `address` (interior pointers included), or -1. */
  indexContaining(address: number): number {
    const i = this.lowerBound(address + 1) - 1;
    return i >= 0 && address < this.ends[i] ? i : -1;
  }

  /** True when a live block starts in [start, end). */
  anyStartingIn(start: number, end: number): boolean {
    const i = this.lowerBound(start);
    return i < this.starts.length && this.starts[i] < end;
  }
}

export function liveBlockIndex(process: Process): LiveBlockIndex {
  return new LiveBlockIndex(process.malloc.liveBlocks());
}

/** vmmap's REGION TYPE: the tag, with " (empty)" for a malloc region holding no live block. */
export function regionTypeName(region: VmRegionInfo, live: LiveBlockIndex): string {
  // [INFERRED] notes §4: "(empty)" marks a malloc region with no allocated blocks in it.
  if (isMallocDataTag(region.tag) && !live.anyStartingIn(region.start, region.end)) return `${region.tag} (empty)`;
  return region.tag;
}

/**
 * One malloc zone with the VM figures of its regions: the live form of vmmap's MALLOC ZONE row.
 * The panel's zone row is exactly this, so the type is shared (fragmentation: dirty + swapped −
 * bytes allocated, never below zero; percent of dirty + swapped, unrounded).
 */
export type ZoneUsage = ZoneRow;

/**
 * Per-zone figures. A zone's VM size is the sum over the VM regions that hold its blocks (its
 * MALLOC_* regions), each counted once; metadata and guard pages are not part of the zone row,
 * as in vmmap (the notes' 17.0M = 1M tiny + 2 × 8M small for a 3-region zone).
 */
export function zoneUsage(process: Process, regions: readonly VmRegionInfo[] = sortedRegions(process)): ZoneUsage[] {
  const intro = introspection(process);
  const zones = intro.zones();
  const byZone = new Map<string, Set<VmRegionInfo>>();
  for (const zone of zones) byZone.set(zone.zoneName, new Set());
  const dataRegions = regions.filter((r) => isMallocDataTag(r.tag));
  const starts = dataRegions.map((r) => r.start);
  for (const mr of intro.regions()) {
    const owned = byZone.get(mr.zoneName);
    if (owned === undefined) continue;
    for (let i = Math.max(0, upperBound(starts, mr.start) - 1); i < dataRegions.length && dataRegions[i].start < mr.end; i++) {
      if (dataRegions[i].end > mr.start) owned.add(dataRegions[i]);
    }
  }
  return zones.map((zone) => usageOf(zone, byZone.get(zone.zoneName) ?? new Set()));
}

function usageOf(zone: ZoneReport, regions: ReadonlySet<VmRegionInfo>): ZoneUsage {
  let virtual = 0;
  let resident = 0;
  let dirty = 0;
  let swapped = 0;
  for (const r of regions) {
    virtual += r.virtual;
    resident += r.resident;
    dirty += r.dirty;
    swapped += r.swapped;
  }
  const fragmentation = Math.max(0, dirty + swapped - zone.bytesAllocated);
  const fragmentationPercent = dirty + swapped === 0 ? 0 : (fragmentation * 100) / (dirty + swapped);
  return {
    zoneName: zone.zoneName,
    kinds: zone.kinds,
    allocationCount: zone.allocationCount,
    bytesAllocated: zone.bytesAllocated,
    regionCount: zone.regionCount,
    virtual, resident, dirty, swapped, fragmentation, fragmentationPercent,
  };
}

/** Index of the first element greater than `value`. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The executable's own segments; vmmap names the binary's path in their REGION DETAIL. */
const IMAGE_SEGMENT_TAGS: ReadonlySet<string> = new Set(['__TEXT', '__DATA', '__DATA_CONST', '__LINKEDIT']);

/** vmmap's REGION DETAIL: the engine's detail, or the executable's path for its bare segments. */
export function regionDetail(region: VmRegionInfo, programPath: string): string {
  return region.detail === '' && IMAGE_SEGMENT_TAGS.has(region.tag) ? programPath : region.detail;
}
