import * as assert from 'assert';
import { MallocError } from '../../../src/malloc/api';
import { heap, magazineHeap, MiB } from './helpers';

function throwsMalloc(fn: () => unknown, kind: MallocError['kind'], text: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof MallocError, `expected a MallocError, got ${String(e)}`);
    assert.strictEqual(e.kind, kind);
    assert.strictEqual(e.text, text);
    assert.strictEqual(e.aborts, true);
    return true;
  });
}

suite('libmalloc errors, word for word', () => {
  test('tiny double free: "Double free of object %p"', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(64);
    h.malloc.free(p);
    throwsMalloc(() => h.malloc.free(p), 'double-free', `Double free of object 0x${p.toString(16)}`);
  });

  test('a double free is caught after the block left mag_last_free too', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(64);
    const q = h.malloc.malloc(64);
    h.malloc.free(p);
    h.malloc.free(q);
    throwsMalloc(() => h.malloc.free(p), 'double-free', `Double free of object 0x${p.toString(16)}`);
  });

  test('small double free', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(5000);
    h.malloc.free(p);
    throwsMalloc(() => h.malloc.free(p), 'double-free', `Double free of object 0x${p.toString(16)}`);
  });

  test('a pointer no zone owns, or inside a block: "pointer being freed was not allocated"', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(64);
    throwsMalloc(() => h.malloc.free(p + 16), 'not-allocated', `*** error for object 0x${(p + 16).toString(16)}: pointer being freed was not allocated`);
    throwsMalloc(() => h.malloc.free(0x16f000000), 'not-allocated', '*** error for object 0x16f000000: pointer being freed was not allocated');
  });

  test('nano double free reports "not allocated"', () => {
    const h = heap();
    const p = h.malloc.malloc(32);
    h.malloc.free(p);
    throwsMalloc(() => h.malloc.free(p), 'not-allocated', `*** error for object 0x${p.toString(16)}: pointer being freed was not allocated`);
  });

  test('large double free: "pointer %p being freed already on death-row"', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(1 * MiB);
    h.malloc.free(p);
    throwsMalloc(() => h.malloc.free(p), 'double-free', `pointer 0x${p.toString(16)} being freed already on death-row`);
  });

  test('realloc of a freed or unknown pointer', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(64);
    h.malloc.free(p);
    throwsMalloc(() => h.malloc.realloc(p, 10), 'realloc-not-allocated', `*** error for object 0x${p.toString(16)}: pointer being realloc'd was not allocated`);
    throwsMalloc(() => h.malloc.realloc(0x1234560, 10), 'realloc-not-allocated', '*** error for object 0x1234560: pointer being realloc\'d was not allocated');
  });

  test('writing into a freed block on a free list: "Incorrect checksum for freed object"', () => {
    const h = magazineHeap();
    const p = h.malloc.malloc(300);
    h.malloc.malloc(16);
    h.malloc.free(p); // 304 B: past mag_last_free's limit, straight onto a free list
    h.vm.writeU64(p + 8, 0x4141414141);
    throwsMalloc(() => h.malloc.malloc(300), 'corruption',
      `Incorrect checksum for freed object 0x${p.toString(16)}: probably modified after being freed.\nCorrupt value: 0x4141414141`);
  });

  test('an impossible request returns NULL, or aborts under MallocErrorAbort', () => {
    assert.strictEqual(magazineHeap().malloc.malloc(2 ** 50), 0);
    throwsMalloc(() => magazineHeap({ MallocErrorAbort: '1' }).malloc.malloc(2 ** 50), 'out-of-memory',
      `can't allocate region\n:*** mach_vm_map(size=${2 ** 50}, flags: 7000001) failed (error code=3)`);
  });

  test('MallocCheckHeapStart/Each find a smashed free block at the next check', () => {
    const h = magazineHeap({ MallocCheckHeapStart: '1', MallocCheckHeapEach: '4', MallocCheckHeapAbort: '1' });
    const p = h.malloc.malloc(300); // operation 1 (checked: intact)
    h.malloc.malloc(16); // 2
    h.malloc.free(p); // 3: onto a free list
    h.vm.writeU64(p, 0x99); // an overflow from the block before would do this
    h.malloc.free(0); // 4
    throwsMalloc(() => h.malloc.malloc(16), 'heap-check', '*** MallocCheckHeap: FAILED check at operation #5');
    assert.ok(!magazineHeap({ MallocCheckHeapStart: '1' }).warnings.length, 'no "not simulated" warning any more');
  });

  test('free(NULL) does nothing', () => {
    const h = heap();
    const events = h.trace.eventCount;
    h.malloc.free(0);
    assert.strictEqual(h.trace.eventCount, events, 'nothing recorded');
    assert.deepStrictEqual(h.malloc.checkInvariants(), []);
  });
});

suite('malloc environment', () => {
  test('MallocNanoZone=0 turns nano off; a malformed value warns and keeps the default', () => {
    assert.strictEqual(heap({ MallocNanoZone: '0' }).malloc.nano, undefined);
    const h = heap({ MallocNanoZone: 'maybe' });
    assert.notStrictEqual(h.malloc.nano, undefined);
    assert.deepStrictEqual(h.warnings, ['malloc: MallocNanoZone: ignoring malformed value "maybe" (expected 0 or 1)']);
  });

  test('MallocSpaceEfficient=1 turns nano and the large cache off', () => {
    const h = heap({ MallocSpaceEfficient: '1' });
    assert.strictEqual(h.malloc.nano, undefined);
    assert.strictEqual(h.malloc.large.cacheDepth, 0);
  });

  test('MallocHelp prints the list of variables through warn', () => {
    const h = heap({ MallocHelp: '1' });
    assert.ok(h.warnings.length > 10);
    assert.ok(h.warnings.some((l) => l.includes('MallocNanoZone')));
  });

  test('MallocStackLogging announces where its logs go', () => {
    const h = heap({ MallocStackLogging: 'vm', MallocStackLoggingNoCompact: '1' });
    assert.deepStrictEqual(h.warnings, ['test(4242) MallocStackLogging: stack logs being written to /private/tmp/stack-logs.4242.test.index']);
  });

  test('MallocMaxMagazines caps the magazines; the default is one per CPU', () => {
    assert.strictEqual(heap().malloc.magazineCount, 8);
    assert.strictEqual(heap({ MallocMaxMagazines: '2' }).malloc.magazineCount, 2);
  });
});
