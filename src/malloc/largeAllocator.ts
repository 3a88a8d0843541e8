// The large allocator: every block is its own page-rounded mapping with no header, and freed
// blocks wait on "death row" — a cache of mappings kept for reuse (libmalloc.md §2, Large):
// - depth 16 entries and a 128 MiB per-entry cap below 32 GiB of RAM, else 64 and 512 MiB
//   (LARGE_ENTRY_CACHE_SIZE_*, LARGE_CACHE_SIZE_ENTRY_LIMIT_*);
// - a freed block stays dirty unless the dirty bytes already cached plus this block exceed
//   hw.memsize >> 10, then it is madvised reusable;
// - reuse is best fit, refused when more than half the entry would be wasted
//   ([INFERRED] waste measured against the entry size);
// - a full cache unmaps its oldest entry; a block above the cap is unmapped at once;
// - MallocLargeCache=0 or MallocSpaceEfficient=1 turn the cache off.
// With MallocGuardEdges each block gets a guard page before (unless MallocDoNotProtectPrelude)
// and after (unless MallocDoNotProtectPostlude).

import { TraceKind, type BlockInfo } from './api';
import type { AddressSpaceApi, MachineProfile } from '../vm/api';
import { MALLOC_HEAP_HINT } from '../vm/layout';
import {
  LARGE_CACHE_DIRTY_SHIFT, LARGE_CACHE_ENTRIES_HIGH, LARGE_CACHE_ENTRIES_LOW, LARGE_CACHE_ENTRY_LIMIT_HIGH,
  LARGE_CACHE_ENTRY_LIMIT_LOW, LARGE_CACHE_HIGH_MEMORY, SCRABBLE_BYTE,
} from './constants';
import { deathRowDoubleFree, notAllocated } from './errors';
import type { MallocSettings } from './environment';

export interface LargeEntry {
  readonly address: number;
  size: number;
  requested: number;
  /** Guard pages mapped with the block (MallocGuardEdges). */
  readonly prelude: number;
  readonly postlude: number;
  /** On death row and madvised reusable. */
  reusable: boolean;
}

export interface LargeHost {
  readonly vm: AddressSpaceApi;
  readonly profile: MachineProfile;
  readonly settings: MallocSettings;
  regionDetail(): string;
  vmEvent(kind: TraceKind, address: number, size: number): void;
}

export class LargeAllocator {
  readonly pageSize: number;
  readonly cacheDepth: number;
  readonly entryLimit: number;
  readonly dirtyLimit: number;
  private readonly live = new Map<number, LargeEntry>();
  /** Oldest first. */
  readonly deathRow: LargeEntry[] = [];
  /** Bytes of death-row entries kept dirty. */
  cachedDirtyBytes = 0;
  lastWasFresh = false;

  constructor(private readonly host: LargeHost) {
    const { profile, settings } = host;
    // Large page size = max(kernel, user page size): the profile's page size.
    this.pageSize = profile.pageSize;
    const high = profile.memorySize >= LARGE_CACHE_HIGH_MEMORY;
    this.cacheDepth = settings.largeCache ? (high ? LARGE_CACHE_ENTRIES_HIGH : LARGE_CACHE_ENTRIES_LOW) : 0;
    this.entryLimit = high ? LARGE_CACHE_ENTRY_LIMIT_HIGH : LARGE_CACHE_ENTRY_LIMIT_LOW;
    this.dirtyLimit = Math.floor(profile.memorySize / 2 ** LARGE_CACHE_DIRTY_SHIFT);
  }

  roundedSize(requested: number): number {
    return Math.max(1, Math.ceil(requested / this.pageSize)) * this.pageSize;
  }

  /** Returns 0 when the mapping fails. */
  allocate(requested: number): number {
    const size = this.roundedSize(requested);
    const cached = this.takeFromDeathRow(size);
    if (cached !== undefined) {
      cached.requested = requested;
      this.live.set(cached.address, cached);
      this.lastWasFresh = false;
      return cached.address;
    }
    const { settings, vm } = this.host;
    const guard = settings.guardEdges !== 'off';
    const prelude = guard && settings.protectPrelude ? this.pageSize : 0;
    const postlude = guard && settings.protectPostlude ? this.pageSize : 0;
    const start = vm.map(prelude + size + postlude, { tag: 'MALLOC_LARGE', hint: MALLOC_HEAP_HINT, detail: this.host.regionDetail() });
    if (start === undefined) return 0;
    if (prelude > 0) vm.protect(start, prelude, '---');
    if (postlude > 0) vm.protect(start + prelude + size, postlude, '---');
    this.host.vmEvent(TraceKind.VmAlloc, start, prelude + size + postlude);
    const entry: LargeEntry = { address: start + prelude, size, requested, prelude, postlude, reusable: false };
    this.live.set(entry.address, entry);
    this.lastWasFresh = true;
    return entry.address;
  }

  private takeFromDeathRow(size: number): LargeEntry | undefined {
    let best = -1;
    for (let i = 0; i < this.deathRow.length; i++) {
      const e = this.deathRow[i];
      if (e.size < size || (e.size - size) * 2 > e.size) continue;
      if (best < 0 || e.size < this.deathRow[best].size) best = i;
    }
    if (best < 0) return undefined;
    const [entry] = this.deathRow.splice(best, 1);
    if (entry.reusable) {
      this.host.vm.madvise(entry.address, entry.size, 'free_reuse');
      entry.reusable = false;
    } else {
      this.cachedDirtyBytes -= entry.size;
    }
    return entry;
  }

  owns(address: number): boolean {
    return this.live.has(address) || this.deathRow.some((e) => e.address === address);
  }

  liveEntry(address: number): LargeEntry | undefined {
    return this.live.get(address);
  }

  free(address: number): number {
    const entry = this.live.get(address);
    if (entry === undefined) {
      if (this.deathRow.some((e) => e.address === address)) throw deathRowDoubleFree(address);
      throw notAllocated(address);
    }
    this.live.delete(address);
    const vm = this.host.vm;
    if (this.host.settings.scribble) vm.fill(address, SCRABBLE_BYTE, entry.size);
    if (this.cacheDepth === 0 || entry.size > this.entryLimit) {
      this.release(entry);
      return entry.size;
    }
    if (this.cachedDirtyBytes + entry.size > this.dirtyLimit) {
      vm.madvise(entry.address, entry.size, 'free_reusable');
      this.host.vmEvent(TraceKind.Madvise, entry.address, entry.size);
      entry.reusable = true;
    } else {
      this.cachedDirtyBytes += entry.size;
    }
    if (this.deathRow.length >= this.cacheDepth) {
      const oldest = this.deathRow.shift() as LargeEntry;
      if (!oldest.reusable) this.cachedDirtyBytes -= oldest.size;
      this.release(oldest);
    }
    this.deathRow.push(entry);
    return entry.size;
  }

  private release(entry: LargeEntry): void {
    const start = entry.address - entry.prelude;
    const total = entry.prelude + entry.size + entry.postlude;
    this.host.vm.unmap(start, total);
    this.host.vmEvent(TraceKind.VmFree, start, total);
  }

  /** Grow into the pages right after the block, or give back trailing pages. False: must move. */
  resizeInPlace(entry: LargeEntry, requested: number): boolean {
    const size = this.roundedSize(requested);
    if (entry.postlude > 0 || entry.prelude > 0) return false;
    const vm = this.host.vm;
    if (size < entry.size) {
      vm.unmap(entry.address + size, entry.size - size);
      this.host.vmEvent(TraceKind.VmFree, entry.address + size, entry.size - size);
    } else if (size > entry.size) {
      const extra = vm.map(size - entry.size, { tag: 'MALLOC_LARGE', fixedAddress: entry.address + entry.size, detail: this.host.regionDetail() });
      if (extra === undefined) return false;
      this.host.vmEvent(TraceKind.VmAlloc, extra, size - entry.size);
    }
    entry.size = size;
    entry.requested = requested;
    return true;
  }

  /** A live or death-row block containing the address. */
  blockContaining(address: number): BlockInfo | undefined {
    for (const e of this.live.values()) {
      if (address >= e.address && address < e.address + e.size) return this.info(e, true);
    }
    for (let i = this.deathRow.length - 1; i >= 0; i--) {
      const e = this.deathRow[i];
      if (address >= e.address && address < e.address + e.size) return this.info(e, false);
    }
    return undefined;
  }

  private info(e: LargeEntry, live: boolean): BlockInfo {
    return { address: e.address, requestedSize: e.requested, blockSize: e.size, zone: 'large', live };
  }

  *liveBlocks(): Generator<BlockInfo> {
    for (const e of this.live.values()) yield this.info(e, true);
  }

  /** Live entries and death-row entries with their state, lowest address first. */
  entries(): { entry: LargeEntry; state: 'in-use' | 'cached' }[] {
    const out: { entry: LargeEntry; state: 'in-use' | 'cached' }[] = [];
    for (const e of this.live.values()) out.push({ entry: e, state: 'in-use' });
    for (const e of this.deathRow) out.push({ entry: e, state: 'cached' });
    return out.sort((a, b) => a.entry.address - b.entry.address);
  }

  checkInvariants(): string[] {
    const problems: string[] = [];
    let dirty = 0;
    for (const e of this.deathRow) {
      if (!e.reusable) dirty += e.size;
      if (this.live.has(e.address)) problems.push(`0x${e.address.toString(16)} both live and on death row`);
    }
    if (dirty !== this.cachedDirtyBytes) problems.push(`death row dirty ${this.cachedDirtyBytes} != ${dirty}`);
    if (this.deathRow.length > this.cacheDepth) problems.push('death row over depth');
    for (const e of [...this.live.values(), ...this.deathRow]) {
      const r = this.host.vm.regionAt(e.address);
      if (r === undefined || r.tag !== 'MALLOC_LARGE') problems.push(`large block 0x${e.address.toString(16)} not mapped`);
    }
    return problems;
  }
}
