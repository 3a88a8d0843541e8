// One tiny, small or medium region: a heap of `numBlocks` quanta after the region's metadata,
// carved into blocks. Block starts carry their msize; free blocks also record their start at
// their last quantum so a freed neighbour can find them when coalescing backwards (libmalloc
// keeps the same fact in the block itself: the trailing msize of a free tiny block).

export const enum BlockFlag {
  InUse = 1,
  /** On one of the magazine's free lists. */
  Free = 2,
  /** Held in the magazine's mag_last_free cache: freed, not yet on a list. */
  Cached = 4,
}

export class RackRegion {
  readonly heapStart: number;
  readonly heapEnd: number;
  /** msize at each block start, 0 inside blocks and in the free tail. */
  readonly msizes: Uint32Array;
  readonly flags: Uint8Array;
  /** Bytes asked for, per live block start. */
  readonly requested: Uint32Array;
  /** For a free block [i, i+m): freeStartAt[i+m-1] = i + 1 (0 = no free block ends here). */
  readonly freeStartAt: Uint32Array;
  /** Free-list links (addresses, 0 = none), kept at block starts. */
  readonly nextFree: Float64Array;
  readonly prevFree: Float64Array;
  /** First quantum of the never-used free tail; numBlocks when the tail is gone. */
  bumpIndex = 0;
  /** Magazine that owns the region (DEPOT_MAGAZINE_INDEX when in the depot). */
  magazine: number;
  inUseBlocks = 0;
  inUseQuanta = 0;
  /** Quanta on free lists or in mag_last_free (the free tail not included). */
  freeQuanta = 0;

  constructor(
    readonly start: number,
    readonly size: number,
    heapOffset: number,
    readonly quantum: number,
    readonly numBlocks: number,
    magazine: number,
  ) {
    this.heapStart = start + heapOffset;
    this.heapEnd = this.heapStart + numBlocks * quantum;
    this.msizes = new Uint32Array(numBlocks);
    this.flags = new Uint8Array(numBlocks);
    this.requested = new Uint32Array(numBlocks);
    this.freeStartAt = new Uint32Array(numBlocks);
    this.nextFree = new Float64Array(numBlocks);
    this.prevFree = new Float64Array(numBlocks);
    this.magazine = magazine;
  }

  get end(): number {
    return this.start + this.size;
  }

  /** Quantum index of an address in the heap, or -1 when it is not a quantum boundary inside it. */
  indexOf(address: number): number {
    const offset = address - this.heapStart;
    if (offset < 0 || address >= this.heapEnd || offset % this.quantum !== 0) return -1;
    return offset / this.quantum;
  }

  addressOf(index: number): number {
    return this.heapStart + index * this.quantum;
  }

  /** Quanta of the free tail. */
  get tailQuanta(): number {
    return this.numBlocks - this.bumpIndex;
  }

  /** Block start index containing `index` (walks back over inner quanta), or -1 in the tail. */
  blockStartContaining(index: number): number {
    if (index >= this.bumpIndex) return -1;
    for (let i = index; i >= 0; i--) if (this.msizes[i] !== 0) return i + this.msizes[i] > index ? i : -1;
    return -1;
  }

  markFreeExtent(index: number, msize: number): void {
    this.freeStartAt[index + msize - 1] = index + 1;
  }

  clearFreeExtent(index: number, msize: number): void {
    this.freeStartAt[index + msize - 1] = 0;
  }
}
