// Number formatting and a plain-text table for the report on stdout.

const MISSING = '-';

export function seconds(ms: number | undefined): string {
  if (ms === undefined) return MISSING;
  return ms < 10_000 ? (ms / 1000).toFixed(3) : (ms / 1000).toFixed(1);
}

export function millis(ms: number | undefined): string {
  if (ms === undefined) return MISSING;
  return ms < 10 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0);
}

export function ratio(value: number | undefined): string {
  if (value === undefined) return MISSING;
  return value < 10 ? `${value.toFixed(2)}x` : value < 100 ? `${value.toFixed(1)}x` : `${value.toFixed(0)}x`;
}

/** 1234567 → "1.23M"; rates and counts. */
export function count(value: number | undefined): string {
  if (value === undefined) return MISSING;
  const units: [number, string][] = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [scale, suffix] of units) {
    if (Math.abs(value) >= scale) return `${(value / scale).toPrecision(3)}${suffix}`;
  }
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}

export function mebibytes(kib: number | undefined): string {
  if (kib === undefined) return MISSING;
  return (kib / 1024).toFixed(1);
}

export function bytes(value: number | undefined): string {
  if (value === undefined) return MISSING;
  return value.toFixed(1);
}

/** Columns padded to their widest cell; the first column left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
