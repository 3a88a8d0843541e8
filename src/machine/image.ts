// Laying a linked Program out in the process image: functions at __TEXT addresses, string
// literals in the read-only cstring section, globals and the C library's own data in __DATA.

import type { Expr, FuncSymbol, Program, VarSymbol } from '../c/ast';
import { alignOf, sizeOf } from './ctypes';

/** sizeof(FILE) on macOS (struct __sFILE). */
export const FILE_SIZE = 152;
const SCRATCH_SIZE = 4096;
/** Bytes of code per source line of a function: only for plausible-looking function addresses. */
const TEXT_BYTES_PER_LINE = 16;
/** Where code starts inside __TEXT (after the Mach-O header and load commands). */
const TEXT_HEADER = 0x460;

export interface ImagePlan {
  readonly textBytes: number;
  readonly cstringBytes: number;
  readonly dataBytes: number;
  readonly strings: Map<string, { offset: number; bytes: Uint8Array }>;
  /** Offsets in __DATA by symbol id. */
  readonly data: Map<number, number>;
  /** Offsets in __TEXT by function symbol id. */
  readonly text: Map<number, number>;
  readonly functions: readonly FuncSymbol[];
  readonly externs: readonly VarSymbol[];
  readonly libcData: { files: number; stdinp: number; stdoutp: number; stderrp: number; errno: number; scratch: number; scratchSize: number };
}

export function stringKey(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

export function planImage(program: Program): ImagePlan {
  const strings = new Map<string, { offset: number; bytes: Uint8Array }>();
  let cstring = 0;
  const externs = new Map<number, VarSymbol>();
  const funcs = new Map<number, FuncSymbol>();
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node as object)) return;
    seen.add(node as object);
    if (node instanceof Uint8Array) return;
    if (Array.isArray(node)) { for (const n of node) visit(n); return; }
    const n = node as Record<string, unknown>;
    if (n.kind === 'string' && n.bytes instanceof Uint8Array) {
      const key = stringKey(n.bytes);
      if (!strings.has(key)) { strings.set(key, { offset: cstring, bytes: n.bytes }); cstring += n.bytes.length; }
    }
    if (n.kind === 'ident') {
      const s = (n as unknown as Expr & { kind: 'ident' }).symbol;
      if (s.kind === 'var' && s.storage === 'extern') externs.set(s.id, s);
      if (s.kind === 'func') funcs.set(s.id, s);
    }
    for (const key in n) {
      if (key === 'type' || key === 'symbol' || key === 'loc' || key === 'field' || key === 'label' || key === 'computeType' || key === 'storage') continue;
      visit(n[key]);
    }
  };
  for (const f of program.functions) visit(f.body);
  for (const g of program.globals) visit(g.init);

  const data = new Map<number, number>();
  let dataOff = 0;
  const place = (id: number, size: number, align: number): number => {
    dataOff = Math.ceil(dataOff / align) * align;
    data.set(id, dataOff);
    const at = dataOff; dataOff += Math.max(size, 1);
    return at;
  };
  const defined = new Map<string, VarSymbol>();
  for (const g of program.globals) { place(g.symbol.id, sizeOf(g.symbol.type), alignOf(g.symbol.type)); if (g.symbol.storage === 'global') defined.set(g.symbol.name, g.symbol); }
  const lib = { files: 0, stdinp: 0, stdoutp: 0, stderrp: 0, errno: 0, scratch: 0, scratchSize: SCRATCH_SIZE };
  dataOff = Math.ceil(dataOff / 16) * 16;
  lib.files = dataOff; dataOff += 3 * FILE_SIZE;
  lib.stdinp = place(-1, 8, 8); lib.stdoutp = place(-2, 8, 8); lib.stderrp = place(-3, 8, 8);
  lib.errno = place(-4, 4, 4);
  dataOff = Math.ceil(dataOff / 16) * 16; lib.scratch = dataOff; dataOff += SCRATCH_SIZE;
  const libVars: Record<string, number> = { __stdinp: lib.stdinp, __stdoutp: lib.stdoutp, __stderrp: lib.stderrp };
  for (const e of externs.values()) {
    const d = defined.get(e.name);
    if (d !== undefined) data.set(e.id, data.get(d.id)!);
    else if (libVars[e.name] !== undefined) data.set(e.id, libVars[e.name]);
    else place(e.id, sizeOf(e.type), alignOf(e.type));
  }

  for (const s of program.functionSymbols) funcs.set(s.id, s);
  for (const f of program.functions) funcs.set(f.symbol.id, f.symbol);
  const text = new Map<number, number>();
  let textOff = TEXT_HEADER;
  const ordered = [...funcs.values()].sort((a, b) => Number(a.builtin) - Number(b.builtin) || a.id - b.id);
  const byName = new Map<string, number>();
  for (const f of ordered) {
    const prior = byName.get(f.name);
    if (prior !== undefined && !f.isStatic) { text.set(f.id, prior); continue; }
    text.set(f.id, textOff);
    if (!f.isStatic) byName.set(f.name, textOff);
    const def = f.definition;
    const lines = def !== undefined ? Math.max(1, def.endLoc.line - def.loc.line + 1) : 2;
    textOff += Math.ceil((lines * TEXT_BYTES_PER_LINE) / 16) * 16;
  }
  return {
    textBytes: textOff, cstringBytes: Math.max(cstring, 1), dataBytes: dataOff, strings, data, text,
    functions: ordered, externs: [...externs.values()], libcData: lib,
  };
}
