import * as assert from 'assert';
import { leaksReport } from '../../../src/reports/leaks';
import { assertGolden } from './golden';
import { TestProcess } from './testProcess';

const MAIN: [string, number][] = [['main', 10]];

suite('reports/leaks', () => {
  test('a block whose only pointer was overwritten is a ROOT LEAK; one held from the stack is not', () => {
    const p = new TestProcess();
    const kept = p.at([['main', 5]], 3, () => p.malloc.malloc(64));
    const lost = p.at([['main', 6]], 4, () => p.malloc.malloc(48));
    p.memory.writeU64(p.stackSlot(0), kept);
    p.memory.writeU64(p.stackSlot(1), lost);
    assert.strictEqual(leaksReport(p.asProcess()).leakCount, 0, 'both still referenced from the stack');

    p.memory.writeU64(p.stackSlot(1), 0); // lost = NULL
    const result = leaksReport(p.asProcess());
    assert.strictEqual(result.leakCount, 1);
    assert.strictEqual(result.leakedBytes, 48);
    assert.strictEqual(result.leaks[0].address, lost);
    assert.strictEqual(result.leaks[0].root, 'ROOT LEAK');
    assert.strictEqual(result.leaks[0].allocatedBy, 'malloc in main');
    assert.ok(result.text.includes(`    1 (48 bytes) ROOT LEAK: <malloc in main 0x${lost.toString(16)}> [48]`), result.text);
    assert.ok(result.text.includes('Process 4242: 1 leak for 48 total leaked bytes.'));
    assert.ok(result.text.includes('Process 4242: 2 nodes malloced for 0 KB'));
  });

  test('a block referenced from a global (__DATA) or from a reachable block is not leaked', () => {
    const p = new TestProcess();
    const list = p.at(MAIN, 1, () => p.malloc.malloc(16));
    const node = p.at([['push', 20], ['main', 11]], 2, () => p.malloc.malloc(32));
    const interior = p.at(MAIN, 3, () => p.malloc.malloc(128));
    p.memory.writeU64(p.data + 8, list);      // static struct node *head = list;
    p.memory.writeU64(list + 8, node);        // list->next = node
    p.memory.writeU64(p.stackSlot(3), interior + 40); // a pointer into the middle of a block still holds it
    const result = leaksReport(p.asProcess());
    assert.strictEqual(result.leakCount, 0, result.text);
    assert.ok(result.text.includes('Process 4242: 0 leaks for 0 total leaked bytes.'));
  });

  test('blocks reachable only from a leaked block are listed under it', () => {
    const p = new TestProcess();
    const head = p.at(MAIN, 1, () => p.malloc.malloc(16));
    const child = p.at([['make', 30], ['main', 12]], 2, () => p.malloc.malloc(32));
    p.memory.writeU64(head, child);
    const result = leaksReport(p.asProcess());
    assert.strictEqual(result.leakCount, 2);
    assert.deepStrictEqual(result.leaks.map((l) => [l.address, l.root, l.depth, l.nodeCount, l.totalBytes]), [
      [head, 'ROOT LEAK', 0, 2, 48],
      [child, undefined, 1, 1, 32],
    ]);
    assert.ok(result.text.includes(`    2 (48 bytes) ROOT LEAK: <malloc in main 0x${head.toString(16)}> [16]`));
    assert.ok(result.text.includes(`       1 (32 bytes) <malloc in make 0x${child.toString(16)}> [32]`));
  });

  test('two leaked blocks pointing at each other are one ROOT CYCLE', () => {
    const p = new TestProcess();
    const a = p.at(MAIN, 1, () => p.malloc.malloc(48));
    const b = p.at(MAIN, 2, () => p.malloc.malloc(48));
    p.memory.writeU64(a + 8, b);
    p.memory.writeU64(b + 8, a);
    const result = leaksReport(p.asProcess());
    assert.strictEqual(result.leakCount, 2);
    assert.strictEqual(result.leaks[0].root, 'ROOT CYCLE');
    assert.strictEqual(result.leaks[0].nodeCount, 2);
    assert.strictEqual(result.leaks[1].root, undefined);
    assert.ok(result.text.includes(`ROOT CYCLE: <malloc in main 0x${a.toString(16)}> [48]`), result.text);
    assert.ok(result.text.includes(`CYCLE BACK TO <malloc in main 0x${a.toString(16)}> [48]`), result.text);

    // Once the stack points at the cycle, nothing leaks.
    p.memory.writeU64(p.stackSlot(0), b);
    assert.strictEqual(leaksReport(p.asProcess()).leakCount, 0);
  });

  test('values the interpreter holds outside memory (rootWords) count as registers', () => {
    const p = new TestProcess();
    const held = p.at(MAIN, 1, () => p.malloc.malloc(64));
    assert.strictEqual(leaksReport(p.asProcess()).leakCount, 1);
    const withRegisters = Object.assign(p, { rootWords: () => [held] });
    assert.strictEqual(leaksReport(withRegisters.asProcess()).leakCount, 0);
  });

  test('blocks the runtime allocated before main are not reported', () => {
    const p = new TestProcess();
    p.at([], 0, () => p.malloc.malloc(32)); // e.g. dyld / libSystem initialisers: no program frames
    assert.strictEqual(leaksReport(p.asProcess()).leakCount, 0);
  });

  test('report text', () => {
    const p = new TestProcess();
    const a = p.at([['main', 7]], 1, () => p.malloc.malloc(64));
    p.at([['main', 8]], 2, () => p.malloc.malloc(64));
    const c = p.at([['list_push', 21], ['main', 9]], 3, () => p.malloc.malloc(24));
    const d = p.at([['list_push', 21], ['main', 9]], 4, () => p.malloc.malloc(24));
    p.memory.writeU64(c, d);
    p.memory.writeU64(d, c);
    p.memory.writeU64(p.stackSlot(0), a);
    assertGolden('leaks-basic', leaksReport(p.asProcess()).text);
  });
});
