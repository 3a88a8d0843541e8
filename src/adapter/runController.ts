// Runs the process in statement-budget chunks, yielding to the event loop between chunks so
// pause, terminate and disconnect requests are handled even while C code loops forever.

import type { Process, RunMode, StopInfo } from '../machine/api';

/**
 * Yields to the event loop and then runs `fn`: setImmediate in Node (runs after pending I/O, so
 * incoming requests get in between chunks); a zero timeout in a browser worker (vscode.dev).
 */
export const afterPendingEvents: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => { setImmediate(fn); } : (fn) => { setTimeout(fn, 0); };

/** Statements per chunk: a few milliseconds of interpretation. */
export const CHUNK_STATEMENTS = 20_000;

export class RunController {
  /** Bumped to abandon whatever run is in flight. */
  private generation = 0;
  private pauseRequested = false;
  private active = false;

  get running(): boolean {
    return this.active;
  }

  /**
   * Starts running; `onStop` (or `onFailure` for an engine bug) is called once, asynchronously,
   * unless the run is cancelled first.
   */
  start(process: Process, mode: RunMode, onStop: (stop: StopInfo) => void, onFailure: (error: unknown) => void): void {
    const generation = ++this.generation;
    this.pauseRequested = false;
    this.active = true;
    const chunk = (): void => {
      if (generation !== this.generation) return;
      if (this.pauseRequested) {
        // Between chunks the process is at a statement boundary: that is where a pause lands.
        this.finish(onStop, { reason: 'pause', loc: process.location() });
        return;
      }
      let stop: StopInfo;
      try {
        stop = process.run(mode, CHUNK_STATEMENTS);
      } catch (e) {
        // An exception out of the engine is an interpreter bug; the session reports it
        // rather than letting it kill the adapter.
        this.active = false;
        onFailure(e);
        return;
      }
      if (stop.reason === 'budget') afterPendingEvents(chunk);
      else this.finish(onStop, stop);
    };
    afterPendingEvents(chunk);
  }

  pause(): void {
    if (this.active) this.pauseRequested = true;
  }

  cancel(): void {
    this.generation++;
    this.active = false;
    this.pauseRequested = false;
  }

  private finish(onStop: (stop: StopInfo) => void, stop: StopInfo): void {
    this.active = false;
    this.pauseRequested = false;
    onStop(stop);
  }
}
