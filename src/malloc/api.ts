// The libmalloc model as the machine (libc) and the reports see it.

export type ZoneKind = 'nano' | 'tiny' | 'small' | 'medium' | 'large';

/** What a caller of malloc learns about a block: every live or freed block the model tracks. */
export interface BlockInfo {
  readonly address: number;
  /** Bytes the program asked for. */
  readonly requestedSize: number;
  /** Bytes the allocator reserved (quantum- or page-rounded): malloc_size(). */
  readonly blockSize: number;
  readonly zone: ZoneKind;
  readonly live: boolean;
}

/** Thrown by free/realloc on a libmalloc error; libc prints it and aborts when `aborts`. */
export class MallocError extends Error {
  constructor(
    readonly kind: 'double-free' | 'not-allocated' | 'realloc-not-allocated' | 'corruption' | 'out-of-memory' | 'heap-check',
    readonly address: number,
    /** libmalloc's text without the "prog(pid,0x…) malloc: " prefix, e.g. "Double free of object 0x…". */
    readonly text: string,
    /** True where macOS aborts the process (SIGABRT) after printing. */
    readonly aborts: boolean,
  ) {
    super(text);
    this.name = 'MallocError';
  }
}

/** The events the history keeps (malloc_history's kinds plus madvise). */
export const enum TraceKind { Alloc = 0, Free = 1, Realloc = 2, VmAlloc = 3, VmFree = 4, Madvise = 5 }

/**
 * Supplied by the machine: where in the C program the allocator was called from, so every
 * event can carry a step number and an interned C stack.
 */
export interface CallContext {
  /** Statements executed so far. */
  step(): number;
  /** Interned id of the current C call stack (see src/trace). */
  stackId(): number;
}

export interface MallocApi {
  malloc(size: number): number;            // 0 = NULL (errno ENOMEM)
  calloc(count: number, size: number): number;
  realloc(address: number, size: number): number;
  free(address: number): void;
  mallocSize(address: number): number;     // 0 when not a live block start
  mallocGoodSize(size: number): number;
  /** Block that contains the address (live or most recent freed), for hovers and faults. */
  blockContaining(address: number): BlockInfo | undefined;
  /** Every live block, lowest address first. */
  liveBlocks(): Iterable<BlockInfo>;
}

/** One malloc zone as vmmap's MALLOC ZONE table and `heap` list it. */
export interface ZoneReport {
  /** e.g. "DefaultMallocZone_0x100f18000", "MallocHelperZone_0x100f10000". */
  readonly zoneName: string;
  /** The allocators this zone serves: ['nano'] or ['tiny','small','large'] (+'medium'). */
  readonly kinds: readonly ZoneKind[];
  readonly allocationCount: number;
  /** Sum of block sizes of live blocks. */
  readonly bytesAllocated: number;
  readonly regionCount: number;
}

/** A VM region the allocator owns, with the blocks carved in it. */
export interface MallocRegionReport {
  readonly zone: ZoneKind;
  /** Name of the zone that owns it (ZoneReport.zoneName). */
  readonly zoneName: string;
  readonly start: number;
  readonly end: number;
  /** Blocks in address order: live, free (on a free list / free tail), or cached (large death row, mag_last_free). */
  blocks(): Iterable<{ readonly address: number; readonly size: number; readonly requested: number; readonly state: 'in-use' | 'free' | 'cached' }>;
  /**
   * Optional: how many blocks `blocks()` would yield, without walking them. The panel snapshot
   * lists a capped number of blocks per region and counts the rest; with this it stops early.
   */
  blockCount?(): number;
}

export interface MallocIntrospection {
  zones(): ZoneReport[];
  regions(): MallocRegionReport[];
}
