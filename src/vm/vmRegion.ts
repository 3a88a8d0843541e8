// One VM map entry: a contiguous, page-aligned range with one tag and one protection, plus
// the per-page state and the bytes of the pages that have been written.
//
// Invariant (checked by AddressSpace.checkInvariants in tests):
//   dirtyPages + residentCleanPages + reusablePages + untouched pages == pageCount,
//   and a page has bytes (`data[i]`) exactly when its state is not Untouched.

import { PageState, type Protection, type VmTag } from './api';

export class VmRegion {
  /** Bytes of each page that has been written; undefined while Untouched. */
  readonly data: (Uint8Array | undefined)[];
  /** A DataView per materialised page, made once so typed accesses allocate nothing. */
  readonly views: (DataView | undefined)[];
  readonly pageStates: Uint8Array;
  /** 1 while a page's bytes are shared (with a checkpoint, or the zero page after a zero fill): copied before the next write. */
  readonly shared: Uint8Array;
  dirtyPages = 0;
  residentCleanPages = 0;
  reusablePages = 0;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly pageSize: number,
    readonly tag: VmTag,
    public protection: Protection,
    public detail: string,
    /** File-backed (e.g. __TEXT): pages the loader fills are resident but clean, outside the footprint. */
    readonly fileBacked: boolean,
  ) {
    const pageCount = (end - start) / pageSize;
    this.data = new Array<Uint8Array | undefined>(pageCount);
    this.views = new Array<DataView | undefined>(pageCount);
    this.pageStates = new Uint8Array(pageCount);
    this.shared = new Uint8Array(pageCount);
  }

  get pageCount(): number {
    return this.pageStates.length;
  }

  get size(): number {
    return this.end - this.start;
  }

  /** Page index within this region of an address inside it. */
  pageIndex(address: number): number {
    return Math.floor((address - this.start) / this.pageSize);
  }

  /** A new region holding pages [fromPage, toPage) of this one, state and bytes included. */
  slice(fromPage: number, toPage: number): VmRegion {
    const part = new VmRegion(
      this.start + fromPage * this.pageSize,
      this.start + toPage * this.pageSize,
      this.pageSize, this.tag, this.protection, this.detail, this.fileBacked,
    );
    for (let i = fromPage; i < toPage; i++) {
      const state = this.pageStates[i] as PageState;
      const j = i - fromPage;
      part.pageStates[j] = state;
      part.data[j] = this.data[i];
      part.views[j] = this.views[i];
      part.shared[j] = this.shared[i];
      part.countPage(state, 1);
    }
    return part;
  }

  /** A copy sharing every page's bytes (all pages of both then copy before writing). */
  share(): VmRegion {
    const copy = this.slice(0, this.pageCount);
    for (let p = 0; p < this.pageCount; p++) {
      if (this.data[p] !== undefined) {
        this.shared[p] = 1;
        copy.shared[p] = 1;
      }
    }
    return copy;
  }

  countPage(state: PageState, delta: number): void {
    switch (state) {
      case PageState.Dirty: this.dirtyPages += delta; break;
      case PageState.Resident: this.residentCleanPages += delta; break;
      case PageState.Reusable: this.reusablePages += delta; break;
      default: break;
    }
  }

  get residentPages(): number {
    // Reusable pages stay resident until the kernel reclaims them; they are only out of the
    // footprint and out of DIRTY. [INFERRED] from vmmap samples where (empty) regions keep RSDNT.
    return this.dirtyPages + this.residentCleanPages + this.reusablePages;
  }
}
