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
   * unless the run is cancelled first. `shows` decides each breakpoint stop (conditions, hit
   * counts, logpoints): a breakpoint it passes over does not end the run or the step.
   */
  start(process: Process, mode: RunMode, onStop: (stop: StopInfo) => void, onFailure: (error: unknown) => void,
    shows: (stop: StopInfo) => boolean = () => true): void {
    const generation = ++this.generation;
    this.pauseRequested = false;
    this.active = true;
    const plan = new StepPlan(mode, process.stackFrames().length);
    const chunk = (): void => {
      if (generation !== this.generation) return;
      if (this.pauseRequested) {
        // Between chunks the process is at a statement boundary: that is where a pause lands.
        this.finish(onStop, { reason: 'pause', loc: process.location() });
        return;
      }
      let stop: StopInfo;
      let next: StopInfo | undefined;
      try {
        stop = process.run(plan.mode, CHUNK_STATEMENTS);
        next = stop.reason === 'breakpoint' && !shows(stop) ? plan.passedBreakpoint(process)
          : stop.reason === 'step' ? plan.stepped(process, stop)
          : stop;
      } catch (e) {
        // An exception out of the engine is an interpreter bug; the session reports it
        // rather than letting it kill the adapter.
        this.active = false;
        onFailure(e);
        return;
      }
      if (next === undefined || next.reason === 'budget') afterPendingEvents(chunk);
      else this.finish(onStop, next);
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

/**
 * How a run goes on past a breakpoint that does not stop. The engine ends its step request at
 * any breakpoint, so the step is finished here: a step over that met the breakpoint inside a
 * call steps out back to its own frame and then steps over again; a step that met it in its own
 * frame (or any step in) stops there, where it would have stopped anyway.
 */
class StepPlan {
  mode: RunMode;
  /** Set while stepping out of a call the original step over/out entered. */
  private returning = false;

  constructor(private readonly requested: RunMode, private readonly depth: number) {
    this.mode = requested;
  }

  /** After a breakpoint that does not stop: undefined = run on (in `mode`), else the stop to show. */
  passedBreakpoint(process: Process): StopInfo | undefined {
    if (this.requested === 'continue') return undefined;
    const depth = process.stackFrames().length;
    const inside = this.requested === 'stepOut' ? depth >= this.depth : depth > this.depth;
    if (this.requested === 'stepIn' || !inside) return { reason: 'step', loc: process.location() };
    this.mode = 'stepOut';
    this.returning = true;
    return undefined;
  }

  /** After a completed step: while returning to the step's frame, a step out is not the end yet. */
  stepped(process: Process, stop: StopInfo): StopInfo | undefined {
    if (!this.returning) return stop;
    const depth = process.stackFrames().length;
    if (this.requested === 'stepOut' ? depth >= this.depth : depth > this.depth) return undefined;
    this.returning = false;
    if (this.requested === 'stepOut') return stop;
    this.mode = 'stepOver';
    return undefined;
  }
}
