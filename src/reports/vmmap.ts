// vmmap: every VM region of the process, then the summary by region type and the MALLOC ZONE
// table. Column positions follow the vmmap -w samples in the notes (§4) character for character.

import type { Process } from '../machine/api';
import type { VmRegionInfo } from '../vm/api';
import { column, hex, padLeft, padRight, percent, vmSize } from './format';
import { executablePath, reportHeader } from './header';
import { isMallocDataTag, liveBlockIndex, regionDetail, regionTypeName, sortedRegions, zoneUsage, type ZoneUsage } from './inspect';

export interface VmmapOptions {
  /** vmmap -summary: the header and the summary tables only. */
  readonly summary?: boolean;
}

const REGION_COLUMNS =
  'REGION TYPE                    START - END         [ VSIZE  RSDNT  DIRTY   SWAP] PRT/MAX SHRMOD PURGE    REGION DETAIL';

const SUMMARY_HEAD_1 = '                                VIRTUAL RESIDENT    DIRTY  SWAPPED VOLATILE   NONVOL    EMPTY   REGION ';
const SUMMARY_HEAD_2 = 'REGION TYPE                        SIZE     SIZE     SIZE     SIZE     SIZE     SIZE     SIZE    COUNT (non-coalesced) ';

const ZONE_HEAD_1 = '                                 VIRTUAL   RESIDENT      DIRTY    SWAPPED ALLOCATION      BYTES DIRTY+SWAP          REGION';
const ZONE_HEAD_2 = 'MALLOC ZONE                         SIZE       SIZE       SIZE       SIZE      COUNT  ALLOCATED  FRAG SIZE  % FRAG   COUNT';

/** The "=====" rule under a two-line table head: one run of '=' under each word of the first line. */
function rule(head1: string, firstColumnTitle: string): string {
  const underline = head1.replace(/\S/g, '=').trimEnd();
  return '='.repeat(firstColumnTitle.length) + underline.slice(firstColumnTitle.length);
}

export function vmmapReport(process: Process, options: VmmapOptions = {}): string {
  const regions = sortedRegions(process);
  const live = liveBlockIndex(process);
  const typed = regions.map((region) => ({ region, type: regionTypeName(region, live) }));
  const out: string[] = [reportHeader(process, 'vmmap')];
  out.push(`Virtual Memory Map of process ${process.pid} (${process.programName})`);
  out.push('Output report format:  2.4  -- 64-bit process');
  out.push(`VM page size:  ${process.memory.pageSize} bytes`);
  out.push('');
  if (!options.summary) {
    const readOnly = typed.filter((t) => !t.region.protection.includes('w'));
    const writable = typed.filter((t) => t.region.protection.includes('w'));
    out.push(`==== Non-writable regions for process ${process.pid}`);
    out.push(REGION_COLUMNS);
    const path = executablePath(process.programName);
    for (const t of readOnly) out.push(regionRow(t.region, t.type, regionDetail(t.region, path)));
    out.push('');
    out.push(`==== Writable regions for process ${process.pid}`);
    out.push(REGION_COLUMNS);
    for (const t of writable) out.push(regionRow(t.region, t.type, regionDetail(t.region, path)));
    out.push('');
    out.push('==== Legend');
    out.push('SM=sharing mode:  ');
    out.push('\tCOW=copy_on_write PRV=private NUL=empty ALI=aliased ');
    out.push('\tSHM=shared ALI=aliased S/A=shared and aliased');
    out.push('');
  }
  out.push(`==== Summary for process ${process.pid}`);
  out.push(...portionLines(regions));
  out.push('');
  out.push(...summaryTable(typed));
  out.push('');
  out.push(...zoneTable(zoneUsage(process, regions)));
  out.push('');
  return out.join('\n');
}

/** One region row: type and start right-aligned so the '-' sits in column 37, as vmmap -w does. */
export function regionRow(region: VmRegionInfo, type: string, detail = region.detail): string {
  const start = hex(region.start);
  const left = type.length + 1 + start.length > 37 ? `${type} ${start}` : type + padLeft(start, 37 - type.length);
  const sizes = [region.virtual, region.resident, region.dirty, region.swapped].map((n) => padLeft(vmSize(n), 6)).join(' ');
  const prt = `${region.protection}/${maxProtection(region)}`;
  return `${left}-${padRight(hex(region.end), 12)} [${sizes}] ${prt} ${padRight(sharingMode(region), 6)}          ${detail}`.trimEnd();
}

/** Maximum protection: file-backed segments keep their segment's maximum; anonymous memory rwx. */
function maxProtection(region: VmRegionInfo): string {
  switch (region.tag) {
    case '__TEXT': return 'r-x';
    case '__LINKEDIT': return 'r--';
    case '__DATA':
    case '__DATA_CONST': return 'rw-';
    default: return 'rwx';
  }
}

/** SHRMOD: copy-on-write for the executable's segments, empty where nothing is resident, else private. */
function sharingMode(region: VmRegionInfo): string {
  if (region.tag === '__TEXT' || region.tag === '__LINKEDIT' || region.tag === '__DATA' || region.tag === '__DATA_CONST') return 'SM=COW';
  if (region.resident === 0 && region.dirty === 0 && region.swapped === 0) return 'SM=NUL';
  return 'SM=PRV';
}

function share(part: number, whole: number): string {
  return `${vmSize(part)}(${percent(part, whole)})`;
}

/** The two "portion" lines of the summary (read-only and writable totals). */
function portionLines(regions: readonly VmRegionInfo[]): string[] {
  let roTotal = 0, roResident = 0, rwTotal = 0, rwDirty = 0, rwResident = 0, rwSwapped = 0;
  for (const r of regions) {
    if (r.protection.includes('w')) {
      rwTotal += r.virtual; rwDirty += r.dirty; rwResident += r.resident; rwSwapped += r.swapped;
    } else {
      roTotal += r.virtual; roResident += r.resident;
    }
  }
  const rwUnallocated = Math.max(0, rwTotal - rwResident - rwSwapped);
  return [
    `ReadOnly portion of Libraries: Total=${vmSize(roTotal)} resident=${share(roResident, roTotal)} swapped_out_or_unallocated=${share(roTotal - roResident, roTotal)}`,
    `Writable regions: Total=${vmSize(rwTotal)} written=${share(rwDirty, rwTotal)} resident=${share(rwResident, rwTotal)} swapped_out=${share(rwSwapped, rwTotal)} unallocated=${share(rwUnallocated, rwTotal)}`,
  ];
}

interface TypeTotals { virtual: number; resident: number; dirty: number; swapped: number; count: number; malloc: boolean }

function summaryRow(name: string, t: TypeTotals): string {
  const sizes = [t.virtual, t.resident, t.dirty, t.swapped, 0, 0, 0];
  const row = column(name, 31) + padLeft(vmSize(sizes[0]), 8) + sizes.slice(1).map((n) => padLeft(vmSize(n), 9)).join('') + padLeft(t.count, 9);
  return t.malloc ? `${row}         see MALLOC ZONE table below` : row;
}

/** The summary by region type, in ASCII order of the type names as vmmap sorts them. */
function summaryTable(typed: readonly { region: VmRegionInfo; type: string }[]): string[] {
  const byType = new Map<string, TypeTotals>();
  const total: TypeTotals = { virtual: 0, resident: 0, dirty: 0, swapped: 0, count: 0, malloc: false };
  for (const { region, type } of typed) {
    let t = byType.get(type);
    if (t === undefined) {
      t = { virtual: 0, resident: 0, dirty: 0, swapped: 0, count: 0, malloc: isMallocDataTag(region.tag) };
      byType.set(type, t);
    }
    for (const acc of [t, total]) {
      acc.virtual += region.virtual;
      acc.resident += region.resident;
      acc.dirty += region.dirty;
      acc.swapped += region.swapped;
      acc.count += 1;
    }
  }
  const names = [...byType.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const separator = rule(SUMMARY_HEAD_1, 'REGION TYPE');
  return [
    SUMMARY_HEAD_1, SUMMARY_HEAD_2, separator,
    ...names.map((name) => summaryRow(name, byType.get(name)!)),
    separator,
    summaryRow('TOTAL', total),
  ];
}

function zoneRow(name: string, z: { virtual: number; resident: number; dirty: number; swapped: number; allocationCount: number; bytesAllocated: number; regionCount: number }): string {
  // libmalloc's zones are measured, the frag arithmetic is vmmap's: dirty + swapped − allocated.
  const dirtySwapped = z.dirty + z.swapped;
  const frag = Math.max(0, dirtySwapped - z.bytesAllocated);
  return column(name, 33)
    + padLeft(vmSize(z.virtual), 7)
    + [z.resident, z.dirty, z.swapped].map((n) => padLeft(vmSize(n), 11)).join('')
    + padLeft(z.allocationCount, 11)
    + padLeft(vmSize(z.bytesAllocated), 11)
    + padLeft(vmSize(frag), 11)
    + padLeft(percent(frag, dirtySwapped), 8)
    + padLeft(z.regionCount, 8);
}

/** The MALLOC ZONE table with its TOTAL row. */
function zoneTable(zones: readonly ZoneUsage[]): string[] {
  const total = { virtual: 0, resident: 0, dirty: 0, swapped: 0, allocationCount: 0, bytesAllocated: 0, regionCount: 0 };
  for (const z of zones) {
    total.virtual += z.virtual;
    total.resident += z.resident;
    total.dirty += z.dirty;
    total.swapped += z.swapped;
    total.allocationCount += z.allocationCount;
    total.bytesAllocated += z.bytesAllocated;
    total.regionCount += z.regionCount;
  }
  const separator = rule(ZONE_HEAD_1, 'MALLOC ZONE');
  return [
    ZONE_HEAD_1, ZONE_HEAD_2, separator,
    ...zones.map((z) => zoneRow(z.zoneName, z)),
    separator,
    zoneRow('TOTAL', total),
  ];
}
