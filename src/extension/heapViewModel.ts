// What the panel shows, independent of whether a panel is open: the Mallocscope session being
// watched, its phase and its latest snapshot. The tracker feeds it; the panel and the hover read
// it. Snapshot fetches are coalesced: a burst of stops (holding F10) costs one request in flight
// plus one for the latest stop, never a queue.

import * as vscode from 'vscode';
import type { HistoryArguments, HistoryResponseBody } from '../protocol/dap';
import { MallocscopeRequest } from '../protocol/dap';
import type { SessionPhase } from '../protocol/messages';
import type { HeapSnapshot, HistoryEntry } from '../protocol/snapshot';
import { strings } from './strings';

export class HeapViewModel implements vscode.Disposable {
  private session: vscode.DebugSession | undefined;
  private fetching = false;
  private fetchAgain = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  snapshot: HeapSnapshot | undefined;
  phase: SessionPhase = 'none';

  get activeSession(): vscode.DebugSession | undefined {
    return this.session;
  }

  sessionStarted(session: vscode.DebugSession): void {
    this.session = session;
    this.snapshot = undefined;
    this.phase = 'running';
    this.changed.fire();
  }

  sessionEnded(session: vscode.DebugSession): void {
    if (this.session?.id !== session.id) {
      return;
    }
    this.session = undefined;
    this.phase = 'ended';
    this.changed.fire();
  }

  resumed(session: vscode.DebugSession): void {
    if (this.session?.id === session.id && this.phase !== 'ended') {
      this.phase = 'running';
      this.changed.fire();
    }
  }

  /** A stop (or the program's exit): fetch the snapshot of that moment. */
  stopped(session: vscode.DebugSession, phase: 'stopped' | 'ended'): void {
    this.session = session;
    this.phase = phase;
    if (this.fetching) {
      this.fetchAgain = true;
      return;
    }
    void this.fetch(session);
  }

  private async fetch(session: vscode.DebugSession): Promise<void> {
    this.fetching = true;
    try {
      do {
        this.fetchAgain = false;
        try {
          const snapshot = (await session.customRequest(MallocscopeRequest.Snapshot)) as HeapSnapshot;
          if (this.session?.id === session.id || this.phase === 'ended') {
            this.snapshot = snapshot;
            this.changed.fire();
          }
        } catch {
          // The session went away between the stop and the request: keep the last snapshot.
        }
      } while (this.fetchAgain);
    } finally {
      this.fetching = false;
    }
  }

  /** A block's history for the panel; throws a user-readable Error when there is no session. */
  async history(address: number): Promise<readonly HistoryEntry[]> {
    const session = this.session;
    if (session === undefined) {
      throw new Error(strings.noSession);
    }
    const args: HistoryArguments = { address };
    const body = (await session.customRequest(MallocscopeRequest.History, args)) as HistoryResponseBody | readonly HistoryEntry[];
    // The adapter answers {address, entries}; a bare array is accepted too.
    return Array.isArray(body) ? body : (body as HistoryResponseBody).entries;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
