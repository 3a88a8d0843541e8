// The simulated address space: VM regions placed like mach_vm_map places them, pages that exist
// only once written, per-page state and the accounting vmmap and the footprint ledger report.
//
// Glossary
//   region   one VM map entry: [start, end), one tag, one protection (VmRegion)
//   page     profile.pageSize bytes (16 KiB on Apple silicon, 4 KiB on Intel)
//   untouched  mapped, never written: reads see the shared zero page, nothing is counted
//   dirty    written: resident, dirty and in the physical footprint
//   reusable madvise(MADV_FREE_REUSABLE)d: resident until reclaimed, out of dirty and footprint
//   resident (clean)  file-backed bytes the loader placed (e.g. __TEXT): resident, not dirty
//
// The typed reads and writes are the interpreter's hot path: each keeps a one-page cache (the
// page base and its DataView) so an access inside the last page costs a subtraction, a bounds
// test and a DataView call, and allocates nothing. A read miss first tries the page read before
// (a stack page and a heap page taking turns), then a direct-mapped software TLB, then the
// region list.
// Addresses go above 2^32, so page numbers are computed with division, never with bit operations
// (only their low bits pick a TLB slot).

import {
  MemoryFault, PageState,
  type AddressSpaceApi, type Footprint, type MachineProfile, type MapOptions, type Protection, type VmRegionInfo,
} from './api';
import { LOWEST_MAPPABLE, USER_ADDRESS_LIMIT } from './layout';
import { PagePool, pageView } from './pagePool';
import { VmRegion } from './vmRegion';

const TWO_32 = 4294967296;
/** Entries of the small direct-mapped page caches behind the one-page caches (a software TLB). */
const TLB_ENTRIES = 1024;
const MAX_REGION_PAGES = 2 ** 31;
const TWO_21 = 2097152;

/** Figures for any address range, for zone rows and heap maps. */
/** The address space at one moment (see AddressSpace.checkpoint). */
export interface VmCheckpoint {
  readonly regions: readonly VmRegion[];
  readonly peakDirtyPages: number;
}

export interface RangeStats {
  readonly virtual: number;
  readonly resident: number;
  readonly dirty: number;
  readonly swapped: number;
  readonly reusable: number;
}

function isReadable(p: Protection): boolean {
  return p !== '---';
}

export class AddressSpace implements AddressSpaceApi {
  readonly pageSize: number;
  /** Sorted by start, non-overlapping. */
  private readonly list: VmRegion[] = [];
  private lastRegion: VmRegion | undefined;

  // One-page caches. NaN bases make every comparison false, i.e. "no page cached".
  private rBase = NaN;
  private rView: DataView;
  private rBytes: Uint8Array;
  // The read page before the current one, swapped back in without a TLB lookup.
  private rPrevBase = NaN;
  private rPrevView: DataView;
  private rPrevBytes: Uint8Array;
  private wBase = NaN;
  private wView: DataView;
  private wBytes: Uint8Array;
  private readonly pages: PagePool;
  private readonly zeroBytes: Uint8Array;
  private readonly zeroView: DataView;
  // Software TLBs: recently used pages by page number modulo TLB_ENTRIES, so code that
  // alternates between a few pages (stack, heap, globals) rarely walks the region list.
  private readonly rTlbBase = new Float64Array(TLB_ENTRIES).fill(NaN);
  private readonly rTlbBytes: Uint8Array[] = [];
  private readonly rTlbView: DataView[] = [];
  private readonly wTlbBase = new Float64Array(TLB_ENTRIES).fill(NaN);
  private readonly wTlbBytes: Uint8Array[] = [];
  private readonly wTlbView: DataView[] = [];
  private readonly scratch = new Uint8Array(8);
  private readonly scratchView = new DataView(this.scratch.buffer);

  private virtualBytes = 0;
  private dirtyPages = 0;
  private residentCleanPages = 0;
  private reusablePages = 0;
  private peakDirtyPages = 0;
  private listener: (() => void) | undefined;

  constructor(readonly profile: MachineProfile) {
    this.pageSize = profile.pageSize;
    this.pages = new PagePool(this.pageSize);
    this.zeroBytes = new Uint8Array(this.pageSize);
    this.zeroView = new DataView(this.zeroBytes.buffer);
    this.rView = this.rPrevView = this.wView = this.zeroView;
    this.rBytes = this.rPrevBytes = this.wBytes = this.zeroBytes;
    for (let i = 0; i < TLB_ENTRIES; i++) {
      this.rTlbBytes.push(this.zeroBytes);
      this.rTlbView.push(this.zeroView);
      this.wTlbBytes.push(this.zeroBytes);
      this.wTlbView.push(this.zeroView);
    }
  }

  /** Called after any change of the accounting (a page dirtied, a map, unmap or madvise). */
  setFootprintListener(listener: (() => void) | undefined): void {
    this.listener = listener;
  }

  // ---------------------------------------------------------------- mapping

  map(size: number, options: MapOptions): number | undefined {
    const ps = this.pageSize;
    const bytes = Math.ceil(size / ps) * ps;
    // Per-page bookkeeping bounds a single mapping to 2^31 pages (32 TiB with 16 KiB pages).
    if (!(bytes > 0) || bytes / ps > MAX_REGION_PAGES) return undefined;
    const alignment = Math.max(ps, options.alignment ?? ps);
    let start: number | undefined;
    if (options.fixedAddress !== undefined) {
      const fixed = options.fixedAddress;
      if (fixed % alignment !== 0 || !this.isFree(fixed, bytes)) return undefined;
      start = fixed;
    } else {
      const hint = options.hint ?? LOWEST_MAPPABLE;
      start = this.findFree(bytes, alignment, hint);
      if (start === undefined && hint > LOWEST_MAPPABLE) start = this.findFree(bytes, alignment, LOWEST_MAPPABLE);
      if (start === undefined) return undefined;
    }
    const region = new VmRegion(start, start + bytes, ps, options.tag, options.protection ?? 'rw-',
      options.detail ?? '', options.fileBacked ?? false);
    this.list.splice(this.firstEndingAfter(start), 0, region);
    this.virtualBytes += bytes;
    this.invalidateCaches();
    this.notify();
    return start;
  }

  unmap(address: number, size: number): void {
    const ps = this.pageSize;
    const a = Math.floor(address / ps) * ps;
    const b = Math.ceil((address + size) / ps) * ps;
    if (!(b > a)) return;
    let i = this.firstEndingAfter(a);
    while (i < this.list.length && this.list[i].start < b) {
      const r = this.list[i];
      const keep: VmRegion[] = [];
      if (r.start < a) keep.push(r.slice(0, r.pageIndex(a)));
      if (r.end > b) keep.push(r.slice(r.pageIndex(b), r.pageCount));
      this.account(r, -1);
      for (const k of keep) this.account(k, 1);
      this.recyclePages(r, r.pageIndex(Math.max(a, r.start)), r.pageIndex(Math.min(b, r.end) - 1) + 1);
      this.list.splice(i, 1, ...keep);
      i += keep.length;
    }
    this.lastRegion = undefined;
    this.invalidateCaches();
    this.notify();
  }

  madvise(address: number, size: number, advice: 'free_reusable' | 'free_reuse' | 'can_reuse'): void {
    if (advice === 'can_reuse') return; // only a hint to the kernel; no page changes state
    const ps = this.pageSize;
    const a = Math.ceil(address / ps) * ps;
    const b = Math.floor((address + size) / ps) * ps;
    if (!(b > a)) return;
    const from = advice === 'free_reusable' ? PageState.Dirty : PageState.Reusable;
    const to = advice === 'free_reusable' ? PageState.Reusable : PageState.Dirty;
    for (let i = this.firstEndingAfter(a); i < this.list.length && this.list[i].start < b; i++) {
      const r = this.list[i];
      const p0 = r.pageIndex(Math.max(a, r.start));
      const p1 = r.pageIndex(Math.min(b, r.end) - 1) + 1;
      for (let p = p0; p < p1; p++) {
        if (r.pageStates[p] !== from) continue;
        this.setPageState(r, p, to);
      }
    }
    this.invalidateCaches();
    this.notify();
  }

  protect(address: number, size: number, protection: Protection): void {
    const ps = this.pageSize;
    const a = Math.floor(address / ps) * ps;
    const b = Math.ceil((address + size) / ps) * ps;
    this.splitAt(a, protection);
    this.splitAt(b, protection);
    for (let i = this.firstEndingAfter(a); i < this.list.length && this.list[i].start < b; i++) {
      this.list[i].protection = protection;
    }
    this.lastRegion = undefined;
    this.invalidateCaches();
  }

  /** Change the REGION DETAIL text of the region containing `address` (e.g. once a zone is named). */
  describe(address: number, detail: string): void {
    const r = this.findRegion(address);
    if (r !== undefined) r.detail = detail;
  }

  /**
   * Write bytes as the loader (or a debugger's writeMemory) does: protection is ignored, and in
   * a file-backed region the pages become resident but stay clean (outside the footprint).
   */
  loadBytes(address: number, bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) {
      const at = address + done;
      const r = this.regionFor(at, 'write');
      const p = r.pageIndex(at);
      const base = r.start + p * this.pageSize;
      const page = this.materialise(r, p, r.fileBacked ? PageState.Resident : PageState.Dirty);
      const o = at - base;
      const n = Math.min(bytes.length - done, this.pageSize - o);
      page.set(bytes.subarray(done, done + n), o);
      done += n;
    }
    this.invalidateCaches();
  }

  // ---------------------------------------------------------------- checkpoints (time travel)

  /**
   * The whole address space now, copy-on-write: no byte is copied here; a page written later
   * is copied first. Cost: one array slot per page of every region.
   */
  checkpoint(): VmCheckpoint {
    this.invalidateCaches();
    return { regions: this.list.map((r) => r.share()), peakDirtyPages: this.peakDirtyPages };
  }

  /** Back to a checkpoint (which stays usable: its pages remain shared). */
  restore(checkpoint: VmCheckpoint): void {
    this.list.length = 0;
    this.virtualBytes = this.dirtyPages = this.residentCleanPages = this.reusablePages = 0;
    for (const r of checkpoint.regions) {
      const live = r.share();
      this.list.push(live);
      this.account(live, 1);
    }
    this.peakDirtyPages = checkpoint.peakDirtyPages;
    this.lastRegion = undefined;
    this.invalidateCaches();
    this.notify();
  }

  // ---------------------------------------------------------------- typed reads (hot path)

  readU8(a: number): number {
    const o = a - this.rBase;
    if (o >= 0 && o < this.pageSize) return this.rBytes[o];
    this.cacheRead(a);
    return this.rBytes[a - this.rBase];
  }

  readI8(a: number): number {
    return (this.readU8(a) << 24) >> 24;
  }

  readU16(a: number): number {
    let o = a - this.rBase;
    if (!(o >= 0 && o <= this.pageSize - 2)) {
      o = this.readOffset(a, 2);
      if (o < 0) return this.readCrossing(a, 2).getUint16(0, true);
    }
    return this.rView.getUint16(o, true);
  }

  readI16(a: number): number {
    let o = a - this.rBase;
    if (!(o >= 0 && o <= this.pageSize - 2)) {
      o = this.readOffset(a, 2);
      if (o < 0) return this.readCrossing(a, 2).getInt16(0, true);
    }
    return this.rView.getInt16(o, true);
  }

  readU32(a: number): number {
    let o = a - this.rBase;
    if (!(o >= 0 && o <= this.pageSize - 4)) {
      o = this.readOffset(a, 4);
      if (o < 0) return this.readCrossing(a, 4).getUint32(0, true);
    }
    return this.rView.getUint32(o, true);
  }

  readI32(a: number): number {
    let o = a - this.rBase;
    if (!(o >= 0 && o <= this.pageSize - 4)) {
      o = this.readOffset(a, 4);
      if (o < 0) return this.readCrossing(a, 4).getInt32(0, true);
    }
    return this.rView.getInt32(o, true);
  }

  readU64(a: number): number | bigint {
    let lo: number, hi: number;
    let o = a - this.rBase;
    if (!(o >= 0 && o <= this.pageSize - 8)) o = this.readOffset(a, 8);
    if (o >= 0) {
      lo = this.rView.getUint32(o, true);
      hi = this.rView.getUint32(o + 4, true);
    } else {
      const v = this.readCrossing(a, 8);
      lo = v.getUint32(0, true);
      hi = v.getUint32(4, true);
    }
    if (hi < TWO_21) return hi * TWO_32 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  readI64(a: number): number | bigint {
    let lo: number, hi: number;
    let o = a - this.rBase;
    if (!(o >= 0 && o <= this.pageSize - 8)) o = this.readOffset(a, 8);
    if (o >= 0) {
      lo = this.rView.getUint32(o, true);
      hi = this.rView.getInt32(o + 4, true);
    } else {
      const v = this.readCrossing(a, 8);
      lo = v.getUint32(0, true);
      hi = v.getInt32(4, true);
    }
    if (hi >= -TWO_21 && hi < TWO_21) return hi * TWO_32 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  readF32(a: number): number {
    let o = a - this.rBase;
    if (!(o >= 0 && o <= this.pageSize - 4)) {
      o = this.readOffset(a, 4);
      if (o < 0) return this.readCrossing(a, 4).getFloat32(0, true);
    }
    return this.rView.getFloat32(o, true);
  }

  readF64(a: number): number {
    let o = a - this.rBase;
    if (!(o >= 0 && o <= this.pageSize - 8)) {
      o = this.readOffset(a, 8);
      if (o < 0) return this.readCrossing(a, 8).getFloat64(0, true);
    }
    return this.rView.getFloat64(o, true);
  }

  // ---------------------------------------------------------------- typed writes (hot path)

  writeU8(a: number, value: number): void {
    const o = a - this.wBase;
    if (o >= 0 && o < this.pageSize) {
      this.wBytes[o] = value;
      return;
    }
    this.cacheWrite(a);
    this.wBytes[a - this.wBase] = value;
  }

  writeU16(a: number, value: number): void {
    let o = a - this.wBase;
    if (!(o >= 0 && o <= this.pageSize - 2)) {
      o = this.writeOffset(a, 2);
      if (o < 0) {
        this.scratchView.setUint16(0, value, true);
        this.writeCrossing(a, 2);
        return;
      }
    }
    this.wView.setUint16(o, value, true);
  }

  writeU32(a: number, value: number): void {
    let o = a - this.wBase;
    if (!(o >= 0 && o <= this.pageSize - 4)) {
      o = this.writeOffset(a, 4);
      if (o < 0) {
        this.scratchView.setUint32(0, value, true);
        this.writeCrossing(a, 4);
        return;
      }
    }
    this.wView.setUint32(o, value, true);
  }

  writeU64(a: number, value: number | bigint): void {
    let lo: number, hi: number;
    if (typeof value === 'number') {
      // Two's complement halves. `>>> 0` is exact modulo 2^32 for any whole double (NaN and
      // infinities give 0), and v - lo is an exact multiple of 2^32; `%` on pointers above
      // 2^32 would be a floating-point remainder on every pointer store.
      const v = Math.trunc(value);
      lo = v >>> 0;
      hi = ((v - lo) / TWO_32) >>> 0;
    } else {
      const u = BigInt.asUintN(64, value);
      lo = Number(u & 0xffffffffn);
      hi = Number(u >> 32n);
    }
    let o = a - this.wBase;
    if (!(o >= 0 && o <= this.pageSize - 8)) o = this.writeOffset(a, 8);
    if (o >= 0) {
      this.wView.setUint32(o, lo, true);
      this.wView.setUint32(o + 4, hi, true);
      return;
    }
    this.scratchView.setUint32(0, lo, true);
    this.scratchView.setUint32(4, hi, true);
    this.writeCrossing(a, 8);
  }

  writeF32(a: number, value: number): void {
    let o = a - this.wBase;
    if (!(o >= 0 && o <= this.pageSize - 4)) {
      o = this.writeOffset(a, 4);
      if (o < 0) {
        this.scratchView.setFloat32(0, value, true);
        this.writeCrossing(a, 4);
        return;
      }
    }
    this.wView.setFloat32(o, value, true);
  }

  writeF64(a: number, value: number): void {
    let o = a - this.wBase;
    if (!(o >= 0 && o <= this.pageSize - 8)) {
      o = this.writeOffset(a, 8);
      if (o < 0) {
        this.scratchView.setFloat64(0, value, true);
        this.writeCrossing(a, 8);
        return;
      }
    }
    this.wView.setFloat64(o, value, true);
  }

  // ---------------------------------------------------------------- bulk access

  readBytes(address: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const at = address + done;
      if (!(at - this.rBase >= 0 && at - this.rBase < this.pageSize)) this.cacheRead(at);
      const o = at - this.rBase;
      const n = Math.min(length - done, this.pageSize - o);
      out.set(this.rBytes.subarray(o, o + n), done);
      done += n;
    }
    return out;
  }

  writeBytes(address: number, bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) {
      const at = address + done;
      if (!(at - this.wBase >= 0 && at - this.wBase < this.pageSize)) this.cacheWrite(at);
      const o = at - this.wBase;
      const n = Math.min(bytes.length - done, this.pageSize - o);
      this.wBytes.set(bytes.subarray(done, done + n), o);
      done += n;
    }
  }

  fill(address: number, value: number, length: number): void {
    const zero = (value & 0xff) === 0; // the byte Uint8Array.fill stores
    let done = 0;
    while (done < length) {
      const at = address + done;
      if (!(at - this.wBase >= 0 && at - this.wBase < this.pageSize)) {
        if (zero && this.dirtyAsZeroPage(at)) {
          done += this.pageSize - (at % this.pageSize);
          continue;
        }
        this.cacheWrite(at);
      }
      const o = at - this.wBase;
      const n = Math.min(length - done, this.pageSize - o);
      this.wBytes.fill(value, o, o + n);
      done += n;
    }
  }

  copy(dest: number, src: number, length: number): void {
    if (length <= 0) return;
    const ps = this.pageSize;
    if (!(src - this.rBase >= 0 && src - this.rBase < ps)) this.cacheRead(src);
    const from = this.rBytes;
    const so = src - this.rBase;
    if (so + length <= ps) {
      // Source within one page (most memcpy and realloc calls): no intermediate buffer.
      if (!(dest - this.wBase >= 0 && dest - this.wBase < ps)) this.cacheWrite(dest);
      const wo = dest - this.wBase;
      if (wo + length <= ps) {
        // copyWithin is memmove within one page; across pages, `from` is either another page
        // or the bytes this page held before a copy-on-write or first touch, i.e. the source.
        if (from === this.wBytes) this.wBytes.copyWithin(wo, so, so + length);
        else this.wBytes.set(from.subarray(so, so + length), wo);
        return;
      }
    }
    // Reading the whole source first gives memmove semantics for overlapping ranges.
    this.writeBytes(dest, this.readBytes(src, length));
  }

  readCString(address: number, max = 1 << 24): Uint8Array {
    const parts: Uint8Array[] = [];
    let total = 0;
    while (total < max) {
      const at = address + total;
      if (!(at - this.rBase >= 0 && at - this.rBase < this.pageSize)) this.cacheRead(at);
      const o = at - this.rBase;
      const n = Math.min(max - total, this.pageSize - o);
      const chunk = this.rBytes.subarray(o, o + n);
      const nul = chunk.indexOf(0);
      if (nul >= 0) {
        parts.push(chunk.slice(0, nul));
        total += nul;
        break;
      }
      parts.push(chunk.slice());
      total += n;
    }
    if (parts.length === 1) return parts[0];
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  // ---------------------------------------------------------------- introspection

  regionAt(address: number): VmRegionInfo | undefined {
    const r = this.findRegion(address);
    return r === undefined ? undefined : this.info(r);
  }

  regions(): VmRegionInfo[] {
    return this.list.map((r) => this.info(r));
  }

  pageState(address: number): PageState {
    const r = this.findRegion(address);
    if (r === undefined) return PageState.Untouched;
    return r.pageStates[r.pageIndex(address)] as PageState;
  }

  /** One PageState per page of [start, end) (unmapped pages read as Untouched). */
  pageStatesIn(start: number, end: number): Uint8Array {
    const ps = this.pageSize;
    const a = Math.floor(start / ps) * ps;
    const out = new Uint8Array(Math.max(0, Math.ceil((end - a) / ps)));
    for (let i = this.firstEndingAfter(a); i < this.list.length && this.list[i].start < end; i++) {
      const r = this.list[i];
      const from = Math.max(a, r.start);
      const to = Math.min(end, r.end);
      for (let at = from; at < to; at += ps) out[(at - a) / ps] = r.pageStates[r.pageIndex(at)];
    }
    return out;
  }

  /** vmmap's figures for [start, end), whatever regions it spans. */
  rangeStats(start: number, end: number): RangeStats {
    const ps = this.pageSize;
    let virtualPages = 0, dirty = 0, clean = 0, reusable = 0;
    for (let i = this.firstEndingAfter(start); i < this.list.length && this.list[i].start < end; i++) {
      const r = this.list[i];
      if (r.start >= start && r.end <= end) {
        virtualPages += r.pageCount;
        dirty += r.dirtyPages;
        clean += r.residentCleanPages;
        reusable += r.reusablePages;
        continue;
      }
      const p0 = r.pageIndex(Math.max(start, r.start));
      const p1 = r.pageIndex(Math.min(end, r.end) - 1) + 1;
      for (let p = p0; p < p1; p++) {
        virtualPages++;
        const s = r.pageStates[p];
        if (s === PageState.Dirty) dirty++;
        else if (s === PageState.Resident) clean++;
        else if (s === PageState.Reusable) reusable++;
      }
    }
    return {
      virtual: virtualPages * ps,
      resident: (dirty + clean + reusable) * ps,
      dirty: dirty * ps,
      swapped: 0,
      reusable: reusable * ps,
    };
  }

  footprint(): Footprint {
    const ps = this.pageSize;
    return {
      virtual: this.virtualBytes,
      resident: (this.dirtyPages + this.residentCleanPages + this.reusablePages) * ps,
      dirty: this.dirtyPages * ps,
      swapped: 0,
      // xnu phys_footprint: dirty anonymous memory (+ compressed, 0 here). Loader-filled
      // file-backed pages are clean and reusable pages left the ledger (libmalloc.md §5).
      physFootprint: this.dirtyPages * ps,
      physFootprintPeak: this.peakDirtyPages * ps,
    };
  }

  /** Recomputes every counter from the page states; returns a list of mismatches (tests). */
  checkInvariants(): string[] {
    const problems: string[] = [];
    let virtualBytes = 0, dirty = 0, clean = 0, reusable = 0;
    let previousEnd = 0;
    for (const r of this.list) {
      if (r.start < previousEnd) problems.push(`region 0x${r.start.toString(16)} overlaps its predecessor`);
      previousEnd = r.end;
      let d = 0, c = 0, u = 0;
      for (let p = 0; p < r.pageCount; p++) {
        const s = r.pageStates[p];
        if ((s === PageState.Untouched) !== (r.data[p] === undefined)) problems.push(`page ${p} of 0x${r.start.toString(16)}: bytes/state mismatch`);
        if (s === PageState.Dirty) d++;
        else if (s === PageState.Resident) c++;
        else if (s === PageState.Reusable) u++;
      }
      if (d !== r.dirtyPages || c !== r.residentCleanPages || u !== r.reusablePages) {
        problems.push(`region 0x${r.start.toString(16)} counters ${r.dirtyPages}/${r.residentCleanPages}/${r.reusablePages} != ${d}/${c}/${u}`);
      }
      virtualBytes += r.size;
      dirty += d;
      clean += c;
      reusable += u;
    }
    if (virtualBytes !== this.virtualBytes) problems.push(`virtual ${this.virtualBytes} != ${virtualBytes}`);
    if (dirty !== this.dirtyPages) problems.push(`dirty pages ${this.dirtyPages} != ${dirty}`);
    if (clean !== this.residentCleanPages) problems.push(`clean pages ${this.residentCleanPages} != ${clean}`);
    if (reusable !== this.reusablePages) problems.push(`reusable pages ${this.reusablePages} != ${reusable}`);
    if (this.peakDirtyPages < this.dirtyPages) problems.push('peak below current');
    return problems;
  }

  // ---------------------------------------------------------------- internals

  private info(r: VmRegion): VmRegionInfo {
    const ps = this.pageSize;
    return {
      start: r.start, end: r.end, tag: r.tag, protection: r.protection, detail: r.detail,
      virtual: r.size,
      resident: r.residentPages * ps,
      dirty: r.dirtyPages * ps,
      swapped: 0,
    };
  }

  private notify(): void {
    if (this.listener !== undefined) this.listener();
  }

  private invalidateCaches(): void {
    this.rBase = NaN;
    this.rPrevBase = NaN;
    this.wBase = NaN;
    this.rTlbBase.fill(NaN);
    this.wTlbBase.fill(NaN);
  }

  /** Index of the first region whose end is above `address` (binary search). */
  private firstEndingAfter(address: number): number {
    let lo = 0, hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[mid].end <= address) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private findRegion(address: number): VmRegion | undefined {
    const last = this.lastRegion;
    if (last !== undefined && address >= last.start && address < last.end) return last;
    const i = this.firstEndingAfter(address);
    const r = this.list[i];
    if (r === undefined || r.start > address) return undefined;
    this.lastRegion = r;
    return r;
  }

  private regionFor(address: number, access: 'read' | 'write'): VmRegion {
    const r = this.findRegion(address);
    if (r === undefined) throw new MemoryFault(address, access, 'unmapped');
    return r;
  }

  private isFree(start: number, bytes: number): boolean {
    if (start < 0 || start + bytes > USER_ADDRESS_LIMIT) return false;
    const r = this.list[this.firstEndingAfter(start)];
    return r === undefined || r.start >= start + bytes;
  }

  /** mach_vm_map anywhere-placement: the first aligned gap at or above `from`. */
  private findFree(bytes: number, alignment: number, from: number): number | undefined {
    let candidate = Math.ceil(from / alignment) * alignment;
    for (let i = this.firstEndingAfter(candidate); i < this.list.length; i++) {
      const r = this.list[i];
      if (r.start >= candidate + bytes) break;
      candidate = Math.ceil(r.end / alignment) * alignment;
    }
    return candidate + bytes <= USER_ADDRESS_LIMIT ? candidate : undefined;
  }

  /** Split the region containing `address` there, unless it already starts there or has `protection`. */
  private splitAt(address: number, protection: Protection): void {
    const r = this.findRegion(address);
    if (r === undefined || r.start === address || r.protection === protection) return;
    const i = this.list.indexOf(r);
    const p = r.pageIndex(address);
    this.list.splice(i, 1, r.slice(0, p), r.slice(p, r.pageCount));
    this.lastRegion = undefined;
  }

  private account(r: VmRegion, sign: number): void {
    this.virtualBytes += sign * r.size;
    this.dirtyPages += sign * r.dirtyPages;
    this.residentCleanPages += sign * r.residentCleanPages;
    this.reusablePages += sign * r.reusablePages;
  }

  private setPageState(r: VmRegion, p: number, to: PageState): void {
    const from = r.pageStates[p] as PageState;
    r.countPage(from, -1);
    this.countGlobal(from, -1);
    r.pageStates[p] = to;
    r.countPage(to, 1);
    this.countGlobal(to, 1);
  }

  private countGlobal(state: PageState, delta: number): void {
    switch (state) {
      case PageState.Dirty:
        this.dirtyPages += delta;
        if (this.dirtyPages > this.peakDirtyPages) this.peakDirtyPages = this.dirtyPages;
        break;
      case PageState.Resident: this.residentCleanPages += delta; break;
      case PageState.Reusable: this.reusablePages += delta; break;
      default: break;
    }
  }

  /** Pages [p0, p1) of a region being unmapped go back to the pool unless a checkpoint shares them. */
  private recyclePages(r: VmRegion, p0: number, p1: number): void {
    for (let p = p0; p < p1; p++) {
      const page = r.data[p];
      if (page !== undefined && r.shared[p] === 0) this.pages.give(page);
    }
  }

  /**
   * A zero fill reaching an untouched page: the page becomes dirty, as a memset makes it, but its
   * bytes stay the shared zero page, copied on the first write that stores something (memset(p, 0,
   * 10 MiB) then costs no page bytes). False when the page already has bytes of its own.
   */
  private dirtyAsZeroPage(a: number): boolean {
    const r = this.regionFor(a, 'write');
    if (r.protection !== 'rw-') throw new MemoryFault(a, 'write', 'protection');
    const p = r.pageIndex(a);
    if (r.data[p] !== undefined) return false;
    r.data[p] = this.zeroBytes;
    r.views[p] = this.zeroView;
    r.shared[p] = 1;
    this.setPageState(r, p, PageState.Dirty);
    this.notify();
    return true;
  }

  /** Bytes of page p, created (zero-filled) if needed, its state moved to `state` if it was not dirty. */
  private materialise(r: VmRegion, p: number, state: PageState): Uint8Array {
    let page = r.data[p];
    if (page === undefined) {
      page = this.pages.take();
      r.data[p] = page;
      r.views[p] = pageView(page);
    } else if (r.shared[p] === 1) {
      // Copy-on-write: a checkpoint still holds these bytes, or they are the shared zero page.
      const copy = this.pages.take();
      if (page !== this.zeroBytes) copy.set(page);
      page = copy;
      r.data[p] = page;
      r.views[p] = pageView(page);
      r.shared[p] = 0;
    }
    const current = r.pageStates[p] as PageState;
    if (current !== state && current !== PageState.Dirty) {
      this.setPageState(r, p, state);
      if (state === PageState.Dirty) this.notify();
    }
    return page;
  }

  private cacheRead(a: number): void {
    const previous = a - this.rPrevBase;
    if (previous >= 0 && previous < this.pageSize) {
      // Back to the page read before this one (a stack page and a heap page taking turns).
      const base = this.rBase, bytes = this.rBytes, view = this.rView;
      this.rBase = this.rPrevBase;
      this.rBytes = this.rPrevBytes;
      this.rView = this.rPrevView;
      this.rPrevBase = base;
      this.rPrevBytes = bytes;
      this.rPrevView = view;
      return;
    }
    const base = this.rBase, bytes = this.rBytes, view = this.rView;
    this.cacheReadTlb(a);
    this.rPrevBase = base;
    this.rPrevBytes = bytes;
    this.rPrevView = view;
  }

  private cacheReadTlb(a: number): void {
    const pageNumber = Math.floor(a / this.pageSize);
    // The page number exceeds 2^32, but `&` keeps the low bits of any integer below 2^53 (ToInt32
    // works modulo 2^32), whereas `%` on such a double is a slow floating-point remainder.
    const slot = pageNumber & (TLB_ENTRIES - 1);
    const base = pageNumber * this.pageSize;
    if (this.rTlbBase[slot] === base) {
      this.rBase = base;
      this.rBytes = this.rTlbBytes[slot];
      this.rView = this.rTlbView[slot];
      return;
    }
    this.cacheReadSlow(a);
    this.rTlbBase[slot] = base;
    this.rTlbBytes[slot] = this.rBytes;
    this.rTlbView[slot] = this.rView;
  }

  private cacheReadSlow(a: number): void {
    const r = this.regionFor(a, 'read');
    if (!isReadable(r.protection)) throw new MemoryFault(a, 'read', 'protection');
    const p = r.pageIndex(a);
    this.rBase = r.start + p * this.pageSize;
    const page = r.data[p];
    if (page === undefined) {
      this.rBytes = this.zeroBytes;
      this.rView = this.zeroView;
    } else {
      this.rBytes = page;
      this.rView = r.views[p] as DataView;
    }
  }

  private cacheWrite(a: number): void {
    const pageNumber = Math.floor(a / this.pageSize);
    const slot = pageNumber & (TLB_ENTRIES - 1); // low bits: see cacheRead
    const base = pageNumber * this.pageSize;
    // The previous read page may be this page's zero page or a checkpoint's bytes.
    if (this.rPrevBase === base) this.rPrevBase = NaN;
    if (this.wTlbBase[slot] === base) {
      this.wBase = this.rBase = base;
      this.wBytes = this.rBytes = this.wTlbBytes[slot];
      this.wView = this.rView = this.wTlbView[slot];
      return;
    }
    this.cacheWriteSlow(a);
    this.wTlbBase[slot] = base;
    this.wTlbBytes[slot] = this.wBytes;
    this.wTlbView[slot] = this.wView;
    // The read TLB may hold the zero page (or a checkpoint's bytes) for this page.
    this.rTlbBase[slot] = base;
    this.rTlbBytes[slot] = this.wBytes;
    this.rTlbView[slot] = this.wView;
  }

  private cacheWriteSlow(a: number): void {
    const r = this.regionFor(a, 'write');
    if (r.protection !== 'rw-') throw new MemoryFault(a, 'write', 'protection');
    const p = r.pageIndex(a);
    const page = this.materialise(r, p, PageState.Dirty);
    const view = r.views[p] as DataView;
    // The written page is now the cached page for reads as well (it may have been the zero page).
    this.wBase = this.rBase = r.start + p * this.pageSize;
    this.wBytes = this.rBytes = page;
    this.wView = this.rView = view;
  }

  /** Makes a's page the cached read page; a's offset in it, or -1 when [a, a+n) crosses into the next page. */
  private readOffset(a: number, n: number): number {
    this.cacheRead(a);
    const o = a - this.rBase;
    return o + n <= this.pageSize ? o : -1;
  }

  /** Bytes [a, a+n) of an access that straddles two pages, gathered into scratch. */
  private readCrossing(a: number, n: number): DataView {
    for (let i = 0; i < n; i++) this.scratch[i] = this.readU8(a + i);
    return this.scratchView;
  }

  /** Makes a's page the cached write page; a's offset in it, or -1 when [a, a+n) crosses into the next page. */
  private writeOffset(a: number, n: number): number {
    this.cacheWrite(a);
    const o = a - this.wBase;
    return o + n <= this.pageSize ? o : -1;
  }

  /** Writes scratch[0..n) at a, where the access straddles two pages. */
  private writeCrossing(a: number, n: number): void {
    // Copy the bytes out first, as writeU8 may fault half-way.
    const bytes = this.scratch.slice(0, n);
    for (let i = 0; i < n; i++) this.writeU8(a + i, bytes[i]);
  }
}
