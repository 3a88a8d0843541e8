import * as assert from 'assert';
import { MemoryFault, PageState } from '../../../src/vm/api';
import { applyPreMainBaseline, mapProcessImage, STACK_SIZE } from '../../../src/machine/processImage';
import { heap, magazineHeap, KiB, MiB, type Heap } from '../malloc/helpers';

function launch(h: Heap): ReturnType<typeof mapProcessImage> {
  const image = mapProcessImage(h.vm, { textBytes: 3000, cstringBytes: 200, dataBytes: 64 });
  applyPreMainBaseline(h.vm, h.malloc);
  return image;
}

/** vmmap's zone figures: the sum over the zone's regions. */
function zoneVirtual(h: Heap, zoneName: string): number {
  return h.malloc.regions().filter((r) => r.zoneName === zoneName).reduce((s, r) => s + h.vm.rangeStats(r.start, r.end).virtual, 0);
}

suite('process image', () => {
  test('__TEXT at 0x100000000 (r-x), cstring read-only, __DATA writable, an 8 MiB stack with a guard page', () => {
    const h = magazineHeap();
    const image = mapProcessImage(h.vm, { textBytes: 3000, cstringBytes: 200, dataBytes: 64 });
    assert.strictEqual(h.vm.regionAt(image.textStart)!.start, 0x100000000);
    assert.strictEqual(h.vm.regionAt(image.textStart)!.protection, 'r-x');
    assert.strictEqual(h.vm.regionAt(image.cstringStart)!.protection, 'r--');
    assert.throws(() => h.vm.writeU8(image.cstringStart, 1), MemoryFault, 'string literals are read-only');
    h.vm.loadBytes(image.cstringStart, new TextEncoder().encode('hi\0'));
    assert.strictEqual(h.vm.readU8(image.cstringStart + 1), 'i'.charCodeAt(0));
    h.vm.writeU32(image.dataStart, 5);
    assert.strictEqual(image.stackTop - image.stackLimit, STACK_SIZE);
    assert.strictEqual(h.vm.regionAt(image.stackTop - 1)!.tag, 'Stack');
    assert.throws(() => h.vm.writeU8(image.stackLimit - 1, 0), (e: unknown) => e instanceof MemoryFault && e.reason === 'protection');
    assert.strictEqual(h.vm.pageState(image.stackTop - 1), PageState.Untouched, 'stack pages cost nothing until touched');
    h.vm.writeU64(image.stackTop - 8, 1);
    assert.strictEqual(h.vm.pageState(image.stackTop - 1), PageState.Dirty);
  });

  test('the pre-main baseline: ~180–230 blocks of 14–20 KB and ~1.1–1.2 MB of footprint', () => {
    for (const h of [heap(), magazineHeap()]) {
      launch(h);
      const blocks = [...h.malloc.liveBlocks()];
      const bytes = blocks.reduce((s, b) => s + b.blockSize, 0);
      assert.ok(blocks.length >= 180 && blocks.length <= 230, `${blocks.length} blocks`);
      assert.ok(bytes >= 14 * KiB && bytes <= 20 * KiB, `${bytes} bytes`);
      const footprint = h.vm.footprint().physFootprint;
      assert.ok(footprint >= 1.0 * MiB && footprint <= 1.3 * MiB, `${footprint / KiB}K`);
    }
  });

  test('the seed\'s trace.c with MallocNanoZone=0: 19.0M in 3 regions, footprint within 10% of 11.3M, big=0x12b000000', () => {
    const h = magazineHeap();
    const image = launch(h);
    h.vm.fill(image.stackTop - 8 * KiB - 64, 0, 8 * KiB + 64); // main's frame: void *small[1000]
    for (let i = 0; i < 1000; i++) h.malloc.malloc(64);
    const big = h.malloc.malloc(10 * MiB);
    h.vm.fill(big, 0, 10 * MiB);
    const stdoutBuffer = h.malloc.malloc(4096); // __smakebuf on a tty
    h.vm.writeBytes(stdoutBuffer, new TextEncoder().encode('PID: 4242  big=0x12b000000\n'));
    assert.strictEqual(big, 0x12b000000);
    const [zone] = h.malloc.zones();
    assert.strictEqual(zone.zoneName, 'DefaultMallocZone_0x100f10000');
    assert.strictEqual(zone.regionCount, 3);
    assert.strictEqual(zoneVirtual(h, zone.zoneName), 19 * MiB);
    const footprint = h.vm.footprint().physFootprint;
    const target = 11.3 * MiB;
    assert.ok(Math.abs(footprint - target) <= 0.1 * target, `${(footprint / MiB).toFixed(2)}M`);
  });

  test('with nano on, DefaultMallocZone is the 512 MiB nano region and the helper zone keeps 3 regions', () => {
    const h = heap();
    launch(h);
    h.malloc.malloc(64);
    h.malloc.malloc(4096);
    h.malloc.malloc(10 * MiB);
    const [nano, helper] = h.malloc.zones();
    assert.strictEqual(zoneVirtual(h, nano.zoneName), 512 * MiB);
    assert.strictEqual(helper.regionCount, 3);
    assert.strictEqual(zoneVirtual(h, helper.zoneName), 19 * MiB);
  });
});
