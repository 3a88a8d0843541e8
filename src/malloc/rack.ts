// A rack: the tiny, small or medium allocator of the magazine zone. It owns regions carved in
// quanta, per-CPU magazines and the depot, and follows libmalloc's allocation order:
//   (1) mag_last_free, exact msize only; (2) the exact free list; (3) the next larger non-empty
//   list, splitting the block and putting the remainder back; (4) bump from the free tail of
//   the magazine's last region; (5) adopt a region from the depot; (6) map a new region.
// Frees coalesce with free neighbours on both sides. A region whose use falls under the density
// threshold while its magazine holds much free memory is recirculated to the depot, where its
// free pages are madvised reusable; empty depot regions beyond the retained count are unmapped.
//
// The program is single-threaded, so it always runs on CPU 0 and uses magazine 0 (libmalloc
// picks the magazine of the current CPU; [INFERRED] that a single-threaded process stays on one).
// Metadata lives in the simulated memory too (tiny bitmaps, small/medium meta words, in-band
// free-list links), so its pages are touched as in a real process; the JS columns in
// RackRegion are the authoritative state.

import { TraceKind, type BlockInfo, type ZoneKind } from './api';
import type { AddressSpaceApi, VmTag } from '../vm/api';
import { MALLOC_HEAP_HINT } from '../vm/layout';
import {
  DENSITY_THRESHOLD_DENOMINATOR, DENSITY_THRESHOLD_NUMERATOR, DEFAULT_RECIRC_RETAINED_REGIONS, DEPOT_MAGAZINE_INDEX,
  RECIRC_FREE_HEAPS, SCRABBLE_BYTE,
} from './constants';
import { doubleFree, freedObjectModified, notAllocated } from './errors';
import { Magazine } from './magazine';
import { BlockFlag, RackRegion } from './rackRegion';

export interface RackConfig {
  readonly kind: Exclude<ZoneKind, 'nano' | 'large'>;
  readonly tag: VmTag;
  readonly quantum: number;
  readonly regionSize: number;
  readonly heapOffset: number;
  readonly numBlocks: number;
  /** Largest request served (inclusive). */
  readonly maxSize: number;
  /** Exact-size free lists; one more list holds every larger block. */
  readonly exactLists: number;
  /** mag_last_free holds freed blocks smaller than this many bytes. */
  readonly lastFreeLimit: number;
  /** Zero blocks on free (tiny only, when MallocZeroOnFree is on). */
  readonly zeroOnFree: boolean;
  /** Tiny: header/in-use bitmaps at the region start; small/medium: a 16-bit meta word per quantum. */
  readonly metadata: 'bitmaps' | 'meta-words';
  /** Offset of the region trailer (magazine index) from the region start. */
  readonly trailerOffset: number;
}

export interface RackHost {
  readonly vm: AddressSpaceApi;
  readonly scribble: boolean;
  /** MallocGuardEdges=all: a guard page after each region. */
  readonly guardRegions: boolean;
  readonly magazineCount: number;
  /** vmmap REGION DETAIL for new regions (the owning zone's name). */
  regionDetail(): string;
  vmEvent(kind: TraceKind, address: number, size: number): void;
}

const LINK_BYTES = 16;

export class Rack {
  readonly magazines: Magazine[] = [];
  readonly depot: Magazine;
  /** Every region, by creation order. */
  readonly regions: RackRegion[] = [];
  private readonly byKey = new Map<number, RackRegion>();
  /** True when the last allocate() carved never-used memory (calloc then needs no zeroing). */
  lastWasFresh = false;

  constructor(readonly config: RackConfig, private readonly host: RackHost) {
    for (let i = 0; i < host.magazineCount; i++) this.magazines.push(new Magazine(i, config.exactLists));
    this.depot = new Magazine(DEPOT_MAGAZINE_INDEX, config.exactLists);
  }

  msizeOf(size: number): number {
    return Math.max(1, Math.ceil(size / this.config.quantum));
  }

  goodSize(size: number): number {
    return this.msizeOf(size) * this.config.quantum;
  }

  /** The region holding `address`, if this rack owns one there. */
  regionOf(address: number): RackRegion | undefined {
    const r = this.byKey.get(Math.floor(address / this.config.regionSize));
    return r !== undefined && address >= r.start && address < r.end ? r : undefined;
  }

  // ---------------------------------------------------------------- malloc

  /** Returns the block address, or 0 when no region can be mapped. */
  allocate(requested: number): number {
    const msize = this.msizeOf(requested);
    const mag = this.magazines[0];
    this.lastWasFresh = false;
    let address = this.fromLastFree(mag, msize, requested);
    if (address === 0) address = this.fromFreeLists(mag, msize, requested);
    if (address === 0) address = this.fromTail(mag, msize, requested);
    if (address === 0 && this.adoptFromDepot(mag)) {
      address = this.fromFreeLists(mag, msize, requested);
      if (address === 0) address = this.fromTail(mag, msize, requested);
    }
    if (address === 0 && this.newRegion(mag)) address = this.fromTail(mag, msize, requested);
    return address;
  }

  private fromLastFree(mag: Magazine, msize: number, requested: number): number {
    if (mag.lastFree === 0 || mag.lastFreeMsize !== msize) return 0;
    const region = mag.lastFreeRegion as RackRegion;
    const address = mag.lastFree;
    const index = region.indexOf(address);
    region.freeQuanta -= msize;
    mag.freeBytes -= msize * this.config.quantum;
    mag.lastFree = 0;
    mag.lastFreeRegion = undefined;
    this.claim(mag, region, index, msize, requested);
    return address;
  }

  private fromFreeLists(mag: Magazine, msize: number, requested: number): number {
    for (let slot = mag.slotOf(msize); slot < mag.listCount; slot++) {
      let address = mag.heads[slot];
      if (address === 0) continue;
      if (slot === mag.listCount - 1) {
        // The last list mixes sizes: take the first block that is big enough.
        while (address !== 0) {
          const r = this.regionOf(address) as RackRegion;
          const i = r.indexOf(address);
          if (r.msizes[i] >= msize) break;
          address = r.nextFree[i];
        }
        if (address === 0) return 0;
      }
      const region = this.regionOf(address) as RackRegion;
      const index = region.indexOf(address);
      const have = region.msizes[index];
      this.unlink(mag, region, index);
      if (have > msize) {
        // Split: the front is returned, the remainder goes back on its list.
        region.msizes[index] = msize;
        this.push(mag, region, index + msize, have - msize);
      }
      this.claim(mag, region, index, msize, requested);
      return region.addressOf(index);
    }
    return 0;
  }

  private fromTail(mag: Magazine, msize: number, requested: number): number {
    const region = mag.lastRegion;
    if (region === undefined || region.tailQuanta < msize) return 0;
    const index = region.bumpIndex;
    region.bumpIndex += msize;
    mag.freeBytes -= msize * this.config.quantum;
    this.claim(mag, region, index, msize, requested);
    this.lastWasFresh = true;
    return region.addressOf(index);
  }

  private claim(mag: Magazine, region: RackRegion, index: number, msize: number, requested: number): void {
    region.msizes[index] = msize;
    region.flags[index] = BlockFlag.InUse;
    region.requested[index] = requested;
    region.inUseBlocks++;
    region.inUseQuanta += msize;
    mag.inUseBytes += msize * this.config.quantum;
    this.writeMeta(region, index, msize, true);
  }

  // ---------------------------------------------------------------- regions

  private newRegion(mag: Magazine): boolean {
    const c = this.config;
    const guard = this.host.guardRegions ? this.host.vm.pageSize : 0;
    const start = this.host.vm.map(c.regionSize + guard, {
      tag: c.tag, alignment: c.regionSize, hint: MALLOC_HEAP_HINT, detail: this.host.regionDetail(),
    });
    if (start === undefined) return false;
    if (guard > 0) this.host.vm.protect(start + c.regionSize, guard, '---');
    this.host.vmEvent(TraceKind.VmAlloc, start, c.regionSize + guard);
    if (mag.lastRegion !== undefined) this.finalizeTail(mag, mag.lastRegion);
    const region = new RackRegion(start, c.regionSize, c.heapOffset, c.quantum, c.numBlocks, mag.index);
    this.regions.push(region);
    this.byKey.set(Math.floor(start / c.regionSize), region);
    mag.regions.push(region);
    mag.lastRegion = region;
    const heap = c.numBlocks * c.quantum;
    mag.heapBytes += heap;
    mag.freeBytes += heap;
    // The trailer records the owning magazine: the region's metadata page is dirty from birth.
    this.host.vm.writeU32(start + c.trailerOffset, mag.index);
    return true;
  }

  /** A magazine moving on to a new region turns the old one's free tail into an ordinary free block. */
  private finalizeTail(mag: Magazine, region: RackRegion): void {
    const tail = region.tailQuanta;
    if (tail === 0) return;
    const index = region.bumpIndex;
    region.bumpIndex = region.numBlocks;
    mag.freeBytes -= tail * this.config.quantum;
    this.push(mag, region, index, tail);
  }

  private adoptFromDepot(mag: Magazine): boolean {
    const region = this.depot.regions[0];
    if (region === undefined) return false;
    this.moveRegion(region, this.depot, mag);
    return true;
  }

  /** Move a region and its free blocks between a magazine and the depot. */
  private moveRegion(region: RackRegion, from: Magazine, to: Magazine): void {
    const q = this.config.quantum;
    if (from.lastFreeRegion === region) this.flushLastFree(from);
    for (let i = 0; i < region.bumpIndex; i += region.msizes[i]) {
      if (region.flags[i] !== BlockFlag.Free) continue;
      const m = region.msizes[i];
      this.unlink(from, region, i);
      this.push(to, region, i, m);
    }
    from.regions.splice(from.regions.indexOf(region), 1);
    to.regions.push(region);
    const heap = region.numBlocks * q;
    const tail = region.tailQuanta * q;
    from.heapBytes -= heap;
    to.heapBytes += heap;
    from.inUseBytes -= region.inUseQuanta * q;
    to.inUseBytes += region.inUseQuanta * q;
    from.freeBytes -= tail;
    to.freeBytes += tail;
    if (from.lastRegion === region) from.lastRegion = undefined;
    region.magazine = to.index;
  }

  /**
   * libmalloc's recirculation test after a free: the region is under the density threshold and
   * the magazine holds more than 1.5 region heaps of free memory while under 75% used.
   */
  private maybeRecirculate(mag: Magazine, region: RackRegion): void {
    if (mag.index === DEPOT_MAGAZINE_INDEX || region === mag.lastRegion) return;
    const heap = region.numBlocks * this.config.quantum;
    const sparse = region.inUseQuanta * DENSITY_THRESHOLD_DENOMINATOR < region.numBlocks * DENSITY_THRESHOLD_NUMERATOR;
    const magSparse = mag.inUseBytes * DENSITY_THRESHOLD_DENOMINATOR < mag.heapBytes * DENSITY_THRESHOLD_NUMERATOR;
    if (!sparse || !magSparse || mag.freeBytes <= RECIRC_FREE_HEAPS * heap) return;
    this.moveRegion(region, mag, this.depot);
    this.madviseFreePages(region);
    this.releaseEmptyDepotRegions();
  }

  /** Depot regions give their free pages back: MADV_FREE_REUSABLE past each block's links. */
  private madviseFreePages(region: RackRegion): void {
    const q = this.config.quantum;
    for (let i = 0; i < region.bumpIndex; i += region.msizes[i]) {
      if (region.flags[i] !== BlockFlag.Free) continue;
      const start = region.addressOf(i) + LINK_BYTES;
      const length = region.msizes[i] * q - LINK_BYTES;
      this.adviseReusable(start, length);
    }
    if (region.tailQuanta > 0) this.adviseReusable(region.addressOf(region.bumpIndex), region.tailQuanta * q);
  }

  private adviseReusable(start: number, length: number): void {
    const ps = this.host.vm.pageSize;
    const a = Math.ceil(start / ps) * ps;
    const b = Math.floor((start + length) / ps) * ps;
    if (b <= a) return;
    this.host.vm.madvise(a, b - a, 'free_reusable');
    this.host.vmEvent(TraceKind.Madvise, a, b - a);
  }

  private releaseEmptyDepotRegions(): void {
    const empty = this.depot.regions.filter((r) => r.inUseBlocks === 0);
    while (empty.length > DEFAULT_RECIRC_RETAINED_REGIONS) {
      const region = empty.shift() as RackRegion;
      for (let i = 0; i < region.bumpIndex; i += region.msizes[i]) {
        if (region.flags[i] === BlockFlag.Free) this.unlink(this.depot, region, i);
      }
      this.depot.regions.splice(this.depot.regions.indexOf(region), 1);
      this.depot.heapBytes -= region.numBlocks * this.config.quantum;
      this.depot.freeBytes -= region.tailQuanta * this.config.quantum;
      this.regions.splice(this.regions.indexOf(region), 1);
      this.byKey.delete(Math.floor(region.start / this.config.regionSize));
      const guard = this.host.guardRegions ? this.host.vm.pageSize : 0;
      this.host.vm.unmap(region.start, region.size + guard);
      this.host.vmEvent(TraceKind.VmFree, region.start, region.size + guard);
    }
  }

  // ---------------------------------------------------------------- free

  free(region: RackRegion, address: number): number {
    const index = region.indexOf(address);
    if (index < 0 || index >= region.bumpIndex || region.msizes[index] === 0) throw notAllocated(address);
    if (region.flags[index] !== BlockFlag.InUse) throw doubleFree(address);
    const q = this.config.quantum;
    const msize = region.msizes[index];
    const bytes = msize * q;
    const mag = this.magazineOf(region);
    region.inUseBlocks--;
    region.inUseQuanta -= msize;
    mag.inUseBytes -= bytes;
    if (this.config.zeroOnFree) this.host.vm.fill(address, 0, bytes);
    else if (this.host.scribble) this.host.vm.fill(address, SCRABBLE_BYTE, bytes);
    this.writeMeta(region, index, msize, false);
    if (bytes < this.config.lastFreeLimit && mag.index !== DEPOT_MAGAZINE_INDEX) {
      const previous = mag.lastFree;
      const previousRegion = mag.lastFreeRegion;
      region.flags[index] = BlockFlag.Cached;
      region.freeQuanta += msize;
      mag.freeBytes += bytes;
      mag.lastFree = address;
      mag.lastFreeMsize = msize;
      mag.lastFreeRegion = region;
      if (previous !== 0 && previousRegion !== undefined) this.release(mag, previousRegion, previousRegion.indexOf(previous));
    } else {
      const merged = this.release(mag, region, index);
      if (mag.index === DEPOT_MAGAZINE_INDEX) {
        // Depot regions give their free pages back at once, and an emptied one may be unmapped.
        this.adviseReusable(region.addressOf(merged) + LINK_BYTES, region.msizes[merged] * this.config.quantum - LINK_BYTES);
        if (region.inUseBlocks === 0) this.releaseEmptyDepotRegions();
      }
    }
    this.maybeRecirculate(mag, region);
    return bytes;
  }

  private flushLastFree(mag: Magazine): void {
    if (mag.lastFree === 0 || mag.lastFreeRegion === undefined) return;
    const region = mag.lastFreeRegion;
    const index = region.indexOf(mag.lastFree);
    mag.lastFree = 0;
    mag.lastFreeRegion = undefined;
    this.release(mag, region, index);
  }

  /**
   * Put a freed (or mag_last_free-evicted) block on a free list, coalescing with free
   * neighbours; returns the start index of the resulting free block.
   */
  private release(mag: Magazine, region: RackRegion, index: number): number {
    let m = region.msizes[index];
    if (region.flags[index] === BlockFlag.Cached) {
      region.freeQuanta -= m;
      mag.freeBytes -= m * this.config.quantum;
    }
    region.flags[index] = 0;
    if (index > 0) {
      const s = region.freeStartAt[index - 1];
      if (s !== 0 && region.flags[s - 1] === BlockFlag.Free) {
        const p = s - 1;
        const pm = region.msizes[p];
        this.unlink(mag, region, p);
        region.msizes[index] = 0;
        this.clearMeta(region, index);
        index = p;
        m += pm;
      }
    }
    const next = index + m;
    if (next < region.bumpIndex && region.flags[next] === BlockFlag.Free) {
      const nm = region.msizes[next];
      this.unlink(mag, region, next);
      region.msizes[next] = 0;
      this.clearMeta(region, next);
      m += nm;
    }
    this.push(mag, region, index, m);
    return index;
  }

  // ---------------------------------------------------------------- free lists

  private push(mag: Magazine, region: RackRegion, index: number, msize: number): void {
    const slot = mag.slotOf(msize);
    const address = region.addressOf(index);
    const head = mag.heads[slot];
    region.msizes[index] = msize;
    region.flags[index] = BlockFlag.Free;
    region.nextFree[index] = head;
    region.prevFree[index] = 0;
    region.markFreeExtent(index, msize);
    region.freeQuanta += msize;
    mag.freeBytes += msize * this.config.quantum;
    if (head !== 0) {
      const hr = this.regionOf(head) as RackRegion;
      const hi = hr.indexOf(head);
      hr.prevFree[hi] = address;
      this.writeLinks(hr, hi);
    }
    mag.heads[slot] = address;
    this.writeMeta(region, index, msize, false);
    this.writeLinks(region, index);
  }

  private unlink(mag: Magazine, region: RackRegion, index: number): void {
    this.verifyLinks(region, index);
    const msize = region.msizes[index];
    const prev = region.prevFree[index];
    const next = region.nextFree[index];
    if (prev !== 0) {
      const pr = this.regionOf(prev) as RackRegion;
      const pi = pr.indexOf(prev);
      pr.nextFree[pi] = next;
      this.writeLinks(pr, pi);
    } else {
      mag.heads[mag.slotOf(msize)] = next;
    }
    if (next !== 0) {
      const nr = this.regionOf(next) as RackRegion;
      const ni = nr.indexOf(next);
      nr.prevFree[ni] = prev;
      this.writeLinks(nr, ni);
    }
    region.nextFree[index] = 0;
    region.prevFree[index] = 0;
    region.flags[index] = 0;
    region.clearFreeExtent(index, msize);
    region.freeQuanta -= msize;
    mag.freeBytes -= msize * this.config.quantum;
  }

  // ---------------------------------------------------------------- realloc in place

  /**
   * Resize the live block at `index` without moving it: shrink by freeing the tail, grow into a
   * free successor or the free tail. Returns false when it has to move.
   */
  resizeInPlace(region: RackRegion, index: number, requested: number): boolean {
    const msize = this.msizeOf(requested);
    const have = region.msizes[index];
    const mag = this.magazineOf(region);
    const q = this.config.quantum;
    if (msize < have) {
      region.msizes[index] = msize;
      region.inUseQuanta -= have - msize;
      mag.inUseBytes -= (have - msize) * q;
      this.writeMeta(region, index, msize, true);
      const tail = index + msize;
      region.msizes[tail] = have - msize;
      region.flags[tail] = 0;
      this.release(mag, region, tail);
    } else if (msize > have) {
      const next = index + have;
      const more = msize - have;
      if (next < region.bumpIndex && region.flags[next] === BlockFlag.Free && region.msizes[next] >= more) {
        const nm = region.msizes[next];
        this.unlink(mag, region, next);
        region.msizes[next] = 0;
        this.clearMeta(region, next);
        if (nm > more) this.push(mag, region, index + msize, nm - more);
      } else if (next === region.bumpIndex && region === mag.lastRegion && region.tailQuanta >= more) {
        region.bumpIndex += more;
        mag.freeBytes -= more * q;
      } else {
        return false;
      }
      region.msizes[index] = msize;
      region.inUseQuanta += more;
      mag.inUseBytes += more * q;
      this.writeMeta(region, index, msize, true);
    }
    region.requested[index] = requested;
    return true;
  }

  // ---------------------------------------------------------------- queries

  magazineOf(region: RackRegion): Magazine {
    return region.magazine === DEPOT_MAGAZINE_INDEX ? this.depot : this.magazines[region.magazine];
  }

  /** Size of the live block starting at `address` (0 when none). */
  liveSizeAt(region: RackRegion, address: number): number {
    const i = region.indexOf(address);
    if (i < 0 || i >= region.bumpIndex || region.flags[i] !== BlockFlag.InUse) return 0;
    return region.msizes[i] * this.config.quantum;
  }

  blockContaining(region: RackRegion, address: number): BlockInfo | undefined {
    if (address < region.heapStart || address >= region.heapEnd) return undefined;
    const i = region.blockStartContaining(Math.floor((address - region.heapStart) / this.config.quantum));
    if (i < 0) return undefined;
    return {
      address: region.addressOf(i), requestedSize: region.requested[i], blockSize: region.msizes[i] * this.config.quantum,
      zone: this.config.kind, live: region.flags[i] === BlockFlag.InUse,
    };
  }

  *blocksOf(region: RackRegion): Generator<{ address: number; size: number; requested: number; state: 'in-use' | 'free' | 'cached' }> {
    const q = this.config.quantum;
    for (let i = 0; i < region.bumpIndex; i += region.msizes[i]) {
      const f = region.flags[i];
      const state = f === BlockFlag.InUse ? 'in-use' : f === BlockFlag.Cached ? 'cached' : 'free';
      yield { address: region.addressOf(i), size: region.msizes[i] * q, requested: state === 'in-use' ? region.requested[i] : 0, state };
    }
    if (region.tailQuanta > 0) {
      yield { address: region.addressOf(region.bumpIndex), size: region.tailQuanta * q, requested: 0, state: 'free' };
    }
  }

  *liveBlocks(): Generator<BlockInfo> {
    const q = this.config.quantum;
    for (const region of this.regions) {
      for (let i = 0; i < region.bumpIndex; i += region.msizes[i]) {
        if (region.flags[i] !== BlockFlag.InUse) continue;
        yield { address: region.addressOf(i), requestedSize: region.requested[i], blockSize: region.msizes[i] * q, zone: this.config.kind, live: true };
      }
    }
  }

  /** MallocCheckHeap: every free block's in-memory links still match the lists. */
  heapIsIntact(): boolean {
    for (const region of this.regions) {
      for (let i = 0; i < region.bumpIndex; i += region.msizes[i]) {
        if (region.flags[i] !== BlockFlag.Free) continue;
        try {
          this.verifyLinks(region, i);
        } catch {
          return false;
        }
      }
    }
    return true;
  }

  /** Recompute every counter and list from the blocks; returns mismatches (tests). */
  checkInvariants(): string[] {
    const problems: string[] = [];
    const q = this.config.quantum;
    const onLists = new Set<number>();
    for (const mag of [...this.magazines, this.depot]) {
      for (let slot = 0; slot < mag.listCount; slot++) {
        let prev = 0;
        for (let a = mag.heads[slot]; a !== 0;) {
          const r = this.regionOf(a);
          if (r === undefined) { problems.push(`free list entry 0x${a.toString(16)} outside the rack`); break; }
          const i = r.indexOf(a);
          if (r.flags[i] !== BlockFlag.Free) problems.push(`0x${a.toString(16)} on a list but not free`);
          if (mag.slotOf(r.msizes[i]) !== slot) problems.push(`0x${a.toString(16)} on list ${slot} with msize ${r.msizes[i]}`);
          if (r.prevFree[i] !== prev) problems.push(`0x${a.toString(16)} bad prev link`);
          if (onLists.has(a)) { problems.push(`0x${a.toString(16)} on a list twice`); break; }
          onLists.add(a);
          prev = a;
          a = r.nextFree[i];
        }
      }
    }
    for (const mag of [...this.magazines, this.depot]) {
      let inUse = 0, free = 0, heap = 0;
      for (const r of mag.regions) {
        if (r.magazine !== mag.index) problems.push(`region 0x${r.start.toString(16)} owner mismatch`);
        heap += r.numBlocks * q;
        let used = 0, quanta = 0, blocks = 0, freeQ = 0;
        let i = 0;
        for (; i < r.bumpIndex; i += r.msizes[i]) {
          const m = r.msizes[i];
          if (m === 0) { problems.push(`region 0x${r.start.toString(16)} hole at quantum ${i}`); break; }
          const f = r.flags[i];
          if (f === BlockFlag.InUse) { used++; quanta += m; }
          else if (f === BlockFlag.Free) { freeQ += m; if (!onLists.has(r.addressOf(i))) problems.push(`free block 0x${r.addressOf(i).toString(16)} not on a list`); }
          else if (f === BlockFlag.Cached) { freeQ += m; if (mag.lastFree !== r.addressOf(i)) problems.push('cached block is not mag_last_free'); }
          else problems.push(`block 0x${r.addressOf(i).toString(16)} without state`);
          if (f === BlockFlag.Free && i > 0 && r.flags[r.freeStartAt[i - 1] - 1] === BlockFlag.Free && r.freeStartAt[i - 1] !== 0) {
            problems.push(`adjacent free blocks at 0x${r.addressOf(i).toString(16)} not coalesced`);
          }
        }
        if (i > r.bumpIndex) problems.push(`region 0x${r.start.toString(16)} blocks run past the tail`);
        if (used !== r.inUseBlocks || quanta !== r.inUseQuanta || freeQ !== r.freeQuanta) {
          problems.push(`region 0x${r.start.toString(16)} counters ${r.inUseBlocks}/${r.inUseQuanta}/${r.freeQuanta} != ${used}/${quanta}/${freeQ}`);
        }
        inUse += quanta * q;
        free += (freeQ + r.tailQuanta) * q;
      }
      if (inUse !== mag.inUseBytes || free !== mag.freeBytes || heap !== mag.heapBytes) {
        problems.push(`magazine ${mag.index} counters ${mag.inUseBytes}/${mag.freeBytes}/${mag.heapBytes} != ${inUse}/${free}/${heap}`);
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------- metadata in memory

  private writeMeta(region: RackRegion, index: number, msize: number, inUse: boolean): void {
    const vm = this.host.vm;
    if (this.config.metadata === 'bitmaps') {
      // Interleaved header/in-use bitmap words: one pair of 32-bit words per 32 quanta.
      const word = region.start + (index >>> 5) * 8;
      const bit = index & 31;
      const header = vm.readU32(word);
      if (((header >>> bit) & 1) === 0) vm.writeU32(word, (header | (1 << bit)) >>> 0);
      const used = vm.readU32(word + 4);
      const isSet = ((used >>> bit) & 1) === 1;
      if (inUse !== isSet) vm.writeU32(word + 4, (used ^ (1 << bit)) >>> 0);
    } else {
      // One 16-bit meta word per quantum: msize, top bit set while free.
      vm.writeU16(region.start + index * 2, inUse ? msize : msize | 0x8000);
    }
  }

  private clearMeta(region: RackRegion, index: number): void {
    const vm = this.host.vm;
    if (this.config.metadata === 'bitmaps') {
      const word = region.start + (index >>> 5) * 8;
      const bit = index & 31;
      const header = vm.readU32(word);
      if (((header >>> bit) & 1) === 1) vm.writeU32(word, (header & ~(1 << bit)) >>> 0);
      const used = vm.readU32(word + 4);
      if (((used >>> bit) & 1) === 1) vm.writeU32(word + 4, (used & ~(1 << bit)) >>> 0);
    } else {
      vm.writeU16(region.start + index * 2, 0);
    }
  }

  private linksInBand(region: RackRegion, index: number): boolean {
    const ps = this.host.vm.pageSize;
    // Page alignment measured from the (page-aligned) region start: block indices and offsets
    // are small integers, whereas `%` on an address above 2^32 is a floating-point remainder.
    return this.config.metadata === 'bitmaps' || (region.addressOf(index) - region.start) % ps !== 0
      || region.msizes[index] * this.config.quantum < ps;
  }

  /**
   * libmalloc checksums the links of free blocks and checks them when it takes a block off a
   * list: a program that wrote into freed memory gets "Incorrect checksum for freed object".
   */
  private verifyLinks(region: RackRegion, index: number): void {
    if (!this.linksInBand(region, index)) return;
    const vm = this.host.vm;
    const address = region.addressOf(index);
    const prev = vm.readU64(address);
    if (prev !== region.prevFree[index]) throw freedObjectModified(address, prev);
    const next = vm.readU64(address + 8);
    if (next !== region.nextFree[index]) throw freedObjectModified(address, next);
  }

  /**
   * In-band free-list links: previous and next pointers at the block start, and for tiny blocks
   * of two or more quanta the msize after them and in the last two bytes. Small and medium keep
   * page-aligned multi-page free blocks out of band so their pages stay clean.
   */
  private writeLinks(region: RackRegion, index: number): void {
    const vm = this.host.vm;
    const q = this.config.quantum;
    const address = region.addressOf(index);
    const msize = region.msizes[index];
    const bytes = msize * q;
    if (!this.linksInBand(region, index)) return;
    vm.writeU64(address, region.prevFree[index]);
    vm.writeU64(address + 8, region.nextFree[index]);
    if (this.config.metadata === 'bitmaps' && msize >= 2) {
      vm.writeU16(address + 16, msize);
      vm.writeU16(address + bytes - 2, msize);
    }
  }
}
