// Hand-built snapshots for the panel tests, shaped like trace.c (the seed article's program)
// stopped after its allocations on the default profile: 1000 × 64 B blocks in MALLOC_NANO, the
// pre-main tiny blocks, stdout's 4096-byte buffer in MALLOC_SMALL and the 10 MiB `big` block in
// MALLOC_LARGE. Used when the engine cannot produce a real one; the geometry, not the exact
// allocator arithmetic, is what these tests exercise.

import {
  BlockState, SNAPSHOT_SCHEMA,
  type FootprintSample, type HeapBlock, type HeapRegion, type HeapSnapshot, type HistoryEntry, type ZoneRow,
} from '../../src/protocol/snapshot';

const KIB = 1024;
const MIB = 1024 * KIB;
const PAGE = 16 * KIB;

export const NANO_BASE = 0x600000000000;
export const TINY_BASE = 0x134600000;
export const SMALL_BASE = 0x135000000;
export const LARGE_BASE = 0x12b000000;

function pages(count: number, touched: (index: number) => string): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += touched(i);
  }
  return text;
}

function region(type: string, zone: HeapRegion['zone'], start: number, size: number, pageStates: string, blocks: HeapBlock[]): HeapRegion {
  return { type, zone, start, end: start + size, pageSize: PAGE, pages: pageStates, blocks, blocksOmitted: 0 };
}

/** `count` consecutive in-use blocks of `size` bytes from `start`. */
function run(start: number, count: number, size: number, requested = size): HeapBlock[] {
  const blocks: HeapBlock[] = [];
  for (let i = 0; i < count; i++) {
    blocks.push({ address: start + i * size, size, requested, state: BlockState.InUse });
  }
  return blocks;
}

function series(lastStep: number, finalDirty: number): FootprintSample[] {
  const samples: FootprintSample[] = [];
  for (let step = 0; step <= lastStep; step += Math.max(1, Math.floor(lastStep / 40))) {
    const dirty = 1185 * KIB + Math.round((finalDirty - 1185 * KIB) * Math.min(1, step / lastStep) ** 3);
    samples.push({ step, virtual: 420 * MIB + (step > lastStep / 2 ? 10 * MIB : 0), resident: dirty + 64 * KIB, dirty, swapped: 0, physFootprint: dirty, physFootprintPeak: dirty });
  }
  return samples;
}

function zone(zoneName: string, kinds: ZoneRow['kinds'], regionsOfZone: HeapRegion[]): ZoneRow {
  let allocationCount = 0;
  let bytesAllocated = 0;
  let virtual = 0;
  let dirty = 0;
  for (const r of regionsOfZone) {
    virtual += r.end - r.start;
    dirty += [...r.pages].filter((p) => p === 'd').length * r.pageSize;
    for (const b of r.blocks) {
      if (b.state === BlockState.InUse) {
        allocationCount++;
        bytesAllocated += b.size;
      }
    }
  }
  const fragmentation = Math.max(0, dirty - bytesAllocated);
  return {
    zoneName, kinds, allocationCount, bytesAllocated, regionCount: regionsOfZone.length,
    virtual, resident: dirty, dirty, swapped: 0, fragmentation,
    fragmentationPercent: dirty > 0 ? (100 * fragmentation) / dirty : 0,
  };
}

function preMainTinyBlocks(): HeapBlock[] {
  const blocks: HeapBlock[] = [];
  let address = TINY_BASE;
  for (let i = 0; i < 190; i++) {
    const size = 16 * (1 + ((i * 7) % 12));
    const state = i % 17 === 5 ? BlockState.Free : BlockState.InUse;
    blocks.push({ address, size, requested: state === BlockState.Free ? 0 : size - (i % 3) * 4, state });
    address += size;
  }
  return blocks;
}

export function traceSnapshot(options: { programName?: string } = {}): HeapSnapshot {
  const nanoBlocks = run(NANO_BASE + 0x4000 * 10, 1000, 64);
  const nano = region('MALLOC_NANO', 'nano', NANO_BASE, 512 * MIB, pages(32768, (i) => (i < 14 ? 'd' : 'u')), nanoBlocks);
  const tiny = region('MALLOC_TINY', 'tiny', TINY_BASE, MIB, pages(64, (i) => (i < 2 ? 'd' : i < 4 ? 'r' : 'u')), preMainTinyBlocks());
  const small = region('MALLOC_SMALL', 'small', SMALL_BASE, 8 * MIB, pages(512, (i) => (i < 1 ? 'd' : 'u')), [
    { address: SMALL_BASE, size: 4096, requested: 4096, state: BlockState.InUse },
    { address: SMALL_BASE + 4096, size: 8 * MIB - 4096, requested: 0, state: BlockState.Free },
  ]);
  const large = region('MALLOC_LARGE', 'large', LARGE_BASE, 10 * MIB, pages(640, () => 'd'), [
    { address: LARGE_BASE, size: 10 * MIB, requested: 10 * MIB, state: BlockState.InUse },
  ]);
  const regions = [large, tiny, small, nano];
  const zones = [
    zone('DefaultMallocZone_0x100f18000', ['nano'], [nano]),
    zone('MallocHelperZone_0x100edc000', ['tiny', 'small', 'large'], [tiny, small, large]),
  ];
  const footprintSeries = series(3012, 11.3 * MIB);
  const last = footprintSeries[footprintSeries.length - 1];
  return {
    schema: SNAPSHOT_SCHEMA,
    programName: options.programName ?? 'trace',
    profile: 'apple-silicon-16g',
    pageSize: PAGE,
    step: last.step,
    stoppedAt: { file: 'trace.c', line: 56 },
    status: 'stopped',
    footprint: { virtual: last.virtual, resident: last.resident, dirty: last.dirty, swapped: 0, physFootprint: last.physFootprint, physFootprintPeak: last.physFootprintPeak },
    footprintSeries,
    zones,
    regions,
    liveBlockCount: regions.reduce((n, r) => n + r.blocks.filter((b) => b.state === BlockState.InUse).length, 0),
    eventCount: 1200,
  };
}

/** `blockCount` live tiny blocks (mixed sizes, every ninth freed) across as many 1 MiB regions as they need. */
export function manyBlocksSnapshot(blockCount: number): HeapSnapshot {
  const regions: HeapRegion[] = [];
  let remaining = blockCount;
  let base = TINY_BASE;
  let live = 0;
  while (remaining > 0) {
    const blocks: HeapBlock[] = [];
    let address = base;
    while (remaining > 0 && address + 256 <= base + MIB) {
      const size = 16 * (1 + (remaining % 8));
      const state = remaining % 9 === 0 ? BlockState.Free : BlockState.InUse;
      live += state === BlockState.InUse ? 1 : 0;
      blocks.push({ address, size, requested: state === BlockState.InUse ? size : 0, state });
      address += size;
      remaining--;
    }
    const touched = Math.ceil((address - base) / PAGE);
    regions.push(region('MALLOC_TINY', 'tiny', base, MIB, pages(64, (i) => (i < touched ? 'd' : 'u')), blocks));
    base += MIB;
  }
  const snapshot = traceSnapshot();
  return {
    ...snapshot,
    regions,
    zones: [zone('DefaultMallocZone_0x100f18000', ['tiny'], regions)],
    liveBlockCount: live,
  };
}

/** History of one of the 64-byte blocks, with a hostile function name to prove it is shown as text. */
export function historyOf(address: number, hostileName: string): HistoryEntry[] {
  return [
    { kind: 'ALLOC', address, size: 64, zone: 'nano', step: 5, stack: [{ functionName: 'main', file: 'trace.c', line: 47 }] },
    {
      kind: 'FREE', address, size: 64, zone: 'nano', step: 2900,
      stack: [{ functionName: hostileName, file: 'trace.c', line: 62 }, { functionName: 'main', file: 'trace.c', line: 62 }],
    },
  ];
}
