// A magazine: one CPU's allocation state for one rack — free lists by msize, the one-entry
// mag_last_free cache, the regions it owns and the newest one it bumps from. The depot is a
// magazine too (index DEPOT_MAGAZINE_INDEX) that only holds recirculated regions.
//
// Free lists are doubly linked through the regions' nextFree/prevFree columns and are LIFO
// (push and pop at the head), like libmalloc's. List k (0-based) holds blocks of k+1 quanta;
// the last list holds every larger block.

import type { RackRegion } from './rackRegion';

export class Magazine {
  /** Head address of each free list (0 = empty). */
  readonly heads: Float64Array;
  /** mag_last_free: the most recently freed small-enough block, not yet on a list (0 = none). */
  lastFree = 0;
  lastFreeMsize = 0;
  lastFreeRegion: RackRegion | undefined;
  /** Regions owned, in creation/adoption order. */
  readonly regions: RackRegion[] = [];
  /** mag_last_region: the region whose free tail this magazine bumps. */
  lastRegion: RackRegion | undefined;
  /** Bytes on free lists, in mag_last_free and in free tails. */
  freeBytes = 0;
  inUseBytes = 0;
  /** Total heap bytes of the regions owned. */
  heapBytes = 0;

  constructor(readonly index: number, listCount: number) {
    this.heads = new Float64Array(listCount + 1);
  }

  get listCount(): number {
    return this.heads.length;
  }

  /** The list a block of `msize` quanta belongs on. */
  slotOf(msize: number): number {
    return Math.min(msize, this.heads.length) - 1;
  }
}
