// The panel's entry point: builds the page, runs the Ready handshake and routes messages from the
// extension to the views. Everything is redrawn from the latest snapshot; the only state of its
// own is what the user chose (picked block, collapsed sections), kept with setState.

import './panel.css';
import {
  MessageType, PendingRequests, isToWebviewMessage,
  type HistoryResponseMessage, type InitMessage, type SessionPhase, type ToWebviewMessage,
} from '../src/protocol/messages';
import type { HeapBlock, HeapRegion, HeapSnapshot } from '../src/protocol/snapshot';
import { BlockState } from '../src/protocol/snapshot';
import { formatBytes, formatCount } from '../src/protocol/format';
import { el } from './dom';
import { FootprintView } from './footprintView';
import { HeapMapView } from './heapMap';
import { blockIndexNear } from './heapMapLayout';
import { HistoryView } from './historyView';
import { text } from './strings';
import { loadUiState, post, saveUiState, type PanelUiState } from './vscodeApi';
import { ZoneTableView } from './zoneTable';

class Panel {
  private ui: PanelUiState = loadUiState();
  private snapshot: HeapSnapshot | undefined;
  private phase: SessionPhase = 'none';
  private readonly replies = new PendingRequests<ToWebviewMessage>();
  /** A history is on screen (or on its way), so a new stop refreshes it. */
  private historyShown = false;

  private readonly root = el('main', 'panel');
  private readonly status = el('div', 'status');
  private readonly empty = el('p', 'empty', text.emptyState);
  private readonly content = el('div', 'content');
  private readonly footprint = new FootprintView();
  private readonly zones = new ZoneTableView();
  private readonly heapMap = new HeapMapView(
    (block, region) => this.pick(block, region),
    this.ui.zoomedRegions ?? [],
    (zoomed) => this.remember({ zoomedRegions: zoomed }),
  );
  private readonly history = new HistoryView((frame) => post({ type: MessageType.ShowSource, file: frame.file, line: frame.line }));

  mount(): void {
    const header = el('header', 'header');
    header.append(el('h1', undefined, text.title), this.status);
    this.content.append(
      this.section('footprint', text.sectionFootprint, this.footprint.element),
      this.section('zones', text.sectionZones, this.zones.element),
      this.section('heap', text.sectionHeap, this.heapMap.element),
      this.section('history', text.sectionHistory, this.history.element),
    );
    this.root.append(header, this.empty, this.content);
    document.body.append(this.root);
    this.renderStatus();
    this.content.hidden = true;

    window.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
    new ResizeObserver(() => this.resized()).observe(this.content);
    window.addEventListener('scroll', () => this.remember({ scrollTop: window.scrollY }), { passive: true });

    const requestId = this.replies.open((reply) => this.init(reply as InitMessage));
    post({ type: MessageType.Ready, requestId });
  }

  private section(id: string, title: string, body: HTMLElement): HTMLElement {
    const details = el('details', 'section');
    details.dataset.section = id;
    details.open = !(this.ui.collapsed ?? []).includes(id);
    details.append(el('summary', undefined, title), body);
    details.addEventListener('toggle', () => {
      const collapsed = new Set(this.ui.collapsed ?? []);
      if (details.open) {
        collapsed.delete(id);
      } else {
        collapsed.add(id);
      }
      this.remember({ collapsed: [...collapsed] });
      if (details.open) {
        this.resized();
      }
    });
    return details;
  }

  private receive(data: unknown): void {
    if (!isToWebviewMessage(data)) {
      return;
    }
    switch (data.type) {
      case MessageType.Init:
      case MessageType.HistoryResponse:
        this.replies.settle(data.inReplyTo, data);
        break;
      case MessageType.Snapshot:
        this.phase = data.snapshot.status === 'exited' || data.snapshot.status === 'crashed' ? 'ended' : 'stopped';
        this.show(data.snapshot);
        break;
      case MessageType.SessionState:
        this.phase = data.phase;
        this.renderStatus();
        break;
    }
  }

  private init(message: InitMessage): void {
    this.phase = message.phase;
    if (message.snapshot !== undefined) {
      this.show(message.snapshot);
      if (this.ui.scrollTop !== undefined) {
        window.scrollTo(0, this.ui.scrollTop);
      }
    } else {
      this.renderStatus();
    }
  }

  private show(snapshot: HeapSnapshot): void {
    const started = performance.now();
    const firstOfSession = this.snapshot === undefined || this.snapshot.programName !== snapshot.programName || snapshot.step < this.snapshot.step;
    this.snapshot = snapshot;
    this.content.hidden = false;
    this.empty.hidden = true;
    this.renderStatus();
    this.footprint.update(snapshot);
    this.zones.update(snapshot);
    this.heapMap.setSelected(this.ui.selectedAddress);
    this.heapMap.update(snapshot);
    if (this.ui.selectedAddress !== undefined && (firstOfSession || this.historyShown)) {
      this.requestHistory(this.ui.selectedAddress, describeBlock(snapshot, this.ui.selectedAddress));
    }
    const elapsed = performance.now() - started;
    this.root.dataset.renderMs = elapsed.toFixed(2);
    this.root.dataset.step = String(snapshot.step);
  }

  private renderStatus(): void {
    const parts: string[] = [];
    const snapshot = this.snapshot;
    if (snapshot !== undefined) {
      parts.push(snapshot.programName, snapshot.profile, text.stepLabel(formatCount(snapshot.step)));
      if (snapshot.stoppedAt !== undefined) {
        // The adapter reports absolute paths; the file name is enough here, the tooltip has the rest.
        const file = snapshot.stoppedAt.file;
        parts.push(text.stoppedAt(file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1), snapshot.stoppedAt.line));
        this.status.title = text.stoppedAt(file, snapshot.stoppedAt.line);
      }
    }
    parts.push(this.phaseLabel());
    this.status.textContent = parts.join(' · ');
    this.root.dataset.phase = this.phase;
  }

  private phaseLabel(): string {
    switch (this.phase) {
      case 'running': return text.phaseRunning;
      case 'stopped': return text.phaseStopped;
      case 'ended': return text.phaseEnded;
      default: return text.phaseNone;
    }
  }

  private pick(block: HeapBlock, region: HeapRegion): void {
    this.remember({ selectedAddress: block.address });
    this.heapMap.setSelected(block.address);
    this.heapMap.redraw();
    this.requestHistory(block.address, blockDetail(block, region));
  }

  private requestHistory(address: number, detail: string): void {
    this.history.showLoading(address, detail);
    this.historyShown = true;
    const requestId = this.replies.open((reply) => {
      const response = reply as HistoryResponseMessage;
      if (this.ui.selectedAddress !== response.address) {
        return; // the user picked another block meanwhile
      }
      if (response.error !== undefined) {
        this.history.showError(response.address, response.error);
      } else {
        this.history.show(response.address, response.entries);
      }
    });
    post({ type: MessageType.HistoryRequest, requestId, address });
  }

  private resized(): void {
    this.footprint.resize();
    if (this.heapMap.widthChanged()) {
      this.heapMap.redraw();
    }
  }

  revealBlock(address: number): { x: number; y: number } | undefined {
    return this.heapMap.reveal(address);
  }

  private remember(change: Partial<PanelUiState>): void {
    this.ui = { ...this.ui, ...change };
    saveUiState(this.ui);
  }
}

/** The line under the history heading: region, state and sizes of the picked block. */
function blockDetail(block: HeapBlock, region: HeapRegion): string {
  const state = block.state === BlockState.InUse ? text.legendInUse : block.state === BlockState.Cached ? text.legendCached : text.legendFree;
  return `${region.type} · ${text.pickedBlock(state, formatBytes(block.size), formatBytes(block.requested))}`;
}

/** blockDetail for an address in a new snapshot ('' when no block starts there any more). */
function describeBlock(snapshot: HeapSnapshot, address: number): string {
  const region = snapshot.regions.find((r) => address >= r.start && address < r.end);
  const block = region?.blocks[blockIndexNear(region, address)];
  return region !== undefined && block !== undefined && block.address === address ? blockDetail(block, region) : '';
}

const panel = new Panel();
panel.mount();

// Where a block is drawn, for tests that click blocks by address (the map is one canvas per
// region, so there is no element per block to find).
(window as unknown as { mallocscopeRevealBlock: (address: number) => { x: number; y: number } | undefined })
  .mallocscopeRevealBlock = (address) => panel.revealBlock(address);
