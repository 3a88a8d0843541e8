// Where things live in the simulated address space, chosen so a run reads like an arm64 macOS
// process under vmmap. Real placement depends on ASLR and the kernel's first-fit search; these
// are fixed, deterministic stand-ins in the same neighbourhoods as real samples.

/** Main executable's __TEXT: the arm64 macOS default load address (no ASLR slide). */
export const TEXT_BASE = 0x1_0000_0000;

/**
 * Hint for malloc's zone structures ("MALLOC metadata" regions). Real samples:
 * DefaultMallocZone_0x105348000, MallocHelperZone_0x10530c000; the snapshot contract's
 * example uses 0x100f10000 / 0x100f18000, which is what the first two zone pages get here.
 */
export const MALLOC_METADATA_HINT = 0x1_00f1_0000;

/**
 * Hint for heap regions (tiny, small, medium, large), searched upward by anywhere-placement.
 * Real samples put them at 0x12b000000 (the seed's 10 MiB large block), 0x12e700000,
 * 0x134600000 / 0x135000000. With this hint the seed's run maps tiny at 0x12a000000, small at
 * 0x12a800000 (8 MiB aligned) and its 10 MiB large block at 0x12b000000, as the article shows.
 */
export const MALLOC_HEAP_HINT = 0x1_2a00_0000;

/** Hint for other anonymous memory the pre-main baseline maps (dyld, libSystem data). */
export const BASELINE_HINT = 0x1_0200_0000;

/** Top of the main thread's stack (exclusive): below the shared region, as on arm64 macOS. */
export const STACK_TOP = 0x1_6fe0_0000;

/** Lowest address anywhere-placement falls back to when nothing is free above a hint. */
export const LOWEST_MAPPABLE = 0x1_0000_0000;

/** One past the highest user address (arm64 macOS: 47-bit user space). */
export const USER_ADDRESS_LIMIT = 0x8000_0000_0000;
