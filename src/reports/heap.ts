// heap: how many blocks each zone holds, a histogram of block sizes, and the COUNT / BYTES /
// AVG / CLASS_NAME table. A C program has no Objective-C or C++ classes, so every block is
// "non-object", as heap prints malloc'd memory it cannot type.

import type { Process } from '../machine/api';
import type { BlockInfo } from '../malloc/api';
import { heapSize, padLeft, padRight, percent, plural } from './format';
import { reportHeader } from './header';
import { introspection, zoneUsage } from './inspect';

const TABLE_HEAD = '   COUNT      BYTES       AVG   CLASS_NAME                                        TYPE    BINARY';
const TABLE_RULE = '   =====      =====       ===   ==========                                        ====    ======';

export function heapReport(process: Process): string {
  const zones = zoneUsage(process);
  const zoneNameByKind = new Map<string, string>();
  for (const z of introspection(process).zones()) for (const kind of z.kinds) zoneNameByKind.set(kind, z.zoneName);
  const all: BlockInfo[] = [];
  const perZone = new Map<string, BlockInfo[]>();
  for (const z of zones) perZone.set(z.zoneName, []);
  for (const block of process.malloc.liveBlocks()) {
    all.push(block);
    const name = zoneNameByKind.get(block.zone);
    if (name !== undefined) perZone.get(name)?.push(block);
  }

  const out: string[] = [reportHeader(process, 'heap'), ''];
  out.push(`Process ${process.pid}: ${plural(zones.length, 'zone')}`);
  out.push('');
  for (const z of zones) {
    out.push(`Zone ${z.zoneName}: Overall size: ${heapSize(z.virtual)}; ${z.allocationCount} nodes malloced for ${kilobytes(z.bytesAllocated)} (${percent(z.bytesAllocated, z.virtual)} of capacity)`);
  }
  out.push('');
  out.push(`All zones: ${all.length} nodes malloced - Sizes: ${sizeHistogram(all)}`.trimEnd());
  out.push('');
  out.push('-----------------------------------------------------------------------');
  out.push(...nodeTable('All zones', all));
  for (const z of zones) {
    const blocks = perZone.get(z.zoneName) ?? [];
    out.push('-----------------------------------------------------------------------');
    out.push(...nodeTable(`Zone ${z.zoneName}`, blocks));
  }
  return out.join('\n');
}

/** heap rounds to whole kilobytes here: "52KB". */
function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)}KB`;
}

/** Block sizes largest first with their counts: "48KB[2] 1008[12] 32[8453]". */
export function sizeHistogram(blocks: Iterable<BlockInfo>): string {
  const counts = new Map<number, number>();
  for (const b of blocks) counts.set(b.blockSize, (counts.get(b.blockSize) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([size, n]) => `${heapSize(size)}[${n}]`).join(' ');
}

function nodeTable(title: string, blocks: readonly BlockInfo[]): string[] {
  let bytes = 0;
  for (const b of blocks) bytes += b.blockSize;
  const lines = [`${title}: ${blocks.length} nodes (${bytes} bytes)`, '', TABLE_HEAD, TABLE_RULE];
  if (blocks.length > 0) {
    const avg = (bytes / blocks.length).toFixed(1);
    lines.push(padLeft(blocks.length, 8) + padLeft(bytes, 11) + padLeft(avg, 10) + '   ' + padRight('non-object', 50).trimEnd());
  }
  lines.push('');
  return lines;
}
