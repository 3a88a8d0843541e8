// nanov2: requests of 1–256 B in 16 size classes of 16 B, served from 16 KiB blocks inside
// 64 MiB arenas of a 512 MiB region at 0x600000000000 (libmalloc.md §2).
//
// Layout of an arena: block 0 is the metadata block (one 32-bit nanov2_block_meta_t per block,
// found at index `block ^ cookie` — the scramble that hides which metadata belongs to which
// block); the other blocks are divided among the size classes in units of 64 blocks
// (NANO_BLOCK_UNITS_BY_SIZE_CLASS), in class order, so 16-byte slots come first. A block holds
// 16 KiB ÷ class size slots. Each CPU has a current block per class (single-threaded: CPU 0).
// Freed slots go on the block's LIFO free list (link in the slot); a block that becomes
// completely free and is not a current block is madvised reusable at once.

import { TraceKind, type BlockInfo } from './api';
import type { AddressSpaceApi } from '../vm/api';
import {
  NANO_ARENA_SIZE, NANO_BASE_ADDRESS, NANO_BLOCK_META_SIZE, NANO_BLOCK_SIZE, NANO_BLOCK_UNITS_BY_SIZE_CLASS,
  NANO_BLOCKS_PER_ARENA, NANO_BLOCKS_PER_UNIT, NANO_META_COOKIE_BITS, NANO_QUANTUM, NANO_REGION_SIZE,
  NANO_SIZE_CLASSES,
} from './constants';
import { notAllocated } from './errors';

export interface NanoHost {
  readonly vm: AddressSpaceApi;
  readonly zeroOnFree: boolean;
  vmEvent(kind: TraceKind, address: number, size: number): void;
}

const ARENAS_PER_REGION = NANO_REGION_SIZE / NANO_ARENA_SIZE;

class NanoBlock {
  readonly slotCount: number;
  readonly slotSize: number;
  /** 1 while a slot is live. */
  readonly live: Uint8Array;
  readonly requested: Uint16Array;
  /** LIFO free list of slot numbers. */
  readonly freeSlots: number[] = [];
  /** Slots [nextSlot, slotCount) are not handed out (since the block was last retired). */
  nextSlot = 0;
  /** Slots at or above this were never used at all: their memory is still untouched zeros. */
  highWater = 0;
  liveCount = 0;
  madvised = false;

  constructor(readonly address: number, readonly sizeClass: number) {
    this.slotSize = (sizeClass + 1) * NANO_QUANTUM;
    this.slotCount = Math.floor(NANO_BLOCK_SIZE / this.slotSize);
    this.live = new Uint8Array(this.slotCount);
    this.requested = new Uint16Array(this.slotCount);
  }

  get full(): boolean {
    return this.freeSlots.length === 0 && this.nextSlot === this.slotCount;
  }
}

export class NanoZone {
  /** First block number (within an arena) of each size class, and one past its last. */
  private readonly classFirst: number[] = [];
  private readonly classEnd: number[] = [];
  /** Blocks in use, by address, in the order they were first used (findBlock's search order). */
  private readonly blocks = new Map<number, NanoBlock>();
  /** The same blocks by block number within the region: free's lookup, without hashing addresses above 2^32. */
  private readonly blockByNumber: (NanoBlock | undefined)[] = new Array(NANO_REGION_SIZE / NANO_BLOCK_SIZE);
  /** CPU 0's current block per size class. */
  private readonly current: (NanoBlock | undefined)[] = new Array(NANO_SIZE_CLASSES);
  /** Next never-used block number per class, counted across arenas (arena * 4096 + block). */
  private readonly nextFresh: number[] = [];
  readonly cookie: number;
  readonly regionStart: number;
  lastWasFresh = false;
  /** Live slots and their bytes, for the zone row. */
  liveCount = 0;
  liveBytes = 0;

  constructor(private readonly host: NanoHost, cookie: number, regionDetail: string) {
    this.cookie = cookie % (1 << NANO_META_COOKIE_BITS);
    let first = 0;
    for (let c = 0; c < NANO_SIZE_CLASSES; c++) {
      const count = NANO_BLOCK_UNITS_BY_SIZE_CLASS[c] * NANO_BLOCKS_PER_UNIT;
      // Block 0 of the arena is the metadata block: the 16-byte class starts after it.
      this.classFirst.push(c === 0 ? 1 : first);
      this.classEnd.push(first + count);
      this.nextFresh.push(c === 0 ? 1 : first);
      first += count;
    }
    const start = host.vm.map(NANO_REGION_SIZE, { tag: 'MALLOC_NANO', fixedAddress: NANO_BASE_ADDRESS, detail: regionDetail });
    if (start === undefined) throw new Error('nano region address range is taken');
    this.regionStart = start;
    host.vmEvent(TraceKind.VmAlloc, start, NANO_REGION_SIZE);
  }

  get regionEnd(): number {
    return this.regionStart + NANO_REGION_SIZE;
  }

  owns(address: number): boolean {
    return address >= this.regionStart && address < this.regionEnd;
  }

  /** Returns 0 when the class has no block left (the caller falls back to the helper zone). */
  allocate(requested: number): number {
    const sizeClass = Math.max(0, Math.ceil(requested / NANO_QUANTUM) - 1);
    let block = this.current[sizeClass];
    if (block === undefined || block.full) {
      block = this.findBlock(sizeClass);
      if (block === undefined) return 0;
      this.current[sizeClass] = block;
    }
    let slot: number;
    if (block.freeSlots.length > 0) {
      slot = block.freeSlots.pop() as number;
      this.lastWasFresh = false;
    } else {
      slot = block.nextSlot++;
      this.lastWasFresh = slot >= block.highWater;
      if (block.nextSlot > block.highWater) block.highWater = block.nextSlot;
    }
    block.live[slot] = 1;
    block.requested[slot] = requested;
    block.liveCount++;
    this.liveCount++;
    this.liveBytes += block.slotSize;
    const address = block.address + slot * block.slotSize;
    this.writeMeta(block);
    return address;
  }

  /** A block of the class with room: a partly free one, else the next never-used one. */
  private findBlock(sizeClass: number): NanoBlock | undefined {
    for (const b of this.blocks.values()) {
      if (b.sizeClass === sizeClass && !b.full) {
        if (b.madvised) {
          this.host.vm.madvise(b.address, NANO_BLOCK_SIZE, 'free_reuse');
          b.madvised = false;
        }
        return b;
      }
    }
    const n = this.nextFresh[sizeClass];
    const arena = Math.floor(n / NANO_BLOCKS_PER_ARENA);
    if (arena >= ARENAS_PER_REGION) return undefined;
    const inArena = n % NANO_BLOCKS_PER_ARENA;
    // The next fresh block of the class; past the class's range, the same range of the next
    // arena (whose block 0 is again its metadata block).
    this.nextFresh[sizeClass] = inArena + 1 < this.classEnd[sizeClass]
      ? n + 1
      : (arena + 1) * NANO_BLOCKS_PER_ARENA + this.classFirst[sizeClass];
    const address = this.regionStart + arena * NANO_ARENA_SIZE + inArena * NANO_BLOCK_SIZE;
    const block = new NanoBlock(address, sizeClass);
    this.blocks.set(address, block);
    this.blockByNumber[(address - this.regionStart) / NANO_BLOCK_SIZE] = block;
    return block;
  }

  private blockOf(address: number): NanoBlock | undefined {
    const n = Math.floor((address - this.regionStart) / NANO_BLOCK_SIZE);
    return n >= 0 && n < this.blockByNumber.length ? this.blockByNumber[n] : undefined;
  }

  /** Frees and returns the slot size; a pointer that is not a live slot is "not allocated" (a nano double free included). */
  free(address: number): number {
    const block = this.blockOf(address);
    const offset = block === undefined ? -1 : address - block.address;
    if (block === undefined || offset % block.slotSize !== 0 || offset / block.slotSize >= block.slotCount) throw notAllocated(address);
    const slot = offset / block.slotSize;
    if (block.live[slot] !== 1) throw notAllocated(address);
    block.live[slot] = 0;
    block.liveCount--;
    this.liveCount--;
    this.liveBytes -= block.slotSize;
    const vm = this.host.vm;
    if (this.host.zeroOnFree) vm.fill(address, 0, block.slotSize);
    // The free list's link lives in the slot: the previous head's address (0 at the end).
    const head = block.freeSlots.length > 0 ? block.address + block.freeSlots[block.freeSlots.length - 1] * block.slotSize : 0;
    vm.writeU64(address, head);
    block.freeSlots.push(slot);
    this.writeMeta(block);
    if (block.liveCount === 0 && this.current[block.sizeClass] !== block) this.retire(block);
    return block.slotSize;
  }

  /** An empty block that is nobody's current block: madvise it and start it over. */
  private retire(block: NanoBlock): void {
    block.freeSlots.length = 0;
    block.nextSlot = 0;
    block.madvised = true;
    this.host.vm.madvise(block.address, NANO_BLOCK_SIZE, 'free_reusable');
    this.host.vmEvent(TraceKind.Madvise, block.address, NANO_BLOCK_SIZE);
  }

  /** nanov2_block_meta_t at index (block ^ cookie) of the arena's metadata block. */
  private writeMeta(block: NanoBlock): void {
    const arenaStart = this.regionStart + Math.floor((block.address - this.regionStart) / NANO_ARENA_SIZE) * NANO_ARENA_SIZE;
    const index = (block.address - arenaStart) / NANO_BLOCK_SIZE;
    const metaIndex = (index ^ this.cookie) % NANO_BLOCKS_PER_ARENA;
    // next_slot (11 bits) | free_count (10 bits) << 11 | in_use << 31 [INFERRED field packing]
    const freeCount = block.freeSlots.length + (block.slotCount - block.nextSlot);
    const word = (block.nextSlot % 2048) + (freeCount % 1024) * 2048 + 0x8000_0000;
    this.host.vm.writeU32(arenaStart + metaIndex * NANO_BLOCK_META_SIZE, word);
  }

  slotSizeOf(requested: number): number {
    return Math.max(1, Math.ceil(requested / NANO_QUANTUM)) * NANO_QUANTUM;
  }

  liveSizeAt(address: number): number {
    const block = this.blockOf(address);
    if (block === undefined) return 0;
    const offset = address - block.address;
    if (offset % block.slotSize !== 0) return 0;
    return block.live[offset / block.slotSize] === 1 ? block.slotSize : 0;
  }

  setRequested(address: number, requested: number): void {
    const block = this.blockOf(address) as NanoBlock;
    block.requested[(address - block.address) / block.slotSize] = requested;
  }

  blockContaining(address: number): BlockInfo | undefined {
    const block = this.blockOf(address);
    if (block === undefined) return undefined;
    const slot = Math.floor((address - block.address) / block.slotSize);
    if (slot >= block.slotCount || (slot >= block.nextSlot && block.live[slot] !== 1)) return undefined;
    return {
      address: block.address + slot * block.slotSize, requestedSize: block.requested[slot], blockSize: block.slotSize,
      zone: 'nano', live: block.live[slot] === 1,
    };
  }

  *slots(): Generator<{ address: number; size: number; requested: number; state: 'in-use' | 'free' | 'cached' }> {
    const sorted = [...this.blocks.values()].sort((a, b) => a.address - b.address);
    for (const b of sorted) {
      for (let s = 0; s < b.nextSlot; s++) {
        const live = b.live[s] === 1;
        yield { address: b.address + s * b.slotSize, size: b.slotSize, requested: live ? b.requested[s] : 0, state: live ? 'in-use' : 'free' };
      }
      if (b.nextSlot < b.slotCount) {
        yield { address: b.address + b.nextSlot * b.slotSize, size: (b.slotCount - b.nextSlot) * b.slotSize, requested: 0, state: 'free' };
      }
    }
  }

  *liveBlocks(): Generator<BlockInfo> {
    for (const s of this.slots()) {
      if (s.state === 'in-use') yield { address: s.address, requestedSize: s.requested, blockSize: s.size, zone: 'nano', live: true };
    }
  }
}
