// The libmalloc model's vocabulary and numbers (macOS 13–15: magazine allocator + nanov2).
// Every number cites the libmalloc constant it stands for; see /work/shared/research/libmalloc.md.
//
// Glossary
//   zone      a malloc_zone_t: DefaultMallocZone (nano when on, else the magazine zone) and
//             MallocHelperZone (the magazine "szone" behind nano)
//   rack      one size class family of the szone (tiny, small, medium) with its magazines
//   region    a VM mapping a rack carves blocks from (tiny 1 MiB, small 8 MiB, medium 128 MiB)
//   quantum   the rack's allocation unit; block sizes are whole quanta ("msize" = quantum count)
//   block     what malloc returns: msize quanta inside a region (or a whole large mapping)
//   magazine  per-CPU allocation state: free lists, mag_last_free, its regions, a free tail
//   depot     the magazine at index -1 that holds regions recirculated from the others
//   free tail the never-used end of a magazine's newest region, carved by bumping
//   death row the large allocator's cache of freed mappings kept for reuse
//   nano      nanov2: ≤ 256 B in 16 size classes, slots in 16 KiB blocks of 64 MiB arenas

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

// ---------------------------------------------------------------- nano v2

/** libmalloc source: nano_zone_common.h SHIFT_NANO_QUANTUM = 4 (16 B). */
export const SHIFT_NANO_QUANTUM = 4;
export const NANO_QUANTUM = 1 << SHIFT_NANO_QUANTUM;
/** libmalloc source: nano_zone_common.h NANO_MAX_SIZE = 256. */
export const NANO_MAX_SIZE = 256;
/** libmalloc source: nano_zone_common.h NANO_SIZE_CLASSES = 16 (16 … 256 B). */
export const NANO_SIZE_CLASSES = 16;
/** libmalloc source: nanov2_zone.h NANOZONE_BASE_REGION_ADDRESS on macOS. */
export const NANO_BASE_ADDRESS = 0x6000_0000_0000;
/** libmalloc source: nanov2_zone.h NANOV2_REGION_BITS = 29 (512 MiB). */
export const NANO_REGION_SHIFT = 29;
export const NANO_REGION_SIZE = 2 ** NANO_REGION_SHIFT;
/** libmalloc source: nanov2_zone.h NANOV2_ARENA_BITS = 26 (64 MiB): 8 arenas per region. */
export const NANO_ARENA_SHIFT = 26;
export const NANO_ARENA_SIZE = 2 ** NANO_ARENA_SHIFT;
/** libmalloc source: nanov2_zone.h NANOV2_BLOCK_BITS = 14 (16 KiB): 4,096 blocks per arena. */
export const NANO_BLOCK_SHIFT = 14;
export const NANO_BLOCK_SIZE = 1 << NANO_BLOCK_SHIFT;
export const NANO_BLOCKS_PER_ARENA = NANO_ARENA_SIZE / NANO_BLOCK_SIZE;
/** Blocks are handed to size classes in units of 64 (nanov2_zone.c block_units_by_size_class). */
export const NANO_BLOCKS_PER_UNIT = 64;
/**
 * libmalloc source: nanov2_zone.c block_units_by_size_class. The notes quote the first four
 * (16 B=2, 32 B=10, 48 B=11, 64 B=10); the rest are [UNCONFIRMED] by the notes, chosen so the 16
 * classes fill the 64 units of an arena exactly, as in the source.
 */
export const NANO_BLOCK_UNITS_BY_SIZE_CLASS: readonly number[] = [2, 10, 11, 10, 5, 3, 3, 4, 3, 2, 2, 2, 2, 2, 1, 2];
/** Bytes of one nano metadata entry (nanov2_block_meta_t is a 32-bit word). */
export const NANO_BLOCK_META_SIZE = 4;
/** Width of the metadata index scramble (nanov2: a random 12-bit cookie XORed into block indices). */
export const NANO_META_COOKIE_BITS = 12;
/** [INFERRED] default cookie: real processes draw it at random; fixed here for determinism. */
export const NANO_DEFAULT_META_COOKIE = 0x5a3;

// ---------------------------------------------------------------- tiny

/** libmalloc source: thresholds.h SHIFT_TINY_QUANTUM = 4 (16 B). */
export const SHIFT_TINY_QUANTUM = 4;
export const TINY_QUANTUM = 1 << SHIFT_TINY_QUANTUM;
/** libmalloc source: thresholds.h TINY_LIMIT_THRESHOLD = 1008 (inclusive). */
export const TINY_LIMIT_THRESHOLD = 1008;
/** libmalloc source: magazine_zone.h TINY_REGION_SIZE = 1 MiB (1 MiB-aligned). */
export const TINY_REGION_SHIFT = 20;
export const TINY_REGION_SIZE = 1 << TINY_REGION_SHIFT;
/** libmalloc source: magazine_zone.h NUM_TINY_BLOCKS = 64,504. */
export const NUM_TINY_BLOCKS = 64504;
/** Offset of the first tiny block in its region (metadata — bitmaps and trailer — comes first). */
export const TINY_HEAP_OFFSET = 0x4080;
/** libmalloc source: thresholds.h NUM_TINY_SLOTS = 63 exact lists, + 1 for larger blocks. */
export const NUM_TINY_SLOTS = 63;
/** mag_last_free caches tiny blocks below this size only (notes §2). */
export const TINY_LAST_FREE_LIMIT = 256;

// ---------------------------------------------------------------- small

/** libmalloc source: thresholds.h SHIFT_SMALL_QUANTUM = 9 (512 B). */
export const SHIFT_SMALL_QUANTUM = 9;
export const SMALL_QUANTUM = 1 << SHIFT_SMALL_QUANTUM;
/** libmalloc source: thresholds.h SMALL_LIMIT_THRESHOLD on macOS = 32 KiB (inclusive). */
export const SMALL_LIMIT_THRESHOLD = 32 * KiB;
/** libmalloc source: magazine_zone.h SMALL_REGION_SIZE = 8 MiB (8 MiB-aligned). */
export const SMALL_REGION_SHIFT = 23;
export const SMALL_REGION_SIZE = 1 << SMALL_REGION_SHIFT;
/** libmalloc source: magazine_zone.h NUM_SMALL_BLOCKS = 16,319. */
export const NUM_SMALL_BLOCKS = 16319;
/** Offset of the first small block (the 16-bit meta words precede the heap). */
export const SMALL_HEAP_OFFSET = 0x8200;
/** libmalloc source: thresholds.h NUM_SMALL_SLOTS = 64 exact lists, + 1 for larger blocks. */
export const NUM_SMALL_SLOTS = 64;

// ---------------------------------------------------------------- medium

/** libmalloc source: thresholds.h SHIFT_MEDIUM_QUANTUM = 15 (32 KiB). */
export const SHIFT_MEDIUM_QUANTUM = 15;
export const MEDIUM_QUANTUM = 1 << SHIFT_MEDIUM_QUANTUM;
/** libmalloc source: thresholds.h MEDIUM_LIMIT_THRESHOLD = 8 MiB (inclusive). */
export const MEDIUM_LIMIT_THRESHOLD = 8 * MiB;
/** libmalloc source: magazine_zone.h MEDIUM_REGION_SIZE = 128 MiB (128 MiB-aligned). */
export const MEDIUM_REGION_SHIFT = 27;
export const MEDIUM_REGION_SIZE = 1 << MEDIUM_REGION_SHIFT;
/** libmalloc source: magazine_zone.h NUM_MEDIUM_BLOCKS = 4,095. */
export const NUM_MEDIUM_BLOCKS = 4095;
/** Offset of the first medium block: one quantum of metadata. */
export const MEDIUM_HEAP_OFFSET = 32 * KiB;
/** [INFERRED] exact free lists for medium: as many as small's. */
export const NUM_MEDIUM_SLOTS = 64;
/** libmalloc source: thresholds.h MEDIUM_ACTIVATION_THRESHOLD = 32 GiB of hw.memsize. */
export const MEDIUM_ACTIVATION_THRESHOLD = 32 * GiB;

// ---------------------------------------------------------------- large

/** libmalloc source: thresholds.h LARGE_ENTRY_CACHE_SIZE_LOW / _HIGH (RAM < 32 GiB / ≥ 32 GiB). */
export const LARGE_CACHE_ENTRIES_LOW = 16;
export const LARGE_CACHE_ENTRIES_HIGH = 64;
/** libmalloc source: thresholds.h LARGE_CACHE_SIZE_ENTRY_LIMIT_LOW / _HIGH. */
export const LARGE_CACHE_ENTRY_LIMIT_LOW = 128 * MiB;
export const LARGE_CACHE_ENTRY_LIMIT_HIGH = 512 * MiB;
/** RAM threshold between the LOW and HIGH large-cache settings. */
export const LARGE_CACHE_HIGH_MEMORY = 32 * GiB;
/** create_scalable_szone: dirty bytes death row keeps before madvising = hw.memsize >> 10. */
export const LARGE_CACHE_DIRTY_SHIFT = 10;

// ---------------------------------------------------------------- magazines, recirculation

/** libmalloc source: magazine_zone.h: at most 64 magazines (plus the depot). */
export const MAX_MAGAZINES = 64;
/** libmalloc source: magazine_zone.h DEPOT_MAGAZINE_INDEX. */
export const DEPOT_MAGAZINE_INDEX = -1;
/** libmalloc source: magazine_zone.h DENSITY_THRESHOLD: a region under 75% used may be recirculated. */
export const DENSITY_THRESHOLD_NUMERATOR = 3;
export const DENSITY_THRESHOLD_DENOMINATOR = 4;
/** Magazine free bytes must exceed this many region heaps before a region goes to the depot. */
export const RECIRC_FREE_HEAPS = 1.5;
/** libmalloc source: DEFAULT_RECIRC_RETAINED_REGIONS = 2 (MallocRecircRetainedRegions). */
export const DEFAULT_RECIRC_RETAINED_REGIONS = 2;

// ---------------------------------------------------------------- debugging bytes

/** libmalloc source: base.h SCRIBBLE_BYTE = 0xaa (MallocScribble, on allocation). */
export const SCRIBBLE_BYTE = 0xaa;
/** libmalloc source: base.h SCRABBLE_BYTE = 0x55 (MallocScribble, on free). */
export const SCRABBLE_BYTE = 0x55;
/** libmalloc source: base.h SCRUBBLE_BYTE = 0xdd (MallocScribble, madvised pages). */
export const SCRUBBLE_BYTE = 0xdd;
