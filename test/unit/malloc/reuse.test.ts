import * as assert from 'assert';
import { PageState } from '../../../src/vm/api';
import { heap, magazineHeap, KiB, MiB } from './helpers';

suite('tiny and small reuse order (magazine_malloc.c)', () => {
  test('mag_last_free hands back the block just freed for an exact-size request', () => {
    const h = magazineHeap();
    const a = h.malloc.malloc(48);
    h.malloc.malloc(48);
    h.malloc.free(a);
    assert.strictEqual(h.malloc.malloc(40), a, '40 B rounds to the same 3 quanta');
  });

  test('free lists are LIFO once blocks leave mag_last_free', () => {
    const h = magazineHeap();
    const [a, , b, , c] = [0, 1, 2, 3, 4].map(() => h.malloc.malloc(32));
    h.malloc.malloc(32); // keep c away from the free tail
    h.malloc.free(a);
    h.malloc.free(b); // evicts a from mag_last_free onto the list
    h.malloc.free(c); // evicts b
    assert.strictEqual(h.malloc.malloc(32), c, 'mag_last_free first');
    assert.strictEqual(h.malloc.malloc(32), b, 'then the list head: the most recently listed');
    assert.strictEqual(h.malloc.malloc(32), a);
  });

  test('a larger free block is split and the remainder goes back on a list', () => {
    const h = magazineHeap();
    const big = h.malloc.malloc(512);
    const guard = h.malloc.malloc(16);
    h.malloc.free(big);
    h.malloc.free(guard); // pushes big out of mag_last_free onto the list (512 B ≥ 256 B is never cached anyway)
    const p = h.malloc.malloc(100);
    assert.strictEqual(p, big, 'the front of the free block');
    assert.strictEqual(h.malloc.malloc(400), big + 112, 'the remainder serves the next request');
    assert.deepStrictEqual(h.malloc.checkInvariants(), []);
  });

  test('freeing coalesces with free neighbours on both sides', () => {
    const h = magazineHeap();
    const ps = [0, 1, 2, 3, 4].map(() => h.malloc.malloc(300));
    h.malloc.free(ps[1]);
    h.malloc.free(ps[3]);
    h.malloc.free(ps[2]); // merges 1, 2 and 3 into one 912 B block
    const blocks = [...h.malloc.regions()[0].blocks()].filter((b) => b.state === 'free' && b.address < ps[4]);
    assert.deepStrictEqual(blocks.map((b) => [b.address, b.size]), [[ps[1], 3 * 304]]);
    assert.strictEqual(h.malloc.malloc(900), ps[1]);
    assert.deepStrictEqual(h.malloc.checkInvariants(), []);
  });

  test('small blocks use mag_last_free for any size', () => {
    const h = magazineHeap();
    const a = h.malloc.malloc(4096);
    h.malloc.free(a);
    const blocks = [...h.malloc.regions().find((r) => r.zone === 'small')!.blocks()];
    assert.strictEqual(blocks[0].state, 'cached');
    assert.strictEqual(h.malloc.malloc(4000), a);
  });

  test('nano reuses the freed slot of its block (LIFO)', () => {
    const h = heap();
    const a = h.malloc.malloc(32);
    const b = h.malloc.malloc(32);
    h.malloc.free(a);
    h.malloc.free(b);
    assert.strictEqual(h.malloc.malloc(32), b);
    assert.strictEqual(h.malloc.malloc(32), a);
  });
});

suite('nano blocks', () => {
  test('an emptied block is madvised at once; reused later, calloc still returns zeros', () => {
    const h = heap();
    const first = Array.from({ length: 512 }, () => h.malloc.malloc(32)); // fills one 16 KiB block
    const spill = h.malloc.malloc(32); // the next block becomes current
    assert.strictEqual(spill, first[0] + 16 * KiB);
    for (const p of first) h.malloc.free(p);
    assert.strictEqual(h.vm.pageState(first[0]), PageState.Reusable, 'completely free block madvised');
    for (let i = 1; i < 512; i++) h.malloc.malloc(32); // fill the current block
    const again = h.malloc.calloc(1, 32);
    assert.strictEqual(again, first[first.length - 1] - 511 * 32, 'the retired block is reused from its first slot');
    assert.deepStrictEqual(Array.from(h.vm.readBytes(again, 32)).filter((b) => b !== 0), []);
    assert.strictEqual(h.vm.pageState(again), PageState.Dirty);
  });
});

suite('zero-on-free, scribble and calloc', () => {
  test('tiny blocks are zeroed when freed (MallocZeroOnFree defaults on), links aside', () => {
    const h = magazineHeap();
    const a = h.malloc.malloc(64);
    h.vm.fill(a, 0x77, 64);
    h.malloc.free(a);
    assert.deepStrictEqual(Array.from(h.vm.readBytes(a + 16, 48)).filter((x) => x !== 0).length, 0);
    const off = magazineHeap({ MallocZeroOnFree: '0' });
    const b = off.malloc.malloc(64);
    off.vm.fill(b, 0x77, 64);
    off.malloc.free(b);
    assert.strictEqual(off.vm.readU8(b + 40), 0x77);
  });

  test('MallocScribble: 0xAA on malloc, 0x55 on free, and nano turns off', () => {
    const h = heap({ MallocScribble: '1', MallocZeroOnFree: '0' });
    const p = h.malloc.malloc(100);
    assert.strictEqual(h.malloc.blockContaining(p)!.zone, 'tiny');
    assert.strictEqual(h.vm.readU8(p + 50), 0xaa);
    h.malloc.free(p);
    assert.strictEqual(h.vm.readU8(p + 50), 0x55);
    const c = h.malloc.calloc(10, 10);
    assert.strictEqual(h.vm.readU8(c + 50), 0, 'calloc is not scribbled');
    const z = heap({ MallocScribble: '1' });
    const q = z.malloc.malloc(100);
    z.malloc.free(q);
    assert.strictEqual(z.vm.readU8(q + 50), 0, 'with zero-on-free, freed tiny blocks are zeroed instead');
  });

  test('calloc of fresh memory writes nothing; of reused memory clears it', () => {
    const h = magazineHeap();
    const before = h.vm.footprint().physFootprint;
    const big = h.malloc.calloc(1, 10 * MiB);
    assert.strictEqual(h.vm.footprint().physFootprint, before, 'a fresh large calloc relies on zero-fill pages');
    assert.strictEqual(h.vm.readU32(big + 5 * MiB), 0);
    const s = h.malloc.malloc(2048);
    h.vm.fill(s, 0x33, 2048);
    h.malloc.free(s);
    const again = h.malloc.calloc(2, 1024);
    assert.strictEqual(again, s);
    assert.strictEqual(h.vm.readU8(again + 1000), 0);
    assert.strictEqual(h.malloc.calloc(2 ** 40, 2 ** 40), 0, 'overflow → NULL');
  });
});

suite('realloc', () => {
  test('realloc(NULL, n) is malloc; growth into the free tail stays in place', () => {
    const h = magazineHeap();
    const p = h.malloc.realloc(0, 100);
    assert.notStrictEqual(p, 0);
    h.vm.writeU32(p, 1234);
    assert.strictEqual(h.malloc.realloc(p, 600), p);
    assert.strictEqual(h.malloc.mallocSize(p), 608);
    assert.strictEqual(h.vm.readU32(p), 1234);
  });

  test('moving to another size class copies the contents and frees the old block', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(100);
    h.malloc.malloc(16);
    h.vm.writeBytes(p, new Uint8Array([1, 2, 3, 4]));
    const q = h.malloc.realloc(p, 5000);
    assert.notStrictEqual(q, p);
    assert.strictEqual(h.malloc.blockContaining(q)!.zone, 'small');
    assert.deepStrictEqual(Array.from(h.vm.readBytes(q, 4)), [1, 2, 3, 4]);
    assert.strictEqual(h.malloc.mallocSize(p), 0);
    const events = h.trace.historyOf(p).map((e) => e.kind);
    assert.deepStrictEqual(events, [0, 2], 'ALLOC then the REALLOC that moved it');
  });

  test('shrinking to half or more keeps the pointer; a large block grows in place when the next pages are free', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(1000);
    assert.strictEqual(h.malloc.realloc(p, 600), p);
    const big = h.malloc.malloc(1 * MiB);
    assert.strictEqual(h.malloc.realloc(big, 2 * MiB), big);
    assert.strictEqual(h.malloc.mallocSize(big), 2 * MiB);
  });
});

suite('large blocks and death row', () => {
  test('a freed large block stays cached and dirty, and comes back for the same size', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(10 * MiB);
    h.vm.fill(p, 0, 10 * MiB);
    const dirty = h.vm.footprint().physFootprint;
    h.malloc.free(p);
    assert.strictEqual(h.vm.footprint().physFootprint, dirty, 'under memsize >> 10 = 16 MiB: kept dirty');
    assert.strictEqual(h.vm.regionAt(p)!.tag, 'MALLOC_LARGE', 'still mapped');
    assert.strictEqual([...h.malloc.regions().find((r) => r.start === p)!.blocks()][0].state, 'cached');
    assert.strictEqual(h.malloc.malloc(9 * MiB), p, 'best fit, less than half wasted');
  });

  test('reuse is refused when more than half the entry would be wasted', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(4 * MiB);
    h.malloc.free(p);
    assert.notStrictEqual(h.malloc.malloc(1 * MiB), p);
  });

  test('beyond memsize >> 10 of cached dirty bytes, a freed block is madvised reusable', () => {
    const h = magazineHeap();
    const a = h.malloc.malloc(10 * MiB);
    const b = h.malloc.malloc(10 * MiB);
    h.vm.fill(a, 1, 10 * MiB);
    h.vm.fill(b, 1, 10 * MiB);
    h.malloc.free(a);
    h.malloc.free(b);
    assert.strictEqual(h.vm.pageState(a), PageState.Dirty);
    assert.strictEqual(h.vm.pageState(b), PageState.Reusable);
    assert.ok(h.vm.footprint().physFootprint < 11 * MiB);
  });

  test('a block above the 128 MiB entry cap is unmapped at once; MallocLargeCache=0 disables the cache', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(129 * MiB);
    h.malloc.free(p);
    assert.strictEqual(h.vm.regionAt(p), undefined);
    const n = magazineHeap({ MallocLargeCache: '0' });
    const q = n.malloc.malloc(1 * MiB);
    n.malloc.free(q);
    assert.strictEqual(n.vm.regionAt(q), undefined);
  });

  test('the cache holds 16 entries below 32 GiB; the oldest is unmapped when it overflows', () => {
    const h = magazineHeap();
    const ps = Array.from({ length: 17 }, (_, i) => h.malloc.malloc((64 + i * 16) * KiB));
    for (const p of ps) h.malloc.free(p);
    assert.strictEqual(h.vm.regionAt(ps[0]), undefined);
    assert.strictEqual(h.vm.regionAt(ps[1])!.tag, 'MALLOC_LARGE');
    assert.deepStrictEqual(h.malloc.checkInvariants(), []);
  });

  test('MallocGuardEdges puts a guard page on each side of a large block', () => {
    const h = magazineHeap({ MallocGuardEdges: '1' });
    const p = h.malloc.malloc(100 * KiB);
    assert.strictEqual(h.vm.regionAt(p - 1)!.protection, '---');
    assert.strictEqual(h.vm.regionAt(p + h.malloc.mallocSize(p))!.protection, '---');
  });

  test('MallocGuardEdges=all also puts a guard page after each tiny/small region', () => {
    const h = magazineHeap({ MallocGuardEdges: 'all' });
    const p = h.malloc.malloc(64);
    const region = h.malloc.regions().find((r) => r.zone === 'tiny')!;
    assert.ok(p >= region.start && p < region.end);
    assert.strictEqual(h.vm.regionAt(region.end)!.protection, '---');
    assert.strictEqual(h.vm.regionAt(region.end - 1)!.protection, 'rw-');
  });
});
