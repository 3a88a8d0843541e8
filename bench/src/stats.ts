// Medians and pair-by-pair ratios. A ratio is taken inside one run (Mallocscope, native and
// valgrind timed back to back), then the median over runs: a burst of load from elsewhere on a
// shared machine then slows both sides of one pair instead of skewing a ratio of medians.

/** Median of the finite values; undefined when there are none. */
export function median(values: readonly (number | undefined)[]): number | undefined {
  const sorted = values.filter((v): v is number => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median over runs of numerator[i] / denominator[i]; pairs with a missing side are left out. */
export function medianOfRatios(
  numerators: readonly (number | undefined)[],
  denominators: readonly (number | undefined)[],
): number | undefined {
  const ratios: number[] = [];
  const pairs = Math.min(numerators.length, denominators.length);
  for (let i = 0; i < pairs; i++) {
    const n = numerators[i];
    const d = denominators[i];
    if (n !== undefined && d !== undefined && d > 0) ratios.push(n / d);
  }
  return median(ratios);
}

/** Median over runs of count / seconds, for rates such as statements per second. */
export function medianRate(counts: readonly (number | undefined)[], millis: readonly (number | undefined)[]): number | undefined {
  return medianOfRatios(counts, millis.map((ms) => (ms === undefined ? undefined : ms / 1000)));
}
