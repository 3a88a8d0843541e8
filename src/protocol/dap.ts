// The Mallocscope-specific parts of the Debug Adapter Protocol: launch attributes, custom
// requests and custom events. Types and string constants only (no imports at run time), so the adapter (src/adapter), the
// extension (src/extension) and tests share one definition.

import type { HeapSnapshot, HistoryEntry, ZoneName } from './snapshot';

/** The debug type registered in package.json. */
export type MallocscopeDebugType = 'mallocscope';

/** `launch` request attributes (launch.json). */
export interface MallocscopeLaunchArguments {
  /** One C file or several, linked together. Relative paths resolve against `cwd`. */
  program: string | string[];
  /** argv[1..] of the simulated program. */
  args?: string[];
  /** Stop before the first statement of main. */
  stopOnEntry?: boolean;
  /** The launch environment: MallocNanoZone=0, MallocScribble=1, … */
  env?: Record<string, string>;
  /** 'apple-silicon-16g' (default), 'apple-silicon-64g', 'intel-16g'. */
  profile?: string;
  /** Bytes the program reads on stdin. */
  stdin?: string;
  /** A file whose contents the program reads on stdin (relative to `cwd`). */
  stdinFile?: string;
  /** Directory relative paths resolve against. */
  cwd?: string;
  /** Stop with an error after this many statements. */
  maxSteps?: number;
  /** stdout is a terminal (line-buffered, 4096-byte buffer malloc'd on first output). Default true. */
  stdoutIsTerminal?: boolean;
  /** Log the DAP traffic to the console (adapter debugging). */
  trace?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Custom requests

// Plain string constants rather than a const enum: bundlers that transpile file by file
// (ts-loader transpileOnly) cannot inline a const enum imported from another module.
export const MallocscopeRequest = {
  /** → HeapSnapshot */
  Snapshot: 'mallocscope/snapshot',
  /** {address} → HistoryResponseBody */
  History: 'mallocscope/history',
  /** {expression, frameId?} → PointerInfo */
  PointerInfo: 'mallocscope/pointerInfo',
} as const;

export type SnapshotResponseBody = HeapSnapshot;

export interface HistoryArguments {
  /** A number or a `0x…` string. */
  readonly address: number | string;
}

export interface HistoryResponseBody {
  readonly address: number;
  readonly entries: readonly HistoryEntry[];
}

export interface PointerInfoArguments {
  /** A C expression evaluated in the frame, usually the identifier under the mouse. */
  readonly expression: string;
  /** The DAP frame id; the innermost frame when absent. */
  readonly frameId?: number;
}

export interface SourcePoint {
  readonly file: string;
  readonly line: number;
  readonly step: number;
  readonly function: string;
}

export interface PointerInfo {
  /** The pointer's value. */
  readonly address: number;
  /** Start of the block containing `address` (equal to it unless it points inside). */
  readonly blockAddress: number;
  readonly zone: ZoneName;
  readonly blockSize: number;
  readonly requested: number;
  readonly allocated: SourcePoint | undefined;
  readonly freed?: SourcePoint;
  readonly live: boolean;
}

// ---------------------------------------------------------------------------------------------
// Custom events

export const MallocscopeEvent = {
  /** The compile diagnostics of a failed launch (also sent as an output event and error response). */
  Diagnostics: 'mallocscope/diagnostics',
} as const;

export interface DiagnosticItem {
  readonly severity: 'error' | 'warning' | 'note';
  readonly message: string;
  /** Path as given to the front end (absolute when the launch resolved it). */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** 1-based, exclusive; when known. */
  readonly endColumn?: number;
}

export interface DiagnosticsEventBody {
  readonly diagnostics: readonly DiagnosticItem[];
}
