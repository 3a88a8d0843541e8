// The tiny rack: requests up to TINY_LIMIT_THRESHOLD (1008 B) in 16 B quanta, from 1 MiB
// regions aligned to 1 MiB. A region's first 0x4080 bytes are metadata: interleaved header and
// in-use bitmap words (one pair of 32-bit words per 32 quanta, 0x3F00 bytes for 64,504 quanta)
// and the trailer (owning magazine). Free blocks keep checksummed previous/next links and, from
// two quanta on, their msize at both ends; mag_last_free takes blocks below 256 B; freed blocks
// are zeroed (MallocZeroOnFree, default on with the macOS 13+ SDK).

import {
  NUM_TINY_BLOCKS, NUM_TINY_SLOTS, TINY_HEAP_OFFSET, TINY_LAST_FREE_LIMIT, TINY_LIMIT_THRESHOLD, TINY_QUANTUM,
  TINY_REGION_SIZE,
} from './constants';
import type { RackConfig } from './rack';

/** Where the region trailer sits: right after the bitmaps. */
const TINY_TRAILER_OFFSET = 0x3f00;

export function tinyRackConfig(zeroOnFree: boolean): RackConfig {
  return {
    kind: 'tiny', tag: 'MALLOC_TINY', quantum: TINY_QUANTUM, regionSize: TINY_REGION_SIZE, heapOffset: TINY_HEAP_OFFSET,
    numBlocks: NUM_TINY_BLOCKS, maxSize: TINY_LIMIT_THRESHOLD, exactLists: NUM_TINY_SLOTS, lastFreeLimit: TINY_LAST_FREE_LIMIT,
    zeroOnFree, metadata: 'bitmaps', trailerOffset: TINY_TRAILER_OFFSET,
  };
}
