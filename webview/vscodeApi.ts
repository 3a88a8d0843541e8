// The one handle on the host. acquireVsCodeApi may be called only once per page, so every view
// reaches the host through this module.

import type { FromWebviewMessage } from '../src/protocol/messages';

/** What survives the panel being hidden, reloaded or restored after a restart. */
export interface PanelUiState {
  /** The block whose history is shown. */
  readonly selectedAddress?: number;
  /** Sections the user collapsed, by id. */
  readonly collapsed?: readonly string[];
  readonly scrollTop?: number;
  /** Start addresses of the heap-map regions shown in detail. */
  readonly zoomedRegions?: readonly number[];
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi = acquireVsCodeApi();

export function post(message: FromWebviewMessage): void {
  api.postMessage(message);
}

export function loadUiState(): PanelUiState {
  const state = api.getState();
  return typeof state === 'object' && state !== null ? (state as PanelUiState) : {};
}

export function saveUiState(state: PanelUiState): void {
  api.setState(state);
}
