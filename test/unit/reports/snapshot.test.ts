import * as assert from 'assert';
import { BlockState, SNAPSHOT_SCHEMA } from '../../../src/protocol/snapshot';
import { buildSnapshot } from '../../../src/reports/snapshot';
import { TestProcess, ZONE_NAME } from './testProcess';

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
    assert.strictEqual(snap.eventCount, 3);
    assert.strictEqual(snap.zones[0].zoneName, ZONE_NAME);
    assert.strictEqual(snap.zones[0].dirty, 16384);
    assert.strictEqual(snap.zones[0].fragmentation, 16384 - 64);
    const tiny = snap.regions[0];
    assert.strictEqual(tiny.type, 'MALLOC_TINY');
    assert.strictEqual(tiny.pages.length, 64, '1 MiB of 16 KiB pages');
    // The heap starts at offset 0x4080, so the first block dirties the second page.
    assert.strictEqual(tiny.pages, 'ud' + 'u'.repeat(62));
    assert.deepStrictEqual(tiny.blocks, [
      { address: a, size: 64, requested: 64, state: BlockState.InUse },
      { address: b, size: 112, requested: 0, state: BlockState.Free },
    ]);
    assert.strictEqual(tiny.blocksOmitted, 0);
    const last = snap.footprintSeries[snap.footprintSeries.length - 1];
    assert.deepStrictEqual(last, { step: 9, ...p.memory.footprint() });
    assert.deepStrictEqual(JSON.parse(JSON.stringify(snap)), snap, 'plain JSON data');
  });

  test('blocks are capped per region and overall, the rest counted in blocksOmitted', () => {
    const p = new TestProcess();
    p.at([['main', 3]], 1, () => { for (let i = 0; i < 5000; i++) p.malloc.malloc(16); });
    const snap = buildSnapshot(p.asProcess(), 'stopped', undefined, { maxBlocksPerRegion: 1000, maxBlocks: 100_000 });
    assert.strictEqual(snap.regions[0].blocks.length, 1000);
    assert.strictEqual(snap.regions[0].blocksOmitted, 4000);
    const tight = buildSnapshot(p.asProcess(), 'stopped', undefined, { maxBlocksPerRegion: 1000, maxBlocks: 10 });
    assert.strictEqual(tight.regions[0].blocks.length, 10);
    assert.strictEqual(tight.regions[0].blocksOmitted, 4990);
    assert.strictEqual(tight.liveBlockCount, 5000);
  });
});
