// Long random malloc/calloc/realloc/free sequences on every profile, checking after every
// operation that live blocks never overlap, every block lies inside a region of its zone, the
// contents a block was given survive (realloc included), and every counter equals its
// recomputation from the blocks and pages.

import * as assert from 'assert';
import { MallocError, TraceKind } from '../../../src/malloc/api';
import { PageState } from '../../../src/vm/api';
import { heap, KiB, MiB, type Heap } from './helpers';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSize(r: () => number): number {
  const x = r();
  if (x < 0.6) return Math.floor(r() * 257);
  if (x < 0.85) return 257 + Math.floor(r() * 752);
  if (x < 0.95) return 1009 + Math.floor(r() * 31 * KiB);
  if (x < 0.99) return 32 * KiB + Math.floor(r() * 8 * MiB);
  return 8 * MiB + Math.floor(r() * 4 * MiB);
}

function check(h: Heap, live: Map<number, { size: number; tag: number }>): void {
  assert.deepStrictEqual(h.malloc.checkInvariants(), []);
  assert.deepStrictEqual(h.vm.checkInvariants(), []);
  const regions = h.malloc.regions();
  const blocks = [...h.malloc.liveBlocks()];
  assert.strictEqual(blocks.length, live.size, 'live block count');
  let previousEnd = 0;
  for (const b of blocks) {
    assert.ok(b.address >= previousEnd, `block 0x${b.address.toString(16)} overlaps its predecessor`);
    previousEnd = b.address + b.blockSize;
    const mine = live.get(b.address);
    assert.ok(mine !== undefined, `unexpected live block 0x${b.address.toString(16)}`);
    assert.strictEqual(b.requestedSize, mine.size);
    assert.ok(b.blockSize >= Math.max(1, mine.size));
    const region = regions.find((r) => r.zone === b.zone && r.start <= b.address && b.address + b.blockSize <= r.end);
    assert.ok(region !== undefined, `block 0x${b.address.toString(16)} outside every ${b.zone} region`);
    if (mine.size > 0) {
      assert.strictEqual(h.vm.readU8(b.address), mine.tag, 'first byte kept');
      assert.strictEqual(h.vm.readU8(b.address + mine.size - 1), mine.tag, 'last byte kept');
    }
  }
  let bytes = 0, count = 0;
  for (const z of h.malloc.zones()) {
    bytes += z.bytesAllocated;
    count += z.allocationCount;
  }
  assert.strictEqual(bytes, blocks.reduce((s, b) => s + b.blockSize, 0), 'zone bytes = sum of live blocks');
  assert.strictEqual(count, live.size, 'zone counts = live blocks');
}

function run(env: Record<string, string>, profile: string, seed: number, ops: number): void {
  const h = heap(env, profile);
  const r = prng(seed);
  const live = new Map<number, { size: number; tag: number }>();
  const mark = (p: number, size: number): void => {
    const tag = 1 + Math.floor(r() * 250);
    if (size > 0) {
      h.vm.writeU8(p, tag);
      h.vm.writeU8(p + size - 1, tag);
    }
    live.set(p, { size, tag });
  };
  for (let i = 0; i < ops; i++) {
    h.step();
    const x = r();
    const pointers = [...live.keys()];
    if (x < 0.45 || pointers.length === 0) {
      const size = randomSize(r);
      const p = h.malloc.malloc(size);
      assert.notStrictEqual(p, 0);
      assert.ok(!live.has(p), 'malloc returned a live block');
      mark(p, size);
    } else if (x < 0.55) {
      const n = 1 + Math.floor(r() * 8);
      const size = Math.floor(randomSize(r) / n);
      const p = h.malloc.calloc(n, size);
      const total = n * size;
      for (const at of [0, Math.floor(total / 2), total - 1]) if (total > 0) assert.strictEqual(h.vm.readU8(p + at), 0, 'calloc memory is zero');
      mark(p, total);
    } else if (x < 0.7) {
      const p = pointers[Math.floor(r() * pointers.length)];
      const old = live.get(p)!;
      const size = randomSize(r);
      const q = h.malloc.realloc(p, size);
      assert.notStrictEqual(q, 0);
      live.delete(p);
      const kept = Math.min(old.size, size);
      if (kept > 0) assert.strictEqual(h.vm.readU8(q), old.tag, 'realloc keeps the contents');
      mark(q, size);
    } else {
      const p = pointers[Math.floor(r() * pointers.length)];
      h.malloc.free(p);
      live.delete(p);
      if (r() < 0.05) {
        assert.throws(() => h.malloc.free(p), MallocError, 'a second free is an error');
      }
    }
    check(h, live);
  }
  const events = h.trace.eventCount;
  assert.ok(events >= ops, 'every operation is in the trace');
}

suite('malloc property: random operation sequences keep every invariant', () => {
  test('nano on, Apple silicon 16 GiB', () => run({}, 'apple-silicon-16g', 1, 800)).timeout(60000);
  test('nano off (the seed\'s setting)', () => run({ MallocNanoZone: '0' }, 'apple-silicon-16g', 2, 800)).timeout(60000);
  test('medium engaged, 64 GiB', () => run({}, 'apple-silicon-64g', 3, 700)).timeout(60000);
  test('Intel, 4 KiB pages, scribbling', () => run({ MallocScribble: '1' }, 'intel-16g', 4, 700)).timeout(60000);
  test('many small blocks: recirculation to the depot and region reuse', () => {
    const h = heap({ MallocNanoZone: '0' });
    const r = prng(9);
    const ps: number[] = [];
    for (let i = 0; i < 40000; i++) ps.push(h.malloc.malloc(16 + Math.floor(r() * 200)));
    assert.ok(h.malloc.tiny.regions.length >= 3);
    for (let i = 0; i < 30000; i++) if (i % 1000 !== 0) h.malloc.free(ps[i]);
    assert.deepStrictEqual(h.malloc.checkInvariants(), []);
    assert.ok(h.malloc.tiny.depot.regions.length > 0, 'sparse regions went to the depot');
    const reusable = h.malloc.tiny.depot.regions
      .map((region) => Array.from(h.vm.pageStatesIn(region.start, region.end)).filter((s) => s === PageState.Reusable).length)
      .reduce((a, b) => a + b, 0);
    assert.ok(reusable > 0, 'free pages of depot regions were madvised reusable');
    // Emptying everything: the depot retains two empty regions and unmaps the others.
    const regionsBefore = h.malloc.tiny.regions.length;
    for (let i = 0; i < ps.length; i++) if (i >= 30000 || i % 1000 === 0) h.malloc.free(ps[i]);
    assert.deepStrictEqual(h.malloc.checkInvariants(), []);
    assert.ok(h.malloc.tiny.regions.length < regionsBefore, 'empty depot regions unmapped');
    assert.ok(h.malloc.tiny.depot.regions.filter((r) => r.inUseBlocks === 0).length <= 2, 'MallocRecircRetainedRegions = 2');
    let vmFrees = 0;
    for (let i = 0; i < h.trace.eventCount; i++) if (h.trace.event(i).kind === TraceKind.VmFree) vmFrees++;
    assert.strictEqual(vmFrees, regionsBefore - h.malloc.tiny.regions.length, 'a VM_FREE per unmapped region');
    for (let i = 0; i < 30000; i++) h.malloc.malloc(64);
    assert.deepStrictEqual(h.malloc.checkInvariants(), []);
    assert.deepStrictEqual(h.vm.checkInvariants(), []);
  }).timeout(60000);
});
