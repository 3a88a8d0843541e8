import * as assert from 'assert';
import { BlockState, SNAPSHOT_SCHEMA } from '../../../src/protocol/snapshot';
import { buildSnapshot } from '../../../src/reports/snapshot';
import { TestProcess } from './testProcess';

suite('reports/snapshot', () => {
  test('zones, regions with page states and blocks, footprint and the current point of the series', () => {
    const p = new TestProcess();
    const a = p.at([['main', 3]], 7, () => p.malloc.malloc(64));
    const b = p.at([['main', 4]], 8, () => p.malloc.malloc(100));
    p.memory.writeU64(a, 42);
    p.at([['main', 5]], 9, () => p.malloc.free(b));
    const snap = buildSnapshot(p.asProcess(), 'stopped', { file: 'leaky.c', line: 6 });
    assert.strictEqual(snap.schema, SNAPSHOT_SCHEMA);
    assert.strictEqual(snap.step, 9);
    assert.deepStrictEqual(snap.stoppedAt, { file: 'leaky.c', line: 6 });
    assert.strictEqual(snap.liveBlockCount, 1);
    assert.strictEqual(snap.eventCount, p.trace.eventCount);
    const zone = p.malloc.zones()[0];
    assert.strictEqual(snap.zones[0].zoneName, zone.zoneName);
    const tinyVm = p.memory.regions().find((r) => r.tag === 'MALLOC_TINY')!;
    assert.strictEqual(snap.zones[0].dirty, tinyVm.dirty);
    assert.strictEqual(snap.zones[0].fragmentation, tinyVm.dirty - zone.bytesAllocated);
    const tiny = snap.regions[0];
    assert.strictEqual(tiny.type, 'MALLOC_TINY');
    assert.strictEqual(tiny.pages.length, 64, '1 MiB of 16 KiB pages');
    // The heap starts at offset 0x4080, so the first block dirties the second page; the rest of
    // the region is untouched; the letters agree with the address space page by page.
    assert.strictEqual(tiny.pages[1], 'd');
    assert.strictEqual(tiny.pages.slice(2), 'u'.repeat(62));
    const letters = ['u', 'd', 'r', 'c'];
    const expected = Array.from({ length: 64 }, (_, i) => letters[p.memory.pageState(tiny.start + i * 16384)]).join('');
    assert.strictEqual(tiny.pages, expected);
    // b sits in the magazine's one-entry mag_last_free cache; after it, the region's free tail.
    assert.deepStrictEqual(tiny.blocks.slice(0, 2), [
      { address: a, size: 64, requested: 64, state: BlockState.InUse },
      { address: b, size: 112, requested: 0, state: BlockState.Cached },
    ]);
    assert.strictEqual(tiny.blocks.length, 3);
    assert.deepStrictEqual([tiny.blocks[2].address, tiny.blocks[2].state], [b + 112, BlockState.Free]);
    assert.strictEqual(tiny.blocksOmitted, 0);
    const last = snap.footprintSeries[snap.footprintSeries.length - 1];
    assert.deepStrictEqual(last, { step: 9, ...p.memory.footprint() });
    assert.deepStrictEqual(JSON.parse(JSON.stringify(snap)), snap, 'plain JSON data');
  });

  test('blocks are capped per region and overall, the rest counted in blocksOmitted', () => {
    const p = new TestProcess();
    p.at([['main', 3]], 1, () => { for (let i = 0; i < 5000; i++) p.malloc.malloc(16); });
    // 5000 blocks in use plus the region's free tail.
    const total = [...p.malloc.regions()[0].blocks()].length;
    assert.ok(total >= 5000);
    const snap = buildSnapshot(p.asProcess(), 'stopped', undefined, { maxBlocksPerRegion: 1000, maxBlocks: 100_000 });
    assert.strictEqual(snap.regions[0].blocks.length, 1000);
    assert.strictEqual(snap.regions[0].blocksOmitted, total - 1000);
    const tight = buildSnapshot(p.asProcess(), 'stopped', undefined, { maxBlocksPerRegion: 1000, maxBlocks: 10 });
    assert.strictEqual(tight.regions[0].blocks.length, 10);
    assert.strictEqual(tight.regions[0].blocksOmitted, total - 10);
    assert.strictEqual(tight.liveBlockCount, 5000);
  });
});

suite('reports/snapshot with a counting allocator', () => {
  test('a region that knows its block count is not walked past the cap', async () => {
    const { fakeProcess, region } = await import('./fakes');
    let walked = 0;
    const tiny = {
      zone: 'tiny' as const, zoneName: 'DefaultMallocZone_0x1', start: 0x140000000, end: 0x140100000,
      blockCount: () => 64_504,
      *blocks() {
        for (let i = 0; i < 64_504; i++) {
          walked++;
          yield { address: 0x140004080 + 16 * i, size: 16, requested: 16, state: 'in-use' as const };
        }
      },
    };
    const p = fakeProcess({
      regions: [region('MALLOC_TINY', 0x140000000, 0x140100000)],
      zones: [{ zoneName: 'DefaultMallocZone_0x1', kinds: ['tiny'], allocationCount: 64_504, bytesAllocated: 16 * 64_504, regionCount: 1 }],
      mallocRegions: [tiny],
    });
    const snap = buildSnapshot(p, 'stopped', undefined, { maxBlocksPerRegion: 100, maxBlocks: 1000 });
    assert.strictEqual(snap.regions[0].blocks.length, 100);
    assert.strictEqual(snap.regions[0].blocksOmitted, 64_404);
    assert.ok(walked <= 101, `walked ${walked} blocks`);
    assert.strictEqual(snap.regions[0].pages, 'u'.repeat(64));
  });
});
