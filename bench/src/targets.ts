// The budgets of the design brief (§6) and whether a measured figure meets them. Timing lives
// here and in the report only: no test asserts it.

export const TARGETS = {
  /** Mallocscope time over valgrind memcheck time on the native program, per program. */
  maxRatioToValgrind: 1.0,
  /** History bytes per recorded allocator event. */
  maxBytesPerEvent: 32,
  /** Step back / go to step anywhere in a run of this many steps… */
  stepBackRunSteps: 10_000_000,
  /** …in at most this long. */
  maxStepBackMs: 100,
  /** next → stopped → stackTrace + scopes + variables. */
  maxRoundTripMs: 5,
} as const;

export type Verdict = 'MET' | 'NOT MET' | 'NOT MEASURED';

export interface TargetResult {
  readonly target: string;
  readonly verdict: Verdict;
  /** The figure, or why there is none. */
  readonly figure: string;
}

export function atMost(target: string, value: number | undefined, limit: number, figure: string, whyMissing: string): TargetResult {
  if (value === undefined) return { target, verdict: 'NOT MEASURED', figure: whyMissing };
  return { target, verdict: value <= limit ? 'MET' : 'NOT MET', figure };
}
