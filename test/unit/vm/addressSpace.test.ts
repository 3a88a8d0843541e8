import * as assert from 'assert';
import { MemoryFault, PageState } from '../../../src/vm/api';
import { AddressSpace } from '../../../src/vm/addressSpace';
import { PROFILES, profileByName } from '../../../src/vm/profiles';

const KiB = 1024;
const MiB = 1024 * KiB;

function space(name = 'apple-silicon-16g'): AddressSpace {
  return new AddressSpace(profileByName(name)!);
}

function clean(vm: AddressSpace): void {
  assert.deepStrictEqual(vm.checkInvariants(), []);
}

suite('vm profiles', () => {
  test('the default is Apple silicon with 16 KiB pages, 16 GiB and 8 CPUs', () => {
    const p = profileByName(undefined)!;
    assert.strictEqual(p.name, 'apple-silicon-16g');
    assert.strictEqual(p.pageSize, 16384);
    assert.strictEqual(p.memorySize, 16 * 1024 * MiB);
    assert.strictEqual(p.logicalCpus, 8);
    assert.strictEqual(p.codeType, 'ARM64');
  });

  test('the Intel profile has 4 KiB pages; the 64 GiB profile reaches the medium threshold', () => {
    assert.strictEqual(profileByName('intel-16g')!.pageSize, 4096);
    assert.ok(profileByName('apple-silicon-64g')!.memorySize >= 32 * 1024 * MiB);
    assert.strictEqual(profileByName('pdp-11'), undefined);
    assert.deepStrictEqual(PROFILES.map((p) => p.name), ['apple-silicon-16g', 'apple-silicon-64g', 'intel-16g']);
  });
});

suite('vm placement (mach_vm_map)', () => {
  test('anywhere-placement takes the first aligned gap at or above the hint', () => {
    const vm = space();
    const a = vm.map(1 * MiB, { tag: 'MALLOC_TINY', hint: 0x12a000000, alignment: 1 * MiB })!;
    const b = vm.map(8 * MiB, { tag: 'MALLOC_SMALL', hint: 0x12a000000, alignment: 8 * MiB })!;
    const c = vm.map(10 * MiB, { tag: 'MALLOC_LARGE', hint: 0x12a000000 })!;
    assert.strictEqual(a, 0x12a000000);
    assert.strictEqual(b, 0x12a800000);
    // The 7 MiB gap between tiny and small is too small for 10 MiB.
    assert.strictEqual(c, 0x12b000000);
    const d = vm.map(100, { tag: 'VM_ALLOCATE', hint: 0x12a000000 })!;
    assert.strictEqual(d, 0x12a100000, 'a page-sized request fills the first gap');
    clean(vm);
  });

  test('sizes round up to whole pages; fixed placement fails when taken', () => {
    const vm = space();
    const a = vm.map(1, { tag: 'VM_ALLOCATE', fixedAddress: 0x200000000 })!;
    assert.strictEqual(vm.regionAt(a)!.end - a, 16 * KiB);
    assert.strictEqual(vm.map(1, { tag: 'VM_ALLOCATE', fixedAddress: 0x200000000 }), undefined);
    assert.strictEqual(vm.map(1, { tag: 'VM_ALLOCATE', fixedAddress: 0x200001000 }), undefined, 'not page aligned');
    assert.strictEqual(vm.map(0, { tag: 'VM_ALLOCATE' }), undefined);
    assert.strictEqual(vm.map(2 ** 47, { tag: 'VM_ALLOCATE' }), undefined, 'beyond the user address space');
  });
});

suite('vm pages and accounting', () => {
  test('reading untouched memory sees zeros and touches nothing', () => {
    const vm = space();
    const a = vm.map(1 * MiB, { tag: 'VM_ALLOCATE' })!;
    assert.strictEqual(vm.readI32(a + 100), 0);
    assert.strictEqual(vm.readF64(a + 5000), 0);
    assert.strictEqual(vm.readU64(a + 16383), 0, 'page-crossing read');
    assert.deepStrictEqual(Array.from(vm.readBytes(a, 4)), [0, 0, 0, 0]);
    const f = vm.footprint();
    assert.strictEqual(f.virtual, 1 * MiB);
    assert.strictEqual(f.resident, 0);
    assert.strictEqual(f.physFootprint, 0);
    assert.strictEqual(vm.pageState(a), PageState.Untouched);
  });

  test('the first write makes exactly one page resident and dirty', () => {
    const vm = space();
    const a = vm.map(1 * MiB, { tag: 'VM_ALLOCATE' })!;
    vm.writeU8(a + 20000, 7);
    assert.strictEqual(vm.pageState(a + 16384), PageState.Dirty);
    assert.strictEqual(vm.pageState(a), PageState.Untouched);
    const f = vm.footprint();
    assert.deepStrictEqual([f.resident, f.dirty, f.physFootprint, f.physFootprintPeak], [16384, 16384, 16384, 16384]);
    assert.strictEqual(vm.regionAt(a)!.dirty, 16384);
    clean(vm);
  });

  test('on Intel a page is 4 KiB', () => {
    const vm = space('intel-16g');
    const a = vm.map(64 * KiB, { tag: 'VM_ALLOCATE' })!;
    vm.fill(a, 1, 4097);
    assert.strictEqual(vm.footprint().dirty, 8192);
  });

  test('typed accesses are little-endian and exact, across page boundaries too', () => {
    const vm = space();
    const a = vm.map(64 * KiB, { tag: 'VM_ALLOCATE' })!;
    for (const at of [a + 8, a + 16382]) {
      vm.writeU32(at, 0xdeadbeef);
      assert.strictEqual(vm.readU32(at), 0xdeadbeef);
      assert.strictEqual(vm.readI32(at), 0xdeadbeef | 0);
      assert.strictEqual(vm.readU8(at), 0xef);
      vm.writeU16(at, 0x8001);
      assert.strictEqual(vm.readI16(at), -32767);
      vm.writeU64(at, -1);
      assert.strictEqual(vm.readI64(at), -1);
      assert.strictEqual(vm.readU64(at), 0xffffffffffffffffn);
      vm.writeU64(at, 0x1_2345_6789_abcd);
      assert.strictEqual(vm.readU64(at), 0x1_2345_6789_abcd);
      vm.writeU64(at, 1n << 63n);
      assert.strictEqual(vm.readI64(at), -(1n << 63n));
      // Numbers wrap to 64-bit two's complement like the C conversion does.
      vm.writeU64(at, -0x6000_0000_1230);
      assert.strictEqual(vm.readI64(at), -0x6000_0000_1230);
      vm.writeU64(at, -(2 ** 63));
      assert.strictEqual(vm.readU64(at), 1n << 63n);
      vm.writeU64(at, 2 ** 64 + 2 ** 40);
      assert.strictEqual(vm.readU64(at), 2 ** 40);
      vm.writeU64(at, -2.75);
      assert.strictEqual(vm.readI64(at), -2);
      vm.writeF64(at, Math.PI);
      assert.strictEqual(vm.readF64(at), Math.PI);
      vm.writeF32(at, 1.1);
      assert.strictEqual(vm.readF32(at), Math.fround(1.1));
    }
    vm.writeU8(a, 0xff);
    assert.strictEqual(vm.readI8(a), -1);
    clean(vm);
  });

  test('unmapped and guard-page accesses fault like the hardware', () => {
    const vm = space();
    const a = vm.map(3 * 16384, { tag: 'VM_ALLOCATE' })!;
    vm.protect(a + 16384, 16384, '---');
    assert.throws(() => vm.readU8(0), (e: unknown) => e instanceof MemoryFault && e.reason === 'unmapped' && e.address === 0);
    assert.throws(() => vm.writeU32(a + 16384, 1), (e: unknown) => e instanceof MemoryFault && e.reason === 'protection');
    assert.throws(() => vm.readU8(a + 20000), (e: unknown) => e instanceof MemoryFault && e.access === 'read');
    // A write that starts before the guard page and runs into it faults too.
    assert.throws(() => vm.writeU64(a + 16380, 1), MemoryFault);
    assert.strictEqual(vm.regions().length, 3, 'protection splits the region');
    assert.strictEqual(new MemoryFault(0x10, 'read', 'unmapped').message, 'EXC_BAD_ACCESS (code=1, address=0x10)');
    const ro = vm.map(16384, { tag: '__TEXT', protection: 'r--' })!;
    assert.throws(() => vm.writeU8(ro, 1), MemoryFault);
    assert.strictEqual(vm.readU8(ro), 0);
  });

  test('madvise(MADV_FREE_REUSABLE) takes pages out of the footprint; the peak stays', () => {
    const vm = space();
    const a = vm.map(1 * MiB, { tag: 'MALLOC_LARGE' })!;
    vm.fill(a, 0, 1 * MiB);
    assert.strictEqual(vm.footprint().physFootprint, 1 * MiB);
    vm.madvise(a + 100, 3 * 16384, 'free_reusable'); // only whole pages inside the range
    let f = vm.footprint();
    assert.strictEqual(f.physFootprint, 1 * MiB - 2 * 16384);
    assert.strictEqual(f.physFootprintPeak, 1 * MiB);
    assert.strictEqual(f.resident, 1 * MiB, 'reusable pages stay resident until reclaimed');
    assert.strictEqual(vm.pageState(a + 16384), PageState.Reusable);
    vm.writeU8(a + 16384, 1); // writing a reusable page dirties it again
    assert.strictEqual(vm.footprint().physFootprint, 1 * MiB - 16384);
    vm.madvise(a, 1 * MiB, 'free_reuse');
    f = vm.footprint();
    assert.strictEqual(f.physFootprint, 1 * MiB);
    clean(vm);
  });

  test('unmapping part of a region splits it and gives its pages back', () => {
    const vm = space();
    const a = vm.map(4 * 16384, { tag: 'VM_ALLOCATE' })!;
    vm.fill(a, 9, 4 * 16384);
    vm.unmap(a + 16384, 2 * 16384);
    assert.deepStrictEqual(vm.regions().map((r) => [r.start - a, r.end - a]), [[0, 16384], [3 * 16384, 4 * 16384]]);
    assert.strictEqual(vm.footprint().physFootprint, 2 * 16384);
    assert.strictEqual(vm.readU8(a + 3 * 16384), 9, 'the kept part keeps its bytes');
    assert.throws(() => vm.readU8(a + 16384), MemoryFault);
    assert.strictEqual(vm.footprint().physFootprintPeak, 4 * 16384);
    clean(vm);
  });

  test('fill, copy (memmove) and readCString', () => {
    const vm = space();
    const a = vm.map(64 * KiB, { tag: 'VM_ALLOCATE' })!;
    vm.writeBytes(a + 16380, new TextEncoder().encode('hello, world\0'));
    assert.strictEqual(new TextDecoder().decode(vm.readCString(a + 16380)), 'hello, world');
    assert.strictEqual(new TextDecoder().decode(vm.readCString(a + 16380, 5)), 'hello');
    vm.copy(a + 16382, a + 16380, 12); // overlapping, forwards
    assert.strictEqual(new TextDecoder().decode(vm.readCString(a + 16380)), 'hehello, world');
    vm.fill(a, 0x41, 3);
    assert.deepStrictEqual(Array.from(vm.readBytes(a, 4)), [0x41, 0x41, 0x41, 0]);
    clean(vm);
  });

  test('a zero fill over untouched pages still dirties them (memset writes)', () => {
    const vm = space();
    const a = vm.map(10 * MiB, { tag: 'MALLOC_LARGE' })!;
    vm.fill(a, 0, 10 * MiB);
    assert.strictEqual(vm.footprint().physFootprint, 10 * MiB);
  });

  test('pages a zero fill dirtied keep their own bytes once written (no write reaches another page)', () => {
    const vm = space();
    const a = vm.map(4 * 16384, { tag: 'VM_ALLOCATE' })!;
    vm.fill(a + 100, 0, 3 * 16384);
    assert.deepStrictEqual(Array.from(vm.pageStatesIn(a, a + 4 * 16384)), [PageState.Dirty, PageState.Dirty, PageState.Dirty, PageState.Dirty]);
    vm.writeU32(a + 16384 + 8, 0xdeadbeef);
    vm.fill(a + 2 * 16384, 7, 4);
    vm.copy(a + 3 * 16384, a + 16384 + 8, 4);
    assert.strictEqual(vm.readU32(a + 16384 + 8), 0xdeadbeef);
    assert.strictEqual(vm.readU32(a + 2 * 16384), 0x07070707);
    assert.strictEqual(vm.readU32(a + 3 * 16384), 0xdeadbeef);
    assert.strictEqual(vm.readU32(a + 8), 0, 'the first page still reads zeros');
    const b = vm.map(16384, { tag: 'VM_ALLOCATE' })!;
    assert.strictEqual(vm.readU32(b + 16384 - 4), 0, 'untouched pages still read zeros');
    vm.fill(b, 0, 16384);
    assert.strictEqual(vm.readU32(b + 8), 0);
    assert.strictEqual(vm.footprint().physFootprint, 5 * 16384);
    clean(vm);
  });

  test('a zero fill faults like any write on read-only or unmapped pages', () => {
    const vm = space();
    const a = vm.map(16384, { tag: 'VM_ALLOCATE', protection: 'r--' })!;
    assert.throws(() => vm.fill(a, 0, 8), MemoryFault);
    assert.throws(() => vm.fill(a + 16384, 0, 8), MemoryFault);
  });

  test('loader writes into file-backed regions are resident but clean', () => {
    const vm = space();
    const t = vm.map(16384, { tag: '__TEXT', protection: 'r-x', fileBacked: true })!;
    vm.loadBytes(t, new Uint8Array([1, 2, 3]));
    assert.strictEqual(vm.readU8(t + 2), 3);
    assert.strictEqual(vm.pageState(t), PageState.Resident);
    const f = vm.footprint();
    assert.deepStrictEqual([f.resident, f.dirty, f.physFootprint], [16384, 0, 0]);
    clean(vm);
  });

  test('rangeStats and pageStatesIn describe any range', () => {
    const vm = space();
    const a = vm.map(4 * 16384, { tag: 'VM_ALLOCATE' })!;
    vm.writeU8(a + 16384 * 2, 1);
    const s = vm.rangeStats(a + 16384, a + 4 * 16384);
    assert.deepStrictEqual([s.virtual, s.dirty], [3 * 16384, 16384]);
    assert.deepStrictEqual(Array.from(vm.pageStatesIn(a, a + 4 * 16384)), [0, 0, 1, 0]);
  });

  test('the page caches never outlive madvise, protect, unmap or a new page', () => {
    const vm = space();
    const a = vm.map(4 * 16384, { tag: 'VM_ALLOCATE' })!;
    const b = vm.map(16384, { tag: 'VM_ALLOCATE', hint: 0x300000000 })!;
    for (let i = 0; i < 3; i++) {
      vm.writeU32(a + 8, i);
      vm.writeU32(b + 8, i); // alternate between two regions' pages
      assert.strictEqual(vm.readU32(a + 16384), 0); // a zero page in the read cache
    }
    vm.writeU32(a + 16384, 9); // that page now exists: reads must see it
    assert.strictEqual(vm.readU32(a + 16384), 9);
    vm.madvise(a, 16384, 'free_reusable');
    vm.writeU32(a + 8, 1);
    assert.strictEqual(vm.pageState(a), PageState.Dirty, 'a cached page still re-dirties after madvise');
    vm.protect(b, 16384, '---');
    assert.throws(() => vm.writeU32(b + 8, 1), MemoryFault);
    vm.unmap(a, 16384);
    assert.throws(() => vm.readU32(a + 8), MemoryFault);
    clean(vm);
  });

  test('the footprint listener hears page dirtying, maps and madvise', () => {
    const vm = space();
    let calls = 0;
    vm.setFootprintListener(() => calls++);
    const a = vm.map(2 * 16384, { tag: 'VM_ALLOCATE' })!;
    vm.writeU32(a, 1);
    vm.writeU32(a + 4, 1); // same page: no change
    vm.madvise(a, 16384, 'free_reusable');
    assert.strictEqual(calls, 3);
  });
});
