import * as assert from 'assert';
import { heapReport, sizeHistogram } from '../../../src/reports/heap';
import type { BlockInfo } from '../../../src/malloc/api';
import { assertGolden } from './golden';
import { TestProcess } from './testProcess';

function blocks(size: number, count: number): BlockInfo[] {
  return Array.from({ length: count }, (_, i) => ({ address: 0x1000 + i * size, requestedSize: size, blockSize: size, zone: 'tiny' as const, live: true }));
}

suite('reports/heap', () => {
  test('the size histogram lists block sizes largest first as heap prints them', () => {
    const all = [...blocks(32, 8453), ...blocks(48 * 1024, 2), ...blocks(1008, 12)];
    assert.strictEqual(sizeHistogram(all), '48KB[2] 1008[12] 32[8453]');
  });

  test('zones, node counts and the COUNT/BYTES/AVG table come from the live blocks', () => {
    const p = new TestProcess();
    p.at([['main', 3]], 1, () => {
      for (let i = 0; i < 3; i++) p.malloc.malloc(64);
      p.malloc.malloc(20);
      p.malloc.malloc(40000);
    });
    const text = heapReport(p.asProcess());
    const lines = text.split('\n');
    assert.ok(lines.includes('Process 4242: 1 zone'));
    assert.ok(lines.includes('All zones: 5 nodes malloced - Sizes: 48KB[1] 64[3] 32[1]'), text);
    assert.ok(lines.includes('All zones: 5 nodes (49376 bytes)'));
    assert.ok(lines.includes('       5      49376    9875.2   non-object'), text);
    assertGolden('heap-basic', text);
  });
});
