// The footprint over time: samples of the address space's figures, each tagged with the step at
// which they were taken, for the panel's chart and the snapshot.
//
// Who records: Libmalloc wires the AddressSpace's footprint listener to `record`, so a sample is
// taken whenever the accounting changes (a page first written, a region mapped or unmapped, an
// madvise); the snapshot builder calls `record` once more at every stop. Several changes within
// one step keep one sample, the last. Bounded: when `capacity` samples are held, neighbours are
// merged pairwise (keeping the one with the larger physical footprint, so spikes survive), which
// halves the count; older parts of a long run are thus coarser than recent ones.

import type { Footprint } from '../vm/api';

export interface FootprintPoint extends Footprint {
  readonly step: number;
}

const FIELDS = 7; // step, virtual, resident, dirty, swapped, physFootprint, physFootprintPeak

export class FootprintSeries {
  private data: Float64Array;
  private count = 0;

  constructor(readonly capacity = 4096) {
    if (capacity < 4) throw new RangeError('FootprintSeries capacity must be at least 4');
    this.data = new Float64Array(capacity * FIELDS);
  }

  get length(): number {
    return this.count;
  }

  record(step: number, f: Footprint): void {
    let at = this.count;
    if (at > 0 && this.data[(at - 1) * FIELDS] === step) {
      at--; // same step: the later figures replace the earlier ones
    } else if (at === this.capacity) {
      this.compact();
      at = this.count;
    }
    const d = this.data;
    const o = at * FIELDS;
    d[o] = step;
    d[o + 1] = f.virtual;
    d[o + 2] = f.resident;
    d[o + 3] = f.dirty;
    d[o + 4] = f.swapped;
    d[o + 5] = f.physFootprint;
    d[o + 6] = f.physFootprintPeak;
    if (at === this.count) this.count++;
  }

  at(index: number): FootprintPoint {
    const o = index * FIELDS;
    const d = this.data;
    return {
      step: d[o], virtual: d[o + 1], resident: d[o + 2], dirty: d[o + 3], swapped: d[o + 4],
      physFootprint: d[o + 5], physFootprintPeak: d[o + 6],
    };
  }

  /** All samples, oldest first (plain objects: FootprintSample in src/protocol/snapshot.ts). */
  samples(): FootprintPoint[] {
    const out: FootprintPoint[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.at(i));
    return out;
  }

  /** Drop samples after `step` (time travel back to an earlier point). */
  truncateAfter(step: number): void {
    while (this.count > 0 && this.data[(this.count - 1) * FIELDS] > step) this.count--;
  }

  get byteSize(): number {
    return this.data.byteLength;
  }

  private compact(): void {
    const d = this.data;
    let out = 0;
    // The newest sample always survives so the chart ends at the present.
    const last = this.count - 1;
    for (let i = 0; i < last; i += 2) {
      const j = i + 1 < last ? i + 1 : i;
      const keep = d[j * FIELDS + 5] > d[i * FIELDS + 5] ? j : i;
      d.copyWithin(out * FIELDS, keep * FIELDS, keep * FIELDS + FIELDS);
      out++;
    }
    d.copyWithin(out * FIELDS, last * FIELDS, last * FIELDS + FIELDS);
    this.count = out + 1;
  }
}
