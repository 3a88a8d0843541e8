// Time travel by deterministic replay. The engine gives the same addresses, output and events
// for the same launch, so the state at statement count N is recreated exactly by running a
// fresh process from the start until N statements have executed (the step limit does the
// stopping). No checkpoints: the cost grows with N, which is fine for teaching-sized programs.

import type { Process, StopInfo } from '../machine/api';

/** Statements per run() call while replaying. */
const REPLAY_BUDGET = 1_000_000;

/**
 * Runs `process` (fresh, never run) until exactly `target` statements have executed, passing
 * over breakpoints and error stops before it. Returns the stop at the target (or the exit, if
 * the program ends first). `maxSteps` is the launch's own limit, restored afterwards.
 */
export function replayTo(process: Process, target: number, maxSteps: number | undefined): StopInfo {
  process.setMaxSteps(target);
  let stop: StopInfo;
  try {
    for (;;) {
      stop = process.run('continue', REPLAY_BUDGET);
      if (stop.reason === 'step-limit' || stop.reason === 'exited') break;
    }
  } finally {
    process.setMaxSteps(maxSteps);
  }
  return stop.reason === 'step-limit' ? { reason: 'step', loc: process.location() } : stop;
}

/**
 * Statement counts at which `process` (fresh) stops at a breakpoint before `before` statements
 * have run, in order — the candidates for reverse-continue. `shows` passes over breakpoints
 * whose condition does not hold there.
 */
export function breakpointHitsBefore(process: Process, before: number, shows: (stop: StopInfo) => boolean = () => true): number[] {
  const hits: number[] = [];
  process.setMaxSteps(before);
  for (;;) {
    const stop = process.run('continue', REPLAY_BUDGET);
    if (stop.reason === 'breakpoint' && process.steps < before && shows(stop)) hits.push(process.steps);
    if (stop.reason === 'step-limit' || stop.reason === 'exited') break;
  }
  return hits;
}
