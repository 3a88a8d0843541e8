// The event log: every ALLOC, FREE, REALLOC, VM_ALLOC, VM_FREE and MADVISE, in columns of typed
// arrays so a long run stays within the history budget (≤ 32 bytes per event).
//
// Columns are stored in chunks of 65,536 events, so growth never copies. Per event: address
// (Float64, 8 B), step (Float64, 8 B), size (Uint32, 4 B; sizes ≥ 4 GiB
// escape to a side map), stack id (Uint32, 4 B), kind and zone packed in one byte, plus 4 B in
// the address index = 29 B. REALLOC events keep their old address in a side table (12 B each).
// The address index (event numbers sorted by address, then by time) is extended lazily by the
// first historyOf after new events, so recording stays O(1).
//
// `byteSize` counts the bytes in use (count × column widths + index + side tables + interned
// stacks); `capacityBytes` what the chunks have reserved (at most one partly used chunk more).

import type { TraceKind, ZoneKind } from '../malloc/api';
import type { StackFrameRecord, TraceApi, TraceEvent } from './api';
import { FootprintSeries } from './footprintSeries';
import { StackTrie } from './stackTrie';

const ZONES: readonly (ZoneKind | undefined)[] = [undefined, 'nano', 'tiny', 'small', 'medium', 'large'];
const SIZE_ESCAPE = 0xffffffff;
const BYTES_PER_EVENT = 8 + 8 + 4 + 4 + 1 + 4;
/** Events per chunk: columns grow by whole chunks, so recording never copies old events. */
const CHUNK_SHIFT = 16;
const CHUNK_EVENTS = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK_EVENTS - 1;
/** The address index's radix sort covers addresses below 2^48 (every user address). */
const RADIX_LIMIT = 2 ** 48;
const TWO_32 = 4294967296;
const RADIX_MIN_EVENTS = 4096;

function zoneCode(zone: ZoneKind | undefined): number {
  return zone === undefined ? 0 : ZONES.indexOf(zone);
}

/** One chunk of CHUNK_EVENTS events, column by column. */
class Chunk {
  readonly addresses = new Float64Array(CHUNK_EVENTS);
  readonly steps = new Float64Array(CHUNK_EVENTS);
  readonly sizes = new Uint32Array(CHUNK_EVENTS);
  readonly stackIds = new Uint32Array(CHUNK_EVENTS);
  readonly kindZones = new Uint8Array(CHUNK_EVENTS);
}

export class TraceLog implements TraceApi {
  /** The footprint over time (see footprintSeries.ts); Libmalloc feeds it. */
  readonly footprint = new FootprintSeries();

  private count = 0;
  private readonly chunks: Chunk[] = [];
  private current: Chunk | undefined;
  private readonly bigSizes = new Map<number, number>();

  private reallocCount = 0;
  private reallocEvents = new Uint32Array(64);
  private reallocPrevious = new Float64Array(64);

  private order = new Uint32Array(0);
  private indexed = 0;

  private readonly stacks = new StackTrie();

  get eventCount(): number {
    return this.count;
  }

  internStack(frames: readonly StackFrameRecord[]): number {
    return this.stacks.intern(frames);
  }

  stack(stackId: number): readonly StackFrameRecord[] {
    return this.stacks.stack(stackId);
  }

  record(kind: TraceKind, address: number, size: number, zone: ZoneKind | undefined,
    previousAddress: number | undefined, step: number, stackId: number): void {
    const i = this.count;
    const o = i & CHUNK_MASK;
    let c = this.current;
    if (o === 0 || c === undefined) {
      c = this.chunks[i >>> CHUNK_SHIFT] ?? new Chunk();
      this.chunks[i >>> CHUNK_SHIFT] = c;
      this.current = c;
    }
    c.addresses[o] = address;
    c.steps[o] = step;
    if (size >= SIZE_ESCAPE) {
      c.sizes[o] = SIZE_ESCAPE;
      this.bigSizes.set(i, size);
    } else {
      c.sizes[o] = size;
    }
    c.stackIds[o] = stackId;
    c.kindZones[o] = kind | (zoneCode(zone) << 4);
    if (previousAddress !== undefined) {
      if (this.reallocCount === this.reallocEvents.length) {
        this.reallocEvents = growU32(this.reallocEvents, this.reallocCount * 2);
        this.reallocPrevious = growF64(this.reallocPrevious, this.reallocCount * 2);
      }
      this.reallocEvents[this.reallocCount] = i;
      this.reallocPrevious[this.reallocCount] = previousAddress;
      this.reallocCount++;
    }
    this.count++;
  }

  event(index: number): TraceEvent {
    if (index < 0 || index >= this.count) throw new RangeError(`no trace event ${index}`);
    const c = this.chunks[index >>> CHUNK_SHIFT];
    const o = index & CHUNK_MASK;
    const kz = c.kindZones[o];
    return {
      index,
      kind: (kz & 15) as TraceKind,
      address: c.addresses[o],
      size: this.sizeOf(index),
      zone: ZONES[kz >> 4],
      previousAddress: this.previousOf(index),
      step: c.steps[o],
      stackId: c.stackIds[o],
    };
  }

  /** Address of event i. */
  addressOf(i: number): number {
    return this.chunks[i >>> CHUNK_SHIFT].addresses[i & CHUNK_MASK];
  }

  /**
   * Events of the block that starts at `address` (REALLOCs that moved away from it included),
   * oldest first; when no event starts there, every event whose range contains the address.
   */
  historyOf(address: number): TraceEvent[] {
    this.updateIndex();
    const found: number[] = [];
    let lo = 0, hi = this.indexed;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.addressOf(this.order[mid]) < address) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.indexed && this.addressOf(this.order[k]) === address; k++) found.push(this.order[k]);
    for (let r = 0; r < this.reallocCount; r++) {
      if (this.reallocPrevious[r] === address && this.addressOf(this.reallocEvents[r]) !== address) found.push(this.reallocEvents[r]);
    }
    if (found.length === 0) {
      for (let i = 0; i < this.count; i++) {
        const a = this.addressOf(i);
        if (a <= address && address < a + this.sizeOf(i)) found.push(i);
      }
    }
    found.sort((x, y) => x - y);
    return found.map((i) => this.event(i));
  }

  /** Forget events from `eventCount` on (time travel restores an earlier state). */
  truncate(eventCount: number): void {
    if (eventCount >= this.count) return;
    for (const k of [...this.bigSizes.keys()]) if (k >= eventCount) this.bigSizes.delete(k);
    while (this.reallocCount > 0 && this.reallocEvents[this.reallocCount - 1] >= eventCount) this.reallocCount--;
    this.count = eventCount;
    this.chunks.length = Math.ceil(eventCount / CHUNK_EVENTS);
    this.current = this.chunks[this.chunks.length - 1];
    this.order = new Uint32Array(0);
    this.indexed = 0;
  }

  get byteSize(): number {
    return this.count * BYTES_PER_EVENT + this.reallocCount * 12 + this.bigSizes.size * 40 + this.stacks.byteSize;
  }

  get capacityBytes(): number {
    return this.chunks.length * CHUNK_EVENTS * (BYTES_PER_EVENT - 4) + this.order.byteLength
      + this.reallocEvents.length * 12 + this.stacks.byteSize;
  }

  private sizeOf(i: number): number {
    const raw = this.chunks[i >>> CHUNK_SHIFT].sizes[i & CHUNK_MASK];
    return raw === SIZE_ESCAPE ? (this.bigSizes.get(i) ?? raw) : raw;
  }

  private previousOf(index: number): number | undefined {
    let lo = 0, hi = this.reallocCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.reallocEvents[mid] < index) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.reallocCount && this.reallocEvents[lo] === index ? this.reallocPrevious[lo] : undefined;
  }

  /** Merge the events recorded since the last query into the sorted address index. */
  private updateIndex(): void {
    if (this.indexed === this.count) return;
    const fresh = this.sortedByAddress(this.indexed, this.count);
    const merged = new Uint32Array(this.count);
    let a = 0, b = 0, out = 0;
    const old = this.order;
    // Every fresh event is newer than every indexed one, so ties go to the old side.
    while (a < this.indexed && b < fresh.length) {
      merged[out++] = this.addressOf(old[a]) <= this.addressOf(fresh[b]) ? old[a++] : fresh[b++];
    }
    while (a < this.indexed) merged[out++] = old[a++];
    while (b < fresh.length) merged[out++] = fresh[b++];
    this.order = merged;
    this.indexed = this.count;
  }

  /**
   * Events [from, to) ordered by address, then by time. Addresses are whole numbers below
   * 2^48, so a stable least-significant-digit radix sort on three 16-bit digits does it in
   * three linear passes: a comparison sort over a million events cost most of a run's end.
   */
  private sortedByAddress(from: number, to: number): Uint32Array {
    const n = to - from;
    // Each address as two 32-bit halves, so every digit is integer arithmetic.
    const low = new Uint32Array(n);
    const high = new Uint32Array(n);
    let ids = new Uint32Array(n);
    let radixable = true;
    for (let k = 0; k < n; k++) {
      const a = this.addressOf(from + k);
      if (!(a >= 0 && a < RADIX_LIMIT && Math.floor(a) === a)) radixable = false;
      low[k] = a >>> 0; // ToUint32 is exact modulo 2^32 for whole numbers below 2^53
      high[k] = Math.floor(a / TWO_32);
      ids[k] = k;
    }
    // A few thousand events sort faster by comparison than by clearing 65,536 counters thrice.
    if (!radixable || n < RADIX_MIN_EVENTS) {
      ids.sort((x, y) => (this.addressOf(from + x) - this.addressOf(from + y)) || (x - y));
    } else {
      let spare = new Uint32Array(n);
      const counts = new Uint32Array(1 << 16);
      for (const [keys, shift] of [[low, 0], [low, 16], [high, 0]] as const) {
        radixPass(ids, spare, keys, shift, counts);
        [ids, spare] = [spare, ids];
      }
    }
    for (let k = 0; k < n; k++) ids[k] += from;
    return ids;
  }
}

/** One stable counting-sort pass of `ids` into `out` on the 16-bit digit (keys[id] >>> shift) & 0xffff. */
function radixPass(ids: Uint32Array, out: Uint32Array, keys: Uint32Array, shift: number, counts: Uint32Array): void {
  counts.fill(0);
  for (let k = 0; k < ids.length; k++) counts[(keys[ids[k]] >>> shift) & 0xffff]++;
  let sum = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b];
    counts[b] = sum;
    sum += c;
  }
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    out[counts[(keys[id] >>> shift) & 0xffff]++] = id;
  }
}

function growF64(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}

function growU32(a: Uint32Array, n: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}
