import * as assert from 'assert';
import { runJsonMemory } from '../../../src/reports/runJson';
import { TestProcess } from './testProcess';

suite('reports/runJson', () => {
  test('footprint, zones, regions and live allocations with their sites', () => {
    const p = new TestProcess();
    const a = p.at([['make', 12], ['main', 20]], 1, () => p.malloc.malloc(64));
    p.memory.writeU64(a, 1);
    const big = p.at([['main', 21]], 2, () => p.malloc.malloc(10 * 1024 * 1024));
    p.memory.fill(big, 0, 10 * 1024 * 1024);
    const doc = runJsonMemory(p.asProcess());
    assert.deepStrictEqual(doc.footprint, p.memory.footprint());
    assert.strictEqual(doc.zones.length, 1);
    const tinyDirty = p.memory.regions().find((r) => r.tag === 'MALLOC_TINY')!.dirty;
    assert.ok(tinyDirty >= 16384, 'the page holding the written block is dirty');
    assert.deepStrictEqual(doc.zones[0], {
      name: p.malloc.zones()[0].zoneName,
      virtual: 11 * 1024 * 1024, // one 1 MiB tiny region + the 10 MiB large block
      resident: tinyDirty + 10 * 1024 * 1024,
      dirty: tinyDirty + 10 * 1024 * 1024,
      swapped: 0,
      allocationCount: 2,
      bytesAllocated: 64 + 10 * 1024 * 1024,
      regionCount: 2,
    });
    const large = doc.regions.find((r) => r.type === 'MALLOC_LARGE')!;
    assert.strictEqual(large.start, `0x${big.toString(16)}`);
    assert.match(large.end, /^0x[0-9a-f]+$/);
    assert.strictEqual(large.detail, doc.zones[0].name);
    const types = new Set(doc.regions.map((r) => r.type));
    for (const t of ['__TEXT', '__DATA', 'MALLOC_TINY', 'Stack', 'MALLOC_LARGE', 'MALLOC metadata']) assert.ok(types.has(t), t);
    assert.strictEqual(doc.regions.length, p.memory.regions().length);
    const starts = doc.regions.map((r) => Number(r.start));
    assert.deepStrictEqual(starts, [...starts].sort((x, y) => x - y), 'regions lowest first');
    assert.deepStrictEqual(doc.allocations, [
      { address: `0x${a.toString(16)}`, size: 64, blockSize: 64, zone: 'tiny', site: { file: 'leaky.c', line: 12 } },
      { address: `0x${big.toString(16)}`, size: 10 * 1024 * 1024, blockSize: 10 * 1024 * 1024, zone: 'large', site: { file: 'leaky.c', line: 21 } },
    ]);
  });

  test('a malloc region without live blocks is typed "(empty)"', () => {
    const p = new TestProcess();
    const a = p.at([['main', 1]], 1, () => p.malloc.malloc(64));
    p.at([['main', 2]], 2, () => p.malloc.free(a));
    const doc = runJsonMemory(p.asProcess());
    assert.ok(doc.regions.some((r) => r.type === 'MALLOC_TINY (empty)'));
    assert.deepStrictEqual(doc.allocations, []);
  });
});
