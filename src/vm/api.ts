// The simulated virtual memory as the rest of the engine sees it.
//
// One 64-bit address space; addresses are JS numbers (all below 2^53). Storage exists only for
// pages that have been written: reading a mapped but untouched page yields zeros and touches
// nothing (the shared zero page), writing makes the page resident and dirty. Accounting
// (virtual, resident, dirty, physical footprint) comes from these real touches.

/** A Mach VM tag, named as vmmap prints the region type. */
export type VmTag =
  | 'MALLOC_NANO' | 'MALLOC_TINY' | 'MALLOC_SMALL' | 'MALLOC_MEDIUM' | 'MALLOC_LARGE'
  | 'MALLOC metadata' | 'MALLOC guard page'
  | '__TEXT' | '__DATA' | '__DATA_CONST' | '__LINKEDIT' | 'Stack' | 'STACK GUARD'
  | 'VM_ALLOCATE' | 'dyld private memory' | 'Kernel Alloc Once';

export type Protection = 'rw-' | 'r--' | 'r-x' | '---';

export interface MachineProfile {
  /** Name used in launch settings and --profile: 'apple-silicon-16g' (default), 'apple-silicon-64g', 'intel-16g'. */
  readonly name: string;
  readonly description: string;
  /** 16384 on Apple silicon, 4096 on Intel. */
  readonly pageSize: number;
  /** hw.memsize in bytes. */
  readonly memorySize: number;
  readonly logicalCpus: number;
  /** 'ARM64' or 'X86-64', for report headers. */
  readonly codeType: string;
}

export interface MapOptions {
  readonly tag: VmTag;
  /** Power of two; at least the page size. */
  readonly alignment?: number;
  /** Place at exactly this address (fails if taken). */
  readonly fixedAddress?: number;
  /** Search upward from here for the first free range (mach_vm_map's anywhere placement). */
  readonly hint?: number;
  readonly protection?: Protection;
  /** Free-form text shown in vmmap's REGION DETAIL column. */
  readonly detail?: string;
  /** File-backed mapping (e.g. __TEXT): bytes placed by `loadBytes` are resident but clean, outside the footprint. */
  readonly fileBacked?: boolean;
}

/** The page states a heap map shows. */
export const enum PageState {
  /** Mapped, never written: reads as zeros from the shared zero page, costs nothing. */
  Untouched = 0,
  /** Written at least once and currently counted as dirty (in the footprint). */
  Dirty = 1,
  /** madvise(MADV_FREE_REUSABLE)d: contents may be discarded, not in the footprint. */
  Reusable = 2,
  /** Resident but clean (e.g. file-backed __TEXT). */
  Resident = 3,
}

export interface VmRegionInfo {
  readonly start: number;
  readonly end: number; // exclusive
  readonly tag: VmTag;
  readonly protection: Protection;
  readonly detail: string;
  readonly virtual: number;
  readonly resident: number;
  readonly dirty: number;
  readonly swapped: number;
}

export interface Footprint {
  readonly virtual: number;
  readonly resident: number;
  readonly dirty: number;
  readonly swapped: number;
  readonly physFootprint: number;
  readonly physFootprintPeak: number;
}

/** Thrown (as a JS exception) by an access the real hardware would fault on. */
export class MemoryFault extends Error {
  constructor(
    /** The faulting address. */
    readonly address: number,
    readonly access: 'read' | 'write',
    /** 'unmapped': no VM region there; 'protection': region exists (guard page) but forbids it. */
    readonly reason: 'unmapped' | 'protection',
  ) {
    super(`EXC_BAD_ACCESS (code=${reason === 'unmapped' ? 1 : 2}, address=0x${address.toString(16)})`);
    this.name = 'MemoryFault';
  }
}

export interface AddressSpaceApi {
  readonly profile: MachineProfile;
  readonly pageSize: number;

  /** mach_vm_map: reserve and map `size` bytes (rounded up to pages). Returns the address, or undefined when no space. */
  map(size: number, options: MapOptions): number | undefined;
  /** vm_deallocate: unmap whole pages in [address, address+size). */
  unmap(address: number, size: number): void;
  /** MADV_FREE_REUSABLE / MADV_FREE_REUSE / MADV_CAN_REUSE over whole pages inside the range. */
  madvise(address: number, size: number, advice: 'free_reusable' | 'free_reuse' | 'can_reuse'): void;
  protect(address: number, size: number, protection: Protection): void;

  // Typed access, little-endian. Throws MemoryFault. Unaligned and page-crossing accesses work.
  readU8(address: number): number;
  readI8(address: number): number;
  readU16(address: number): number;
  readI16(address: number): number;
  readU32(address: number): number;
  readI32(address: number): number;
  /** 64-bit reads return a number when exact (|v| < 2^53), otherwise a bigint. */
  readU64(address: number): number | bigint;
  readI64(address: number): number | bigint;
  readF32(address: number): number;
  readF64(address: number): number;
  writeU8(address: number, value: number): void;
  writeU16(address: number, value: number): void;
  writeU32(address: number, value: number): void;
  /** Accepts a number (wrapped modulo 2^64) or a bigint. */
  writeU64(address: number, value: number | bigint): void;
  writeF32(address: number, value: number): void;
  writeF64(address: number, value: number): void;
  readBytes(address: number, length: number): Uint8Array;
  writeBytes(address: number, bytes: Uint8Array): void;
  /** memset: a fill of zeros over untouched pages still writes (touches) them, as memset does. */
  fill(address: number, value: number, length: number): void;
  /** memmove semantics. */
  copy(dest: number, src: number, length: number): void;
  /** Read a NUL-terminated string (bytes up to the NUL, at most `max`). */
  readCString(address: number, max?: number): Uint8Array;
  /**
   * Write as the loader or a debugger does: protection is ignored (string literals into the
   * read-only cstring section, initial __DATA); pages of a `fileBacked` region stay clean.
   */
  loadBytes?(address: number, bytes: Uint8Array): void;

  /** Region containing the address, if any. */
  regionAt(address: number): VmRegionInfo | undefined;
  regions(): VmRegionInfo[];
  pageState(address: number): PageState;
  footprint(): Footprint;
}
