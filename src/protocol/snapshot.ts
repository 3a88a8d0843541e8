// The heap snapshot: everything the panel shows at one stop. Plain JSON-serialisable data, no
// runtime dependencies, shared by the engine (which builds it: src/reports/snapshot.ts), the
// adapter (custom request `mallocscope/snapshot`), the extension and the webview.

export const SNAPSHOT_SCHEMA = 'mallocscope/snapshot@1';

export type ZoneName = 'nano' | 'tiny' | 'small' | 'medium' | 'large';

export interface FootprintFigures {
  readonly virtual: number;
  readonly resident: number;
  readonly dirty: number;
  readonly swapped: number;
  readonly physFootprint: number;
  readonly physFootprintPeak: number;
}

/** One point of the footprint-over-time chart. */
export interface FootprintSample extends FootprintFigures {
  readonly step: number;
}

export interface ZoneRow {
  /** vmmap's name, e.g. "DefaultMallocZone_0x100f18000". */
  readonly zoneName: string;
  readonly kinds: readonly ZoneName[];
  readonly allocationCount: number;
  readonly bytesAllocated: number;
  readonly regionCount: number;
  readonly virtual: number;
  readonly resident: number;
  readonly dirty: number;
  readonly swapped: number;
  /** dirty + swapped − bytes allocated (vmmap's FRAG SIZE), and its percentage. */
  readonly fragmentation: number;
  readonly fragmentationPercent: number;
}

/** Page states, one character per page: u untouched, d dirty, r reusable, c resident clean. */
export type PageStateString = string;

export const enum BlockState { InUse = 0, Free = 1, Cached = 2 }

export interface HeapBlock {
  readonly address: number;
  readonly size: number;       // block size in bytes
  readonly requested: number;  // 0 for free blocks
  readonly state: BlockState;
}

export interface HeapRegion {
  /** vmmap region type, e.g. "MALLOC_TINY". */
  readonly type: string;
  readonly zone: ZoneName;
  readonly start: number;
  readonly end: number;
  readonly pageSize: number;
  readonly pages: PageStateString;
  /** Blocks inside the region, lowest first. Large regions hold one block. Truncated: see `blocksOmitted`. */
  readonly blocks: readonly HeapBlock[];
  readonly blocksOmitted: number;
}

export interface HistoryFrame { readonly functionName: string; readonly file: string; readonly line: number }

export interface HistoryEntry {
  readonly kind: 'ALLOC' | 'FREE' | 'REALLOC' | 'VM_ALLOC' | 'VM_FREE' | 'MADVISE';
  readonly address: number;
  readonly size: number;
  readonly zone: ZoneName | undefined;
  readonly step: number;
  readonly previousAddress?: number;
  /** innermost first */
  readonly stack: readonly HistoryFrame[];
}

export interface HeapSnapshot {
  readonly schema: typeof SNAPSHOT_SCHEMA;
  readonly programName: string;
  readonly profile: string;
  readonly pageSize: number;
  readonly step: number;
  readonly stoppedAt: { readonly file: string; readonly line: number } | undefined;
  readonly status: 'running' | 'stopped' | 'exited' | 'crashed';
  readonly footprint: FootprintFigures;
  readonly footprintSeries: readonly FootprintSample[];
  readonly zones: readonly ZoneRow[];
  readonly regions: readonly HeapRegion[];
  readonly liveBlockCount: number;
  readonly eventCount: number;
}
