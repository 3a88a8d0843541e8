// Number, address and column formats shared by the text reports. Apple's tools are not open
// source, so the size format is read off their output: see vmSize.

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/**
 * vmmap's size column: "0K", "6K", "8192K", "19.0M", "512.0M", "1.6G".
 * [INFERRED] from public vmmap samples (notes §4): whole kibibytes (rounded) below 10 MiB, one
 * decimal of mebibytes below 1 GiB, then one decimal of gibibytes. Apple's samples never show a
 * non-zero count below 1 KiB in these columns; we print such counts as plain bytes ("512").
 */
export function vmSize(bytes: number): string {
  if (bytes === 0) return '0K';
  if (bytes < KIB) return String(bytes);
  if (bytes < 10 * MIB) return `${Math.round(bytes / KIB)}K`;
  if (bytes < GIB) return `${(bytes / MIB).toFixed(1)}M`;
  return `${(bytes / GIB).toFixed(1)}G`;
}

/**
 * heap's block-size format in the "Sizes:" histogram: "32", "1008", "2KB", "1.5KB", "48KB", "10MB".
 * Plain bytes below 1 KiB, else KB or MB with a decimal only when the size is not whole.
 */
export function heapSize(bytes: number): string {
  if (bytes < KIB) return String(bytes);
  if (bytes < MIB) return `${trimmed(bytes / KIB)}KB`;
  return `${trimmed(bytes / MIB)}MB`;
}

function trimmed(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Lower-case hex digits without a prefix, as vmmap prints region bounds: "134600000". */
export function hex(address: number): string {
  return address.toString(16);
}

/** Lower-case hex with the 0x prefix, as %p prints: "0x134600000". */
export function hexAddress(address: number): string {
  return `0x${address.toString(16)}`;
}

/** Left-justify in `width` columns (never truncates). */
export function padRight(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Right-justify in `width` columns (never truncates). */
export function padLeft(text: string | number, width: number): string {
  const s = String(text);
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

/** Left-justify in `width` columns, keeping at least one space after a text that overflows. */
export function column(text: string, width: number): string {
  return text.length >= width ? `${text} ` : padRight(text, width);
}

/** A percentage as vmmap's % FRAG column prints it: whole percent, "98%". */
export function percent(part: number, whole: number): string {
  return `${whole === 0 ? 0 : Math.round((part * 100) / whole)}%`;
}

/** "1 leak" / "3 leaks". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
