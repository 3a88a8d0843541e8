import * as assert from 'assert';
import { TraceKind } from '../../../src/malloc/api';
import { TraceLog } from '../../../src/trace/traceLog';
import { FootprintSeries } from '../../../src/trace/footprintSeries';
import { magazineHeap } from '../malloc/helpers';

const main = { functionName: 'main', file: 'trace.c', line: 9 };

suite('trace log', () => {
  test('events round-trip through the typed columns', () => {
    const t = new TraceLog();
    const s = t.internStack([{ functionName: 'f', file: 'a.c', line: 3 }, main]);
    t.record(TraceKind.Alloc, 0x12a004080, 64, 'tiny', undefined, 17, s);
    t.record(TraceKind.Realloc, 0x12a808200, 5000, 'small', 0x12a004080, 20, s);
    t.record(TraceKind.VmAlloc, 0x12b000000, 10 * 1024 * 1024, undefined, undefined, 21, 0);
    t.record(TraceKind.Free, 0x600000004000, 2 ** 33, 'large', undefined, 2 ** 40, 0);
    assert.strictEqual(t.eventCount, 4);
    assert.deepStrictEqual(t.event(0), { index: 0, kind: TraceKind.Alloc, address: 0x12a004080, size: 64, zone: 'tiny', previousAddress: undefined, step: 17, stackId: s });
    assert.strictEqual(t.event(1).previousAddress, 0x12a004080);
    assert.strictEqual(t.event(2).zone, undefined);
    assert.strictEqual(t.event(3).size, 2 ** 33, 'sizes ≥ 4 GiB survive');
    assert.strictEqual(t.event(3).step, 2 ** 40);
    assert.throws(() => t.event(4), RangeError);
  });

  test('historyOf: the block\'s events oldest first, a REALLOC that moved it away included', () => {
    const t = new TraceLog();
    t.record(TraceKind.Alloc, 0x1000, 64, 'tiny', undefined, 1, 0);
    t.record(TraceKind.Alloc, 0x2000, 64, 'tiny', undefined, 2, 0);
    t.record(TraceKind.Free, 0x1000, 64, 'tiny', undefined, 3, 0);
    assert.deepStrictEqual(t.historyOf(0x1000).map((e) => e.step), [1, 3]);
    t.record(TraceKind.Alloc, 0x1000, 32, 'tiny', undefined, 4, 0);
    t.record(TraceKind.Realloc, 0x3000, 900, 'tiny', 0x1000, 5, 0);
    assert.deepStrictEqual(t.historyOf(0x1000).map((e) => e.step), [1, 3, 4, 5]);
    assert.deepStrictEqual(t.historyOf(0x3000).map((e) => e.kind), [TraceKind.Realloc]);
    assert.deepStrictEqual(t.historyOf(0x2010).map((e) => e.step), [2], 'an interior address finds the containing block');
    assert.deepStrictEqual(t.historyOf(0x9000), []);
  });

  test('stacks are interned in a trie: shared callers share nodes, equal stacks share ids', () => {
    const t = new TraceLog();
    const a = t.internStack([{ functionName: 'f', file: 'a.c', line: 3 }, main]);
    const b = t.internStack([{ functionName: 'g', file: 'a.c', line: 8 }, main]);
    assert.strictEqual(t.internStack([{ functionName: 'f', file: 'a.c', line: 3 }, main]), a);
    assert.notStrictEqual(a, b);
    assert.deepStrictEqual(t.stack(a), [{ functionName: 'f', file: 'a.c', line: 3 }, main]);
    assert.deepStrictEqual(t.stack(0), []);
    assert.deepStrictEqual(t.stack(t.internStack([main])), [main]);
  });

  test('the history budget: at most 32 bytes per event', () => {
    const t = new TraceLog();
    const s = t.internStack([main]);
    for (let i = 0; i < 200000; i++) {
      t.record(i % 2 === 0 ? TraceKind.Alloc : TraceKind.Free, 0x12a004080 + 16 * (i >> 1), 64, 'tiny', undefined, i, s);
    }
    t.historyOf(0x12a004080); // builds the address index
    assert.ok(t.byteSize / t.eventCount <= 32, `${t.byteSize / t.eventCount} bytes per event`);
  });

  test('historyOf agrees with a scan of the log when the index is built in several parts', () => {
    const t = new TraceLog();
    // Addresses that differ only in each 16-bit digit (the index's radix sort) and above 2^32.
    const pool = [0x1000, 0x11000, 0x1_0000_1000, 0x6000_0000_1000, 0x6000_0001_1000, 0x10, 0x6000_0000_0010, 0];
    let seed = 12345;
    const next = (): number => (seed = (seed * 69069 + 1) % 4294967296);
    const check = (): void => {
      for (const address of pool) {
        const expected: number[] = [];
        for (let i = 0; i < t.eventCount; i++) if (t.event(i).address === address) expected.push(i);
        assert.deepStrictEqual(t.historyOf(address).map((e) => e.index), expected, `0x${address.toString(16)}`);
      }
    };
    // Batches above and below the size where the index switches from comparison to radix sort.
    for (const batch of [5000, 100, 6000]) {
      for (let i = 0; i < batch; i++) t.record(TraceKind.Alloc, pool[next() % pool.length], 16, 'tiny', undefined, i, 0);
      check();
    }
  });

  test('truncate forgets later events (time travel)', () => {
    const t = new TraceLog();
    for (let i = 0; i < 10; i++) t.record(TraceKind.Alloc, 0x1000 + i * 16, 16, 'tiny', i === 7 ? 0x50 : undefined, i, 0);
    t.truncate(5);
    assert.strictEqual(t.eventCount, 5);
    assert.deepStrictEqual(t.historyOf(0x1000 + 7 * 16), []);
    t.record(TraceKind.Free, 0x1000, 16, 'tiny', undefined, 11, 0);
    assert.deepStrictEqual(t.historyOf(0x1000).map((e) => e.kind), [TraceKind.Alloc, TraceKind.Free]);
  });

  test('the allocator records every ALLOC, FREE, REALLOC and VM event with step and stack', () => {
    const h = magazineHeap();
    const before = h.trace.eventCount;
    assert.ok(before > 0, 'zone start-up mapped metadata (VM_ALLOC)');
    h.step(5);
    h.stackId = h.trace.internStack([main]);
    const p = h.malloc.malloc(64);
    h.step();
    const q = h.malloc.realloc(p, 2000);
    h.step();
    h.malloc.free(q);
    const kinds = [];
    for (let i = before; i < h.trace.eventCount; i++) kinds.push(h.trace.event(i).kind);
    assert.deepStrictEqual(kinds, [TraceKind.VmAlloc, TraceKind.Alloc, TraceKind.VmAlloc, TraceKind.Realloc, TraceKind.Free]);
    const alloc = h.trace.event(before + 1);
    assert.deepStrictEqual([alloc.step, alloc.stackId, alloc.size, alloc.zone], [5, h.stackId, 64, 'tiny']);
    assert.deepStrictEqual(h.trace.event(before + 4).size, 2048, 'FREE carries the block size');
  });
});

suite('footprint series', () => {
  const fp = (x: number) => ({ virtual: x, resident: x, dirty: x, swapped: 0, physFootprint: x, physFootprintPeak: x });

  test('one sample per step, the last figures of the step win', () => {
    const s = new FootprintSeries();
    s.record(1, fp(10));
    s.record(1, fp(20));
    s.record(2, fp(30));
    assert.deepStrictEqual(s.samples().map((p) => [p.step, p.physFootprint]), [[1, 20], [2, 30]]);
  });

  test('bounded: compaction keeps spikes and the newest sample', () => {
    const s = new FootprintSeries(64);
    for (let i = 0; i < 10000; i++) s.record(i, fp(i === 5000 ? 1e9 : i));
    assert.ok(s.length <= 64);
    const samples = s.samples();
    assert.strictEqual(samples[samples.length - 1].step, 9999);
    assert.ok(samples.some((p) => p.physFootprint === 1e9), 'the spike survived');
    for (let i = 1; i < samples.length; i++) assert.ok(samples[i].step > samples[i - 1].step);
  });

  test('the allocator feeds it from the address space', () => {
    const h = magazineHeap();
    h.step(3);
    const p = h.malloc.malloc(1024 * 1024);
    h.vm.fill(p, 1, 1024 * 1024);
    const last = h.trace.footprint.samples().pop()!;
    assert.strictEqual(last.step, 3);
    assert.strictEqual(last.physFootprint, h.vm.footprint().physFootprint);
  });
});
