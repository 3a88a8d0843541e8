// The event log: every allocator and VM event, compact, indexed by address, with interned C
// stacks. Written by src/malloc (through the machine's CallContext), read by reports, the
// adapter (hovers, history) and the panel.

import type { TraceKind, ZoneKind } from '../malloc/api';

export interface StackFrameRecord {
  readonly functionName: string;
  readonly file: string;
  readonly line: number;
}

export interface TraceEvent {
  /** Position in the log, 0-based. */
  readonly index: number;
  readonly kind: TraceKind;
  readonly address: number;
  /** Requested size (ALLOC/REALLOC), block size (FREE), mapping size (VM_*). */
  readonly size: number;
  /** Zone for malloc events; undefined for VM events. */
  readonly zone: ZoneKind | undefined;
  /** For REALLOC: the old address (the new one is `address`). */
  readonly previousAddress: number | undefined;
  /** Statement count when it happened. */
  readonly step: number;
  readonly stackId: number;
}

export interface TraceApi {
  readonly eventCount: number;
  event(index: number): TraceEvent;
  /** Every event whose block starts at `address` (or whose range contains it), oldest first. */
  historyOf(address: number): TraceEvent[];
  /** innermost frame first */
  stack(stackId: number): readonly StackFrameRecord[];
  /** Bytes the log occupies (for the ≤ 32 bytes/event budget). */
  readonly byteSize: number;
}
