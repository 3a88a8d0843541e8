import * as assert from 'assert';
import { describePointer, historyEntries, mallocHistoryReport } from '../../../src/reports/mallocHistory';
import { assertGolden } from './golden';
import { TestProcess } from './testProcess';

function scenario() {
  const p = new TestProcess();
  const a = p.at([['make_node', 14], ['main', 30]], 5, () => p.malloc.malloc(40));
  const b = p.at([['main', 31]], 6, () => p.malloc.malloc(100));
  p.at([['main', 31]], 6, () => p.malloc.malloc(100)); // keeps b from growing in place
  const c = p.at([['grow', 22], ['main', 32]], 7, () => p.malloc.realloc(b, 300));
  p.at([['main', 33]], 8, () => p.malloc.free(a));
  const big = p.at([['main', 34]], 9, () => p.malloc.malloc(40000));
  return { p, a, b, c, big };
}

suite('reports/mallocHistory', () => {
  test('an address lists ALLOC then FREE with stacks outermost first and inclusive ends', () => {
    const { p, a } = scenario();
    const text = mallocHistoryReport(p.asProcess(), { address: a });
    const lines = text.split('\n');
    const start = lines.indexOf('malloc_history Report Version:  2.0');
    assert.ok(start > 0);
    const hex = (n: number) => `0x${n.toString(16)}`;
    assert.deepStrictEqual(lines.slice(start + 1, start + 3), [
      `ALLOC ${hex(a)}-${hex(a + 39)} [size=40]: thread_1f3ac4c00 | start | main | make_node`,
      `FREE  ${hex(a)}-${hex(a + 39)} [size=40]: thread_1f3ac4c00 | start | main`,
    ]);
  });

  test('a realloc that moves reads as FREE of the old block and ALLOC of the new one', () => {
    const { p, b, c } = scenario();
    const old = mallocHistoryReport(p.asProcess(), { address: b }).split('\n').filter((l) => /^(ALLOC|FREE)/.test(l));
    assert.deepStrictEqual(old.map((l) => l.slice(0, 5)), ['ALLOC', 'FREE ']);
    assert.ok(old[1].endsWith('| start | main | grow'));
    const moved = mallocHistoryReport(p.asProcess(), { address: c + 10 }).split('\n').filter((l) => /^(ALLOC|FREE)/.test(l));
    assert.deepStrictEqual(moved, [`ALLOC 0x${c.toString(16)}-0x${(c + 299).toString(16)} [size=300]: thread_1f3ac4c00 | start | main | grow`]);
  });

  test('a realloc in place reads as FREE of the old size and ALLOC of the new one at the same address', () => {
    const p = new TestProcess();
    const a = p.at([['main', 1]], 1, () => p.malloc.malloc(100));
    const same = p.at([['main', 2]], 2, () => p.malloc.realloc(a, 40));
    assert.strictEqual(same, a, 'tiny shrinks in place');
    const lines = mallocHistoryReport(p.asProcess(), { address: a }).split('\n').filter((l) => /^(ALLOC|FREE)/.test(l));
    assert.deepStrictEqual(lines.map((l) => l.split(':')[0].replace(/0x[0-9a-f]+-/, '')), [
      `ALLOC 0x${(a + 99).toString(16)} [size=100]`,
      `FREE  0x${(a + 99).toString(16)} [size=100]`,
      `ALLOC 0x${(a + 39).toString(16)} [size=40]`,
    ]);
  });

  test('historyEntries gives the panel every event with its stack innermost first', () => {
    const { p, a } = scenario();
    const entries = historyEntries(p.asProcess(), a);
    assert.deepStrictEqual(entries.map((e) => [e.kind, e.step, e.stack[0].functionName, e.stack[0].line]), [
      ['ALLOC', 5, 'make_node', 14],
      ['FREE', 8, 'main', 33],
    ]);
  });

  test('describePointer names zone, sizes, where the block was allocated and freed', () => {
    const { p, a, big } = scenario();
    const freed = describePointer(p.asProcess(), a + 8)!;
    assert.strictEqual(freed.offset, 8);
    assert.deepStrictEqual(freed.allocated, { file: 'leaky.c', line: 14, step: 5, functionName: 'make_node' });
    assert.deepStrictEqual(freed.freed, { file: 'leaky.c', line: 33, step: 8, functionName: 'main' });
    assert.strictEqual(freed.text, [
      `0x${a.toString(16)} + 8: tiny block of 48 bytes (40 requested)`,
      'allocated at leaky.c:14 (step 5) in make_node',
      'freed at leaky.c:33 (step 8) in main',
    ].join('\n'));
    const live = describePointer(p.asProcess(), big)!;
    assert.strictEqual(live.freed, undefined);
    assert.ok(live.text.endsWith('\nlive'));
    assert.ok(live.text.startsWith(`0x${big.toString(16)}: large block of 49152 bytes (40000 requested)`));
    assert.strictEqual(describePointer(p.asProcess(), 0x10), undefined);
  });

  test('-allBySize and -allByCount group live allocations by stack', () => {
    const { p } = scenario();
    p.at([['main', 40]], 10, () => { p.malloc.malloc(8); p.malloc.malloc(8); p.malloc.malloc(8); });
    const bySize = mallocHistoryReport(p.asProcess(), { allBySize: true }).split('\n').filter((l) => l.includes(' calls for ') || l.includes(' call for '));
    assert.deepStrictEqual(bySize.map((l) => l.split(':')[0]), ['1 call for 40000 bytes', '1 call for 300 bytes', '1 call for 100 bytes', '3 calls for 24 bytes']);
    const byCount = mallocHistoryReport(p.asProcess(), { allByCount: true }).split('\n').filter((l) => / calls? for /.test(l));
    assert.strictEqual(byCount[0], '3 calls for 24 bytes: thread_1f3ac4c00 | start | main');
  });

  test('-highWaterMark finds the largest live set', () => {
    const p = new TestProcess();
    const x = p.at([['main', 1]], 1, () => p.malloc.malloc(1000));
    p.at([['main', 2]], 2, () => p.malloc.malloc(500));
    p.at([['main', 3]], 3, () => p.malloc.free(x));
    p.at([['main', 4]], 4, () => p.malloc.malloc(200));
    const text = mallocHistoryReport(p.asProcess(), { highWaterMark: true });
    assert.match(text, /\nHigh water mark: 1500 bytes in 2 allocations at step 2 \(event #\d+\)\n/);
  });

  test('report texts', () => {
    const { p, a } = scenario();
    assertGolden('history-address', mallocHistoryReport(p.asProcess(), { address: a }));
    assertGolden('history-all-events', mallocHistoryReport(p.asProcess(), { allEvents: true }));
    assertGolden('history-call-tree', mallocHistoryReport(p.asProcess(), { callTree: true }));
    assertGolden('history-call-tree-inverted', mallocHistoryReport(p.asProcess(), { callTree: true, invert: true }));
  });
});
