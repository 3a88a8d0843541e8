// A process for report tests built from the real AddressSpace and TraceLog, with a small
// stand-in allocator (bump allocation in one tiny region, own mappings for large blocks) until
// tests can drive the real Libmalloc. The reports only see the contracts, so the same tests hold
// for either.

import type { Process } from '../../../src/machine/api';
import { TraceKind, type BlockInfo, type MallocApi, type MallocIntrospection, type MallocRegionReport, type ZoneKind, type ZoneReport } from '../../../src/malloc/api';
import type { StackFrameRecord } from '../../../src/trace/api';
import { TraceLog } from '../../../src/trace/traceLog';
import { AddressSpace } from '../../../src/vm/addressSpace';
import { profileByName } from '../../../src/vm/profiles';

export const ZONE_NAME = 'DefaultMallocZone_0x104d6c000';
const TINY_REGION = 1 << 20;
const TINY_HEAP_OFFSET = 0x4080;
const TINY_LIMIT = 1008;

interface Block { address: number; requestedSize: number; blockSize: number; zone: ZoneKind; live: boolean }

class TestHeap implements MallocApi, MallocIntrospection {
  private tinyStart = 0;
  private tinyNext = 0;
  private readonly blocks: Block[] = [];

  constructor(private readonly owner: TestProcess) {}

  malloc(size: number): number {
    const o = this.owner;
    let block: Block;
    if (size <= TINY_LIMIT) {
      if (this.tinyStart === 0) {
        this.tinyStart = o.memory.map(TINY_REGION, { tag: 'MALLOC_TINY', alignment: TINY_REGION, detail: ZONE_NAME })!;
        this.tinyNext = this.tinyStart + TINY_HEAP_OFFSET;
      }
      const blockSize = Math.max(16, Math.ceil(size / 16) * 16);
      block = { address: this.tinyNext, requestedSize: size, blockSize, zone: 'tiny', live: true };
      this.tinyNext += blockSize;
    } else {
      const ps = o.memory.pageSize;
      const blockSize = Math.ceil(size / ps) * ps;
      const address = o.memory.map(blockSize, { tag: 'MALLOC_LARGE', detail: ZONE_NAME })!;
      block = { address, requestedSize: size, blockSize, zone: 'large', live: true };
    }
    this.blocks.push(block);
    o.trace.record(TraceKind.Alloc, block.address, size, block.zone, undefined, o.steps, o.stackId());
    return block.address;
  }

  calloc(count: number, size: number): number {
    return this.malloc(count * size);
  }

  realloc(address: number, size: number): number {
    const old = this.find(address);
    const o = this.owner;
    const fresh = this.mallocQuietly(size);
    if (old !== undefined) {
      o.memory.copy(fresh.address, old.address, Math.min(old.requestedSize, size));
      old.live = false;
    }
    o.trace.record(TraceKind.Realloc, fresh.address, size, fresh.zone, address, o.steps, o.stackId());
    return fresh.address;
  }

  private mallocQuietly(size: number): Block {
    const before = this.owner.trace.eventCount;
    this.malloc(size);
    this.owner.trace.truncate(before);
    return this.blocks[this.blocks.length - 1];
  }

  free(address: number): void {
    const b = this.find(address);
    if (b === undefined) return;
    b.live = false;
    const o = this.owner;
    o.trace.record(TraceKind.Free, address, b.blockSize, b.zone, undefined, o.steps, o.stackId());
  }

  private find(address: number): Block | undefined {
    return this.blocks.find((b) => b.live && b.address === address);
  }

  mallocSize(address: number): number {
    return this.find(address)?.blockSize ?? 0;
  }

  mallocGoodSize(size: number): number {
    return size <= TINY_LIMIT ? Math.max(16, Math.ceil(size / 16) * 16) : Math.ceil(size / this.owner.memory.pageSize) * this.owner.memory.pageSize;
  }

  blockContaining(address: number): BlockInfo | undefined {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const b = this.blocks[i];
      if (address >= b.address && address < b.address + b.blockSize) return { ...b };
    }
    return undefined;
  }

  *liveBlocks(): Iterable<BlockInfo> {
    for (const b of [...this.blocks].sort((x, y) => x.address - y.address)) if (b.live) yield { ...b };
  }

  zones(): ZoneReport[] {
    const live = this.blocks.filter((b) => b.live);
    const regionCount = (this.tinyStart === 0 ? 0 : 1) + this.blocks.filter((b) => b.zone === 'large' && b.live).length;
    return [{
      zoneName: ZONE_NAME, kinds: ['tiny', 'small', 'large'],
      allocationCount: live.length,
      bytesAllocated: live.reduce((n, b) => n + b.blockSize, 0),
      regionCount,
    }];
  }

  regions(): MallocRegionReport[] {
    const out: MallocRegionReport[] = [];
    if (this.tinyStart !== 0) {
      const start = this.tinyStart;
      const tinyBlocks = this.blocks.filter((b) => b.zone === 'tiny');
      out.push({
        zone: 'tiny', zoneName: ZONE_NAME, start, end: start + TINY_REGION,
        blocks: () => tinyBlocks.map((b) => ({ address: b.address, size: b.blockSize, requested: b.requestedSize, state: b.live ? 'in-use' as const : 'free' as const })),
      });
    }
    for (const b of this.blocks) {
      if (b.zone === 'large' && b.live) {
        out.push({
          zone: 'large', zoneName: ZONE_NAME, start: b.address, end: b.address + b.blockSize,
          blocks: () => [{ address: b.address, size: b.blockSize, requested: b.requestedSize, state: 'in-use' as const }],
        });
      }
    }
    return out;
  }
}

/** Stack reserve below the top, as the process image maps it (8 MiB). */
const STACK_BYTES = 8 << 20;

export class TestProcess {
  readonly memory = new AddressSpace(profileByName(undefined)!);
  readonly trace = new TraceLog();
  readonly malloc = new TestHeap(this);
  readonly programName = 'leaky';
  readonly pid = 4242;
  readonly profileName = 'apple-silicon-16g';
  readonly finished = false;
  steps = 0;
  readonly text: number;
  readonly data: number;
  readonly stackLimit: number;
  readonly stackTop: number;
  private frames: StackFrameRecord[] = [];

  constructor() {
    this.text = this.memory.map(0x4000, { tag: '__TEXT', fixedAddress: 0x100000000, protection: 'r-x', detail: '/private/tmp/mallocscope/leaky' })!;
    this.data = this.memory.map(0x4000, { tag: '__DATA', fixedAddress: 0x100004000, detail: '/private/tmp/mallocscope/leaky' })!;
    this.stackLimit = this.memory.map(STACK_BYTES, { tag: 'Stack', fixedAddress: 0x16f600000, detail: 'thread 0' })!;
    this.stackTop = this.stackLimit + STACK_BYTES;
  }

  stackId(): number {
    return this.trace.internStack(this.frames);
  }

  /** Runs `body` as if called from the given frames (innermost first) at `step`. */
  at<T>(frames: readonly [string, number][], step: number, body: () => T): T {
    this.frames = frames.map(([functionName, line]) => ({ functionName, file: 'leaky.c', line }));
    this.steps = step;
    try {
      return body();
    } finally {
      this.frames = [];
    }
  }

  /** A word in the innermost stack page, `slot` words below the top. */
  stackSlot(slot: number): number {
    return this.stackTop - 8 * (slot + 1);
  }

  asProcess(): Process {
    return this as unknown as Process;
  }
}
