// The zone front: malloc, calloc, realloc and free dispatched by size (allocation) and by
// pointer ownership (free, realloc), the two zones vmmap names, and the introspection the
// reports read.
//
// Zones: with nano on (the default), DefaultMallocZone is the nano zone and MallocHelperZone
// the magazine zone (tiny, small, [medium,] large) that serves everything nano does not; with
// nano off the magazine zone is DefaultMallocZone. Zone names carry the address of the zone
// structure, a "MALLOC metadata" page mapped at start-up, as vmmap prints them.
//
// Size dispatch (all limits inclusive): nano ≤ NANO_MAX_SIZE (256 B); tiny ≤
// TINY_LIMIT_THRESHOLD (1008 B); small ≤ SMALL_LIMIT_THRESHOLD (32 KiB); medium ≤
// MEDIUM_LIMIT_THRESHOLD (8 MiB) when engaged (hw.memsize ≥ MEDIUM_ACTIVATION_THRESHOLD or
// MallocMediumZone=1); large above.

import {
  TraceKind, type BlockInfo, type CallContext, type MallocApi, type MallocIntrospection, type MallocRegionReport,
  type ZoneKind, type ZoneReport,
} from './api';
import type { AddressSpaceApi, MachineProfile } from '../vm/api';
import { MALLOC_METADATA_HINT } from '../vm/layout';
import type { TraceLog } from '../trace/traceLog';
import {
  MAX_MAGAZINES, MEDIUM_LIMIT_THRESHOLD, NANO_DEFAULT_META_COOKIE, NANO_MAX_SIZE, SCRIBBLE_BYTE, SMALL_LIMIT_THRESHOLD,
  TINY_LIMIT_THRESHOLD,
} from './constants';
import { readMallocSettings, type MallocSettings } from './environment';
import { heapCheckFailed, hex, MallocMessages, notAllocated, outOfMemory, reallocNotAllocated } from './errors';
import { LargeAllocator } from './largeAllocator';
import { NanoZone } from './nanoZone';
import { Rack } from './rack';
import { mediumRackConfig, smallRackConfig } from './smallRack';
import { tinyRackConfig } from './tinyRack';
import { cloneGraph } from './stateClone';

export interface LibmallocOptions {
  readonly vm: AddressSpaceApi;
  readonly profile: MachineProfile;
  readonly env: Readonly<Record<string, string>>;
  readonly context: CallContext;
  readonly trace: TraceLog;
  readonly programName: string;
  readonly pid: number;
  /** Receives whole lines for stderr (malformed env values, MallocHelp). */
  warn(text: string): void;
}

/** Bytes of one magazine_t, for sizing the magazine arrays' metadata mapping. [INFERRED] */
const MAGAZINE_STRUCT_BYTES = 2560;
/** Requests at or above this fail with NULL/ENOMEM (beyond the 47-bit user address space). */
const MAX_REQUEST = 2 ** 47;

/** Opaque allocator state from Libmalloc.checkpoint(). */
export interface MallocCheckpoint {
  readonly nano: NanoZone | undefined;
  readonly tiny: Rack;
  readonly small: Rack;
  readonly medium: Rack | undefined;
  readonly large: LargeAllocator;
  readonly lastZone: ZoneKind;
  readonly lastFresh: boolean;
  readonly operations: number;
}

type Owner =
  | { kind: 'nano' }
  | { kind: 'tiny' | 'small' | 'medium'; rack: Rack; region: import('./rackRegion').RackRegion }
  | { kind: 'large' };

export class Libmalloc implements MallocApi, MallocIntrospection {
  readonly settings: MallocSettings;
  // Replaced wholesale by restore(): not readonly.
  nano: NanoZone | undefined;
  tiny: Rack;
  small: Rack;
  medium: Rack | undefined;
  large: LargeAllocator;
  /** Zone structure addresses (the hex in the zone names). */
  readonly helperZoneAddress: number;
  readonly nanoZoneAddress: number | undefined;
  readonly magazineCount: number;
  private readonly vm: AddressSpaceApi;
  private readonly context: CallContext;
  private readonly trace: TraceLog;
  /** Zone of the block the last allocate() produced. */
  private lastZone: ZoneKind = 'tiny';
  private lastFresh = false;
  /** malloc/calloc/realloc/free calls so far (MallocCheckHeap counts operations). */
  private operations = 0;

  constructor(options: LibmallocOptions) {
    const { vm, profile, trace, context } = options;
    this.vm = vm;
    this.trace = trace;
    this.context = context;
    this.settings = readMallocSettings(options.env, profile, (t) => options.warn(t));
    if (this.settings.stackLogging !== undefined) options.warn(MallocMessages.stackLogsBeingWritten(options.programName, options.pid));
    this.magazineCount = Math.max(1, Math.min(profile.logicalCpus, MAX_MAGAZINES, this.settings.maxMagazines ?? MAX_MAGAZINES));

    const series = trace.footprint;
    const listening = vm as AddressSpaceApi & { setFootprintListener?(l: () => void): void };
    if (typeof listening.setFootprintListener === 'function') {
      listening.setFootprintListener(() => series.record(context.step(), vm.footprint()));
    }

    this.helperZoneAddress = this.mapZoneStructure(MALLOC_METADATA_HINT);
    this.nanoZoneAddress = this.settings.nanoZone ? this.mapZoneStructure(MALLOC_METADATA_HINT + 0x8000) : undefined;
    const magazineDetail = (): string => this.magazineZoneName;
    const host = {
      vm, scribble: this.settings.scribble, guardRegions: this.settings.guardEdges === 'all', magazineCount: this.magazineCount,
      regionDetail: magazineDetail,
      vmEvent: (kind: TraceKind, address: number, size: number) => this.recordVm(kind, address, size),
    };
    this.tiny = new Rack(tinyRackConfig(this.settings.zeroOnFree), host);
    this.small = new Rack(smallRackConfig(), host);
    this.mapMagazines();
    this.describeZoneStructures();
    if (this.settings.mediumEngaged) {
      this.medium = new Rack(mediumRackConfig(), host);
    }
    this.large = new LargeAllocator({
      vm, profile, settings: this.settings, regionDetail: magazineDetail,
      vmEvent: (kind, address, size) => this.recordVm(kind, address, size),
    });
    if (this.settings.nanoZone) {
      this.nano = new NanoZone({
        vm, zeroOnFree: this.settings.zeroOnFree,
        vmEvent: (kind, address, size) => this.recordVm(kind, address, size),
      }, this.settings.nanoCookie ?? NANO_DEFAULT_META_COOKIE, this.defaultZoneName);
    }
  }

  // ---------------------------------------------------------------- zone names

  get defaultZoneName(): string {
    return `DefaultMallocZone_${hex(this.nanoZoneAddress ?? this.helperZoneAddress)}`;
  }

  /** The magazine zone's name: MallocHelperZone behind nano, else DefaultMallocZone. */
  get magazineZoneName(): string {
    return this.nanoZoneAddress === undefined ? this.defaultZoneName : `MallocHelperZone_${hex(this.helperZoneAddress)}`;
  }

  // ---------------------------------------------------------------- MallocApi

  malloc(size: number): number {
    this.countOperation();
    const address = this.allocate(size, false);
    if (address !== 0) this.record(TraceKind.Alloc, address, size, this.lastZone, undefined);
    return address;
  }

  calloc(count: number, size: number): number {
    this.countOperation();
    const total = count * size;
    if (!Number.isSafeInteger(total) || total < 0) return 0;
    const address = this.allocate(total, true);
    if (address !== 0) this.record(TraceKind.Alloc, address, total, this.lastZone, undefined);
    return address;
  }

  free(address: number): void {
    this.countOperation();
    if (address === 0) return;
    const owner = this.ownerOf(address);
    if (owner === undefined) throw notAllocated(address);
    const zone = owner.kind;
    const bytes = this.freeOwned(owner, address);
    this.record(TraceKind.Free, address, bytes, zone, undefined);
  }

  realloc(address: number, size: number): number {
    if (address === 0) return this.malloc(size);
    this.countOperation();
    const owner = this.ownerOf(address);
    const oldSize = owner === undefined ? 0 : this.liveSizeOwned(owner, address);
    if (owner === undefined || oldSize === 0) throw reallocNotAllocated(address);
    if (!(size >= 0) || size >= MAX_REQUEST) return 0;
    // Same pointer when the new size still fits and uses at least half the block
    // ([INFERRED] szone_realloc's "not worth moving" rule).
    if (size <= oldSize && size * 2 >= oldSize) {
      this.setRequested(owner, address, size);
      this.record(TraceKind.Realloc, address, size, owner.kind, address);
      return address;
    }
    if (this.kindFor(size) === owner.kind && this.resizeInPlace(owner, address, size)) {
      this.record(TraceKind.Realloc, address, size, owner.kind, address);
      return address;
    }
    const moved = this.allocate(size, false);
    if (moved === 0) return 0;
    const zone = this.lastZone;
    this.vm.copy(moved, address, Math.min(oldSize, size));
    this.freeOwned(owner, address);
    this.record(TraceKind.Realloc, moved, size, zone, address);
    return moved;
  }

  mallocSize(address: number): number {
    const owner = this.ownerOf(address);
    return owner === undefined ? 0 : this.liveSizeOwned(owner, address);
  }

  mallocGoodSize(size: number): number {
    switch (this.kindFor(size)) {
      case 'nano': return (this.nano as NanoZone).slotSizeOf(size);
      case 'tiny': return this.tiny.goodSize(size);
      case 'small': return this.small.goodSize(size);
      case 'medium': return (this.medium as Rack).goodSize(size);
      default: return this.large.roundedSize(size);
    }
  }

  blockContaining(address: number): BlockInfo | undefined {
    if (this.nano?.owns(address)) return this.nano.blockContaining(address);
    for (const rack of this.racks()) {
      const region = rack.regionOf(address);
      if (region !== undefined) return rack.blockContaining(region, address);
    }
    return this.large.blockContaining(address);
  }

  liveBlocks(): Iterable<BlockInfo> {
    // Regions are disjoint and each lists its blocks in address order: no sort needed.
    // Re-iterable (each iteration walks the current regions), unlike a bare generator.
    return {
      [Symbol.iterator]: (): Iterator<BlockInfo> => (function* (regions: MallocRegionReport[]): Generator<BlockInfo> {
        for (const r of regions) {
          for (const b of r.blocks()) {
            if (b.state === 'in-use') yield { address: b.address, requestedSize: b.requested, blockSize: b.size, zone: r.zone, live: true };
          }
        }
      })(this.regions()),
    };
  }

  // ---------------------------------------------------------------- MallocIntrospection

  zones(): ZoneReport[] {
    const out: ZoneReport[] = [];
    if (this.nano !== undefined) {
      out.push({
        zoneName: this.defaultZoneName, kinds: ['nano'], allocationCount: this.nano.liveCount,
        bytesAllocated: this.nano.liveBytes, regionCount: 1,
      });
    }
    let count = 0, bytes = 0, regions = 0;
    for (const rack of this.racks()) {
      regions += rack.regions.length;
      for (const r of rack.regions) {
        count += r.inUseBlocks;
        bytes += r.inUseQuanta * rack.config.quantum;
      }
    }
    regions += this.large.entries().length;
    for (const b of this.large.liveBlocks()) { count++; bytes += b.blockSize; }
    const kinds: ZoneKind[] = this.medium === undefined ? ['tiny', 'small', 'large'] : ['tiny', 'small', 'medium', 'large'];
    out.push({ zoneName: this.magazineZoneName, kinds, allocationCount: count, bytesAllocated: bytes, regionCount: regions });
    return out;
  }

  regions(): MallocRegionReport[] {
    const out: MallocRegionReport[] = [];
    const nano = this.nano;
    if (nano !== undefined) {
      out.push({ zone: 'nano', zoneName: this.defaultZoneName, start: nano.regionStart, end: nano.regionEnd, blocks: () => nano.slots() });
    }
    for (const rack of this.racks()) {
      for (const region of rack.regions) {
        out.push({
          zone: rack.config.kind, zoneName: this.magazineZoneName, start: region.start, end: region.end,
          blocks: () => rack.blocksOf(region),
        });
      }
    }
    for (const { entry, state } of this.large.entries()) {
      out.push({
        zone: 'large', zoneName: this.magazineZoneName, start: entry.address, end: entry.address + entry.size,
        blocks: () => [{ address: entry.address, size: entry.size, requested: state === 'in-use' ? entry.requested : 0, state }],
      });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /** MallocCheckHeapStart/Each: check the heap before operation N, N+M, … */
  private countOperation(): void {
    const n = ++this.operations;
    const start = this.settings.checkHeapStart;
    if (start === undefined || n < start || (n - start) % this.settings.checkHeapEach !== 0) return;
    if (!this.racks().every((rack) => rack.heapIsIntact())) throw heapCheckFailed(n, this.settings.checkHeapAbort);
  }

  // ---------------------------------------------------------------- checkpoints (time travel)

  /** The allocator's whole state now (pair it with AddressSpace.checkpoint and TraceLog.eventCount). */
  checkpoint(): MallocCheckpoint {
    return cloneGraph({
      nano: this.nano, tiny: this.tiny, small: this.small, medium: this.medium, large: this.large,
      lastZone: this.lastZone, lastFresh: this.lastFresh, operations: this.operations,
    });
  }

  /** Back to a checkpoint; it stays usable for later restores. */
  restore(checkpoint: MallocCheckpoint): void {
    const s = cloneGraph(checkpoint);
    this.nano = s.nano;
    this.tiny = s.tiny;
    this.small = s.small;
    this.medium = s.medium;
    this.large = s.large;
    this.lastZone = s.lastZone;
    this.lastFresh = s.lastFresh;
    this.operations = s.operations;
  }

  /** Every consistency check the model knows (tests run it after each operation). */
  checkInvariants(): string[] {
    const problems: string[] = [];
    for (const rack of this.racks()) problems.push(...rack.checkInvariants());
    problems.push(...this.large.checkInvariants());
    return problems;
  }

  // ---------------------------------------------------------------- internals

  private racks(): Rack[] {
    return this.medium === undefined ? [this.tiny, this.small] : [this.tiny, this.small, this.medium];
  }

  kindFor(size: number): ZoneKind {
    if (this.nano !== undefined && size <= NANO_MAX_SIZE) return 'nano';
    if (size <= TINY_LIMIT_THRESHOLD) return 'tiny';
    if (size <= SMALL_LIMIT_THRESHOLD) return 'small';
    if (this.medium !== undefined && size <= MEDIUM_LIMIT_THRESHOLD) return 'medium';
    return 'large';
  }

  /** Allocate without recording; sets lastZone. Returns 0 on failure (the machine sets errno ENOMEM). */
  private allocate(size: number, clear: boolean): number {
    const address = this.allocateOrNull(size, clear);
    if (address === 0 && this.settings.errorAbort) throw outOfMemory(this.large.roundedSize(size));
    return address;
  }

  private allocateOrNull(size: number, clear: boolean): number {
    if (!(size >= 0) || size >= MAX_REQUEST) return 0;
    let kind = this.kindFor(size);
    let address = 0;
    let blockSize = 0;
    if (kind === 'nano') {
      const nano = this.nano as NanoZone;
      address = nano.allocate(size);
      if (address !== 0) {
        this.lastFresh = nano.lastWasFresh;
        blockSize = nano.slotSizeOf(size);
      } else {
        kind = 'tiny'; // nano exhausted: the helper zone serves it
      }
    }
    if (address === 0 && kind !== 'large') {
      const rack = kind === 'tiny' || kind === 'nano' ? this.tiny : kind === 'small' ? this.small : this.medium as Rack;
      kind = rack.config.kind;
      address = rack.allocate(size);
      this.lastFresh = rack.lastWasFresh;
      blockSize = rack.goodSize(size);
    } else if (address === 0) {
      address = this.large.allocate(size);
      this.lastFresh = this.large.lastWasFresh;
      blockSize = this.large.roundedSize(size);
    }
    if (address === 0) return 0;
    this.lastZone = kind;
    if (clear || this.settings.zeroOnAlloc) {
      // calloc: fresh memory is already zero (untouched pages need no writes); reused blocks are cleared.
      if (!this.lastFresh) this.vm.fill(address, 0, clear ? Math.min(blockSize, Math.max(size, 1)) : blockSize);
    } else if (this.settings.scribble) {
      this.vm.fill(address, SCRIBBLE_BYTE, blockSize);
    }
    return address;
  }

  private ownerOf(address: number): Owner | undefined {
    if (this.nano?.owns(address)) return { kind: 'nano' };
    for (const rack of this.racks()) {
      const region = rack.regionOf(address);
      if (region !== undefined) return { kind: rack.config.kind, rack, region };
    }
    if (this.large.owns(address)) return { kind: 'large' };
    return undefined;
  }

  private freeOwned(owner: Owner, address: number): number {
    switch (owner.kind) {
      case 'nano': return (this.nano as NanoZone).free(address);
      case 'large': return this.large.free(address);
      default: return owner.rack.free(owner.region, address);
    }
  }

  private liveSizeOwned(owner: Owner, address: number): number {
    switch (owner.kind) {
      case 'nano': return (this.nano as NanoZone).liveSizeAt(address);
      case 'large': return this.large.liveEntry(address)?.size ?? 0;
      default: return owner.rack.liveSizeAt(owner.region, address);
    }
  }

  private setRequested(owner: Owner, address: number, size: number): void {
    switch (owner.kind) {
      case 'nano': (this.nano as NanoZone).setRequested(address, size); break;
      case 'large': (this.large.liveEntry(address) as { requested: number }).requested = size; break;
      default: owner.region.requested[owner.region.indexOf(address)] = size; break;
    }
  }

  private resizeInPlace(owner: Owner, address: number, size: number): boolean {
    switch (owner.kind) {
      case 'nano': return false;
      case 'large': {
        const entry = this.large.liveEntry(address);
        return entry !== undefined && this.large.resizeInPlace(entry, size);
      }
      default: return owner.rack.resizeInPlace(owner.region, owner.region.indexOf(address), size);
    }
  }

  private record(kind: TraceKind, address: number, size: number, zone: ZoneKind | undefined, previous: number | undefined): void {
    this.trace.record(kind, address, size, zone, previous, this.context.step(), this.context.stackId());
  }

  private recordVm(kind: TraceKind, address: number, size: number): void {
    this.record(kind, address, size, undefined, undefined);
  }

  /** One page of "MALLOC metadata" holding a zone structure: written, then made read-only. */
  private mapZoneStructure(hint: number): number {
    const ps = this.vm.pageSize;
    const address = this.vm.map(ps, { tag: 'MALLOC metadata', hint }) as number;
    this.vm.fill(address, 0, ps);
    this.vm.protect(address, ps, 'r--');
    this.recordVm(TraceKind.VmAlloc, address, ps);
    return address;
  }

  /** vmmap's detail for a zone structure page: "<zone name> zone structure". */
  private describeZoneStructures(): void {
    const describable = this.vm as AddressSpaceApi & { describe?(address: number, detail: string): void };
    if (typeof describable.describe !== 'function') return;
    describable.describe(this.helperZoneAddress, `${this.magazineZoneName} zone structure`);
    if (this.nanoZoneAddress !== undefined) describable.describe(this.nanoZoneAddress, `${this.defaultZoneName} zone structure`);
  }

  /** Each rack's magazine array (one per CPU plus the depot), between two guard pages. */
  private mapMagazines(): void {
    const ps = this.vm.pageSize;
    const bytes = Math.ceil(((this.magazineCount + 1) * MAGAZINE_STRUCT_BYTES) / ps) * ps;
    const detail = this.magazineZoneName;
    for (let i = 0; i < (this.settings.mediumEngaged ? 3 : 2); i++) {
      const start = this.vm.map(bytes + 2 * ps, { tag: 'MALLOC guard page', hint: MALLOC_METADATA_HINT, protection: '---', detail });
      if (start === undefined) continue;
      // Re-map the middle as the magazine array itself, leaving a guard page on each side.
      this.vm.unmap(start + ps, bytes);
      this.vm.map(bytes, { tag: 'MALLOC metadata', fixedAddress: start + ps, detail });
      this.vm.fill(start + ps, 0, bytes);
      this.recordVm(TraceKind.VmAlloc, start, bytes + 2 * ps);
    }
  }
}
