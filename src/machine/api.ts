// The debuggee as the adapter and the CLI drive it. Implemented by src/machine/process.ts
// (`createProcess`). Nothing here knows about DAP: positions are 1-based file/line/column as
// the C front end reports them, ids are the engine's own.

import type { Diagnostic, SourceFile, IncludeResolver, SourceLocation } from '../c/ast';
import type { AddressSpaceApi } from '../vm/api';
import type { MallocApi } from '../malloc/api';

export interface LaunchOptions {
  readonly sources: readonly SourceFile[];
  /** argv[1..]; argv[0] is `programName`. */
  readonly args: readonly string[];
  /** The launch environment: Malloc* variables configure the allocator; getenv() sees them all. */
  readonly env: Readonly<Record<string, string>>;
  /** Machine profile name; default 'apple-silicon-16g'. */
  readonly profile?: string;
  /** Bytes the program reads from stdin. */
  readonly stdin?: string;
  /** stdout is a terminal (line-buffered, 4096-byte buffer malloc'd on first use) — true in the debugger and the CLI by default. */
  readonly stdoutIsTerminal?: boolean;
  /** Shown in libmalloc messages and reports; default: the first source's base name without `.c`. */
  readonly programName?: string;
  /** Resolves `#include "local.h"`. */
  readonly includes?: IncludeResolver;
  /** Simulated process id (deterministic). Default 4242. */
  readonly pid?: number;
}

export type OutputStream = 'stdout' | 'stderr';

export type StopReason =
  | 'entry'        // before the first statement of main
  | 'step'         // a step request completed
  | 'breakpoint'
  | 'pause'
  | 'exception'    // a fault or libmalloc error: see `StopInfo.error`
  | 'exited'       // main returned or exit() was called
  | 'step-limit'   // maxSteps reached
  | 'budget';      // `run`'s statement budget ran out with no other reason: call run again

export interface ProgramError {
  readonly kind: 'double-free' | 'not-allocated' | 'realloc-not-allocated' | 'corruption' | 'out-of-memory'
    | 'heap-check' | 'segfault' | 'bus-error' | 'abort' | 'assert' | 'stack-overflow' | 'division-by-zero';
  /** The address involved, when there is one. */
  readonly address?: number;
  /** What the user reads, e.g. "trace(4242,0x1f3ac4c00) malloc: Double free of object 0x134600010". */
  readonly message: string;
  /** The signal the process dies with if it goes on: 6 SIGABRT, 11 SIGSEGV, 10 SIGBUS, 8 SIGFPE. */
  readonly signal?: number;
  readonly loc?: SourceLocation;
}

export interface StopInfo {
  readonly reason: StopReason;
  readonly loc?: SourceLocation;
  readonly error?: ProgramError;
  /** For 'exited': the exit status (128 + signal when killed by a signal). */
  readonly exitCode?: number;
  readonly signal?: number;
}

export type RunMode = 'continue' | 'stepIn' | 'stepOver' | 'stepOut';

export interface FrameInfo {
  /** 0 = innermost. */
  readonly index: number;
  readonly functionName: string;
  readonly loc: SourceLocation;
}

/** A value as the Variables view shows it; children are computed on demand. */
export interface ValueNode {
  readonly name: string;
  /** C type as written, e.g. "char *", "struct node *", "int[1000]". */
  readonly type: string;
  /** Display text, e.g. "42", "0x134600010 · tiny · 64 B", "\"hello\"", "{…}". */
  readonly value: string;
  /** Address of the object itself, when it has one (for memoryReference). */
  readonly address?: number;
  /** For pointers: the value pointed at (raw address). */
  readonly pointerValue?: number;
  /** Number of children (array elements, struct fields, 1 for a pointer to a complete type). */
  readonly childCount: number;
  children(): ValueNode[];
}

export interface Process {
  readonly memory: AddressSpaceApi;
  readonly malloc: MallocApi;
  /** The event log and stacks (src/trace). */
  readonly trace: import('../trace/api').TraceApi;
  readonly programName: string;
  readonly pid: number;
  readonly profileName: string;

  /** Statements executed so far. */
  readonly steps: number;
  /** True once the program has exited (or died); no more run() calls then. */
  readonly finished: boolean;
  /** Where execution will continue from (the next statement to run). */
  location(): SourceLocation | undefined;

  /** Replace the breakpoints of one file; returns, per requested line, the line actually used (nearest executable line at or after it) or undefined. */
  setBreakpoints(file: string, lines: readonly number[]): (number | undefined)[];
  /** Lines of `file` where a statement starts (for breakpointLocations and --stop-at). */
  executableLines(file: string): number[];

  /**
   * Run in `mode` for at most `budget` statements. Returns why it stopped; 'budget' means no
   * stop happened yet (the caller yields to its event loop, then calls run again with the same
   * mode, which continues the same step request). `maxSteps` caps the total.
   */
  run(mode: RunMode, budget: number): StopInfo;
  /** Ask a running `run` loop to stop at the next statement with reason 'pause'. */
  requestPause(): void;
  /** Set the total statement cap; reaching it stops with 'step-limit'. */
  setMaxSteps(maxSteps: number | undefined): void;

  stackFrames(): FrameInfo[];
  locals(frameIndex: number): ValueNode[];
  globals(): ValueNode[];
  /** Evaluate a simple C expression (identifiers, `*`, `&`, `->`, `.`, `[]`, casts later) in a frame; for hovers and watch. */
  evaluate(expression: string, frameIndex: number): ValueNode | { error: string };

  /**
   * Optional: pointer-sized values the program holds outside simulated memory (e.g. interpreter
   * slots for locals whose address is never taken). `leaks` treats them as roots, as Apple's leaks
   * treats thread registers; without it only the stack region and __DATA are scanned.
   */
  rootWords?(): Iterable<number>;

  /** Program output, as it is flushed by the simulated stdio (buffering is the program's own). */
  onOutput(listener: (stream: OutputStream, text: string) => void): void;
}

export interface CreateProcessResult {
  readonly process: Process | undefined;
  readonly diagnostics: readonly Diagnostic[];
}
