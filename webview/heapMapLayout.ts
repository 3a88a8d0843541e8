// Geometry of one region's strip on the heap map, kept free of the DOM so it can be reasoned
// about (and tested) on its own.
//
// A region is laid out on a "track": its address range in order, with long stretches of
// untouched, block-free pages squeezed into a short gap (a 512 MiB nano region or an 8 MiB small
// region holding a few KiB would otherwise be a blank strip). The track is then folded into rows
// of the canvas width, like lines of text.

import type { HeapRegion } from '../src/protocol/snapshot';
import { BlockState } from '../src/protocol/snapshot';

/** A run of untouched pages with no live block longer than this collapses into a gap. */
export const COLLAPSE_MIN_PAGES = 64;
/** Track length a collapsed gap takes, in pages. */
export const GAP_PAGES = 4;

export interface Segment {
  /** Address range [start, end). */
  readonly start: number;
  readonly end: number;
  /** Position on the track, in track units (bytes for linear segments). */
  readonly trackStart: number;
  readonly trackEnd: number;
  /** True for a collapsed stretch of untouched pages. */
  readonly gap: boolean;
}

export interface TrackLayout {
  readonly segments: readonly Segment[];
  readonly trackLength: number;
}

/** Page i's state character; a short page string reads as untouched. */
export function pageState(region: HeapRegion, index: number): string {
  return index < region.pages.length ? region.pages[index] : 'u';
}

export function pageCount(region: HeapRegion): number {
  return Math.max(1, Math.ceil((region.end - region.start) / region.pageSize));
}

/** Splits the region into linear segments and collapsed gaps. */
export function layoutTrack(region: HeapRegion): TrackLayout {
  const pages = pageCount(region);
  const keep = new Uint8Array(pages);
  for (let i = 0; i < pages; i++) {
    if (pageState(region, i) !== 'u') {
      keep[i] = 1;
    }
  }
  // Blocks are sorted, so most share the page marked just before: skip those with one compare.
  let markedThrough = -1;
  const blocks = region.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.state === BlockState.Free) {
      continue;
    }
    const last = Math.min(pages - 1, Math.floor((block.address + Math.max(block.size, 1) - 1 - region.start) / region.pageSize));
    if (last <= markedThrough) {
      continue;
    }
    const first = Math.max(0, markedThrough + 1, Math.floor((block.address - region.start) / region.pageSize));
    keep.fill(1, first, last + 1);
    markedThrough = last;
  }

  const segments: Segment[] = [];
  let track = 0;
  const push = (firstPage: number, endPage: number, gap: boolean): void => {
    const start = region.start + firstPage * region.pageSize;
    const end = Math.min(region.end, region.start + endPage * region.pageSize);
    const length = gap ? GAP_PAGES * region.pageSize : end - start;
    segments.push({ start, end, trackStart: track, trackEnd: track + length, gap });
    track += length;
  };

  let runStart = 0;
  while (runStart < pages) {
    let runEnd = runStart + 1;
    while (runEnd < pages && keep[runEnd] === keep[runStart]) {
      runEnd++;
    }
    const collapsible = keep[runStart] === 0 && runEnd - runStart >= COLLAPSE_MIN_PAGES;
    const previous = segments[segments.length - 1];
    if (!collapsible && previous !== undefined && !previous.gap) {
      // Extend the linear segment instead of starting a new one.
      const end = Math.min(region.end, region.start + runEnd * region.pageSize);
      segments[segments.length - 1] = { ...previous, end, trackEnd: previous.trackEnd + (end - previous.end) };
      track += end - previous.end;
    } else {
      push(runStart, runEnd, collapsible);
    }
    runStart = runEnd;
  }
  return { segments, trackLength: track };
}

function segmentIndexOfAddress(layout: TrackLayout, address: number): number {
  const { segments } = layout;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= address) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/** Track position of an address (clamped to the region). */
export function addressToTrack(layout: TrackLayout, address: number): number {
  const segment = layout.segments[segmentIndexOfAddress(layout, address)];
  const clamped = Math.min(Math.max(address, segment.start), segment.end);
  const scale = (segment.trackEnd - segment.trackStart) / Math.max(1, segment.end - segment.start);
  return segment.trackStart + (clamped - segment.start) * scale;
}

/** Address at a track position (the inverse of addressToTrack, rounded down). */
export function trackToAddress(layout: TrackLayout, position: number): number {
  const { segments } = layout;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].trackStart <= position) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  const segment = segments[lo];
  const scale = (segment.end - segment.start) / Math.max(1, segment.trackEnd - segment.trackStart);
  const clamped = Math.min(Math.max(position, segment.trackStart), segment.trackEnd);
  return Math.floor(segment.start + (clamped - segment.trackStart) * scale);
}

/** Index of the block containing `address`, or of the nearest block; -1 when the region has none. */
export function blockIndexNear(region: HeapRegion, address: number): number {
  const { blocks } = region;
  if (blocks.length === 0) {
    return -1;
  }
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].address <= address) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  const below = blocks[lo];
  if (below.address <= address && address < below.address + below.size) {
    return lo;
  }
  const next = lo + 1 < blocks.length ? lo + 1 : lo;
  const distanceBelow = below.address <= address ? address - (below.address + below.size) : below.address - address;
  const distanceNext = Math.abs(blocks[next].address - address);
  return distanceNext < distanceBelow ? next : lo;
}

/** How many canvas rows a strip gets: enough for ~48 bytes a pixel, capped. */
export function rowCountFor(layout: TrackLayout, widthPx: number, maxRows: number): number {
  const bytesPerPixelTarget = 48;
  return Math.min(maxRows, Math.max(1, Math.ceil(layout.trackLength / (Math.max(1, widthPx) * bytesPerPixelTarget))));
}

/**
 * addressToTrack scaled to pixels, for callers walking addresses mostly in ascending order (the
 * blocks of a region are sorted): it remembers the last segment so most lookups cost a compare.
 */
export class TrackMapper {
  private index = 0;

  constructor(private readonly layout: TrackLayout, private readonly pixelsPerUnit: number) {}

  toPixels(address: number): number {
    const segments = this.layout.segments;
    let segment = segments[this.index];
    if (address < segment.start || address > segment.end) {
      const next = segments[this.index + 1];
      if (next !== undefined && address >= next.start && address <= next.end) {
        this.index++;
      } else {
        this.index = segmentIndexOfAddress(this.layout, address);
      }
      segment = segments[this.index];
    }
    const clamped = Math.min(Math.max(address, segment.start), segment.end);
    const scale = (segment.trackEnd - segment.trackStart) / Math.max(1, segment.end - segment.start);
    return (segment.trackStart + (clamped - segment.start) * scale) * this.pixelsPerUnit;
  }
}
