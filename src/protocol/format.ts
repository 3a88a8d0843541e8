// Display helpers shared by the panel and the extension's hover: addresses and byte counts written
// the way Apple's tools write them, so the panel reads like vmmap and heap.

/** Lower-case hex with a 0x prefix, as vmmap and malloc_history print addresses. */
export function formatAddress(address: number): string {
  return '0x' + address.toString(16);
}

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/**
 * Sizes as vmmap writes them: whole `NK` below 10 MiB (it prints 8192K), then `N.NM`, then `N.NG`.
 * Below 1 KiB the panel writes bytes ("48 B"), because it also labels single blocks and "0K"
 * would hide them.
 */
export function formatBytes(bytes: number): string {
  if (bytes < KIB) {
    return `${bytes} B`;
  }
  if (bytes < 10 * MIB) {
    return `${Math.round(bytes / KIB)}K`;
  }
  if (bytes < GIB) {
    return `${(bytes / MIB).toFixed(1)}M`;
  }
  return `${(bytes / GIB).toFixed(1)}G`;
}

/** Counts (allocations, steps) with thousands separators. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
