// The process image: the main executable's segments and the main thread's stack, mapped as
// dyld and the kernel leave them, and the pre-main baseline — the memory a trivial macOS
// process already has dirty and the blocks it already has malloc'd when main starts — so that
// vmmap's figures and the footprint read like a real process's.
//
// Baseline figures (libmalloc.md §4, §6): a trivial arm64 process shows ~1.1–1.2 MB of
// physical footprint (1185K in a macOS 14 sample) and ~180–230 malloc'd blocks of 14–20 KB.
// The blocks are allocated through the real allocator, so they land in the zones' first
// regions exactly as libSystem's and dyld's do: with nano off, in the one tiny region and the
// one small region the program then shares. That is what keeps the seed's zone at 3 regions
// and 19.0M (1 MiB tiny + 8 MiB small + 10 MiB large): the baseline creates no region the
// program's own allocations would not create anyway (its single small block is freed again,
// leaving the region "(empty)" as vmmap shows for trivial processes).

import type { AddressSpaceApi } from '../vm/api';
import type { MallocApi } from '../malloc/api';
import { BASELINE_HINT, STACK_TOP, TEXT_BASE } from '../vm/layout';

export interface ProcessImage {
  readonly textStart: number;
  readonly cstringStart: number;
  readonly dataStart: number;
  /** Highest stack address (exclusive); the stack grows down from here. */
  readonly stackTop: number;
  /** Lowest usable stack address: below it lies the guard page. */
  readonly stackLimit: number;
}

/** The main thread's stack reservation (8 MiB, ulimit -s default). */
export const STACK_SIZE = 8 * 1024 * 1024;
/** Mach-O header and load commands before __text in the first __TEXT page. [INFERRED] size */
const MACH_HEADER_BYTES = 0x1000;
const MH_MAGIC_64 = [0xcf, 0xfa, 0xed, 0xfe];

function pages(bytes: number, pageSize: number): number {
  return Math.max(1, Math.ceil(bytes / pageSize)) * pageSize;
}

function mustMap(vm: AddressSpaceApi, address: number | undefined, what: string): number {
  if (address === undefined) throw new Error(`process image: cannot map ${what}`);
  return address;
}

export function mapProcessImage(vm: AddressSpaceApi,
  layout: { textBytes: number; cstringBytes: number; dataBytes: number }): ProcessImage {
  const ps = vm.pageSize;
  const textSize = pages(MACH_HEADER_BYTES + layout.textBytes, ps);
  const text = mustMap(vm, vm.map(textSize, { tag: '__TEXT', fixedAddress: TEXT_BASE, protection: 'r-x', fileBacked: true, detail: '' })
    ?? vm.map(textSize, { tag: '__TEXT', hint: TEXT_BASE, protection: 'r-x', fileBacked: true }), '__TEXT');
  // The loader has read the Mach-O header: that page is resident, clean, file-backed.
  load(vm, text, new Uint8Array(MH_MAGIC_64));
  const cstringSize = pages(layout.cstringBytes, ps);
  const cstring = mustMap(vm, vm.map(cstringSize, { tag: '__TEXT', hint: text + textSize, protection: 'r--', fileBacked: true, detail: '__cstring' }), '__cstring');
  const dataSize = pages(layout.dataBytes, ps);
  const data = mustMap(vm, vm.map(dataSize, { tag: '__DATA', hint: cstring + cstringSize, protection: 'rw-', fileBacked: true }), '__DATA');
  const linkedit = mustMap(vm, vm.map(ps, { tag: '__LINKEDIT', hint: data + dataSize, protection: 'r--', fileBacked: true }), '__LINKEDIT');
  load(vm, linkedit, new Uint8Array(16));

  const stackLimit = STACK_TOP - STACK_SIZE;
  mustMap(vm, vm.map(ps, { tag: 'STACK GUARD', fixedAddress: stackLimit - ps, protection: '---', detail: 'stack guard for thread 0' }), 'stack guard');
  mustMap(vm, vm.map(STACK_SIZE, { tag: 'Stack', fixedAddress: stackLimit, protection: 'rw-', detail: 'thread 0' }), 'stack');
  return { textStart: text + MACH_HEADER_BYTES, cstringStart: cstring, dataStart: data, stackTop: STACK_TOP, stackLimit };
}

function load(vm: AddressSpaceApi, address: number, bytes: Uint8Array): void {
  if (vm.loadBytes !== undefined) vm.loadBytes(address, bytes);
}

/**
 * Blocks libSystem, libobjc and dyld leave allocated before main: [size, count]. 188 blocks,
 * 14,816 bytes ([INFERRED] distribution; the count and total match the leaks samples' range).
 */
const BASELINE_BLOCKS: readonly (readonly [number, number])[] = [
  [16, 40], [32, 45], [48, 30], [64, 25], [80, 10], [96, 8], [128, 10], [160, 4], [192, 3], [256, 6], [288, 2], [512, 3], [992, 2],
];
/** Temporaries freed again before main (dyld's scratch buffers; one small block among them). */
const BASELINE_TEMPORARIES: readonly number[] = [24, 40, 64, 112, 200, 320, 2560];

/**
 * Dirty memory outside malloc a trivial process has before main, by vmmap region type.
 * [INFERRED] split; the total (≈ 900 KiB, plus ≈ 190 KiB malloc metadata, heap and stack
 * pages) reproduces the ~1185K footprint of a trivial arm64 process.
 */
const BASELINE_DIRTY: readonly { tag: Parameters<AddressSpaceApi['map']>[1]['tag']; virtual: number; dirty: number; detail: string }[] = [
  { tag: 'dyld private memory', virtual: 1024 * 1024, dirty: 272 * 1024, detail: '' },
  { tag: '__DATA', virtual: 1024 * 1024, dirty: 560 * 1024, detail: 'libSystem and dependencies (shared cache)' },
  { tag: 'Kernel Alloc Once', virtual: 32 * 1024, dirty: 16 * 1024, detail: '' },
  { tag: 'VM_ALLOCATE', virtual: 64 * 1024, dirty: 48 * 1024, detail: '' },
];

/** dyld's start-up frames on the main thread's stack. */
const BASELINE_STACK_BYTES = 16 * 1024;

export function applyPreMainBaseline(vm: AddressSpaceApi, malloc: MallocApi): void {
  for (const r of BASELINE_DIRTY) {
    const start = vm.map(r.virtual, { tag: r.tag, hint: BASELINE_HINT, detail: r.detail });
    if (start !== undefined) vm.fill(start, 0, Math.min(r.dirty, r.virtual));
  }
  const stack = vm.regionAt(STACK_TOP - 1);
  if (stack !== undefined && stack.tag === 'Stack') vm.fill(STACK_TOP - BASELINE_STACK_BYTES, 0, BASELINE_STACK_BYTES);

  // Interleave temporaries with the long-lived blocks, as initialisers do, then free them.
  const temporaries: number[] = [];
  let t = 0;
  for (const [size, count] of BASELINE_BLOCKS) {
    for (let i = 0; i < count; i++) {
      const p = malloc.malloc(size);
      if (p !== 0) vm.fill(p, 0, Math.min(size, 64));
    }
    if (t < BASELINE_TEMPORARIES.length) {
      const p = malloc.malloc(BASELINE_TEMPORARIES[t++]);
      if (p !== 0) temporaries.push(p);
    }
  }
  for (const p of temporaries) malloc.free(p);
}
