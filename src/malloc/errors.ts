// libmalloc's error texts, word for word as the notes quote them (libmalloc.md §3), and the
// MallocError values that carry them. The machine adds the "prog(pid,0x…) malloc: " prefix and
// the "*** set a breakpoint in malloc_error_break to debug" line.

import { MallocError } from './api';

export function hex(address: number): string {
  return `0x${address.toString(16)}`;
}

/** Catalogue of every user-facing text this layer produces. */
export const MallocMessages = {
  doubleFree: (p: number) => `Double free of object ${hex(p)}`,
  notAllocated: (p: number) => `*** error for object ${hex(p)}: pointer being freed was not allocated`,
  reallocNotAllocated: (p: number) => `*** error for object ${hex(p)}: pointer being realloc'd was not allocated`,
  deathRowDoubleFree: (p: number) => `pointer ${hex(p)} being freed already on death-row`,
  incorrectChecksum: (p: number) => `Incorrect checksum for freed object ${hex(p)}: probably modified after being freed.`,
  /** [INFERRED] flags: VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_MALLOC_LARGE) = 0x7000001. */
  cannotAllocateRegion: (size: number) => `can't allocate region\n:*** mach_vm_map(size=${size}, flags: 7000001) failed (error code=3)`,
  /** Environment warnings: our wording (libmalloc ignores most malformed values silently). */
  malformedValue: (name: string, value: string, expected: string) =>
    `malloc: ${name}: ignoring malformed value "${value}" (expected ${expected})`,
  checkHeapFailed: (operation: number) => `*** MallocCheckHeap: FAILED check at operation #${operation}`,
  /** Printed at start-up when MallocStackLogging is set (the form the notes quote; the file name is ours). */
  stackLogsBeingWritten: (program: string, pid: number) =>
    `${program}(${pid}) MallocStackLogging: stack logs being written to /private/tmp/stack-logs.${pid}.${program}.index`,
  unsupportedVariable: (name: string) => `malloc: ${name} is recognised but not simulated yet; ignored`,
} as const;

export function doubleFree(p: number): MallocError {
  return new MallocError('double-free', p, MallocMessages.doubleFree(p), true);
}

export function notAllocated(p: number): MallocError {
  return new MallocError('not-allocated', p, MallocMessages.notAllocated(p), true);
}

export function reallocNotAllocated(p: number): MallocError {
  return new MallocError('realloc-not-allocated', p, MallocMessages.reallocNotAllocated(p), true);
}

/** A free-list link overwritten while the block was free (a write after free). */
export function freedObjectModified(p: number, corruptValue: number | bigint): MallocError {
  return new MallocError('corruption', p,
    `${MallocMessages.incorrectChecksum(p)}\nCorrupt value: 0x${corruptValue.toString(16)}`, true);
}

/** Only raised under MallocErrorAbort: otherwise malloc quietly returns NULL (macOS 12+). */
export function outOfMemory(size: number): MallocError {
  return new MallocError('out-of-memory', 0, MallocMessages.cannotAllocateRegion(size), true);
}

/** MallocCheckHeap found a damaged heap; macOS aborts only under MallocCheckHeapAbort, else sleeps. */
export function heapCheckFailed(operation: number, aborts: boolean): MallocError {
  return new MallocError('heap-check', 0, MallocMessages.checkHeapFailed(operation), aborts);
}

export function deathRowDoubleFree(p: number): MallocError {
  return new MallocError('double-free', p, MallocMessages.deathRowDoubleFree(p), true);
}
