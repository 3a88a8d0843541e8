// Initializers (C11 6.7.9): brace lists with designators and brace elision, matched against the
// object's type and flattened to (offset, type, value) items the machine stores in order.

import type { ArrayType, CType, Expr, InitItem, Initializer, RecordField, SourceLocation } from './ast';
import { parseAssignment } from './expressions';
import type { Parser } from './parser';
import { isErrorExpr } from './semaExpr';
import { ERROR_TYPE, findField, isInteger, isRecord, isScalar, sizeOf, typeToString } from './types';

type Designator =
  | { readonly kind: 'field'; readonly name: string; readonly loc: SourceLocation }
  | { readonly kind: 'index'; readonly index: number; readonly loc: SourceLocation };

export type InitSyntax =
  | { readonly kind: 'expr'; readonly expr: Expr; readonly loc: SourceLocation }
  | { readonly kind: 'list'; readonly entries: readonly InitEntry[]; readonly loc: SourceLocation };

interface InitEntry { readonly designators: readonly Designator[]; readonly init: InitSyntax }

// initializer: assignment-expression | { initializer-list ,? }
// initializer-list: designation? initializer ( , designation? initializer )*
export function parseInitializerSyntax(p: Parser): InitSyntax {
  const loc = p.loc();
  if (!p.accept('{')) return { kind: 'expr', expr: parseAssignment(p), loc };
  const entries: InitEntry[] = [];
  while (!p.is('}')) {
    const designators: Designator[] = [];
    for (;;) {
      const at = p.loc();
      if (p.accept('.')) {
        const name = p.next();
        if (name.kind !== 0 /* Tk.Ident */) p.fail('ExpectedIdentifier', p.loc(name));
        designators.push({ kind: 'field', name: name.text, loc: at });
      } else if (p.accept('[')) {
        const index = p.parseIntegerConstant();
        p.expect(']', 'ExpectedRBracket', []);
        designators.push({ kind: 'index', index: Number(index), loc: at });
      } else break;
    }
    if (designators.length) p.expect('=');
    entries.push({ designators, init: parseInitializerSyntax(p) });
    if (!p.accept(',')) break;
  }
  p.expect('}', 'ExpectedRBrace', []);
  return { kind: 'list', entries, loc };
}

/**
 * Matches `syntax` against `type`. Returns the initializer and the object's final type (an
 * array of unknown size takes its length from the initializer).
 */
export function buildInitializer(p: Parser, type: CType, syntax: InitSyntax, isStatic: boolean): { init: Initializer; type: CType } {
  return new InitBuilder(p, isStatic).build(type, syntax);
}

class InitBuilder {
  private readonly items: InitItem[] = [];
  /** For an array of unknown size: one past the highest element initialised. */
  private topLength = 0;
  private topArray: ArrayType | undefined;

  constructor(private readonly p: Parser, private readonly isStatic: boolean) {}

  build(type: CType, syntax: InitSyntax): { init: Initializer; type: CType } {
    if (type.kind === 'array' && type.vla) {
      this.p.error('VlaInitializer', syntax.loc);
      return { init: { kind: 'list', items: [] }, type };
    }
    if (syntax.kind === 'expr') {
      if (type.kind === 'array') {
        const s = stringFor(type, syntax.expr);
        if (!s) {
          if (!isErrorExpr(syntax.expr)) this.p.error('ArrayInitFromNonString', syntax.expr.loc);
          return { init: { kind: 'list', items: [] }, type };
        }
        const completed = type.length === undefined ? { ...type, length: s.bytes.length / sizeOf(type.of) } : type;
        this.emitString(completed, 0, s.expr, s.bytes);
        return { init: { kind: 'list', items: this.items }, type: completed };
      }
      if (isRecord(type) && syntax.expr.type === type) return { init: { kind: 'expr', expr: this.constant(syntax.expr) }, type };
      const expr = this.p.sema.assignConvert(syntax.expr, type, 'initializing', syntax.expr.loc);
      return { init: { kind: 'expr', expr: this.constant(expr) }, type };
    }
    if (isScalar(type) || type === ERROR_TYPE) {
      const first = this.scalarFromList(syntax);
      if (!first) return { init: { kind: 'expr', expr: { kind: 'int', value: 0n, loc: syntax.loc, type } }, type };
      const expr = this.p.sema.assignConvert(first, type, 'initializing', first.loc);
      return { init: { kind: 'expr', expr: this.constant(expr) }, type };
    }
    const braced = bracedString(type, syntax);
    if (braced) return this.build(type, braced);
    if (type.kind === 'array' && type.length === undefined) this.topArray = type;
    this.fillBraced(type, 0, syntax.entries);
    const finalType = this.topArray ? { ...this.topArray, length: this.topLength } : type;
    return { init: { kind: 'list', items: this.items }, type: finalType };
  }

  /** `int x = { 5 };`: the first element of a (possibly nested) brace list. */
  private scalarFromList(syntax: InitSyntax): Expr | undefined {
    if (syntax.kind === 'expr') return syntax.expr;
    if (syntax.entries.length === 0) return undefined;
    if (syntax.entries.length > 1) this.p.diags.warning('ExcessElements', initLoc(syntax.entries[1].init), ['scalar']);
    return this.scalarFromList(syntax.entries[0].init);
  }

  private count(type: CType): number {
    if (type.kind === 'array') return type.length ?? Infinity;
    if (type.kind === 'struct') return type.fields.length;
    if (type.kind === 'union') return Math.min(1, type.fields.length);
    return 1;
  }

  private member(type: CType, offset: number, index: number): { type: CType; offset: number; field?: RecordField } {
    if (type.kind === 'array') return { type: type.of, offset: offset + index * sizeOf(type.of) };
    if (type.kind === 'struct' || type.kind === 'union') {
      const f = type.fields[index];
      return { type: f.type, offset: offset + f.offset, field: f.bitWidth !== undefined ? f : undefined };
    }
    return { type, offset };
  }

  private resolve(type: CType, d: Designator): number | undefined {
    if (d.kind === 'index') {
      if (type.kind !== 'array') { this.p.error('DesignatorNotArray', d.loc, [typeToString(type)]); return undefined; }
      if (type.length !== undefined && d.index >= type.length) {
        this.p.error('DesignatorIndexOutOfRange', d.loc, [d.index, type.length]);
        return undefined;
      }
      return d.index;
    }
    if (type.kind !== 'struct' && type.kind !== 'union') { this.p.error('DesignatorNotStruct', d.loc, [typeToString(type)]); return undefined; }
    const k = type.fields.findIndex(f => f.name === d.name);
    if (k >= 0) return k;
    // A member of an anonymous struct or union: designate the anonymous member first.
    const path = findField(type, d.name);
    if (!path) { this.p.error('DesignatorNoField', d.loc, [d.name, typeToString(type)]); return undefined; }
    return type.fields.indexOf(path[0]);
  }

  /** The designators still to apply after `d` picked member `k` of `type` (more when `d` went through anonymous members). */
  private after(type: CType, k: number, d: Designator, rest: readonly Designator[]): readonly Designator[] {
    if (d.kind !== 'field' || (type.kind !== 'struct' && type.kind !== 'union') || type.fields[k].name === d.name) return rest;
    return [d, ...rest];
  }

  private noteIndex(type: CType, index: number): void {
    if (type === this.topArray) this.topLength = Math.max(this.topLength, index + 1);
  }

  /** A braced list for an aggregate: every entry belongs to this object. */
  private fillBraced(type: CType, offset: number, entries: readonly InitEntry[]): void {
    let cursor = 0;
    let i = 0;
    while (i < entries.length) {
      const e = entries[i];
      if (e.designators.length) {
        const k = this.resolve(type, e.designators[0]);
        if (k === undefined) { i++; continue; }
        const m = this.member(type, offset, k);
        this.noteIndex(type, k);
        const rest = this.after(type, k, e.designators[0], e.designators.slice(1));
        i = rest.length > 0
          ? this.fillDesignated(m.type, m.offset, rest, entries, i)
          : this.fillMember(m.type, m.offset, entries, i, m.field);
        cursor = k + 1;
        continue;
      }
      if (cursor >= this.count(type)) {
        this.p.diags.warning('ExcessElements', initLoc(e.init), [kindName(type)]);
        i++;
        continue;
      }
      const m = this.member(type, offset, cursor);
      this.noteIndex(type, cursor);
      i = this.fillMember(m.type, m.offset, entries, i, m.field);
      cursor++;
    }
  }

  /** Entry `i` designates a subobject of `type` by `designators`; following plain entries continue after it. */
  private fillDesignated(type: CType, offset: number, designators: readonly Designator[], entries: readonly InitEntry[], i: number): number {
    const k = this.resolve(type, designators[0]);
    if (k === undefined) return i + 1;
    const m = this.member(type, offset, k);
    const rest = this.after(type, k, designators[0], designators.slice(1));
    i = rest.length > 0
      ? this.fillDesignated(m.type, m.offset, rest, entries, i)
      : this.fillMember(m.type, m.offset, entries, i, m.field);
    return this.continueElided(type, offset, k + 1, entries, i);
  }

  /** Brace elision (C11 6.7.9p20): an aggregate without braces takes as many entries as it has members. */
  private continueElided(type: CType, offset: number, cursor: number, entries: readonly InitEntry[], i: number): number {
    while (i < entries.length && entries[i].designators.length === 0 && cursor < this.count(type)) {
      const m = this.member(type, offset, cursor);
      i = this.fillMember(m.type, m.offset, entries, i, m.field);
      cursor++;
    }
    return i;
  }

  /** Initialises one member from entry `i` (designators already applied); returns the next entry. */
  private fillMember(type: CType, offset: number, entries: readonly InitEntry[], i: number, field?: RecordField): number {
    const init = entries[i].init;
    if (init.kind === 'list') {
      const braced = bracedString(type, init);
      if (braced && type.kind === 'array') {
        const s = stringFor(type, braced.expr);
        if (s) this.emitString(type, offset, s.expr, s.bytes);
        return i + 1;
      }
      if (isScalar(type) || type === ERROR_TYPE) {
        const first = this.scalarFromList(init);
        if (first) this.emit(offset, type, first, field);
      } else this.fillBraced(type, offset, init.entries);
      return i + 1;
    }
    const expr = init.expr;
    if (isErrorExpr(expr)) return i + 1;
    if (isScalar(type)) { this.emit(offset, type, expr, field); return i + 1; }
    if (type.kind === 'array') {
      const s = stringFor(type, expr);
      if (s) { this.emitString(type, offset, s.expr, s.bytes); return i + 1; }
    }
    if (isRecord(type) && expr.type === type) {
      this.items.push({ offset, type, expr: this.constant(expr) });
      return i + 1;
    }
    if (this.count(type) === 0) return i + 1;
    if (type.kind === 'array' || isRecord(type)) {
      const m = this.member(type, offset, 0);
      // The first member takes this entry (recursively eliding braces), the rest continue.
      const next = this.fillMember(m.type, m.offset, entries, i, m.field);
      return this.continueElided(type, offset, 1, entries, next);
    }
    this.emit(offset, type, expr, field);
    return i + 1;
  }

  private emit(offset: number, type: CType, value: Expr, field?: RecordField): void {
    const expr = this.p.sema.assignConvert(value, type, 'initializing', value.loc);
    this.items.push({ offset, type, expr: this.constant(expr), bitField: field });
  }

  private emitString(type: ArrayType, offset: number, expr: Expr, bytes: Uint8Array): void {
    const capacity = type.length === undefined ? undefined : type.length * sizeOf(type.of);
    const unit = sizeOf(type.of);
    if (capacity !== undefined && bytes.length - unit > capacity) this.p.diags.warning('InitializerStringTooLong', expr.loc);
    this.items.push({ offset, type, expr, stringBytes: bytes });
  }

  /** Objects with static storage need values known before main (C11 6.7.9p4). */
  private constant(e: Expr): Expr {
    if (this.isStatic && !isErrorExpr(e) && !isConstantInitializer(e)) this.p.error('InitializerNotConstant', e.loc);
    return e;
  }
}

/** `char s[] = { "text" }`: a string literal in braces still initialises the whole array. */
function bracedString(type: CType, syntax: InitSyntax): (InitSyntax & { kind: 'expr' }) | undefined {
  if (type.kind !== 'array' || syntax.kind !== 'list' || syntax.entries.length !== 1) return undefined;
  const only = syntax.entries[0];
  if (only.designators.length || only.init.kind !== 'expr' || only.init.expr.kind !== 'string') return undefined;
  return stringFor(type, only.init.expr) ? only.init : undefined;
}

function kindName(t: CType): string {
  return t.kind === 'array' ? 'array' : t.kind === 'struct' ? 'struct' : t.kind === 'union' ? 'union' : 'scalar';
}

function initLoc(s: InitSyntax): SourceLocation { return s.kind === 'expr' ? s.expr.loc : s.loc; }

/** A string literal (possibly parenthesised) that may initialise this array. */
function stringFor(type: ArrayType, e: Expr): { expr: Expr; bytes: Uint8Array } | undefined {
  if (e.kind !== 'string' || e.type.kind !== 'array') return undefined;
  const literalUnit = sizeOf(e.type.of);
  if (!isInteger(type.of) || sizeOf(type.of) !== literalUnit) return undefined;
  return { expr: e, bytes: e.bytes };
}

function isStaticLvalue(e: Expr): boolean {
  switch (e.kind) {
    case 'ident':
      return e.symbol.kind === 'func' || e.symbol.storage !== 'local' && e.symbol.storage !== 'param';
    case 'string': return true;
    case 'compoundLiteral': return e.storage.storage !== 'local';
    case 'member': return e.arrow ? isAddressConstant(e.object) : isStaticLvalue(e.object);
    case 'index': return isAddressConstant(e.base) && isArithmeticConstant(e.index);
    case 'deref': return isAddressConstant(e.operand);
    default: return false;
  }
}

function isAddressConstant(e: Expr): boolean {
  switch (e.kind) {
    case 'decay': case 'addressOf': return isStaticLvalue(e.operand);
    case 'cast': return isAddressConstant(e.operand) || isArithmeticConstant(e.operand);
    case 'binary': return (e.op === 'ptr+int' || e.op === 'ptr-int') && isAddressConstant(e.left) && isArithmeticConstant(e.right);
    case 'conditional': return isArithmeticConstant(e.test) && isConstantInitializer(e.then) && isConstantInitializer(e.otherwise);
    default: return isArithmeticConstant(e);
  }
}

function isArithmeticConstant(e: Expr): boolean {
  switch (e.kind) {
    case 'int': case 'float': case 'sizeofVla': return e.kind !== 'sizeofVla';
    case 'cast': return isArithmeticConstant(e.operand) || (isInteger(e.type) && isAddressConstant(e.operand));
    case 'unary': return isArithmeticConstant(e.operand);
    case 'binary': return isArithmeticConstant(e.left) && isArithmeticConstant(e.right);
    case 'conditional': return isArithmeticConstant(e.test) && isArithmeticConstant(e.then) && isArithmeticConstant(e.otherwise);
    default: return false;
  }
}

export function isConstantInitializer(e: Expr): boolean {
  if (isRecord(e.type)) return e.kind === 'compoundLiteral' || (e.kind === 'ident' && false);
  return isArithmeticConstant(e) || isAddressConstant(e);
}
