// The heap map: one strip per malloc region, drawn on a canvas (a DOM node per block would not
// survive 10,000 blocks, let alone a million). Each canvas row shows blocks in its upper band and
// page states in a thin lower band; long untouched stretches are folded into hatched gaps.

import type { HeapBlock, HeapRegion, HeapSnapshot } from '../src/protocol/snapshot';
import { BlockState } from '../src/protocol/snapshot';
import { formatAddress, formatBytes, formatCount } from '../src/protocol/format';
import { el, themeColor } from './dom';
import {
  TrackMapper, addressToTrack, blockIndexNear, layoutTrack, pageCount, pageState, rowCountFor, trackToAddress,
  type TrackLayout,
} from './heapMapLayout';
import { text } from './strings';

const BLOCK_BAND_PX = 9;
const PAGE_BAND_PX = 3;
const ROW_GAP_PX = 2;
const ROW_PX = BLOCK_BAND_PX + PAGE_BAND_PX + ROW_GAP_PX;
const MAX_ROWS = 12;
/** Rows of a region the user zoomed into: about 5× the detail, enough to aim at single tiny blocks. */
const MAX_ROWS_ZOOMED = 64;
/** Blocks at least this wide (CSS pixels) get a one-pixel separator so neighbours stay distinct. */
const SEPARATE_BLOCKS_FROM_PX = 4;
/** Free space is drawn faint so the blocks in use stand out. */
const FREE_ALPHA = 0.45;
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

/** Rank of a block state when several share one pixel: a used block is never hidden by a free one. */
const RANK_FREE = 1;
const RANK_CACHED = 2;
const RANK_IN_USE = 3;

function rankOf(state: BlockState): number {
  return state === BlockState.InUse ? RANK_IN_USE : state === BlockState.Cached ? RANK_CACHED : RANK_FREE;
}

function stateLabel(state: BlockState): string {
  return state === BlockState.InUse ? text.legendInUse : state === BlockState.Cached ? text.legendCached : text.legendFree;
}

/** One region's canvas with the geometry needed to draw it and to hit-test clicks. */
class RegionStrip {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly blockCount: HTMLElement;
  private layout!: TrackLayout;
  private rows = 1;
  private widthCss = 0;
  /** Per track pixel, the highest-ranked state of the narrow blocks touching it (reused between draws). */
  private coverage = new Uint8Array(0);

  constructor(
    private region: HeapRegion,
    private readonly onPick: (block: HeapBlock, region: HeapRegion) => void,
    selectedAddress: () => number | undefined,
    private zoomed: boolean,
    onZoom: (strip: RegionStrip) => void,
  ) {
    this.element = el('div', 'region');
    this.element.dataset.start = formatAddress(region.start);
    const label = el('div', 'region-label');
    this.blockCount = el('span', 'region-blocks');
    const zoom = el('button', 'region-zoom');
    zoom.type = 'button';
    const showZoom = (): void => {
      zoom.textContent = this.zoomed ? '−' : '+';
      zoom.title = this.zoomed ? text.zoomOut : text.zoomIn;
      zoom.setAttribute('aria-pressed', String(this.zoomed));
      this.element.classList.toggle('zoomed', this.zoomed);
    };
    showZoom();
    zoom.addEventListener('click', () => {
      this.zoomed = !this.zoomed;
      showZoom();
      onZoom(this);
    });
    label.append(
      zoom,
      el('span', 'region-type', region.type),
      el('span', 'region-range', `${formatAddress(region.start)}–${formatAddress(region.end)}`),
      el('span', 'region-size', formatBytes(region.end - region.start)),
      this.blockCount,
    );
    this.canvas = el('canvas', 'region-canvas');
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'listbox');
    this.canvas.setAttribute('aria-label', text.regionAria(region.type, formatAddress(region.start)));
    this.canvas.addEventListener('click', (event) => this.pick(event));
    this.canvas.addEventListener('mousemove', (event) => this.describeUnderMouse(event));
    this.canvas.addEventListener('keydown', (event) => this.walk(event, selectedAddress));
    this.element.append(label, this.canvas);
    this.setRegion(region);
  }

  static keyOf(region: HeapRegion): string {
    return `${region.type}:${region.start}-${region.end}`;
  }

  get key(): string {
    return RegionStrip.keyOf(this.region);
  }

  get isZoomed(): boolean {
    return this.zoomed;
  }

  get startAddress(): number {
    return this.region.start;
  }

  /** Same address range, new contents (the next stop). */
  setRegion(region: HeapRegion): void {
    this.region = region;
    this.layout = layoutTrack(region);
    this.blockCount.textContent = text.blockCount(region.blocks.length, region.blocksOmitted);
  }

  /** Draws the strip at the given CSS width. */
  draw(widthCss: number, palette: Palette, selectedAddress: number | undefined): void {
    this.widthCss = Math.max(50, Math.floor(widthCss));
    this.rows = rowCountFor(this.layout, this.widthCss, this.zoomed ? MAX_ROWS_ZOOMED : MAX_ROWS);
    const ratio = window.devicePixelRatio || 1;
    const heightCss = this.rows * ROW_PX - ROW_GAP_PX;
    const width = Math.round(this.widthCss * ratio);
    const height = Math.round(heightCss * ratio);
    if (this.canvas.width !== width || this.canvas.height !== height) {
      // Resizing reallocates the backing store, so only do it when the size really changed.
      this.canvas.style.width = `${this.widthCss}px`;
      this.canvas.style.height = `${heightCss}px`;
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const ctx = this.canvas.getContext('2d');
    if (ctx === null) {
      return;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    // Positions along the track, in CSS pixels; the transform above maps them to device pixels.
    const scale = (this.rows * this.widthCss) / Math.max(1, this.layout.trackLength);
    const mapper = new TrackMapper(this.layout, scale);
    const toPx = (address: number): number => mapper.toPixels(address);

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
      // A dotted band says "folded": short dashes across the gap.
      const step = Math.max(2, (to - from) / 4);
      for (let x = from + step / 2; x < to - 1; x += step) {
        this.fillSpan(ctx, x, x + Math.min(3, step / 2), BLOCK_BAND_PX / 2 - 1, 2, false);
      }
    }
  }

  /**
   * Blocks wider than a few pixels are drawn one by one with a separator. Narrower ones are
   * rasterised into `coverage` first and drawn as runs of equal pixels, so the cost is bounded by
   * the strip's width however many blocks the region holds.
   */
  private drawBlocks(ctx: CanvasRenderingContext2D, palette: Palette, toPx: (a: number) => number): void {
    const blocks = this.region.blocks;
    const trackPixels = Math.ceil(this.rows * this.widthCss);
    if (this.coverage.length < trackPixels) {
      this.coverage = new Uint8Array(trackPixels);
    }
    const coverage = this.coverage;
    coverage.fill(0, 0, trackPixels);
    const wide: number[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i];
      const from = toPx(block.address);
      const to = toPx(block.address + block.size);
      if (to - from >= SEPARATE_BLOCKS_FROM_PX) {
        wide.push(i);
        continue;
      }
      const rank = rankOf(block.state);
      const first = Math.floor(from);
      const last = Math.min(trackPixels - 1, Math.max(first, Math.ceil(to) - 1));
      for (let p = first; p <= last; p++) {
        if (coverage[p] < rank) {
          coverage[p] = rank;
        }
      }
    }
    const colours = ['', palette.free, palette.cached, palette.inUse];
    let p = 0;
    while (p < trackPixels) {
      const rank = coverage[p];
      let q = p + 1;
      while (q < trackPixels && coverage[q] === rank) {
        q++;
      }
      if (rank > 0) {
        ctx.fillStyle = colours[rank];
        ctx.globalAlpha = rank === RANK_FREE ? FREE_ALPHA : 1;
        this.fillSpan(ctx, p, q, 0, BLOCK_BAND_PX, false);
      }
      p = q;
    }
    for (const rank of [RANK_FREE, RANK_CACHED, RANK_IN_USE]) {
      ctx.fillStyle = colours[rank];
      ctx.globalAlpha = rank === RANK_FREE ? FREE_ALPHA : 1;
      for (const i of wide) {
        const block = blocks[i];
        if (rankOf(block.state) === rank) {
          this.fillSpan(ctx, toPx(block.address), toPx(block.address + block.size) - 1, 0, BLOCK_BAND_PX, false);
        }
      }
    }
    ctx.globalAlpha = 1;
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

  /** The block under a mouse position, or the nearest one. */
  private blockAt(event: MouseEvent): HeapBlock | undefined {
    const bounds = this.canvas.getBoundingClientRect();
    const x = event.clientX - bounds.left;
    const y = event.clientY - bounds.top;
    const row = Math.min(this.rows - 1, Math.max(0, Math.floor(y / ROW_PX)));
    const scale = (this.rows * this.widthCss) / Math.max(1, this.layout.trackLength);
    const address = trackToAddress(this.layout, (row * this.widthCss + x) / scale);
    return this.region.blocks[blockIndexNear(this.region, address)];
  }

  private pick(event: MouseEvent): void {
    const block = this.blockAt(event);
    if (block !== undefined) {
      this.onPick(block, this.region);
    }
  }

  /** The tooltip names the block under the mouse, so small blocks can be aimed at before clicking. */
  private describeUnderMouse(event: MouseEvent): void {
    const block = this.blockAt(event);
    this.canvas.title = block === undefined ? '' : text.blockTooltip(formatAddress(block.address), stateLabel(block.state), formatBytes(block.size));
  }

  /** Arrow keys walk the region's blocks from the selected one; Enter/Space pick again. */
  private walk(event: KeyboardEvent, selectedAddress: () => number | undefined): void {
    const blocks = this.region.blocks;
    if (blocks.length === 0) {
      return;
    }
    const selected = selectedAddress();
    const inside = selected !== undefined && selected >= this.region.start && selected < this.region.end;
    const current = inside ? blockIndexNear(this.region, selected) : -1;
    let next: number;
    switch (event.key) {
      case 'ArrowRight': case 'ArrowDown': next = Math.min(blocks.length - 1, current + 1); break;
      case 'ArrowLeft': case 'ArrowUp': next = current < 0 ? 0 : Math.max(0, current - 1); break;
      case 'Home': next = 0; break;
      case 'End': next = blocks.length - 1; break;
      case 'Enter': case ' ': next = Math.max(0, current); break;
      default: return;
    }
    event.preventDefault();
    this.onPick(blocks[next], this.region);
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

  /** Start addresses of the regions the user zoomed into (they keep their range from stop to stop). */
  private readonly zoomed: Set<number>;

  constructor(
    private readonly onPick: (block: HeapBlock, region: HeapRegion) => void,
    zoomed: readonly number[],
    private readonly onZoomChange: (zoomed: number[]) => void,
  ) {
    this.zoomed = new Set(zoomed);
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

  private zoomChanged(strip: RegionStrip): void {
    if (strip.isZoomed) {
      this.zoomed.add(strip.startAddress);
    } else {
      this.zoomed.delete(strip.startAddress);
    }
    strip.draw(this.lastWidth || this.strips.clientWidth || 600, readPalette(), this.selectedAddress);
    this.onZoomChange([...this.zoomed]);
  }

  setSelected(address: number | undefined): void {
    this.selectedAddress = address;
  }

  update(snapshot: HeapSnapshot): void {
    const drawn = snapshot.regions.slice(0, MAX_DRAWN_REGIONS);
    // Regions keep their address range from stop to stop: reuse their strips (and canvases).
    const previous = new Map(this.regions.map((strip) => [strip.key, strip]));
    this.regions = drawn.map((region) => {
      const strip = previous.get(RegionStrip.keyOf(region));
      if (strip === undefined) {
        return new RegionStrip(region, this.onPick, () => this.selectedAddress, this.zoomed.has(region.start), (changed) => this.zoomChanged(changed));
      }
      strip.setRegion(region);
      return strip;
    });
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

  /** Scrolls a block's strip into view and says where the block is drawn, in viewport coordinates. */
  reveal(address: number): { x: number; y: number } | undefined {
    for (const strip of this.regions) {
      const point = strip.pointOf(address);
      if (point !== undefined) {
        const canvas = strip.element.querySelector('canvas');
        if (canvas === null) {
          return undefined;
        }
        canvas.scrollIntoView({ block: 'center' });
        const bounds = canvas.getBoundingClientRect();
        return { x: bounds.left + point.x, y: bounds.top + point.y };
      }
    }
    return undefined;
  }
}
