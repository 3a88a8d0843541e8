// Footprint figures (the numbers footprint(1) and vmmap's summary print) and their history over
// the run as a uPlot chart, with the current step marked. Virtual size is orders of magnitude
// above the rest (nano alone reserves 512 MiB), so it gets its own scale on the right.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { FootprintFigures, HeapSnapshot } from '../src/protocol/snapshot';
import { formatBytes, formatCount } from '../src/protocol/format';
import { el, themeColor } from './dom';
import { text } from './strings';

const CHART_HEIGHT = 180;

type FigureKey = keyof FootprintFigures;

const FIGURES: readonly [FigureKey, string][] = [
  ['physFootprint', text.figurePhys],
  ['physFootprintPeak', text.figurePeak],
  ['virtual', text.figureVirtual],
  ['resident', text.figureResident],
  ['dirty', text.figureDirty],
  ['swapped', text.figureSwapped],
];

/** Tick labels: one unit per magnitude ("4.8M", "512M"), shorter than vmmap's whole-K form. */
function axisBytes(bytes: number): string {
  const units: [number, string][] = [[1024 ** 3, 'G'], [1024 ** 2, 'M'], [1024, 'K']];
  for (const [size, suffix] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, '')}${suffix}`;
    }
  }
  return `${bytes}`;
}

export class FootprintView {
  readonly element: HTMLElement;
  private readonly figures = new Map<FigureKey, HTMLElement>();
  private readonly chartHost: HTMLElement;
  private chart: uPlot | undefined;
  private currentStep = 0;

  constructor() {
    this.element = el('div', 'footprint');
    const grid = el('div', 'figures');
    for (const [key, label] of FIGURES) {
      const figure = el('div', 'figure');
      figure.dataset.figure = key;
      const value = el('div', 'figure-value', '—');
      figure.append(value, el('div', 'figure-label', label));
      this.figures.set(key, value);
      grid.append(figure);
    }
    this.chartHost = el('div', 'chart');
    this.element.append(grid, this.chartHost);
  }

  update(snapshot: HeapSnapshot): void {
    for (const [key, value] of this.figures) {
      value.textContent = formatBytes(snapshot.footprint[key]);
      value.title = `${formatCount(snapshot.footprint[key])} bytes`;
    }
    this.currentStep = snapshot.step;
    const series = snapshot.footprintSeries;
    const data: uPlot.AlignedData = [
      series.map((s) => s.step),
      series.map((s) => s.physFootprint),
      series.map((s) => s.resident),
      series.map((s) => s.dirty),
      series.map((s) => s.virtual),
    ];
    if (this.chart === undefined) {
      this.chart = new uPlot(this.options(), data, this.chartHost);
    } else {
      this.chart.setData(data);
    }
  }

  resize(): void {
    if (this.chart !== undefined) {
      const width = Math.max(200, this.chartHost.clientWidth);
      if (width !== this.chart.width) {
        this.chart.setSize({ width, height: CHART_HEIGHT });
      }
    }
  }

  private options(): uPlot.Options {
    const foreground = themeColor('--vscode-foreground', '#cccccc');
    const grid = themeColor('--vscode-editorWidget-border', '#454545');
    const bytesAxis = (scale: string, side: 0 | 1 | 2 | 3): uPlot.Axis => ({
      scale,
      side,
      stroke: foreground,
      grid: { show: side === 3, stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
      size: 56,
      values: (_u, splits) => splits.map(axisBytes),
    });
    // Samples are taken when the accounting changes, so a figure holds until the next sample:
    // draw steps, not slopes that would invent growth between two far-apart samples.
    const stepped = uPlot.paths.stepped!({ align: 1 });
    const line = (label: string, color: string, scale: string, dash?: number[]): uPlot.Series => ({
      label,
      scale,
      paths: stepped,
      stroke: color,
      width: 1.5,
      dash,
      value: (_u, v) => (v === null ? '—' : formatBytes(v)),
    });
    return {
      width: Math.max(200, this.chartHost.clientWidth || 600),
      height: CHART_HEIGHT,
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, bytes: { range: (_u, _min, max) => [0, Math.max(max, 1) * 1.1] }, virtual: {} },
      axes: [
        { stroke: foreground, grid: { show: false }, ticks: { stroke: grid, width: 1 }, label: text.chartStep },
        bytesAxis('bytes', 3),
        bytesAxis('virtual', 1),
      ],
      series: [
        { label: text.chartStep, value: (_u, v) => (v === null ? '—' : formatCount(v)) },
        line(text.figurePhys, themeColor('--vscode-charts-red', '#f14c4c'), 'bytes'),
        line(text.figureResident, themeColor('--vscode-charts-yellow', '#cca700'), 'bytes'),
        line(text.figureDirty, themeColor('--vscode-charts-orange', '#d18616'), 'bytes', [4, 3]),
        line(text.figureVirtual, themeColor('--vscode-charts-blue', '#3794ff'), 'virtual'),
      ],
      hooks: { draw: [(u) => this.markCurrentStep(u)] },
    };
  }

  /** A vertical line at the step the program is stopped at. */
  private markCurrentStep(u: uPlot): void {
    const x = u.valToPos(this.currentStep, 'x', true);
    if (!Number.isFinite(x)) {
      return;
    }
    const { ctx, bbox } = u;
    ctx.save();
    ctx.strokeStyle = themeColor('--vscode-focusBorder', '#007fd4');
    ctx.lineWidth = Math.max(1, window.devicePixelRatio || 1);
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.restore();
  }
}
