// The typed message protocol between the extension host (src/extension/heapViewPanel.ts) and the
// panel (webview/). Types plus a few tiny pure helpers; no runtime dependencies, so both the Node
// extension host and the browser bundle import it.
//
// Startup is a handshake: the panel posts Ready once its script runs; the extension answers Init
// with the current snapshot (or none when no session has stopped yet). After that the extension
// pushes Snapshot at every stop, and the panel asks for a block's history with HistoryRequest.

import type { HeapSnapshot, HistoryEntry } from './snapshot';

export const enum MessageType {
  //#region to webview
  Init = 'init',
  Snapshot = 'snapshot',
  SessionState = 'sessionState',
  HistoryResponse = 'historyResponse',
  //#endregion

  //#region from webview
  Ready = 'ready',
  HistoryRequest = 'historyRequest',
  ShowSource = 'showSource',
  //#endregion
}

/** Where the debug session is, as the panel labels it. */
export type SessionPhase = 'none' | 'running' | 'stopped' | 'ended';

//#region to webview

/** Answer to Ready: everything the panel needs to draw its first frame. */
export interface InitMessage {
  readonly type: MessageType.Init;
  readonly inReplyTo: number;
  readonly phase: SessionPhase;
  readonly snapshot: HeapSnapshot | undefined;
}

/** A stop happened: the whole picture at that step. */
export interface SnapshotMessage {
  readonly type: MessageType.Snapshot;
  readonly snapshot: HeapSnapshot;
}

/** The session started, resumed or ended without a new snapshot to show. */
export interface SessionStateMessage {
  readonly type: MessageType.SessionState;
  readonly phase: SessionPhase;
}

export interface HistoryResponseMessage {
  readonly type: MessageType.HistoryResponse;
  readonly inReplyTo: number;
  readonly address: number;
  /** Oldest first. Empty when the address has no allocator events. */
  readonly entries: readonly HistoryEntry[];
  /** Set when the history could not be fetched (no session, adapter error). */
  readonly error?: string;
}

export type ToWebviewMessage = InitMessage | SnapshotMessage | SessionStateMessage | HistoryResponseMessage;

//#endregion

//#region from webview

export interface ReadyMessage {
  readonly type: MessageType.Ready;
  readonly requestId: number;
}

/** The user picked a block on the heap map. */
export interface HistoryRequestMessage {
  readonly type: MessageType.HistoryRequest;
  readonly requestId: number;
  readonly address: number;
}

/** The user clicked a stack frame: open file:line in an editor. */
export interface ShowSourceMessage {
  readonly type: MessageType.ShowSource;
  readonly file: string;
  readonly line: number;
}

export type FromWebviewMessage = ReadyMessage | HistoryRequestMessage | ShowSourceMessage;

//#endregion

const TO_WEBVIEW: ReadonlySet<string> = new Set<string>([
  MessageType.Init, MessageType.Snapshot, MessageType.SessionState, MessageType.HistoryResponse,
]);
const FROM_WEBVIEW: ReadonlySet<string> = new Set<string>([
  MessageType.Ready, MessageType.HistoryRequest, MessageType.ShowSource,
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Narrows a message that arrived from the panel. The webview is our own code, but its messages
 * cross a process boundary, so the extension host checks the shape before acting on it (a bad
 * ShowSource must not open an arbitrary URI).
 */
export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (!isRecord(value) || typeof value.type !== 'string' || !FROM_WEBVIEW.has(value.type)) {
    return false;
  }
  switch (value.type) {
    case MessageType.Ready:
      return isCount(value.requestId);
    case MessageType.HistoryRequest:
      return isCount(value.requestId) && isCount(value.address);
    case MessageType.ShowSource:
      return typeof value.file === 'string' && value.file.length > 0 && isCount(value.line) && value.line > 0;
    default:
      return false;
  }
}

/** Narrows a message that arrived from the extension host (the panel ignores anything else). */
export function isToWebviewMessage(value: unknown): value is ToWebviewMessage {
  if (!isRecord(value) || typeof value.type !== 'string' || !TO_WEBVIEW.has(value.type)) {
    return false;
  }
  switch (value.type) {
    case MessageType.Init:
      return isCount(value.inReplyTo) && typeof value.phase === 'string';
    case MessageType.Snapshot:
      return isRecord(value.snapshot);
    case MessageType.SessionState:
      return typeof value.phase === 'string';
    case MessageType.HistoryResponse:
      return isCount(value.inReplyTo) && isCount(value.address) && Array.isArray(value.entries);
    default:
      return false;
  }
}

/**
 * Hands out request ids and matches replies to them. Each side keeps one; a reply whose
 * `inReplyTo` is unknown (stale, or answered twice) is dropped.
 */
export class PendingRequests<TReply> {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: TReply) => void>();

  /** Registers `onReply` and returns the id to put in the request. */
  open(onReply: (reply: TReply) => void): number {
    const id = this.nextId++;
    this.waiting.set(id, onReply);
    return id;
  }

  /** Delivers a reply; false when nobody waits for that id. */
  settle(inReplyTo: number, reply: TReply): boolean {
    const onReply = this.waiting.get(inReplyTo);
    if (onReply === undefined) {
      return false;
    }
    this.waiting.delete(inReplyTo);
    onReply(reply);
    return true;
  }

  /** Forgets every open request (the panel was reloaded or the session changed). */
  clear(): void {
    this.waiting.clear();
  }

  get size(): number {
    return this.waiting.size;
  }
}
