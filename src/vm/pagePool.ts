// Where page bytes come from. A separate ArrayBuffer per page made first touches the costliest
// step of allocation-heavy runs (each buffer is a native allocation V8 also weighs for GC), so
// pages are carved out of 1 MiB slabs, and pages of unmapped regions come back here to be
// zeroed and handed out again instead of waiting for the collector.

const SLAB_BYTES = 1 << 20;

export class PagePool {
  private slab: ArrayBuffer | undefined;
  private slabUsed = 0;
  private readonly pagesPerSlab: number;
  private readonly free: Uint8Array[] = [];

  constructor(private readonly pageSize: number) {
    this.pagesPerSlab = Math.max(1, Math.floor(SLAB_BYTES / pageSize));
  }

  /** A zero-filled page nobody else holds. */
  take(): Uint8Array {
    const recycled = this.free.pop();
    if (recycled !== undefined) return recycled.fill(0);
    if (this.slab === undefined || this.slabUsed === this.pagesPerSlab) {
      this.slab = new ArrayBuffer(this.pagesPerSlab * this.pageSize);
      this.slabUsed = 0;
    }
    return new Uint8Array(this.slab, this.slabUsed++ * this.pageSize, this.pageSize);
  }

  /** Give back a page no region or checkpoint refers to any more. */
  give(page: Uint8Array): void {
    this.free.push(page);
  }
}

/** A DataView over exactly one page's bytes (pages share their slab's buffer). */
export function pageView(page: Uint8Array): DataView {
  return new DataView(page.buffer, page.byteOffset, page.byteLength);
}
