// The lowered form the interpreter runs: per function a flat instruction array. Expressions
// without calls are JS closures over the frame; every call is its own instruction.

import type { CType, FunctionDef, SourceLocation, VarSymbol } from '../c/ast';

/** A compiled expression: reads the frame, returns the C value (number, bigint, or an address for aggregates). */
export type Ev = (f: Frame) => any;

export const enum Op { Eval = 0, Jump = 1, BranchFalse = 2, Call = 3, Return = 4, Switch = 5, BranchTrue = 6 }

export interface Instr {
  op: Op;
  loc: SourceLocation;
  /** First instruction of a statement: a step, and a place breakpoints and steps stop. */
  stmt: boolean;
  /** A breakpoint is set here (kept in the instruction so the hot loop reads one field). */
  bp: boolean;
  /** Eval: the effect; BranchFalse: the test; Return: the value; Switch: the scrutinee; Call: the callee when indirect. */
  fn: Ev | undefined;
  target: number;
  call: CallSite | undefined;
  cases: Map<number | bigint, number> | undefined;
}

export interface CallSite {
  /** Resolved at lowering for direct calls. */
  readonly direct: number | undefined;
  readonly args: readonly Ev[];
  readonly argTypes: readonly CType[];
  readonly returnType: CType;
  /** Slot receiving the result, or -1. */
  readonly dest: number;
  /** For a struct-returning call: frame offset of the caller's temporary that receives the bytes. */
  readonly structTemp: number;
  readonly name: string | undefined;
  /** The machine's resolved callee for a direct call, filled on first use. */
  resolved: unknown;
}

export interface LocalInfo {
  readonly symbol: VarSymbol;
  /** JS slot index, or -1 when the local lives in the frame's stack memory. */
  readonly slot: number;
  /** Byte offset from the frame pointer (memory locals). */
  readonly offset: number;
  /** VLA: the slot holding its address. */
  readonly vlaSlot: number;
  /** Visible while declPc <= pc < endPc. */
  readonly declPc: number;
  endPc: number;
}

export interface FunctionCode {
  readonly name: string;
  readonly def: FunctionDef;
  readonly code: Instr[];
  readonly slotCount: number;
  /** slotCount zeros that every frame's slots are copied from (see zeroSlots). */
  readonly slotTemplate: readonly unknown[];
  /** Bytes of stack the frame reserves (locals in memory, struct temporaries), 16-aligned. */
  readonly frameSize: number;
  readonly params: readonly LocalInfo[];
  readonly locals: readonly LocalInfo[];
  readonly variadic: boolean;
  readonly address: number;
  /** Slot where `return e;` leaves its value for the epilogue. */
  readonly retSlot: number;
}

/** A library routine that calls back into C (qsort, exit): yields calls, receives their results. */
export interface CallRequest { readonly address: number; readonly args: readonly unknown[]; readonly argTypes: readonly CType[] }
export type NativeRun = Generator<CallRequest, unknown, unknown>;

export interface Frame {
  readonly code: FunctionCode | undefined;
  readonly instrs: readonly Instr[];
  pc: number;
  readonly slots: unknown[];
  /** Lowest address of the frame's fixed area. */
  fp: number;
  /** Current stack pointer (VLAs move it down). */
  sp: number;
  /** Stack pointer to restore on return. */
  readonly savedSp: number;
  readonly serial: number;
  /** Where the caller wants the result (slot index or -1). */
  readonly retSlot: number;
  /** Address receiving a struct result. */
  readonly retAddr: number;
  /** Address of the variadic argument area (va_start). */
  varargs: number;
  readonly native: NativeRun | undefined;
  readonly nativeName: string;
  readonly nativeLoc: SourceLocation | undefined;
  /**
   * The last interned C stack computed for this frame: at stackPc, with stackLib running above
   * it (stackPc -1: none yet). One entry suffices: a caller's position is fixed while its callee
   * runs, and an innermost frame that moves falls back to the machine's per-site table.
   */
  stackPc: number;
  stackLib: string | undefined;
  stackId: number;
}

/**
 * `n` zeros in an array with generic (tagged) element storage. Frames copy it, so every frame's
 * slots share one V8 elements kind whatever they come to hold (small ints, doubles, bigints):
 * the lowered closures' `f.slots[k]` then see one array shape, instead of arrays that started
 * as small-int and moved to double or generic storage per function.
 */
export function zeroSlots(n: number): unknown[] {
  const slots: unknown[] = [null]; // a non-number element fixes the generic kind for good
  slots.pop();
  for (let i = 0; i < n; i++) slots.push(0);
  return slots;
}
