// The heap map: one strip per malloc region, drawn on a canvas (a DOM node per block would not
// survive 10,000 blocks, let alone a million). Each canvas row shows blocks in its upper band and
// page states in a thin lower band; long untouched stretches are folded into hatched gaps.

import type { HeapBlock, HeapRegion, HeapSnapshot } from '../src/protocol/snapshot';
import { BlockState } from '../src/protocol/snapshot';
import { formatAddress, formatBytes, formatCount } from '../src/protocol/format';
import { el, themeColor } from './dom';
import {
  addressToTrack, blockIndexNear, layoutTrack, pageCount, pageState, rowCountFor, trackToAddress,
  type TrackLayout,
} from './heapMapLayout';
import { text } from './strings';

const BLOCK_BAND_PX = 9;
const PAGE_BAND_PX = 3;
const ROW_GAP_PX = 2;
const ROW_PX = BLOCK_BAND_PX + PAGE_BAND_PX + ROW_GAP_PX;
const MAX_ROWS = 16;
/** Blocks at least this wide (CSS pixels) get a one-pixel separator so neighbours stay distinct. */
const SEPARATE_BLOCKS_FROM_PX = 4;
/** Regions beyond this are listed as a count: a thousand large allocations would be a thousand canvases. */
export const MAX_DRAWN_REGIONS = 400;

interface Palette {
  readonly inUse: string;
  readonly free: string;
  readonly cached: string;
  readonly selected: string;
  readonly pageUntouched: string;
  readonly pageDirty: string;
  readonly pageClean: string;
  readonly pageReusable: string;
  readonly gap: string;
}

function readPalette(): Palette {
  return {
    inUse: themeColor('--vscode-charts-blue', '#3794ff'),
    free: themeColor('--vscode-charts-green', '#89d185'),
    cached: themeColor('--vscode-charts-orange', '#d18616'),
    selected: themeColor('--vscode-focusBorder', '#ffffff'),
    pageUntouched: themeColor('--vscode-editorWidget-border', '#454545'),
    pageDirty: themeColor('--vscode-charts-red', '#f14c4c'),
    pageClean: themeColor('--vscode-charts-yellow', '#cca700'),
    pageReusable: themeColor('--vscode-charts-purple', '#b180d7'),
    gap: themeColor('--vscode-disabledForeground', '#808080'),
  };
}

function pageColor(palette: Palette, state: string): string {
  switch (state) {
    case 'd': return palette.pageDirty;
    case 'c': return palette.pageClean;
    case 'r': return palette.pageReusable;
    default: return palette.pageUntouched;
  }
}

function blockColor(palette: Palette, state: BlockState): string {
  switch (state) {
    case BlockState.InUse: return palette.inUse;
    case BlockState.Cached: return palette.cached;
    default: return palette.free;
  }
}

/** One region's canvas with the geometry needed to draw it and to hit-test clicks. */
class RegionStrip {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private layout: TrackLayout;
  private rows = 1;
  private widthCss = 0;

  constructor(private region: HeapRegion, private readonly onPick: (block: HeapBlock, region: HeapRegion) => void) {
    this.layout = layoutTrack(region);
    this.element = el('div', 'region');
    this.element.dataset.start = formatAddress(region.start);
    const label = el('div', 'region-label');
    label.append(
      el('span', 'region-type', region.type),
      el('span', 'region-range', `${formatAddress(region.start)}–${formatAddress(region.end)}`),
      el('span', 'region-size', formatBytes(region.end - region.start)),
      el('span', 'region-blocks', text.blockCount(region.blocks.length, region.blocksOmitted)),
    );
    this.canvas = el('canvas', 'region-canvas');
    this.canvas.addEventListener('click', (event) => this.pick(event));
    this.element.append(label, this.canvas);
  }

  /** Draws the strip at the given CSS width. */
  draw(widthCss: number, palette: Palette, selectedAddress: number | undefined): void {
    this.widthCss = Math.max(50, Math.floor(widthCss));
    this.rows = rowCountFor(this.layout, this.widthCss, MAX_ROWS);
    const ratio = window.devicePixelRatio || 1;
    const heightCss = this.rows * ROW_PX - ROW_GAP_PX;
    this.canvas.style.width = `${this.widthCss}px`;
    this.canvas.style.height = `${heightCss}px`;
    this.canvas.width = Math.round(this.widthCss * ratio);
    this.canvas.height = Math.round(heightCss * ratio);
    const ctx = this.canvas.getContext('2d');
    if (ctx === null) {
      return;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    // Positions along the track, in CSS pixels; the transform above maps them to device pixels.
    const scale = (this.rows * this.widthCss) / Math.max(1, this.layout.trackLength);
    const toPx = (address: number): number => addressToTrack(this.layout, address) * scale;

    this.drawPages(ctx, palette, toPx);
    this.drawGaps(ctx, palette, scale);
    this.drawBlocks(ctx, palette, toPx);
    if (selectedAddress !== undefined && selectedAddress >= this.region.start && selectedAddress < this.region.end) {
      const index = blockIndexNear(this.region, selectedAddress);
      const block = this.region.blocks[index];
      if (block !== undefined && block.address === selectedAddress) {
        ctx.fillStyle = palette.selected;
        this.fillSpan(ctx, toPx(block.address), Math.max(toPx(block.address + block.size), toPx(block.address) + 2), 0, BLOCK_BAND_PX, true);
      }
    }
  }

  private drawPages(ctx: CanvasRenderingContext2D, palette: Palette, toPx: (a: number) => number): void {
    const pages = pageCount(this.region);
    let runStart = 0;
    while (runStart < pages) {
      const state = pageState(this.region, runStart);
      let runEnd = runStart + 1;
      while (runEnd < pages && pageState(this.region, runEnd) === state) {
        runEnd++;
      }
      ctx.fillStyle = pageColor(palette, state);
      const start = this.region.start + runStart * this.region.pageSize;
      const end = Math.min(this.region.end, this.region.start + runEnd * this.region.pageSize);
      this.fillSpan(ctx, toPx(start), toPx(end), BLOCK_BAND_PX, PAGE_BAND_PX, false);
      runStart = runEnd;
    }
  }

  private drawGaps(ctx: CanvasRenderingContext2D, palette: Palette, scale: number): void {
    ctx.fillStyle = palette.gap;
    for (const segment of this.layout.segments) {
      if (!segment.gap) {
        continue;
      }
      const from = segment.trackStart * scale;
      const to = segment.trackEnd * scale;
      // A dotted band says "folded": three short dashes across the gap.
      const step = Math.max(2, (to - from) / 4);
      for (let x = from + step / 2; x < to - 1; x += step) {
        this.fillSpan(ctx, x, x + Math.min(3, step / 2), BLOCK_BAND_PX / 2 - 1, 2, false);
      }
    }
  }

  private drawBlocks(ctx: CanvasRenderingContext2D, palette: Palette, toPx: (a: number) => number): void {
    const blocks = this.region.blocks;
    // Narrow neighbours of one state merge into a run drawn with one fill; wide blocks are drawn
    // alone with a separator. Free first, in use last, so a used block is never hidden by a
    // neighbouring free one rounded into the same pixel.
    for (const state of [BlockState.Free, BlockState.Cached, BlockState.InUse]) {
      ctx.fillStyle = blockColor(palette, state);
      let runFrom = -1;
      let runTo = -1;
      let runEndAddress = -1;
      for (let i = 0; i < blocks.length; i++) {
        const block = blocks[i];
        if (block.state !== state) {
          continue;
        }
        const from = toPx(block.address);
        const to = toPx(block.address + block.size);
        if (to - from >= SEPARATE_BLOCKS_FROM_PX) {
          this.fillSpan(ctx, from, to - 1, 0, BLOCK_BAND_PX, state === BlockState.InUse);
          continue;
        }
        if (runFrom >= 0 && block.address === runEndAddress) {
          runTo = to;
        } else {
          if (runFrom >= 0) {
            this.fillSpan(ctx, runFrom, runTo, 0, BLOCK_BAND_PX, state === BlockState.InUse);
          }
          runFrom = from;
          runTo = to;
        }
        runEndAddress = block.address + block.size;
      }
      if (runFrom >= 0) {
        this.fillSpan(ctx, runFrom, runTo, 0, BLOCK_BAND_PX, state === BlockState.InUse);
      }
    }
  }

  /** Fills the track span [from, to) (in track pixels), wrapping across rows. */
  private fillSpan(ctx: CanvasRenderingContext2D, from: number, to: number, top: number, height: number, atLeastOnePixel: boolean): void {
    const width = this.widthCss;
    if (atLeastOnePixel && to - from < 1) {
      to = from + 1;
    }
    let position = from;
    while (position < to) {
      const row = Math.floor(position / width);
      if (row >= this.rows) {
        break;
      }
      const rowEnd = (row + 1) * width;
      const end = Math.min(to, rowEnd);
      ctx.fillRect(position - row * width, row * ROW_PX + top, end - position, height);
      position = end;
    }
  }

  private pick(event: MouseEvent): void {
    const bounds = this.canvas.getBoundingClientRect();
    const x = event.clientX - bounds.left;
    const y = event.clientY - bounds.top;
    const row = Math.min(this.rows - 1, Math.max(0, Math.floor(y / ROW_PX)));
    const scale = (this.rows * this.widthCss) / Math.max(1, this.layout.trackLength);
    const address = trackToAddress(this.layout, (row * this.widthCss + x) / scale);
    const index = blockIndexNear(this.region, address);
    if (index >= 0) {
      this.onPick(this.region.blocks[index], this.region);
    }
  }

  /** Centre of a block in canvas CSS coordinates (used by tests and keyboard focus). */
  pointOf(address: number): { x: number; y: number } | undefined {
    if (address < this.region.start || address >= this.region.end) {
      return undefined;
    }
    const index = blockIndexNear(this.region, address);
    const block = this.region.blocks[index];
    if (block === undefined) {
      return undefined;
    }
    const scale = (this.rows * this.widthCss) / Math.max(1, this.layout.trackLength);
    const from = addressToTrack(this.layout, block.address) * scale;
    const to = addressToTrack(this.layout, block.address + block.size) * scale;
    const middle = Math.min((from + to) / 2, from + 0.5 + Math.max(0, to - from - 1) / 2);
    const row = Math.floor(middle / this.widthCss);
    return { x: middle - row * this.widthCss, y: row * ROW_PX + BLOCK_BAND_PX / 2 };
  }
}

export class HeapMapView {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly strips: HTMLElement;
  private readonly overflow: HTMLElement;
  private regions: RegionStrip[] = [];
  private selectedAddress: number | undefined;
  private lastWidth = 0;

  constructor(private readonly onPick: (block: HeapBlock, region: HeapRegion) => void) {
    this.element = el('div', 'heap-map');
    this.summary = el('div', 'heap-summary');
    this.strips = el('div', 'heap-strips');
    this.overflow = el('div', 'heap-overflow');
    this.element.append(this.legend(), this.summary, this.strips, this.overflow);
  }

  private legend(): HTMLElement {
    const legend = el('div', 'legend');
    const entries: [string, string][] = [
      ['swatch in-use', text.legendInUse], ['swatch free', text.legendFree], ['swatch cached', text.legendCached],
      ['swatch page-dirty', text.legendPageDirty], ['swatch page-clean', text.legendPageClean],
      ['swatch page-reusable', text.legendPageReusable], ['swatch page-untouched', text.legendPageUntouched],
    ];
    for (const [className, label] of entries) {
      const item = el('span', 'legend-item');
      item.append(el('span', className), el('span', undefined, label));
      legend.append(item);
    }
    return legend;
  }

  setSelected(address: number | undefined): void {
    this.selectedAddress = address;
  }

  update(snapshot: HeapSnapshot): void {
    const drawn = snapshot.regions.slice(0, MAX_DRAWN_REGIONS);
    this.regions = drawn.map((region) => new RegionStrip(region, this.onPick));
    this.strips.replaceChildren(...this.regions.map((strip) => strip.element));
    const omitted = snapshot.regions.length - drawn.length;
    this.overflow.textContent = omitted > 0 ? text.regionsNotDrawn(omitted) : '';
    this.summary.textContent = text.heapSummary(snapshot.regions.length, formatCount(snapshot.liveBlockCount));
    this.redraw();
  }

  /** Redraws every strip at the current width (after a resize or a selection change). */
  redraw(): void {
    const width = this.strips.clientWidth || this.element.clientWidth || 600;
    this.lastWidth = width;
    const palette = readPalette();
    for (const strip of this.regions) {
      strip.draw(width, palette, this.selectedAddress);
    }
  }

  widthChanged(): boolean {
    const width = this.strips.clientWidth;
    return width > 0 && width !== this.lastWidth;
  }

  /** Where a block is drawn, relative to the page (for tests driving clicks). */
  locate(address: number): { x: number; y: number } | undefined {
    for (const strip of this.regions) {
      const point = strip.pointOf(address);
      if (point !== undefined) {
        const canvas = strip.element.querySelector('canvas');
        if (canvas === null) {
          return undefined;
        }
        const bounds = canvas.getBoundingClientRect();
        return { x: bounds.left + point.x, y: bounds.top + point.y };
      }
    }
    return undefined;
  }
}
