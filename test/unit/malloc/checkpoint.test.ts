// Checkpoints for time travel: restoring the address space (copy-on-write pages), the
// allocator and the trace gives back exactly the earlier state, and the run from there repeats
// itself address for address.

import * as assert from 'assert';
import { magazineHeap, heap, KiB, MiB, type Heap } from './helpers';

function workload(h: Heap, seed: number, ops: number, live: number[]): number[] {
  const out: number[] = [];
  let s = seed;
  const next = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < ops; i++) {
    h.step();
    if (live.length === 0 || next() < 0.55) {
      const size = next() < 0.9 ? Math.floor(next() * 2000) : Math.floor(next() * 2 * MiB);
      const p = h.malloc.malloc(size);
      if (size > 0) h.vm.fill(p, (i % 250) + 1, Math.min(size, 64));
      live.push(p);
      out.push(p);
    } else {
      const k = Math.floor(next() * live.length);
      h.malloc.free(live[k]);
      live.splice(k, 1);
    }
  }
  return out;
}

function state(h: Heap): string {
  const blocks = [...h.malloc.liveBlocks()].map((b) => `${b.address}:${b.blockSize}:${b.requestedSize}:${h.vm.readU8(b.address)}`);
  return JSON.stringify({ blocks, fp: h.vm.footprint(), regions: h.vm.regions(), zones: h.malloc.zones(), events: h.trace.eventCount });
}

suite('checkpoints (time travel groundwork)', () => {
  for (const [name, make] of [['nano on', () => heap()], ['nano off', () => magazineHeap()]] as const) {
    test(`restore gives back the same state and the same future (${name})`, () => {
      const h = make();
      const live: number[] = [];
      workload(h, 1, 400, live);
      const vmCp = h.vm.checkpoint();
      const mCp = h.malloc.checkpoint();
      const events = h.trace.eventCount;
      const step = 400;
      const before = state(h);
      const liveAt = [...live];
      const first = workload(h, 2, 300, live);
      assert.notStrictEqual(state(h), before);
      for (let round = 0; round < 2; round++) {
        h.vm.restore(vmCp);
        h.malloc.restore(mCp);
        h.trace.truncate(events);
        h.trace.footprint.truncateAfter(step);
        assert.strictEqual(state(h), before, 'state after restore');
        assert.deepStrictEqual(h.malloc.checkInvariants(), []);
        assert.deepStrictEqual(h.vm.checkInvariants(), []);
        const again = workload(h, 2, 300, [...liveAt]);
        assert.deepStrictEqual(again, first, 'the same addresses again');
      }
    }).timeout(30000);
  }

  test('pages written after a checkpoint are copied, not shared', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(64 * KiB);
    h.vm.fill(p, 1, 64 * KiB);
    const cp = h.vm.checkpoint();
    h.vm.writeU32(p, 0xdeadbeef);
    h.vm.restore(cp);
    assert.strictEqual(h.vm.readU32(p), 0x01010101);
    h.vm.writeU32(p, 7);
    h.vm.restore(cp);
    assert.strictEqual(h.vm.readU32(p), 0x01010101, 'a checkpoint survives being restored');
  });
});
