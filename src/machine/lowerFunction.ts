// Statement lowering: one C function to a flat instruction array with jumps, its locals
// assigned to JS slots (scalars whose address is never taken) or to the frame's stack memory.

import type { Expr, FunctionDef, SourceLocation, Stmt, VarSymbol } from '../c/ast';
import { Ev, FunctionCode, Instr, LocalInfo, Op, zeroSlots } from './code';
import { alignOf, isScalar, sizeOf } from './ctypes';
import { norm } from './int64';
import { Emitter, ExprLowerer, hasCall, Linker, LocalHome } from './lowerExpr';

/** Thrown by a VLA declaration that would run the stack past its limit. */
export class StackExhausted extends Error {
  constructor(readonly address: number) { super('stack overflow'); }
}

export interface FunctionLinker extends Linker {
  readonly stackLimit: number;
}

export function lowerFunction(def: FunctionDef, link: FunctionLinker, address: number): FunctionCode {
  return new FunctionLowerer(def, link).lower(address);
}

interface SwitchContext { readonly caseTargets: Map<number, number>; defaultPc: number }

class FunctionLowerer implements Emitter {
  private readonly code: Instr[] = [];
  private slotCount = 0;
  private frameBytes = 0;
  private readonly homes = new Map<number, LocalHome>();
  private readonly infos: LocalInfo[] = [];
  private readonly params: LocalInfo[] = [];
  private pending: SourceLocation | undefined;
  private readonly breaks: number[][] = [];
  private readonly continues: number[][] = [];
  private readonly switches: SwitchContext[] = [];
  private readonly labels = new Map<string, number>();
  private readonly gotos: { at: number; name: string }[] = [];
  private readonly returns: number[] = [];
  private readonly scopes: LocalInfo[][] = [];
  private readonly retSlot: number;
  private readonly ex: ExprLowerer;

  constructor(private readonly def: FunctionDef, private readonly link: FunctionLinker) {
    const taken = addressTaken(def.body);
    for (const p of def.params) this.params.push(this.place(p, taken, 0));
    for (const l of def.locals) this.infos.push(this.place(l, taken, -1));
    this.retSlot = this.newSlot();
    this.ex = new ExprLowerer(link, this);
  }

  lower(address: number): FunctionCode {
    // The body's own scope stays open through the epilogue: locals are visible at the closing brace.
    this.scopes.push([]);
    for (const st of this.def.body.body) this.statement(st);
    const epilogue = this.here();
    const retSlot = this.retSlot;
    this.pending = this.def.endLoc;
    this.emit({ op: Op.Return, loc: this.def.endLoc, fn: (f) => f.slots[retSlot] });
    for (const r of this.returns) this.patch(r, epilogue);
    for (const g of this.gotos) {
      const t = this.labels.get(g.name);
      if (t !== undefined) this.patch(g.at, t);
    }
    for (const info of this.scopes.pop()!) info.endPc = this.code.length;
    for (const p of this.params) p.endPc = this.code.length;
    const t = this.def.symbol.type;
    return {
      name: this.def.symbol.name, def: this.def, code: this.code, slotCount: this.slotCount, slotTemplate: zeroSlots(this.slotCount),
      frameSize: (this.frameBytes + 15) & ~15, params: this.params, locals: this.infos,
      variadic: t.variadic, address, retSlot,
    };
  }

  private place(s: VarSymbol, taken: Set<number>, declPc: number): LocalInfo {
    let info: LocalInfo;
    if (s.type.kind === 'array' && s.type.vla !== undefined) {
      const k = this.newSlot();
      this.homes.set(s.id, { vlaSlot: k });
      info = { symbol: s, slot: -1, offset: 0, vlaSlot: k, declPc, endPc: 0 };
    } else if (isScalar(s.type) && !taken.has(s.id)) {
      const k = this.newSlot();
      this.homes.set(s.id, { slot: k });
      info = { symbol: s, slot: k, offset: 0, vlaSlot: -1, declPc, endPc: 0 };
    } else {
      const off = this.reserve(Math.max(1, sizeOf(s.type)), alignOf(s.type));
      this.homes.set(s.id, { offset: off });
      info = { symbol: s, slot: -1, offset: off, vlaSlot: -1, declPc, endPc: 0 };
    }
    return info;
  }

  // Emitter ----------------------------------------------------------------------------------

  emit(i: Partial<Instr> & { op: Op; loc: SourceLocation }): number {
    const stmt = this.pending !== undefined;
    const instr: Instr = {
      op: i.op, loc: stmt ? this.pending! : i.loc, stmt, bp: false, fn: i.fn, target: i.target ?? -1,
      call: i.call, cases: i.cases,
    };
    this.pending = undefined;
    this.code.push(instr);
    return this.code.length - 1;
  }
  here(): number { return this.code.length; }
  patch(at: number, target: number): void { this.code[at].target = target; }
  newSlot(): number { return this.slotCount++; }
  reserve(size: number, align: number): number {
    const off = (this.frameBytes + align - 1) & ~(align - 1);
    this.frameBytes = off + size;
    return off;
  }
  home(s: VarSymbol): LocalHome | undefined { return this.homes.get(s.id); }

  // Statements -------------------------------------------------------------------------------

  private startStatement(loc: SourceLocation): void { this.pending = loc; }

  private statement(s: Stmt): void {
    switch (s.kind) {
      case 'compound': {
        this.scopes.push([]);
        for (const b of s.body) this.statement(b);
        for (const info of this.scopes.pop()!) info.endPc = this.here();
        return;
      }
      case 'expr': this.startStatement(s.loc); this.exprStatement(s.expr); return;
      case 'declare': this.declare(s); return;
      case 'if': {
        this.startStatement(s.loc);
        const br = this.branchFalse(s.test);
        this.statement(s.then);
        if (s.otherwise === undefined) { this.patch(br, this.here()); return; }
        const j = this.emit({ op: Op.Jump, loc: s.loc });
        this.patch(br, this.here());
        this.statement(s.otherwise);
        this.patch(j, this.here());
        return;
      }
      case 'while': {
        if (!hasCall(s.test)) { this.rotatedLoop(undefined, s.test, s.body); return; }
        const top = this.here();
        this.startStatement(s.test.loc);
        const br = this.branchFalse(s.test);
        this.loopBody(s.body, top, (end) => {
          this.emit({ op: Op.Jump, loc: s.loc, target: top });
          this.patch(br, end());
        });
        return;
      }
      case 'doWhile': {
        const top = this.here();
        const brk: number[] = []; const cont: number[] = [];
        this.breaks.push(brk); this.continues.push(cont);
        this.statement(s.body);
        this.breaks.pop(); this.continues.pop();
        const testPc = this.here();
        this.startStatement(s.test.loc);
        const t = this.ex.test(s.test);
        this.emit({ op: Op.BranchFalse, loc: s.test.loc, fn: (f) => !t(f), target: top });
        for (const c of cont) this.patch(c, testPc);
        for (const b of brk) this.patch(b, this.here());
        return;
      }
      case 'for': {
        // `for (int i = …)` scopes i to the loop.
        this.scopes.push([]);
        this.forStatement(s);
        for (const info of this.scopes.pop()!) info.endPc = this.here();
        return;
      }
      case 'return': {
        this.startStatement(s.loc);
        if (s.value !== undefined) {
          const v = this.ex.value(s.value); const k = this.retSlot;
          this.emit({ op: Op.Eval, loc: s.loc, fn: (f) => { f.slots[k] = v(f); } });
        }
        this.returns.push(this.emit({ op: Op.Jump, loc: s.loc }));
        return;
      }
      case 'break': this.startStatement(s.loc); this.breaks[this.breaks.length - 1]?.push(this.emit({ op: Op.Jump, loc: s.loc })); return;
      case 'continue': this.startStatement(s.loc); this.continues[this.continues.length - 1]?.push(this.emit({ op: Op.Jump, loc: s.loc })); return;
      case 'switch': this.switchStatement(s); return;
      case 'case': {
        const sw = this.switches[this.switches.length - 1];
        if (sw !== undefined) sw.caseTargets.set(s.label.id, this.here());
        this.statement(s.body);
        return;
      }
      case 'default': {
        const sw = this.switches[this.switches.length - 1];
        if (sw !== undefined) sw.defaultPc = this.here();
        this.statement(s.body);
        return;
      }
      case 'label': this.labels.set(s.name, this.here()); this.statement(s.body); return;
      case 'goto': this.startStatement(s.loc); this.gotos.push({ at: this.emit({ op: Op.Jump, loc: s.loc }), name: s.name }); return;
      case 'empty': return;
    }
  }

  private forStatement(s: Stmt & { kind: 'for' }): void {
    if (s.init !== undefined) this.statement(s.init);
    if (s.test !== undefined && !hasCall(s.test)) { this.rotatedLoop(s.update, s.test, s.body); return; }
    const top = this.here();
    let br = -1;
    if (s.test !== undefined) { this.startStatement(s.test.loc); br = this.branchFalse(s.test); }
    const brk: number[] = []; const cont: number[] = [];
    this.breaks.push(brk); this.continues.push(cont);
    this.statement(s.body);
    this.breaks.pop(); this.continues.pop();
    const contPc = this.here();
    if (s.update !== undefined) { this.startStatement(s.update.loc); this.exprStatement(s.update); }
    this.emit({ op: Op.Jump, loc: s.loc, target: top });
    const end = this.here();
    if (br >= 0) this.patch(br, end);
    for (const c of cont) this.patch(c, contPc);
    for (const b of brk) this.patch(b, end);
  }

  /**
   * A loop whose test has no calls, rotated: the test runs once on entry and again at the
   * bottom as a branch back to the body, saving a jump per iteration. Both copies are
   * statement starts at the test's location, so stepping and breakpoints see one test per
   * iteration as before.
   */
  private rotatedLoop(update: Expr | undefined, test: Expr, body: Stmt): void {
    this.startStatement(test.loc);
    const entry = this.branchFalse(test);
    const top = this.here();
    const brk: number[] = []; const cont: number[] = [];
    this.breaks.push(brk); this.continues.push(cont);
    this.statement(body);
    this.breaks.pop(); this.continues.pop();
    const contPc = this.here();
    if (update !== undefined) { this.startStatement(update.loc); this.exprStatement(update); }
    this.startStatement(test.loc);
    const t = this.ex.test(test);
    this.emit({ op: Op.BranchTrue, loc: test.loc, fn: t, target: top });
    const end = this.here();
    this.patch(entry, end);
    for (const c of cont) this.patch(c, contPc);
    for (const b of brk) this.patch(b, end);
  }

  private loopBody(body: Stmt, continueTarget: number, close: (end: () => number) => void): void {
    const brk: number[] = []; const cont: number[] = [];
    this.breaks.push(brk); this.continues.push(cont);
    this.statement(body);
    this.breaks.pop(); this.continues.pop();
    close(() => this.here());
    for (const c of cont) this.patch(c, continueTarget);
    for (const b of brk) this.patch(b, this.here());
  }

  private branchFalse(test: Expr): number {
    const t = this.ex.test(test);
    return this.emit({ op: Op.BranchFalse, loc: test.loc, fn: t });
  }

  private exprStatement(e: Expr): void {
    let inner = e;
    while (inner.kind === 'cast' && inner.type.kind === 'void') inner = inner.operand;
    const before = this.code.length;
    const fn = this.ex.effect(inner);
    if (inner.kind === 'call' && this.code.length > before && this.code[this.code.length - 1].op === Op.Call) return;
    this.emit({ op: Op.Eval, loc: e.loc, fn });
  }

  private switchStatement(s: Stmt & { kind: 'switch' }): void {
    this.startStatement(s.loc);
    const v = this.ex.value(s.test);
    const wide = s.test.type.kind === 'int' && s.test.type.size === 8;
    const cases = new Map<number | bigint, number>();
    const at = this.emit({ op: Op.Switch, loc: s.loc, fn: v, cases });
    const ctx: SwitchContext = { caseTargets: new Map(), defaultPc: -1 };
    this.switches.push(ctx);
    const brk: number[] = [];
    this.breaks.push(brk);
    this.statement(s.body);
    this.breaks.pop();
    this.switches.pop();
    const end = this.here();
    for (const c of s.cases) {
      const pc = ctx.caseTargets.get(c.id);
      if (pc === undefined) continue;
      const unsigned = s.test.type.kind === 'int' && !s.test.type.signed;
      const key = wide ? norm(unsigned ? BigInt.asUintN(64, c.value) : BigInt.asIntN(64, c.value)) : Number(BigInt.asIntN(32, c.value));
      if (!cases.has(key)) cases.set(key, pc);
      if (!wide && s.test.type.kind === 'int' && !s.test.type.signed) cases.set(Number(BigInt.asUintN(32, c.value)), pc);
    }
    this.patch(at, ctx.defaultPc >= 0 ? ctx.defaultPc : end);
    for (const b of brk) this.patch(b, end);
  }

  private declare(s: Stmt & { kind: 'declare' }): void {
    const sym = s.symbol;
    if (sym.storage !== 'local') return; // statics are laid out and initialised before main
    const home = this.homes.get(sym.id);
    if (home === undefined) return;
    const info = this.infos.find((i) => i.symbol === sym);
    const declPc = this.here();
    if (info !== undefined) {
      const live: LocalInfo = { ...info, declPc };
      this.infos.push(live);
      this.infos.splice(this.infos.indexOf(info), 1);
      this.scopes[this.scopes.length - 1].push(live);
    }
    if ('vlaSlot' in home && sym.type.kind === 'array' && sym.type.vla !== undefined) {
      this.startStatement(s.loc);
      const len = this.ex.value(sym.type.vla);
      const el = sizeOf(sym.type.of); const k = home.vlaSlot; const limit = this.link.stackLimit;
      this.emit({
        op: Op.Eval, loc: s.loc, fn: (f) => {
          const bytes = Math.max(0, Number(len(f))) * el;
          const sp = Math.floor((f.sp - bytes) / 16) * 16;
          if (sp < limit) throw new StackExhausted(sp);
          f.sp = sp; f.slots[k] = sp;
        },
      });
      return;
    }
    if (s.init === undefined) return;
    this.startStatement(s.loc);
    if ('slot' in home) {
      const k = home.slot;
      if (s.init.kind !== 'expr') {
        const first = s.init.items[0];
        const v: Ev = first !== undefined ? this.ex.value(first.expr) : () => 0;
        this.emit({ op: Op.Eval, loc: s.loc, fn: (f) => { f.slots[k] = v(f); } });
        return;
      }
      const v = this.ex.value(s.init.expr);
      this.emit({ op: Op.Eval, loc: s.loc, fn: (f) => { f.slots[k] = v(f); } });
      return;
    }
    const off = (home as { offset: number }).offset;
    const init = this.ex.initializer(sym.type, s.init);
    this.emit({ op: Op.Eval, loc: s.loc, fn: (f) => init(f, f.fp + off) });
  }
}

/** Locals whose address is taken (`&x`, or arrays/records decayed): they must live in memory. */
function addressTaken(body: Stmt): Set<number> {
  const out = new Set<number>();
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node as object)) return;
    seen.add(node as object);
    if (Array.isArray(node)) { for (const n of node) visit(n); return; }
    const n = node as Record<string, unknown>;
    if ((n.kind === 'addressOf' || n.kind === 'decay') && (n.operand as Expr).kind === 'ident') {
      const s = (n.operand as Expr & { kind: 'ident' }).symbol;
      if (s.kind === 'var') out.add(s.id);
    }
    for (const key in n) {
      if (key === 'type' || key === 'symbol' || key === 'loc' || key === 'field' || key === 'storage' || key === 'label' || key === 'bytes' || key === 'vlaType' || key === 'computeType') continue;
      visit(n[key]);
    }
  };
  visit(body);
  return out;
}
