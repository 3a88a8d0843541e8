// Expression lowering. `value(e)` returns a closure computing e; when e contains calls, the
// calls are emitted first as their own instructions (A-normal form) into the function being
// lowered and the closure reads their results from frame slots.

import type { BinaryOp, CType, Expr, FuncSymbol, RecordField, VarSymbol } from '../c/ast';
import type { AddressSpaceApi } from '../vm/api';
import { CallSite, Ev, Frame, Instr, Op } from './code';
import { assignAt, loadAt, storeAt } from './access';
import { converter, loader, storer, truthOf } from './convert';
import { is64, sizeOf } from './ctypes';
import { I64, S64, U64, low32, toNum } from './int64';

/** Where things live, known before lowering starts. */
export interface Linker {
  readonly mem: AddressSpaceApi;
  globalAddress(symbol: VarSymbol): number;
  functionAddress(symbol: FuncSymbol): number;
  stringAddress(bytes: Uint8Array): number;
}

/** Where a local variable lives in its frame. */
export type LocalHome = { readonly slot: number } | { readonly offset: number } | { readonly vlaSlot: number };

export interface LValue {
  readonly load: Ev;
  readonly store: (f: Frame, v: unknown) => void;
  /** Address of the object, when it is in memory. */
  readonly addr: Ev | undefined;
}

const hasCallCache = new WeakMap<object, boolean>();
/** Closures that return a constant, so operators can fold the operand in. */
const constants = new WeakMap<Ev, unknown>();
function constant(v: unknown): Ev { const fn: Ev = () => v; constants.set(fn, v); return fn; }
/** Closures that read a JS slot: slots[k]. */
const slotReads = new WeakMap<Ev, number>();
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function hasCall(e: Expr): boolean {
  const cached = hasCallCache.get(e);
  if (cached !== undefined) return cached;
  let r: boolean;
  switch (e.kind) {
    case 'call': r = !isInlineBuiltin(e); if (!r) r = e.args.some(hasCall); break;
    case 'int': case 'float': case 'string': case 'ident': case 'sizeofVla': r = false; break;
    case 'unary': case 'cast': case 'decay': case 'addressOf': case 'deref': r = hasCall(e.operand); break;
    case 'binary': r = hasCall(e.left) || hasCall(e.right); break;
    case 'assign': case 'compoundAssign': r = hasCall(e.target) || hasCall(e.value); break;
    case 'incdec': r = hasCall(e.target); break;
    case 'conditional': r = hasCall(e.test) || hasCall(e.then) || hasCall(e.otherwise); break;
    case 'comma': r = hasCall(e.left) || hasCall(e.right); break;
    case 'index': r = hasCall(e.base) || hasCall(e.index); break;
    case 'member': r = hasCall(e.object); break;
    case 'compoundLiteral': r = e.init.kind === 'expr' ? hasCall(e.init.expr) : e.init.items.some((i) => hasCall(i.expr)); break;
    case 'vaArg': r = hasCall(e.list); break;
  }
  hasCallCache.set(e, r);
  return r;
}

const INLINE_BUILTINS = new Set(['__builtin_va_start', '__builtin_va_end', '__builtin_expect']);

function directCallee(e: Expr & { kind: 'call' }): FuncSymbol | undefined {
  let c = e.callee;
  while (c.kind === 'decay' || (c.kind === 'cast' && c.implicit)) c = c.operand;
  if (c.kind === 'ident' && c.symbol.kind === 'func') return c.symbol;
  if (c.kind === 'addressOf' && c.operand.kind === 'ident' && c.operand.symbol.kind === 'func') return c.operand.symbol;
  return undefined;
}

function isInlineBuiltin(e: Expr & { kind: 'call' }): boolean {
  const s = directCallee(e);
  return s !== undefined && s.builtin && INLINE_BUILTINS.has(s.name);
}

/** The part of function lowering expressions need: emitting instructions and allocating temporaries. */
export interface Emitter {
  emit(i: Partial<Instr> & { op: Op; loc: Instr['loc'] }): number;
  here(): number;
  patch(at: number, target: number): void;
  newSlot(): number;
  /** Reserve bytes in the frame's fixed area; returns the offset from fp. */
  reserve(size: number, align: number): number;
  home(symbol: VarSymbol): LocalHome | undefined;
}

export class ExprLowerer {
  constructor(private readonly link: Linker, private readonly out: Emitter) {}

  private get mem(): AddressSpaceApi { return this.link.mem; }

  /** Evaluate for effect only. */
  effect(e: Expr): Ev {
    return this.value(e);
  }

  /** C truth of a scalar expression as a JS boolean. */
  test(e: Expr): Ev {
    // Fold comparisons straight to booleans instead of 0/1 then truth. 64-bit operands may mix
    // numbers and bigints, which `<` and `==` compare exactly; the other fast types are always
    // numbers, for which `==` is `===`.
    if (e.kind === 'binary' && !hasCall(e) && isRelational(e.op) && (is64(e.left.type) || isFastCompare(e.left.type))) {
      const folded = relationalTest(e.op, this.value(e.left), this.value(e.right));
      if (folded !== undefined) return folded;
    }
    if (e.kind === 'binary' && e.op === '&' && !hasCall(e) && e.type.kind === 'int' && e.type.size <= 4) {
      const l = this.value(e.left); const r = this.value(e.right); const c = constants.get(r);
      if (typeof c === 'number') return (f) => (l(f) & c) !== 0;
      return (f) => (l(f) & r(f)) !== 0;
    }
    const truth = truthOf(e.type);
    const v = this.value(e);
    return (f) => truth(v(f));
  }

  value(e: Expr): Ev {
    switch (e.kind) {
      case 'int': {
        const v = is64(e.type) ? (e.value <= 9007199254740991n && e.value >= -9007199254740991n ? Number(e.value) : e.value)
          : e.type.kind === 'pointer' ? Number(BigInt.asUintN(64, e.value)) : Number(e.value);
        return constant(v);
      }
      case 'float': return constant(e.value);
      case 'string': { const a = this.link.stringAddress(e.bytes); return () => a; }
      case 'ident': return this.lvalue(e).load;
      case 'decay': {
        const o = e.operand;
        if (o.kind === 'ident' && o.symbol.kind === 'func') { const a = this.link.functionAddress(o.symbol); return () => a; }
        return this.address(o);
      }
      case 'addressOf': {
        const o = e.operand;
        if (o.kind === 'ident' && o.symbol.kind === 'func') { const a = this.link.functionAddress(o.symbol); return () => a; }
        return this.address(o);
      }
      case 'deref': case 'index': case 'member': case 'compoundLiteral': return this.lvalue(e).load;
      case 'cast': {
        const v = this.value(e.operand);
        const c = converter(e.operand.type, e.type);
        if (c === undefined) return v;
        return intCast(e.operand.type, e.type, v) ?? ((f) => c(v(f)));
      }
      case 'unary': return this.unary(e.op, e.operand, e.type);
      case 'binary': return this.binary(e);
      case 'assign': return this.assign(e);
      case 'compoundAssign': return this.compoundAssign(e);
      case 'incdec': return this.incdec(e);
      case 'conditional': return this.conditional(e);
      case 'comma': {
        if (hasCall(e.right)) {
          const l = this.value(e.left);
          this.out.emit({ op: Op.Eval, loc: e.left.loc, fn: l });
          return this.value(e.right);
        }
        const l = this.value(e.left); const r = this.value(e.right);
        return (f) => { l(f); return r(f); };
      }
      case 'call': return this.call(e);
      case 'vaArg': {
        const list = this.lvalue(e.list);
        const ld = loader(this.mem, e.type);
        const step = Math.max(8, (sizeOf(e.type) + 7) & ~7);
        return (f) => { const ap = list.load(f); const v = ld(ap); list.store(f, ap + step); return v; };
      }
      case 'sizeofVla': {
        const len = e.vlaType.vla !== undefined ? this.value(e.vlaType.vla) : () => e.vlaType.length ?? 0;
        const el = sizeOf(e.vlaType.of);
        return (f) => Number(len(f)) * el;
      }
    }
  }

  /** Address of an lvalue in memory. */
  address(e: Expr): Ev {
    const lv = this.lvalue(e);
    if (lv.addr === undefined) throw new Error(`internal: no address for ${e.kind}`);
    return lv.addr;
  }

  lvalue(e: Expr): LValue {
    const mem = this.mem;
    switch (e.kind) {
      case 'ident': {
        const s = e.symbol;
        if (s.kind === 'func') { const a = this.link.functionAddress(s); return memLV(mem, e.type, () => a); }
        const home = s.storage === 'local' || s.storage === 'param' ? this.out.home(s) : undefined;
        if (home === undefined) {
          const a = this.link.globalAddress(s);
          return constLV(mem, e.type, a);
        }
        if ('slot' in home) {
          const k = home.slot;
          const load: Ev = (f) => f.slots[k];
          slotReads.set(load, k);
          return { load, store: (f, v) => { f.slots[k] = v; }, addr: undefined };
        }
        if ('vlaSlot' in home) { const k = home.vlaSlot; return memLV(mem, e.type, (f) => f.slots[k]); }
        const off = home.offset;
        return frameLV(mem, e.type, off);
      }
      case 'deref': {
        const p = this.value(e.operand);
        return memLV(mem, e.type, p);
      }
      case 'index': {
        const b = this.value(e.base); const i = this.value(e.index); const sz = e.elementSize;
        const wide = is64(e.index.type);
        if (wide) return memLV(mem, e.type, (f) => b(f) + Number(i(f)) * sz);
        if (sz === 1) return memLV(mem, e.type, (f) => b(f) + i(f));
        return memLV(mem, e.type, (f) => b(f) + i(f) * sz);
      }
      case 'member': {
        const base = e.arrow ? this.value(e.object) : this.objectAddress(e.object);
        const off = e.field.offset;
        if (e.field.bitWidth !== undefined) return bitfieldLV(mem, e.field, (f) => base(f) + off);
        return memLV(mem, e.type, off === 0 ? base : (f) => base(f) + off);
      }
      case 'compoundLiteral': {
        const a = this.objectAddress(e);
        return memLV(mem, e.type, a);
      }
      case 'string': { const a = this.link.stringAddress(e.bytes); return memLV(mem, e.type, () => a); }
      case 'cast': return this.lvalue(e.operand); // casts of lvalues are accepted by some compilers as lvalues
      default: {
        // An rvalue used where an object is needed (e.g. member of a struct returned by a call).
        const v = this.value(e);
        return { load: v, store: () => { throw new Error('internal: store to rvalue'); }, addr: v };
      }
    }
  }

  /** Address of a record-typed expression (lvalue or rvalue: rvalue structs are addresses already). */
  private objectAddress(e: Expr): Ev {
    if (e.kind === 'compoundLiteral') {
      const home = this.out.home(e.storage);
      let a: Ev;
      if (home !== undefined && 'offset' in home) { const off = home.offset; a = (f) => f.fp + off; }
      else { const g = this.link.globalAddress(e.storage); a = () => g; }
      const init = this.initializer(e.type, e.init);
      return (f) => { const addr = a(f); init(f, addr); return addr; };
    }
    if (e.kind === 'ident' || e.kind === 'deref' || e.kind === 'index' || e.kind === 'member' || e.kind === 'string') {
      const lv = this.lvalue(e);
      if (lv.addr !== undefined) return lv.addr;
    }
    return this.value(e);
  }

  /** Initialise an object at an address: zero it, then store the listed items. */
  initializer(type: CType, init: import('../c/ast').Initializer): (f: Frame, address: number) => void {
    const mem = this.mem;
    const size = sizeOf(type);
    if (init.kind === 'expr') {
      const ex = init.expr;
      if (type.kind === 'array' && ex.kind === 'string') {
        const bytes = ex.bytes;
        return (_f, a) => { mem.fill(a, 0, size); mem.writeBytes(a, bytes.subarray(0, Math.min(bytes.length, size))); };
      }
      const v = this.value(ex); const st = storer(mem, type);
      return (f, a) => st(a, v(f));
    }
    const items = init.items.map((item) => {
      if (item.stringBytes !== undefined) {
        const n = Math.min(item.stringBytes.length, sizeOf(item.type) || item.stringBytes.length);
        const bytes = item.stringBytes.subarray(0, n); const off = item.offset;
        return (_f: Frame, a: number) => mem.writeBytes(a + off, bytes);
      }
      const v = this.value(item.expr); const off = item.offset;
      if (item.bitField !== undefined) {
        const bf = item.bitField;
        return (f: Frame, a: number) => bitfieldLV(mem, bf, () => a + off).store(f, v(f));
      }
      const st = storer(mem, item.type);
      return (f: Frame, a: number) => st(a + off, v(f));
    });
    return (f, a) => {
      mem.fill(a, 0, size);
      for (let i = 0; i < items.length; i++) items[i](f, a);
    };
  }

  private unary(op: string, operand: Expr, type: CType): Ev {
    const v = this.value(operand);
    if (op === '+') return v;
    if (op === '!') { const t = truthOf(operand.type); return (f) => (t(v(f)) ? 0 : 1); }
    if (type.kind === 'float') return op === '-' ? (f) => -v(f) : v;
    if (type.kind !== 'int') throw new Error(`internal: unary ${op} on ${type.kind}`);
    if (type.size === 8) { const o = type.signed ? S64 : U64; return op === '-' ? (f) => o.neg(v(f)) : (f) => o.not(v(f)); }
    if (type.signed) return op === '-' ? (f) => -v(f) | 0 : (f) => ~v(f);
    return op === '-' ? (f) => (-v(f)) >>> 0 : (f) => ~v(f) >>> 0;
  }

  private binary(e: Expr & { kind: 'binary' }): Ev {
    if (e.op === '&&' || e.op === '||') return this.logical(e);
    const l = this.value(e.left); const r = this.value(e.right);
    if (e.op === 'ptr+int' || e.op === 'ptr-int') {
      const sz = e.elementSize ?? 1; const sign = e.op === 'ptr+int' ? 1 : -1; const k = sz * sign;
      // `int + ptr` is written with the pointer on either side.
      const ptrLeft = e.left.type.kind === 'pointer';
      const p = ptrLeft ? l : r; const i = ptrLeft ? r : l;
      const iType = ptrLeft ? e.right.type : e.left.type;
      if (is64(iType)) return (f) => p(f) + Number(i(f)) * k;
      return k === 1 ? (f) => p(f) + i(f) : (f) => p(f) + i(f) * k;
    }
    if (e.op === 'ptr-ptr') { const sz = e.elementSize ?? 1; return (f) => Math.trunc((l(f) - r(f)) / sz); }
    return arith(e.op, e.left.type, e.type, l, r);
  }

  private logical(e: Expr & { kind: 'binary' }): Ev {
    const isAnd = e.op === '&&';
    if (!hasCall(e.right)) {
      const l = this.test(e.left); const r = this.test(e.right);
      return isAnd ? (f) => (l(f) && r(f) ? 1 : 0) : (f) => (l(f) || r(f) ? 1 : 0);
    }
    // Short-circuit around the hoisted calls of the right operand.
    const slot = this.out.newSlot();
    const l = this.test(e.left);
    this.out.emit({ op: Op.Eval, loc: e.loc, fn: (f) => { f.slots[slot] = l(f) ? 1 : 0; } });
    const skip = this.out.emit({ op: Op.BranchFalse, loc: e.loc, fn: isAnd ? (f) => f.slots[slot] === 1 : (f) => f.slots[slot] === 0 });
    const r = this.test(e.right);
    this.out.emit({ op: Op.Eval, loc: e.loc, fn: (f) => { f.slots[slot] = r(f) ? 1 : 0; } });
    this.out.patch(skip, this.out.here());
    return (f) => f.slots[slot];
  }

  private conditional(e: Expr & { kind: 'conditional' }): Ev {
    if (!hasCall(e.then) && !hasCall(e.otherwise)) {
      const t = this.test(e.test); const a = this.value(e.then); const b = this.value(e.otherwise);
      return (f) => (t(f) ? a(f) : b(f));
    }
    const slot = this.out.newSlot();
    const t = this.test(e.test);
    const br = this.out.emit({ op: Op.BranchFalse, loc: e.loc, fn: t });
    const a = this.value(e.then);
    this.out.emit({ op: Op.Eval, loc: e.loc, fn: (f) => { f.slots[slot] = a(f); } });
    const jmp = this.out.emit({ op: Op.Jump, loc: e.loc });
    this.out.patch(br, this.out.here());
    const b = this.value(e.otherwise);
    this.out.emit({ op: Op.Eval, loc: e.loc, fn: (f) => { f.slots[slot] = b(f); } });
    this.out.patch(jmp, this.out.here());
    return (f) => f.slots[slot];
  }

  private assign(e: Expr & { kind: 'assign' }): Ev {
    const v = this.value(e.value);
    const lv = this.lvalue(e.target);
    const st = lv.store;
    const k = slotReads.get(lv.load);
    if (k !== undefined) return (f) => (f.slots[k] = v(f));
    if (e.type.kind === 'struct' || e.type.kind === 'union') {
      const a = lv.addr!; const size = sizeOf(e.type); const mem = this.mem;
      return (f) => { const src = v(f); const dst = a(f); if (src !== dst) mem.copy(dst, src, size); return dst; };
    }
    if (lv.addr !== undefined) return assignAt(this.mem, e.type, lv.addr, v);
    return (f) => { const x = v(f); st(f, x); return x; };
  }

  private compoundAssign(e: Expr & { kind: 'compoundAssign' }): Ev {
    const lv = this.lvalue(e.target);
    const r = this.value(e.value);
    const tt = e.target.type;
    let op: (a: unknown, b: unknown) => unknown;
    if (e.op === 'ptr+int' || e.op === 'ptr-int') {
      const k = (e.elementSize ?? 1) * (e.op === 'ptr+int' ? 1 : -1);
      const wide = is64(e.value.type);
      op = wide ? (a, b) => (a as number) + Number(b) * k : (a, b) => (a as number) + (b as number) * k;
    } else {
      const toC = converter(tt, e.computeType); const fromC = converter(e.computeType, tt);
      const rC = converter(e.value.type, e.computeType);
      const fn2 = arith2(e.op, e.computeType);
      if (toC === undefined && fromC === undefined && rC === undefined) {
        const k = slotReads.get(lv.load);
        if (k !== undefined) return slotCompound(k, e.op, tt, r, fn2);
        if (lv.addr !== undefined) {
          const direct = memCompound(this.mem, lv.addr, e.op, tt, r);
          if (direct !== undefined) return direct;
        }
      }
      if (toC === undefined && fromC === undefined && rC === undefined) op = fn2;
      else op = (a, b) => {
        const x = toC ? toC(a) : a; const y = rC ? rC(b) : b;
        const z = fn2(x, y);
        return fromC ? fromC(z) : z;
      };
    }
    if (lv.addr !== undefined) {
      const a = lv.addr; const ld = loader(this.mem, tt); const w = storer(this.mem, tt);
      return (f) => { const addr = a(f); const y = r(f); const z = op(ld(addr), y); w(addr, z); return z; };
    }
    return (f) => { const y = r(f); const z = op(lv.load(f), y); lv.store(f, z); return z; };
  }

  private incdec(e: Expr & { kind: 'incdec' }): Ev {
    const lv = this.lvalue(e.target);
    const t = e.target.type;
    const d = e.increment ? e.delta : -e.delta;
    let step: (v: any) => any;
    if (t.kind === 'pointer' || t.kind === 'float') step = t.kind === 'float' && t.size === 4 ? (v) => Math.fround(v + d) : (v) => v + d;
    else if (t.kind === 'int') {
      if (t.size === 8) {
        const o = t.signed ? S64 : U64;
        step = (v) => (typeof v === 'number' && v < MAX_SAFE - 1 && v > 1 - MAX_SAFE && (t.signed || v + d >= 0) ? v + d : o.add(v, d));
      }
      else { const c = converter({ kind: 'int', name: 'long', size: 8, signed: true }, t)!; step = t.name === 'int' ? (v) => (v + d) | 0 : (v) => c(v + d); }
    } else throw new Error('internal: incdec on ' + t.kind);
    const prefix = e.prefix;
    if (lv.addr !== undefined && t.kind === 'int' && (t.name === 'int' || t.size === 8)) {
      // `p->count++` on an int or a long: the address space's own reader and writer, step inline.
      const a = lv.addr; const mem = this.mem;
      if (t.name === 'int') {
        return prefix ? (f) => { const addr = a(f); const n = (mem.readI32(addr) + d) | 0; mem.writeU32(addr, n >>> 0); return n; }
          : (f) => { const addr = a(f); const o = mem.readI32(addr); mem.writeU32(addr, ((o + d) | 0) >>> 0); return o; };
      }
      const signed = t.signed; const o64 = signed ? S64 : U64;
      const lo = signed ? 1 - MAX_SAFE : -d; const hi = MAX_SAFE - 1;
      return (f) => {
        const addr = a(f);
        const o = signed ? mem.readI64(addr) : mem.readU64(addr);
        const n = typeof o === 'number' && o < hi && o > lo ? o + d : o64.add(o, d);
        mem.writeU64(addr, n);
        return prefix ? n : o;
      };
    }
    if (lv.addr !== undefined) {
      const a = lv.addr; const ld = loader(this.mem, t); const w = storer(this.mem, t);
      return prefix ? (f) => { const addr = a(f); const n = step(ld(addr)); w(addr, n); return n; }
        : (f) => { const addr = a(f); const o = ld(addr); w(addr, step(o)); return o; };
    }
    const ld = lv.load; const st = lv.store;
    const k = slotReads.get(ld);
    if (k !== undefined && t.kind === 'int' && t.name === 'int') {
      return prefix ? (f) => (f.slots[k] = ((f.slots[k] as number) + d) | 0) : (f) => { const o = f.slots[k] as number; f.slots[k] = (o + d) | 0; return o; };
    }
    if (k !== undefined && t.kind === 'int' && t.size === 8) {
      // The safe-integer fast path inline: `i++` on a long is the commonest loop update.
      const o64 = t.signed ? S64 : U64;
      const lo = t.signed ? 1 - MAX_SAFE : -d;
      const hi = MAX_SAFE - 1;
      return prefix
        ? (f) => { const o = f.slots[k] as I64; return (f.slots[k] = typeof o === 'number' && o < hi && o > lo ? o + d : o64.add(o, d)); }
        : (f) => { const o = f.slots[k] as I64; f.slots[k] = typeof o === 'number' && o < hi && o > lo ? o + d : o64.add(o, d); return o; };
    }
    if (k !== undefined) {
      return prefix ? (f) => (f.slots[k] = step(f.slots[k])) : (f) => { const o = f.slots[k]; f.slots[k] = step(o); return o; };
    }
    if (!prefix && t.kind === 'int' && t.name === 'int') {
      return (f) => { const o = ld(f); st(f, (o + d) | 0); return o; };
    }
    return prefix ? (f) => { const n = step(ld(f)); st(f, n); return n; }
      : (f) => { const o = ld(f); st(f, step(o)); return o; };
  }

  /** A call (or an inline builtin): emits a Call instruction and returns a reader of its result. */
  private call(e: Expr & { kind: 'call' }): Ev {
    const direct = directCallee(e);
    if (direct !== undefined && direct.builtin && INLINE_BUILTINS.has(direct.name)) return this.inlineBuiltin(direct.name, e);
    const callee = direct === undefined ? this.value(e.callee) : undefined;
    const args = e.args.map((a) => this.value(a));
    const returnsValue = e.type.kind !== 'void';
    const isRecord = e.type.kind === 'struct' || e.type.kind === 'union';
    const dest = returnsValue ? this.out.newSlot() : -1;
    const structTemp = isRecord ? this.out.reserve(sizeOf(e.type), 16) : -1;
    const site: CallSite = {
      direct: direct !== undefined ? this.link.functionAddress(direct) : undefined,
      args, argTypes: e.args.map((a) => a.type), returnType: e.type, dest, structTemp,
      name: direct?.name, resolved: undefined,
    };
    this.out.emit({ op: Op.Call, loc: e.loc, fn: callee, call: site });
    return dest >= 0 ? (f) => f.slots[dest] : () => undefined;
  }

  private inlineBuiltin(name: string, e: Expr & { kind: 'call' }): Ev {
    const args = e.args.map((a) => this.value(a));
    const mem = this.mem;
    switch (name) {
      case '__builtin_va_start': return (f) => { mem.writeU64(args[0](f), f.varargs); };
      case '__builtin_va_end': return (f) => { args[0](f); };
      default: return args.length > 0 ? args[0] : () => 0;
    }
  }
}

function constLV(mem: AddressSpaceApi, t: CType, a: number): LValue {
  const ld = loader(mem, t); const st = storer(mem, t);
  return { load: () => ld(a), store: (_f, v) => st(a, v), addr: () => a };
}

function frameLV(mem: AddressSpaceApi, t: CType, off: number): LValue {
  if (t.kind === 'int' && t.name === 'int') {
    return { load: (f) => mem.readI32(f.fp + off), store: (f, v) => mem.writeU32(f.fp + off, (v as number) >>> 0), addr: (f) => f.fp + off };
  }
  return memLV(mem, t, (f) => f.fp + off);
}

function memLV(mem: AddressSpaceApi, t: CType, a: Ev): LValue {
  return { load: loadAt(mem, t, a), store: storeAt(mem, t, a), addr: a };
}

function bitfieldLV(mem: AddressSpaceApi, field: RecordField, a: Ev): LValue {
  const t = field.type;
  const unit = t.kind === 'int' ? t.size : 4;
  const bitOff = field.bitOffset ?? 0; const width = field.bitWidth ?? 32;
  const signed = t.kind === 'int' && t.signed && t.name !== 'bool';
  const rd = (addr: number): number => unit === 1 ? mem.readU8(addr) : unit === 2 ? mem.readU16(addr) : unit === 4 ? mem.readU32(addr) : Number(BigInt.asUintN(32, BigInt(mem.readU64(addr))));
  const wr = (addr: number, v: number): void => { if (unit === 1) mem.writeU8(addr, v & 0xff); else if (unit === 2) mem.writeU16(addr, v & 0xffff); else mem.writeU32(addr, v >>> 0); };
  const mask = width >= 32 ? 0xffffffff : (2 ** width - 1);
  return {
    load: (f) => {
      const raw = Math.floor(rd(a(f)) / 2 ** bitOff) % 2 ** width;
      return signed && raw >= 2 ** (width - 1) ? raw - 2 ** width : raw;
    },
    store: (f, v) => {
      const addr = a(f); const old = rd(addr);
      const val = (Number(v) & mask) >>> 0;
      const cleared = old - (Math.floor(old / 2 ** bitOff) % 2 ** width) * 2 ** bitOff;
      wr(addr, cleared + val * 2 ** bitOff);
    },
    addr: undefined,
  };
}

type Fn2 = (a: any, b: any) => any;

/**
 * A cast from an integer type to one of 32 bits or fewer, as one closure with the conversion
 * inline: `(char)(i & 0x7f)`, `(unsigned int)i` on a long. The same operations as convert.ts's
 * toInt; a 64-bit operand that is a bigint takes low32 (a number's own `| 0` is already modulo 2^32).
 */
function intCast(from: CType, to: CType, v: Ev): Ev | undefined {
  if (from.kind !== 'int' || to.kind !== 'int') return undefined;
  if (from.size <= 4) {
    switch (to.name) {
      case 'char': case 'schar': return (f) => (v(f) << 24) >> 24;
      case 'uchar': return (f) => v(f) & 0xff;
      case 'int': return (f) => v(f) | 0;
      case 'uint': return (f) => v(f) >>> 0;
      default: return undefined;
    }
  }
  switch (to.name) {
    case 'char': case 'schar': return (f) => { const x = v(f); return ((typeof x === 'number' ? x : low32(x)) << 24) >> 24; };
    case 'uchar': return (f) => { const x = v(f); return (typeof x === 'number' ? x : low32(x)) & 0xff; };
    case 'int': return (f) => { const x = v(f); return typeof x === 'number' ? x | 0 : low32(x); };
    case 'uint': return (f) => { const x = v(f); return (typeof x === 'number' ? x : low32(x)) >>> 0; };
    default: return undefined;
  }
}

/**
 * `x op= y` on a slot whose type needs no conversion. The common 64-bit + and - run their
 * safe-integer fast path inline instead of through the generic operation.
 */
function slotCompound(k: number, op: BinaryOp, t: CType, r: Ev, fn2: Fn2): Ev {
  if (t.kind === 'int' && t.size === 8 && t.signed && (op === '+' || op === '-')) {
    if (op === '+') {
      return (f) => {
        const y = r(f); const x = f.slots[k] as I64;
        if (typeof x === 'number' && typeof y === 'number') { const z = x + y; if (z <= MAX_SAFE && z >= -MAX_SAFE) return (f.slots[k] = z); }
        return (f.slots[k] = S64.add(x, y));
      };
    }
    return (f) => {
      const y = r(f); const x = f.slots[k] as I64;
      if (typeof x === 'number' && typeof y === 'number') { const z = x - y; if (z <= MAX_SAFE && z >= -MAX_SAFE) return (f.slots[k] = z); }
      return (f.slots[k] = S64.sub(x, y));
    };
  }
  return (f) => { const y = r(f); return (f.slots[k] = fn2(f.slots[k], y)); };
}

/**
 * `*p op= y` on a 32-bit int in memory, through the address space's own readers and writers:
 * one closure call (the address) instead of four (address, load, operation, store).
 */
function memCompound(mem: AddressSpaceApi, a: Ev, op: BinaryOp, t: CType, r: Ev): Ev | undefined {
  if (t.kind !== 'int' || t.size !== 4) return undefined;
  if (t.signed) {
    switch (op) {
      case '+': return (f) => { const addr = a(f); const y = r(f); const z = (mem.readI32(addr) + y) | 0; mem.writeU32(addr, z >>> 0); return z; };
      case '-': return (f) => { const addr = a(f); const y = r(f); const z = (mem.readI32(addr) - y) | 0; mem.writeU32(addr, z >>> 0); return z; };
      default: return undefined;
    }
  }
  switch (op) {
    case '+': return (f) => { const addr = a(f); const y = r(f); const z = (mem.readU32(addr) + y) >>> 0; mem.writeU32(addr, z); return z; };
    case '-': return (f) => { const addr = a(f); const y = r(f); const z = (mem.readU32(addr) - y) >>> 0; mem.writeU32(addr, z); return z; };
    default: return undefined;
  }
}

/** The operation on plain values of `type` (operands already converted to it). */
export function arith2(op: BinaryOp, type: CType): Fn2 {
  if (type.kind === 'float') {
    const fr = type.size === 4;
    switch (op) {
      case '+': return fr ? (a, b) => Math.fround(a + b) : (a, b) => a + b;
      case '-': return fr ? (a, b) => Math.fround(a - b) : (a, b) => a - b;
      case '*': return fr ? (a, b) => Math.fround(a * b) : (a, b) => a * b;
      case '/': return fr ? (a, b) => Math.fround(a / b) : (a, b) => a / b;
      default: return compare(op);
    }
  }
  if (type.kind === 'pointer') return compare(op);
  if (type.kind !== 'int') throw new Error(`internal: arithmetic on ${type.kind}`);
  if (type.size === 8) {
    const o = type.signed ? S64 : U64;
    switch (op) {
      case '+': return o.add; case '-': return o.sub; case '*': return o.mul; case '/': return o.div; case '%': return o.rem;
      case '&': return o.and; case '|': return o.or; case '^': return o.xor; case '<<': return o.shl; case '>>': return o.shr;
      case '==': return (a, b) => (a == b ? 1 : 0);
      case '!=': return (a, b) => (a != b ? 1 : 0);
      default: return compare(op);
    }
  }
  if (type.signed) {
    switch (op) {
      case '+': return (a, b) => (a + b) | 0;
      case '-': return (a, b) => (a - b) | 0;
      case '*': return Math.imul;
      case '/': return (a, b) => (b === 0 ? 0 : (a / b) | 0);
      case '%': return (a, b) => (b === 0 ? a : (a % b) | 0);
      case '&': return (a, b) => a & b;
      case '|': return (a, b) => a | b;
      case '^': return (a, b) => a ^ b;
      case '<<': return (a, b) => a << toNum(b);
      case '>>': return (a, b) => a >> toNum(b);
      default: return compare(op);
    }
  }
  switch (op) {
    case '+': return (a, b) => (a + b) >>> 0;
    case '-': return (a, b) => (a - b) >>> 0;
    case '*': return (a, b) => Math.imul(a, b) >>> 0;
    case '/': return (a, b) => (b === 0 ? 0 : (a / b) >>> 0);
    case '%': return (a, b) => (b === 0 ? a : a % b);
    case '&': return (a, b) => (a & b) >>> 0;
    case '|': return (a, b) => (a | b) >>> 0;
    case '^': return (a, b) => (a ^ b) >>> 0;
    case '<<': return (a, b) => (a << toNum(b)) >>> 0;
    case '>>': return (a, b) => a >>> toNum(b);
    default: return compare(op);
  }
}

function isRelational(op: BinaryOp): boolean {
  return op === '<' || op === '<=' || op === '>' || op === '>=' || op === '==' || op === '!=';
}

/** Operand types whose values are always JS numbers (so === and < are C's comparisons). */
/** `l op r` as a JS boolean, with the right operand inlined when it is a numeric constant. */
function relationalTest(op: BinaryOp, l: Ev, r: Ev): Ev | undefined {
  const c = constants.get(r);
  if (typeof c === 'number') {
    switch (op) {
      case '<': return (f) => l(f) < c;
      case '<=': return (f) => l(f) <= c;
      case '>': return (f) => l(f) > c;
      case '>=': return (f) => l(f) >= c;
      case '==': return (f) => l(f) == c;
      case '!=': return (f) => l(f) != c;
      default: return undefined;
    }
  }
  switch (op) {
    case '<': return (f) => l(f) < r(f);
    case '<=': return (f) => l(f) <= r(f);
    case '>': return (f) => l(f) > r(f);
    case '>=': return (f) => l(f) >= r(f);
    case '==': return (f) => l(f) == r(f);
    case '!=': return (f) => l(f) != r(f);
    default: return undefined;
  }
}

function isFastCompare(t: CType): boolean {
  return (t.kind === 'int' && t.size <= 4) || t.kind === 'pointer' || t.kind === 'float';
}

function compare(op: BinaryOp): Fn2 {
  switch (op) {
    case '<': return (a, b) => (a < b ? 1 : 0);
    case '>': return (a, b) => (a > b ? 1 : 0);
    case '<=': return (a, b) => (a <= b ? 1 : 0);
    case '>=': return (a, b) => (a >= b ? 1 : 0);
    case '==': return (a, b) => (a == b ? 1 : 0);
    case '!=': return (a, b) => (a != b ? 1 : 0);
    default: throw new Error(`internal: operator ${op}`);
  }
}

/**
 * Specialised closures for the hottest int operations (no intermediate function call), and the
 * generic two-value form for the rest. `operandType` is the converted operand type.
 */
function arith(op: BinaryOp, operandType: CType, _result: CType, l: Ev, r: Ev): Ev {
  if (operandType.kind === 'int' && operandType.size === 8 && operandType.signed && (op === '+' || op === '-')) {
    const slow = op === '+' ? S64.add : S64.sub;
    if (op === '+') {
      return (f) => {
        const a = l(f); const b = r(f);
        if (typeof a === 'number' && typeof b === 'number') { const x = a + b; if (x <= MAX_SAFE && x >= -MAX_SAFE) return x; }
        return slow(a, b);
      };
    }
    return (f) => {
      const a = l(f); const b = r(f);
      if (typeof a === 'number' && typeof b === 'number') { const x = a - b; if (x <= MAX_SAFE && x >= -MAX_SAFE) return x; }
      return slow(a, b);
    };
  }
  if (operandType.kind === 'int' && operandType.size === 8 && !operandType.signed && (op === '+' || op === '-')) {
    // Canonical unsigned values that are numbers are non-negative safe integers.
    const slow = op === '+' ? U64.add : U64.sub;
    if (op === '+') {
      return (f) => {
        const a = l(f); const b = r(f);
        if (typeof a === 'number' && typeof b === 'number') { const x = a + b; if (x <= MAX_SAFE) return x; }
        return slow(a, b);
      };
    }
    return (f) => {
      const a = l(f); const b = r(f);
      if (typeof a === 'number' && typeof b === 'number' && a >= b) return a - b;
      return slow(a, b);
    };
  }
  if (operandType.kind === 'int' && operandType.size <= 4 && operandType.signed) {
    const c = constants.get(r);
    if (typeof c === 'number') {
      switch (op) {
        case '+': return (f) => (l(f) + c) | 0;
        case '-': return (f) => (l(f) - c) | 0;
        case '<': return (f) => (l(f) < c ? 1 : 0);
        case '==': return (f) => (l(f) === c ? 1 : 0);
        case '!=': return (f) => (l(f) !== c ? 1 : 0);
        default: break;
      }
    }
    switch (op) {
      case '+': return (f) => (l(f) + r(f)) | 0;
      case '-': return (f) => (l(f) - r(f)) | 0;
      case '*': return (f) => Math.imul(l(f), r(f));
      case '<': return (f) => (l(f) < r(f) ? 1 : 0);
      case '<=': return (f) => (l(f) <= r(f) ? 1 : 0);
      case '>': return (f) => (l(f) > r(f) ? 1 : 0);
      case '>=': return (f) => (l(f) >= r(f) ? 1 : 0);
      case '==': return (f) => (l(f) === r(f) ? 1 : 0);
      case '!=': return (f) => (l(f) !== r(f) ? 1 : 0);
      case '&': return (f) => l(f) & r(f);
      default: break;
    }
  }
  if (operandType.kind === 'int' && operandType.size === 4 && !operandType.signed) {
    const c = constants.get(r);
    if (typeof c === 'number') {
      switch (op) {
        case '+': return (f) => (l(f) + c) >>> 0;
        case '*': return (f) => Math.imul(l(f), c) >>> 0;
        case '&': return (f) => (l(f) & c) >>> 0;
        case '%': return c === 0 ? l : (f) => l(f) % c;
        case '>>': { const n = c & 31; return (f) => l(f) >>> n; }
        default: break;
      }
    }
    switch (op) {
      case '+': return (f) => (l(f) + r(f)) >>> 0;
      case '-': return (f) => (l(f) - r(f)) >>> 0;
      case '*': return (f) => Math.imul(l(f), r(f)) >>> 0;
      case '&': return (f) => (l(f) & r(f)) >>> 0;
      case '^': return (f) => (l(f) ^ r(f)) >>> 0;
      default: break;
    }
  }
  if (operandType.kind === 'pointer') {
    switch (op) {
      case '==': return (f) => (l(f) === r(f) ? 1 : 0);
      case '!=': return (f) => (l(f) !== r(f) ? 1 : 0);
      default: break;
    }
  }
  const fn = arith2(op, operandType);
  return (f) => fn(l(f), r(f));
}

