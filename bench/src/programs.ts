// The benchmark programs (bench/programs/*.c) and how each is sized and compared.

import type { OutputNormalisation } from './source';

export interface BenchProgram {
  readonly name: string;
  /** File name under bench/programs/ (or under `fromRepo`). */
  readonly file: string;
  /** A folder of the repository holding `file` instead of bench/programs/ (the seed's sample). */
  readonly fromRepo?: string;
  /** What the program exercises, for the README and the JSON. */
  readonly exercises: string;
  /** The `#define N` the program is built with at full size; undefined: the program has no N. */
  readonly fullN?: number;
  /** N for `--quick` runs on a busy machine. */
  readonly quickN?: number;
  readonly normalise: OutputNormalisation;
  /** Extra gcc arguments for the native build (sources or -D), relative to bench/. */
  readonly nativeExtra?: readonly string[];
}

export const PROGRAMS: readonly BenchProgram[] = [
  {
    name: 'alloc_random',
    file: 'alloc_random.c',
    exercises: 'random malloc/free of mixed sizes (nano/tiny, small, rare large) over 1000 slots',
    fullN: 1_000_000,
    quickN: 20_000,
    normalise: 'none',
  },
  {
    name: 'compute_loop',
    file: 'compute_loop.c',
    exercises: 'integer arithmetic, a branch and an indexed local array; no allocation',
    fullN: 10_000_000,
    quickN: 200_000,
    normalise: 'none',
  },
  {
    name: 'string_builder',
    file: 'string_builder.c',
    exercises: 'strings grown by realloc (x1.5 + 16) from tiny through small, strlen/memcpy, digit formatting',
    fullN: 300_000,
    quickN: 20_000,
    normalise: 'none',
  },
  {
    name: 'linked_list',
    file: 'linked_list.c',
    exercises: '16-byte nodes built, walked, reversed, thinned and torn down, 3 rounds',
    fullN: 100_000,
    quickN: 5_000,
    normalise: 'none',
  },
  {
    name: 'binary_tree',
    file: 'binary_tree.c',
    exercises: 'unbalanced search tree of random keys; lookups; recursive depth, sum and free',
    fullN: 200_000,
    quickN: 5_000,
    normalise: 'none',
  },
  {
    name: 'fragmentation',
    file: 'fragmentation.c',
    exercises: 'tiny and small blocks, 14 of every 16 freed (sparse regions), then 6-12 KiB blocks the holes cannot serve',
    fullN: 100_000,
    quickN: 5_000,
    normalise: 'none',
  },
  {
    name: 'trace',
    file: 'trace.c',
    fromRepo: 'samples',
    exercises: "the seed article's trace.c: 1000 x malloc(64), a 10 MiB block memset, printf, sleep(120)",
    normalise: 'pid-and-pointers',
    // The simulated clock never waits; natively sleep(120) would be two minutes of nothing.
    nativeExtra: ['-Dsleep=mallocscope_bench_sleep', 'native/nosleep.c'],
  },
];

/** The N a run uses: `scale` times the full size when given, else the quick or the full size. */
export function sizeFor(program: BenchProgram, quick: boolean, scale: number | undefined): number | undefined {
  if (program.fullN === undefined) return undefined;
  if (scale !== undefined) return Math.max(1, Math.round(program.fullN * scale));
  return quick ? program.quickN ?? program.fullN : program.fullN;
}
