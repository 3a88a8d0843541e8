// Small stand-ins built from the contract types, for reports whose inputs the real engine cannot
// produce on demand (the notes' vmmap sample has swapped pages; the simulator never swaps).

import type { Process } from '../../../src/machine/api';
import type { BlockInfo, MallocRegionReport, ZoneReport } from '../../../src/malloc/api';
import type { TraceApi, TraceEvent, StackFrameRecord } from '../../../src/trace/api';
import { PageState, type AddressSpaceApi, type Footprint, type VmRegionInfo } from '../../../src/vm/api';

export interface FakeSpec {
  readonly regions: readonly VmRegionInfo[];
  readonly zones?: readonly ZoneReport[];
  readonly mallocRegions?: readonly MallocRegionReport[];
  readonly liveBlocks?: readonly BlockInfo[];
  readonly footprint?: Partial<Footprint>;
  readonly pageSize?: number;
  readonly codeType?: string;
}

export const K = 1024;

export function region(tag: VmRegionInfo['tag'], start: number, end: number, sizes: { resident?: number; dirty?: number; swapped?: number } = {}, detail = '', protection: VmRegionInfo['protection'] = 'rw-'): VmRegionInfo {
  return {
    start, end, tag, protection, detail,
    virtual: end - start,
    resident: sizes.resident ?? 0,
    dirty: sizes.dirty ?? 0,
    swapped: sizes.swapped ?? 0,
  };
}

const emptyTrace: TraceApi = {
  eventCount: 0,
  event(): TraceEvent { throw new RangeError('no events'); },
  historyOf(): TraceEvent[] { return []; },
  stack(): readonly StackFrameRecord[] { return []; },
  byteSize: 0,
};

export function fakeProcess(spec: FakeSpec): Process {
  const pageSize = spec.pageSize ?? 16384;
  const memory = {
    profile: { name: 'apple-silicon-16g', description: '', pageSize, memorySize: 16 * K * K * K, logicalCpus: 8, codeType: spec.codeType ?? 'ARM64' },
    pageSize,
    regions: () => spec.regions.slice(),
    footprint: (): Footprint => ({ virtual: 0, resident: 0, dirty: 0, swapped: 0, physFootprint: 0, physFootprintPeak: 0, ...spec.footprint }),
    pageState: () => PageState.Untouched,
  } as unknown as AddressSpaceApi;
  const live = spec.liveBlocks ?? [];
  const malloc = {
    liveBlocks: () => live.slice(),
    blockContaining: (a: number) => live.find((b) => a >= b.address && a < b.address + b.blockSize),
    zones: () => (spec.zones ?? []).slice(),
    regions: () => (spec.mallocRegions ?? []).slice(),
  };
  return {
    memory,
    malloc,
    trace: emptyTrace,
    programName: 'shared_library_demo',
    pid: 66814,
    profileName: 'apple-silicon-16g',
    steps: 0,
    finished: false,
  } as unknown as Process;
}

export function mallocRegion(zone: MallocRegionReport['zone'], zoneName: string, start: number, end: number, blocks: ReturnType<MallocRegionReport['blocks']> extends Iterable<infer B> ? readonly B[] : never = []): MallocRegionReport {
  return { zone, zoneName, start, end, blocks: () => blocks };
}
