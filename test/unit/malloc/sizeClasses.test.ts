import * as assert from 'assert';
import { heap, magazineHeap, KiB, MiB } from './helpers';

function zoneOf(h: ReturnType<typeof heap>, size: number): string {
  const p = h.malloc.malloc(size);
  return h.malloc.blockContaining(p)!.zone;
}

suite('malloc size classes (thresholds.h, nano_zone_common.h)', () => {
  test('NANO_MAX_SIZE = 256: nano serves 1–256 B in 16 B classes when on', () => {
    const h = heap();
    assert.strictEqual(zoneOf(h, 1), 'nano');
    assert.strictEqual(zoneOf(h, 256), 'nano');
    assert.strictEqual(zoneOf(h, 257), 'tiny');
    assert.strictEqual(h.malloc.mallocSize(h.malloc.malloc(17)), 32);
    assert.strictEqual(h.malloc.mallocSize(h.malloc.malloc(0)), 16, 'malloc(0) is a 16 B nano block');
  });

  test('TINY_LIMIT_THRESHOLD = 1008 inclusive, SHIFT_TINY_QUANTUM = 4', () => {
    const h = magazineHeap();
    assert.strictEqual(zoneOf(h, 1), 'tiny');
    assert.strictEqual(zoneOf(h, 1008), 'tiny');
    assert.strictEqual(zoneOf(h, 1009), 'small');
    assert.strictEqual(h.malloc.mallocSize(h.malloc.malloc(0)), 16);
    assert.strictEqual(h.malloc.mallocSize(h.malloc.malloc(17)), 32);
    assert.strictEqual(h.malloc.mallocSize(h.malloc.malloc(1008)), 1008);
  });

  test('SMALL_LIMIT_THRESHOLD = 32 KiB inclusive on macOS, SHIFT_SMALL_QUANTUM = 9', () => {
    const h = magazineHeap();
    assert.strictEqual(h.malloc.mallocSize(h.malloc.malloc(1009)), 1024);
    assert.strictEqual(h.malloc.mallocSize(h.malloc.malloc(1960)), 2048, 'heap sample: a 1,960 B request is a 2 KB block');
    assert.strictEqual(zoneOf(h, 32 * KiB), 'small');
    assert.strictEqual(zoneOf(h, 32 * KiB + 1), 'large');
  });

  test('large blocks are whole pages: 16 KiB on Apple silicon, 4 KiB on Intel', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(40960);
    assert.strictEqual(h.malloc.mallocSize(p), 48 * KiB, 'heap sample: 40,960 B shows as a 48 KB block');
    assert.strictEqual(p % (16 * KiB), 0);
    const intel = magazineHeap({}, 'intel-16g');
    assert.strictEqual(intel.malloc.mallocSize(intel.malloc.malloc(40960)), 40960);
  });

  test('MEDIUM_ACTIVATION_THRESHOLD: medium serves 32 KiB–8 MiB only at ≥ 32 GiB (or MallocMediumZone=1)', () => {
    const big = magazineHeap({}, 'apple-silicon-64g');
    assert.strictEqual(zoneOf(big, 32 * KiB + 1), 'medium');
    assert.strictEqual(big.malloc.mallocSize(big.malloc.malloc(32 * KiB + 1)), 64 * KiB, 'MEDIUM_QUANTUM = 32 KiB');
    assert.strictEqual(zoneOf(big, 8 * MiB), 'medium');
    assert.strictEqual(zoneOf(big, 8 * MiB + 1), 'large');
    assert.strictEqual(zoneOf(magazineHeap({ MallocMediumZone: '1' }), 100 * KiB), 'medium');
    assert.strictEqual(zoneOf(magazineHeap({ MallocMediumZone: '0' }, 'apple-silicon-64g'), 100 * KiB), 'large');
  });

  test('liveBlocks can be iterated more than once', () => {
    const h = magazineHeap();
    h.malloc.malloc(10);
    h.malloc.malloc(5000);
    const blocks = h.malloc.liveBlocks();
    assert.strictEqual([...blocks].length, 2);
    assert.deepStrictEqual([...blocks].map((b) => b.zone), ['tiny', 'small']);
  });

  test('malloc_good_size follows the same rounding', () => {
    const h = magazineHeap();
    assert.deepStrictEqual([1, 1008, 1009, 32769].map((s) => h.malloc.mallocGoodSize(s)), [16, 1008, 1024, 48 * KiB]);
  });
});

suite('malloc first addresses (magazine_zone.h, nanov2_zone.h)', () => {
  test('the first tiny block sits at region + 0x4080 in a 1 MiB-aligned region', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(64);
    const region = h.vm.regionAt(p)!;
    assert.strictEqual(region.tag, 'MALLOC_TINY');
    assert.strictEqual(region.end - region.start, 1 * MiB);
    assert.strictEqual(region.start % MiB, 0);
    assert.strictEqual(p, region.start + 0x4080);
    assert.strictEqual(h.malloc.malloc(64), p + 64, 'bump from the free tail');
  });

  test('the first small block sits at region + 0x8200 in an 8 MiB-aligned region', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(4096);
    const region = h.vm.regionAt(p)!;
    assert.strictEqual(region.tag, 'MALLOC_SMALL');
    assert.strictEqual(region.end - region.start, 8 * MiB);
    assert.strictEqual(region.start % (8 * MiB), 0);
    assert.strictEqual(p, region.start + 0x8200);
  });

  test('the first medium block sits one quantum into a 128 MiB-aligned region', () => {
    const h = magazineHeap({}, 'apple-silicon-64g');
    const p = h.malloc.malloc(100 * KiB);
    const region = h.vm.regionAt(p)!;
    assert.strictEqual(region.tag, 'MALLOC_MEDIUM');
    assert.strictEqual(region.start % (128 * MiB), 0);
    assert.strictEqual(p, region.start + 32 * KiB);
  });

  test('nano: the 512 MiB region at 0x600000000000 exists from zone creation; 16 B slots start after the metadata block', () => {
    const h = heap();
    const region = h.vm.regionAt(0x600000000000)!;
    assert.strictEqual(region.tag, 'MALLOC_NANO');
    assert.strictEqual(region.end - region.start, 512 * MiB);
    assert.strictEqual(h.malloc.malloc(16), 0x600000004000);
    assert.strictEqual(h.malloc.malloc(16), 0x600000004010);
    // 64 B is class 3: after 2 + 10 + 11 units of 64 blocks of 16 KiB.
    assert.strictEqual(h.malloc.malloc(64), 0x600000000000 + (2 + 10 + 11) * 64 * 16 * KiB);
  });

  test('a 10 MiB large block lands at 0x12b000000 after the tiny and small regions, as in the article', () => {
    const h = magazineHeap();
    h.malloc.malloc(64);
    h.malloc.malloc(4096);
    assert.strictEqual(h.malloc.malloc(10 * MiB), 0x12b000000);
  });

  test('zone names: nano on → DefaultMallocZone is nano, MallocHelperZone the magazine zone', () => {
    const on = heap();
    assert.deepStrictEqual(on.malloc.zones().map((z) => [z.zoneName, z.kinds.join(',')]),
      [['DefaultMallocZone_0x100f18000', 'nano'], ['MallocHelperZone_0x100f10000', 'tiny,small,large']]);
    const off = magazineHeap();
    assert.deepStrictEqual(off.malloc.zones().map((z) => [z.zoneName, z.kinds.join(',')]),
      [['DefaultMallocZone_0x100f10000', 'tiny,small,large']]);
    assert.ok(off.vm.regionAt(0x100f10000)!.detail.endsWith('zone structure'));
    assert.strictEqual(off.vm.regionAt(0x600000000000), undefined, 'no nano region when nano is off');
  });
});
