// The adapter's and CLI's small parts on their own: option checking, path handling, output
// coalescing and readMemory over a real AddressSpace.

import * as assert from 'assert';
import { dirname, resolvePath } from '../../src/adapter/fileAccessor';
import { readMemory, toBase64 } from '../../src/adapter/memory';
import { OutputCoalescer } from '../../src/adapter/outputCoalescer';
import { checkRunOptions, UsageError } from '../../src/cli/options';
import { AddressSpace } from '../../src/vm/addressSpace';
import { profileByName } from '../../src/vm/profiles';

const PROFILES = ['apple-silicon-16g', 'apple-silicon-64g', 'intel-16g'];

suite('cli options', () => {
  test('collects env pairs, reports in order without repeats, and --history implies the history report', () => {
    const c = checkRunOptions(['a.c', 'b.c'], {
      env: ['MallocNanoZone=0', 'MallocScribble=1', 'EMPTY='],
      report: ['heap', 'vmmap', 'heap'],
      history: '0x600000000010',
      stopAt: '23',
      maxSteps: '1000',
    }, ['x'], PROFILES);
    assert.deepStrictEqual(c.env, { MallocNanoZone: '0', MallocScribble: '1', EMPTY: '' });
    assert.deepStrictEqual(c.reports, ['heap', 'vmmap', 'history']);
    assert.strictEqual(c.historyAddress, 0x600000000010);
    assert.strictEqual(c.stopAt, 23);
    assert.strictEqual(c.maxSteps, 1000);
    assert.deepStrictEqual(c.args, ['x']);
    assert.strictEqual(c.tty, true);
  });

  test('rejects what cannot be right, with the catalogue\'s words', () => {
    const bad = (files: string[], raw: object, pattern: RegExp) =>
      assert.throws(() => checkRunOptions(files, raw, [], PROFILES), (e: unknown) => e instanceof UsageError && pattern.test(e.message));
    bad(['x.txt'], {}, /not a C source file/);
    bad(['a.c'], { env: ['=1'] }, /malformed --env/);
    bad(['a.c'], { env: ['1X=1'] }, /malformed --env/);
    bad(['a.c'], { profile: 'cray' }, /unknown profile 'cray'/);
    bad(['a.c'], { stopAt: '0' }, /bad --stop-at/);
    bad(['a.c'], { maxSteps: '1e3' }, /bad --max-steps/);
    bad(['a.c'], { history: 'big' }, /bad --history/);
    bad(['a.c'], { report: ['top'] }, /unknown --report/);
  });
});

suite('adapter paths', () => {
  test('resolves relative program paths against cwd and normalises . and ..', () => {
    assert.strictEqual(resolvePath('/work/proj', 'src/../trace.c'), '/work/proj/trace.c');
    assert.strictEqual(resolvePath('/work/proj/', './a/./b.c'), '/work/proj/a/b.c');
    assert.strictEqual(resolvePath('/ignored', '/abs/x.c'), '/abs/x.c');
    assert.strictEqual(resolvePath(undefined, 'x.c'), 'x.c');
    assert.strictEqual(resolvePath('C:\\proj', 'inc\\h.h'), 'C:\\proj\\inc\\h.h');
    assert.strictEqual(dirname('/work/proj/trace.c'), '/work/proj');
    assert.strictEqual(dirname('trace.c'), '.');
  });
});

suite('adapter output coalescing', () => {
  test('keeps order across streams, merges runs of one stream, and flushes at 64 KiB without waiting', () => {
    const emitted: [string, string][] = [];
    const c = new OutputCoalescer((stream, text) => emitted.push([stream, text]));
    c.push('stdout', 'a');
    c.push('stdout', 'b');
    c.push('stderr', 'E');
    c.push('stdout', 'c');
    assert.strictEqual(emitted.length, 0);
    c.flush();
    assert.deepStrictEqual(emitted, [['stdout', 'ab'], ['stderr', 'E'], ['stdout', 'c']]);
    emitted.length = 0;
    for (let i = 0; i < 1024; i++) c.push('stdout', 'x'.repeat(64));
    assert.strictEqual(emitted.length, 1);
    assert.strictEqual(emitted[0][1].length, 64 * 1024);
    c.dispose();
  });

  test('flushes on its timer', async () => {
    const emitted: string[] = [];
    const c = new OutputCoalescer((_s, text) => emitted.push(text));
    c.push('stdout', 'late');
    await new Promise((r) => setTimeout(r, 40));
    assert.deepStrictEqual(emitted, ['late']);
  });
});

suite('adapter readMemory', () => {
  test('reads zeros from untouched pages without touching them, written bytes as written, and stops at unmapped space', () => {
    const vm = new AddressSpace(profileByName(undefined)!);
    const page = vm.pageSize;
    const base = vm.map(2 * page, { tag: 'VM_ALLOCATE' })!;
    vm.writeU32(base + 8, 0xdeadbeef);
    const r = readMemory(vm, base, 16);
    assert.deepStrictEqual([...r.data.subarray(8, 12)], [0xef, 0xbe, 0xad, 0xde]);
    assert.strictEqual(r.unreadableBytes, 0);
    const before = vm.footprint().dirty;
    const untouched = readMemory(vm, base + page, 32);
    assert.deepStrictEqual([...untouched.data], new Array(32).fill(0));
    assert.strictEqual(vm.footprint().dirty, before);
    // Across the end of the mapping: the readable part, then the unreadable rest.
    const tail = readMemory(vm, base + 2 * page - 4, 12);
    assert.strictEqual(tail.data.length, 4);
    assert.strictEqual(tail.unreadableBytes, 8);
    const none = readMemory(vm, 0, 64);
    assert.strictEqual(none.data.length, 0);
    assert.strictEqual(none.unreadableBytes, 64);
  });

  test('encodes base64 without Buffer', () => {
    const bytes = new Uint8Array(70_000).map((_v, i) => i * 7);
    assert.strictEqual(toBase64(bytes), Buffer.from(bytes).toString('base64'));
  });
});
