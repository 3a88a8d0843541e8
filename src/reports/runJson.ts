// The memory parts of the CLI's `--json` document (design brief §4): footprint, zones, regions,
// live allocations. The CLI adds status, exit code, output and errors around them.

import type { Process } from '../machine/api';
import type { Footprint } from '../vm/api';
import type { ZoneKind } from '../malloc/api';
import { allocationEventOf, framesOf, programFrame } from './events';
import { hexAddress } from './format';
import { executablePath } from './header';
import { liveBlockIndex, regionDetail, regionTypeName, sortedRegions, zoneUsage } from './inspect';

export interface ZoneJson {
  readonly name: string;
  readonly virtual: number;
  readonly resident: number;
  readonly dirty: number;
  readonly swapped: number;
  readonly allocationCount: number;
  readonly bytesAllocated: number;
  readonly regionCount: number;
}

export interface RegionJson {
  /** As vmmap names it, "(empty)" included: "MALLOC_TINY", "MALLOC_SMALL (empty)", "Stack". */
  readonly type: string;
  readonly start: string;
  readonly end: string;
  readonly virtual: number;
  readonly resident: number;
  readonly dirty: number;
  readonly swapped: number;
  readonly detail: string;
}

export interface AllocationJson {
  readonly address: string;
  /** Bytes requested. */
  readonly size: number;
  readonly blockSize: number;
  readonly zone: ZoneKind;
  /**
   * Innermost frame of the allocating event that lies in the program's source (a buffer printf
   * makes is sited at the printf call). Blocks the runtime made before main have no such frame:
   * `{ file: '', line: 0 }`.
   */
  readonly site: { readonly file: string; readonly line: number };
}

export interface RunJsonMemory {
  readonly footprint: Footprint;
  readonly zones: ZoneJson[];
  readonly regions: RegionJson[];
  readonly allocations: AllocationJson[];
}

const NO_SITE = { file: '', line: 0 } as const;

export function runJsonMemory(process: Process): RunJsonMemory {
  const regions = sortedRegions(process);
  const live = liveBlockIndex(process);
  const fp = process.memory.footprint();
  const path = executablePath(process.programName);
  return {
    footprint: {
      virtual: fp.virtual, resident: fp.resident, dirty: fp.dirty, swapped: fp.swapped,
      physFootprint: fp.physFootprint, physFootprintPeak: fp.physFootprintPeak,
    },
    zones: zoneUsage(process, regions).map((z) => ({
      name: z.zoneName, virtual: z.virtual, resident: z.resident, dirty: z.dirty, swapped: z.swapped,
      allocationCount: z.allocationCount, bytesAllocated: z.bytesAllocated, regionCount: z.regionCount,
    })),
    regions: regions.map((r) => ({
      type: regionTypeName(r, live), start: hexAddress(r.start), end: hexAddress(r.end),
      virtual: r.virtual, resident: r.resident, dirty: r.dirty, swapped: r.swapped, detail: regionDetail(r, path),
    })),
    allocations: live.blocks.map((b) => {
      const e = allocationEventOf(process.trace, b.address);
      const frame = e === undefined ? undefined : programFrame(framesOf(process.trace, e.stackId));
      return {
        address: hexAddress(b.address), size: b.requestedSize, blockSize: b.blockSize, zone: b.zone,
        site: frame === undefined ? NO_SITE : { file: frame.file, line: frame.line },
      };
    }),
  };
}
