// The small rack (1009 B – SMALL_LIMIT_THRESHOLD = 32 KiB, 512 B quanta, 8 MiB regions) and the
// medium rack (32 KiB – 8 MiB, 32 KiB quanta, 128 MiB regions, only when engaged). Both keep a
// 16-bit meta word per quantum at the region start (msize, top bit set while free) before the
// heap (small: 0x8200, medium: one quantum), put any size in mag_last_free, and keep the links
// of page-aligned multi-page free blocks out of band so those pages stay clean. No zero-on-free.

import {
  MEDIUM_HEAP_OFFSET, MEDIUM_LIMIT_THRESHOLD, MEDIUM_QUANTUM, MEDIUM_REGION_SIZE, NUM_MEDIUM_BLOCKS, NUM_MEDIUM_SLOTS,
  NUM_SMALL_BLOCKS, NUM_SMALL_SLOTS, SMALL_HEAP_OFFSET, SMALL_LIMIT_THRESHOLD, SMALL_QUANTUM, SMALL_REGION_SIZE,
} from './constants';
import type { RackConfig } from './rack';

export function smallRackConfig(): RackConfig {
  return {
    kind: 'small', tag: 'MALLOC_SMALL', quantum: SMALL_QUANTUM, regionSize: SMALL_REGION_SIZE, heapOffset: SMALL_HEAP_OFFSET,
    numBlocks: NUM_SMALL_BLOCKS, maxSize: SMALL_LIMIT_THRESHOLD, exactLists: NUM_SMALL_SLOTS, lastFreeLimit: Infinity,
    zeroOnFree: false, metadata: 'meta-words',
    // The trailer follows the meta words (16,319 × 2 B), inside the 0x8200 bytes before the heap.
    trailerOffset: 0x8000,
  };
}

export function mediumRackConfig(): RackConfig {
  return {
    kind: 'medium', tag: 'MALLOC_MEDIUM', quantum: MEDIUM_QUANTUM, regionSize: MEDIUM_REGION_SIZE,
    heapOffset: MEDIUM_HEAP_OFFSET, numBlocks: NUM_MEDIUM_BLOCKS, maxSize: MEDIUM_LIMIT_THRESHOLD,
    exactLists: NUM_MEDIUM_SLOTS, lastFreeLimit: Infinity, zeroOnFree: false, metadata: 'meta-words',
    trailerOffset: NUM_MEDIUM_BLOCKS * 2,
  };
}
