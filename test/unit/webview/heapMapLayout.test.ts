import * as assert from 'assert';
import { BlockState, type HeapBlock, type HeapRegion } from '../../../src/protocol/snapshot';
import {
  COLLAPSE_MIN_PAGES, GAP_PAGES, TrackMapper, addressToTrack, blockIndexNear, layoutTrack, rowCountFor, trackToAddress,
} from '../../../webview/heapMapLayout';

const PAGE = 16384;

function region(start: number, pageCount: number, pages: string, blocks: HeapBlock[]): HeapRegion {
  return { type: 'MALLOC_SMALL', zone: 'small', start, end: start + pageCount * PAGE, pageSize: PAGE, pages, blocks, blocksOmitted: 0 };
}

suite('Heap map layout', () => {
  test('a fully touched region is one linear segment', () => {
    const r = region(0x10000, 8, 'dddddddd', []);
    const layout = layoutTrack(r);
    assert.strictEqual(layout.segments.length, 1);
    assert.strictEqual(layout.trackLength, 8 * PAGE);
    assert.strictEqual(addressToTrack(layout, 0x10000 + 100), 100);
  });

  test('long untouched stretches without live blocks fold into gaps; short ones stay', () => {
    // 2 dirty pages, 200 untouched, 1 page holding a live block, 10 untouched.
    const total = 2 + 200 + 1 + 10;
    const liveAt = 0x100000 + 202 * PAGE;
    const r = region(0x100000, total, 'dd' + 'u'.repeat(total - 2), [{ address: liveAt, size: 512, requested: 500, state: BlockState.InUse }]);
    const layout = layoutTrack(r);
    assert.deepStrictEqual(layout.segments.map((s) => s.gap), [false, true, false]);
    assert.strictEqual(layout.segments[1].end - layout.segments[1].start, 200 * PAGE);
    assert.strictEqual(layout.trackLength, (2 + GAP_PAGES + 1 + 10) * PAGE);
    // Addresses map monotonically, and back.
    assert.strictEqual(trackToAddress(layout, addressToTrack(layout, liveAt)), liveAt);
    assert.ok(addressToTrack(layout, liveAt) > addressToTrack(layout, 0x100000 + 100 * PAGE));
    assert.ok(COLLAPSE_MIN_PAGES > 10);
  });

  test('a free block over untouched pages does not keep them from folding', () => {
    const r = region(0, 512, 'd' + 'u'.repeat(511), [
      { address: 0, size: 4096, requested: 4096, state: BlockState.InUse },
      { address: 4096, size: 512 * PAGE - 4096, requested: 0, state: BlockState.Free },
    ]);
    assert.ok(layoutTrack(r).segments.some((s) => s.gap));
  });

  test('the mapper walking ascending addresses agrees with the direct mapping', () => {
    const r = region(0x100000, 300, 'd'.repeat(3) + 'u'.repeat(297), [{ address: 0x100000 + 250 * PAGE, size: 64, requested: 64, state: BlockState.InUse }]);
    const layout = layoutTrack(r);
    const mapper = new TrackMapper(layout, 0.5);
    for (let address = r.start; address <= r.end; address += 7 * PAGE + 123) {
      assert.strictEqual(mapper.toPixels(address), addressToTrack(layout, address) * 0.5);
    }
  });

  test('finds the block under an address, or the nearest one', () => {
    const blocks: HeapBlock[] = [
      { address: 1000, size: 16, requested: 16, state: BlockState.InUse },
      { address: 1016, size: 32, requested: 30, state: BlockState.Free },
      { address: 2000, size: 64, requested: 64, state: BlockState.InUse },
    ];
    const r = region(0, 1, 'd', blocks);
    assert.strictEqual(blockIndexNear(r, 1000), 0);
    assert.strictEqual(blockIndexNear(r, 1020), 1);
    assert.strictEqual(blockIndexNear(r, 2063), 2);
    assert.strictEqual(blockIndexNear(r, 1990), 2, 'nearer the next block than the end of the previous');
    assert.strictEqual(blockIndexNear(r, 10), 0);
    assert.strictEqual(blockIndexNear(region(0, 1, 'd', []), 5), -1);
  });

  test('big regions get more rows, up to the cap', () => {
    const small = layoutTrack(region(0, 1, 'd', []));
    const big = layoutTrack(region(0, 64, 'd'.repeat(64), []));
    assert.strictEqual(rowCountFor(small, 800, 16), 1);
    assert.strictEqual(rowCountFor(big, 800, 16), 16);
    assert.strictEqual(rowCountFor(big, 800, 4), 4);
  });
});
