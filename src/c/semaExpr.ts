// Typing expressions (C11 6.5): every node the parser builds goes through here, which checks
// operands, inserts the implicit conversions as explicit `cast` nodes, wraps array and function
// designators in `decay`, picks the pointer-arithmetic operators, and folds integer constant
// expressions to `int` nodes.

import type { BinaryOp, CType, Expr, FunctionType, IntType, PointerType, RecordType, SourceLocation, UnaryOp, VarSymbol } from './ast';
import type { Diagnostics } from './diagnostics';
import {
  ERROR_TYPE, PTRDIFF_T, SIZE_T, T, compatible, findField, hasConstElements, markConstPointee, pointsToConst, isArithmetic, isComplete, isFloat, isInteger, isPointer,
  isRecord, isScalar, isVoid, isVoidPointer, plainInt, pointerTo, promotedType, sizeOf, typeToString, usualArithmeticType,
} from './types';

type Loc = SourceLocation;

/** What a conversion is for, as clang words it in its messages. */
export type ConversionAction = 'assigning' | 'passing' | 'returning' | 'initializing';

export function isErrorExpr(e: Expr): boolean { return e.type === ERROR_TYPE; }

export function errorExpr(loc: Loc): Expr { return { kind: 'int', value: 0n, loc, type: ERROR_TYPE }; }

export function intConst(value: bigint, type: IntType, loc: Loc): Expr {
  return { kind: 'int', value: wrapInt(value, type), loc, type };
}

export function wrapInt(value: bigint, type: IntType): bigint {
  if (type.name === 'bool') return value !== 0n ? 1n : 0n;
  return type.signed ? BigInt.asIntN(type.size * 8, value) : BigInt.asUintN(type.size * 8, value);
}

export function isLvalue(e: Expr): boolean {
  switch (e.kind) {
    case 'ident': return e.symbol.kind === 'var';
    case 'deref': case 'index': case 'compoundLiteral': case 'string': return true;
    case 'member': return e.arrow || isLvalue(e.object);
    default: return false;
  }
}

export function isNullPointerConstant(e: Expr): boolean {
  if (e.kind === 'int' && isInteger(e.type) && e.value === 0n && e.type !== ERROR_TYPE) return true;
  return e.kind === 'cast' && !e.implicit && isVoidPointer(e.type) && e.operand.kind === 'int' && e.operand.value === 0n;
}

const constObjects = new WeakSet<VarSymbol>();

/** The object was declared const (`const int x`, `char *const p`). */
export function markConstObject(v: VarSymbol): void { constObjects.add(v); }

/** Does this lvalue designate a read-only object? 'variable' names a const variable directly. */
export function constness(e: Expr): 'variable' | 'readonly' | undefined {
  switch (e.kind) {
    case 'ident': return e.symbol.kind === 'var' && constObjects.has(e.symbol) ? 'variable' : undefined;
    case 'deref': return pointsToConst(e.operand.type) ? 'readonly' : undefined;
    case 'index': return pointsToConst(e.base.type) ? 'readonly' : undefined;
    case 'member': return e.arrow ? (pointsToConst(e.object.type) ? 'readonly' : undefined) : constness(e.object) && 'readonly';
    default: return undefined;
  }
}

/** The bit-field an lvalue designates, if any. */
export function bitFieldOf(e: Expr): boolean { return e.kind === 'member' && e.field.bitWidth !== undefined; }

export class ExprSema {
  constructor(private readonly diags: Diagnostics) {}

  // ------------------------------------------------------------------------------------------
  // Conversions

  /** Value of an lvalue (C11 6.3.2.1): arrays and functions decay to pointers. */
  rvalue(e: Expr): Expr {
    if (e.type.kind === 'array') {
      const p = pointerTo(e.type.of);
      if (hasConstElements(e.type) || constness(e)) markConstPointee(p);
      return { kind: 'decay', operand: e, loc: e.loc, type: p };
    }
    if (e.type.kind === 'function') return { kind: 'decay', operand: e, loc: e.loc, type: pointerTo(e.type) };
    return e;
  }

  /** An implicit conversion, folded when the operand is a constant. */
  implicit(e: Expr, to: CType): Expr { return this.convert(e, to, true); }

  convert(e: Expr, to: CType, implicit: boolean): Expr {
    if (e.type === to || isErrorExpr(e)) return e;
    if (implicit && sameScalar(e.type, to)) return e;
    if (e.kind === 'int' && to.kind === 'int') return intConst(e.value, to, e.loc);
    if (e.kind === 'int' && to.kind === 'float') return { kind: 'float', value: roundFloat(Number(e.value), to.size), loc: e.loc, type: to };
    if (e.kind === 'float' && to.kind === 'float') return { kind: 'float', value: roundFloat(e.value, to.size), loc: e.loc, type: to };
    if (e.kind === 'float' && to.kind === 'int' && Number.isFinite(e.value)) {
      if (to.name === 'bool') return intConst(e.value !== 0 ? 1n : 0n, to, e.loc);
      return intConst(BigInt(Math.trunc(e.value)), to, e.loc);
    }
    return { kind: 'cast', operand: e, implicit, loc: e.loc, type: to };
  }

  /** Integer promotion of an rvalue; bit-fields narrower than int promote to int. */
  promote(e: Expr): Expr {
    e = this.rvalue(e);
    if (e.type.kind !== 'int') return e;
    if (e.kind === 'member' && e.field.bitWidth !== undefined && e.field.bitWidth < 32) return this.implicit(e, T.int);
    return this.implicit(e, promotedType(e.type));
  }

  /** An operand used as a condition (if, loops, !, &&, ||, ?:): any scalar. */
  condition(e: Expr): Expr {
    e = this.rvalue(e);
    if (isErrorExpr(e)) return e;
    if (!isScalar(e.type)) { this.diags.error('ScalarRequired', e.loc, [typeToString(e.type)]); return errorExpr(e.loc); }
    return e;
  }

  /** Assignment conversion (C11 6.5.16.1) of an rvalue to `to`, with clang's diagnostics. */
  assignConvert(e: Expr, to: CType, action: ConversionAction, loc: Loc): Expr {
    e = this.rvalue(e);
    if (isErrorExpr(e) || to === ERROR_TYPE) return e;
    const from = e.type;
    if (from.kind === 'void') { this.diags.error('VoidExprUsed', e.loc); return errorExpr(e.loc); }
    if (isArithmetic(to) && isArithmetic(from)) {
      if (e.kind === 'int' && to.kind === 'int' && to.name !== 'bool') this.checkConstantFits(e.value, from, to, e.loc);
      return this.implicit(e, to);
    }
    if (to.kind === 'int' && to.name === 'bool' && isPointer(from)) return this.implicit(e, to);
    if (isPointer(to)) {
      if (isNullPointerConstant(e)) return this.implicit(e, to);
      if (isPointer(from)) {
        if (pointsToConst(from) && !pointsToConst(to)) this.diags.warning('DiscardsQualifiers', loc, [phrase(action, to, from, false)]);
        if (!compatible(to.to, from.to) && !isVoidPointer(to) && !isVoidPointer(from)) {
          const fnPtr = to.to.kind === 'function' || from.to.kind === 'function';
          if (fnPtr) this.diags.error('IncompatibleFunctionPointerTypes', loc, [phrase(action, to, from, false)]);
          else this.diags.warning('IncompatiblePointerTypes', loc, [phrase(action, to, from, false)]);
        }
        return this.implicit(e, to);
      }
      if (isInteger(from)) { this.diags.error('IncompatibleIntToPointer', loc, [phrase(action, to, from, false)]); return errorExpr(loc); }
    }
    if (isInteger(to) && isPointer(from)) { this.diags.error('IncompatiblePointerToInt', loc, [phrase(action, to, from, false)]); return errorExpr(loc); }
    if (isRecord(to) && to === from) return e;
    this.diags.error('IncompatibleTypes', loc, [phrase(action, to, from, true)]);
    return errorExpr(loc);
  }

  /** Clang's -Wconstant-conversion: a constant that fits the target neither as signed nor unsigned. */
  private checkConstantFits(value: bigint, from: CType, to: IntType, loc: Loc): void {
    const bits = BigInt(to.size * 8);
    if (value >= -(1n << (bits - 1n)) && value <= (1n << bits) - 1n) return;
    this.diags.warning('ImplicitTruncation', loc, [typeToString(from), typeToString(to), value, wrapInt(value, to)]);
  }

  /** `(T)e` (C11 6.5.4). */
  explicitCast(to: CType, e: Expr, loc: Loc): Expr {
    e = this.rvalue(e);
    if (isErrorExpr(e)) return e;
    if (to.kind === 'void') return { kind: 'cast', operand: e, implicit: false, loc, type: to };
    if (!isScalar(to)) { this.diags.error('CastToNonScalar', loc, [typeToString(to)]); return errorExpr(loc); }
    if (!isScalar(e.type)) { this.diags.error('InvalidCast', e.loc, [typeToString(e.type)]); return errorExpr(loc); }
    if ((isPointer(to) && isFloat(e.type)) || (isFloat(to) && isPointer(e.type))) {
      this.diags.error('InvalidCast', e.loc, [typeToString(e.type)]);
      return errorExpr(loc);
    }
    // Keep `(void *)0` visible as a cast: it is the null pointer constant.
    if (isPointer(to)) return { kind: 'cast', operand: e, implicit: false, loc, type: to };
    const folded = this.convert(e, to, false);
    return folded.kind === 'int' || folded.kind === 'float' ? { ...folded, loc } : { ...folded, loc } as Expr;
  }

  // ------------------------------------------------------------------------------------------
  // Operators

  unary(op: UnaryOp, operand: Expr, loc: Loc): Expr {
    if (op === '!') {
      const e = this.condition(operand);
      if (isErrorExpr(e)) return e;
      if (e.kind === 'int') return intConst(e.value === 0n ? 1n : 0n, T.int, loc);
      if (e.kind === 'float') return intConst(e.value === 0 ? 1n : 0n, T.int, loc);
      return { kind: 'unary', op, operand: e, loc, type: T.int };
    }
    const e = this.promote(operand);
    if (isErrorExpr(e)) return e;
    const ok = op === '~' ? isInteger(e.type) : isArithmetic(e.type);
    if (!ok) { this.diags.error('InvalidUnaryOperand', loc, [typeToString(e.type)]); return errorExpr(loc); }
    if (e.kind === 'int') {
      const v = op === '-' ? -e.value : op === '~' ? ~e.value : e.value;
      return intConst(v, e.type as IntType, loc);
    }
    if (e.kind === 'float' && op !== '~') return { kind: 'float', value: op === '-' ? -e.value : e.value, loc, type: e.type };
    return { kind: 'unary', op, operand: e, loc, type: e.type };
  }

  binary(op: string, left: Expr, right: Expr, loc: Loc): Expr {
    if (op === '&&' || op === '||') {
      const a = this.condition(left), b = this.condition(right);
      if (isErrorExpr(a) || isErrorExpr(b)) return errorExpr(loc);
      if (a.kind === 'int' && b.kind === 'int') {
        const v = op === '&&' ? a.value !== 0n && b.value !== 0n : a.value !== 0n || b.value !== 0n;
        return intConst(v ? 1n : 0n, T.int, loc);
      }
      return { kind: 'binary', op, left: a, right: b, loc, type: T.int };
    }
    let a = this.rvalue(left), b = this.rvalue(right);
    if (isErrorExpr(a) || isErrorExpr(b)) return errorExpr(loc);
    const invalid = (): Expr => {
      this.diags.error('InvalidOperands', loc, [typeToString(a.type), typeToString(b.type)]);
      return errorExpr(loc);
    };
    switch (op) {
      case '+': case '-': {
        if (isPointer(a.type) || isPointer(b.type)) return this.pointerArithmetic(op, a, b, loc) ?? invalid();
        return this.arithmetic(op, a, b, loc, isArithmetic) ?? invalid();
      }
      case '*': case '/': return this.arithmetic(op, a, b, loc, isArithmetic) ?? invalid();
      case '%': case '&': case '^': case '|': return this.arithmetic(op, a, b, loc, isInteger) ?? invalid();
      case '<<': case '>>': {
        if (!isInteger(a.type) || !isInteger(b.type)) return invalid();
        a = this.promote(a);
        b = this.promote(b);
        const t = a.type as IntType;
        if (b.kind === 'int') {
          if ((b.type as IntType).signed && BigInt.asIntN(64, b.value) < 0n) this.diags.warning('ShiftCountNegative', b.loc);
          else if (b.value >= BigInt(t.size * 8)) this.diags.warning('ShiftCountTooLarge', b.loc);
          else if (a.kind === 'int') return intConst(op === '<<' ? a.value << b.value : a.value >> b.value, t, loc);
        }
        return { kind: 'binary', op, left: a, right: b, loc, type: t };
      }
      case '<': case '>': case '<=': case '>=': case '==': case '!=':
        return this.comparison(op, a, b, loc) ?? invalid();
    }
    return invalid();
  }

  private arithmetic(op: BinaryOp, a: Expr, b: Expr, loc: Loc, accepts: (t: CType) => boolean): Expr | undefined {
    if (!accepts(a.type) || !accepts(b.type)) return undefined;
    // Promote first: an unsigned bit-field narrower than int promotes to int (C11 6.3.1.1p2),
    // which the declared type alone would not show.
    const pa = this.promote(a), pb = this.promote(b);
    const t = usualArithmeticType(pa.type, pb.type);
    const x = this.implicit(pa, t), y = this.implicit(pb, t);
    if ((op === '/' || op === '%') && y.kind === 'int' && y.value === 0n) {
      this.diags.warning('DivisionByZero', y.loc);
      return { kind: 'binary', op, left: x, right: y, loc, type: t };
    }
    if (x.kind === 'int' && y.kind === 'int' && t.kind === 'int') return intConst(foldInt(op, x.value, y.value, t), t, loc);
    if (x.kind === 'float' && y.kind === 'float' && t.kind === 'float') {
      return { kind: 'float', value: roundFloat(foldFloat(op, x.value, y.value), t.size), loc, type: t };
    }
    return { kind: 'binary', op, left: x, right: y, loc, type: t };
  }

  private pointerArithmetic(op: '+' | '-', a: Expr, b: Expr, loc: Loc): Expr | undefined {
    if (op === '-' && isPointer(a.type) && isPointer(b.type)) {
      if (!compatible(a.type.to, b.type.to)) return undefined;
      const size = this.elementSize(a.type, loc);
      if (size === undefined) return errorExpr(loc);
      return { kind: 'binary', op: 'ptr-ptr', left: a, right: b, elementSize: size, loc, type: PTRDIFF_T };
    }
    let p = a, n = b;
    if (op === '+' && isInteger(a.type) && isPointer(b.type)) { p = b; n = a; }
    if (!isPointer(p.type) || !isInteger(n.type)) return undefined;
    const size = this.elementSize(p.type, loc);
    if (size === undefined) return errorExpr(loc);
    return { kind: 'binary', op: op === '+' ? 'ptr+int' : 'ptr-int', left: p, right: this.implicit(this.promote(n), PTRDIFF_T), elementSize: size, loc, type: p.type };
  }

  /** Bytes one step of a pointer moves; void and function pointers step by 1 as in GNU C. */
  elementSize(p: PointerType, loc: Loc): number | undefined {
    const to = p.to;
    if (to.kind === 'void' || to.kind === 'function') return 1;
    if (!isComplete(to)) { this.diags.error('PointerArithIncomplete', loc, [typeToString(p)]); return undefined; }
    return sizeOf(to);
  }

  private comparison(op: BinaryOp, a: Expr, b: Expr, loc: Loc): Expr | undefined {
    if (isArithmetic(a.type) && isArithmetic(b.type)) {
      const pa = this.promote(a), pb = this.promote(b);
      const t = usualArithmeticType(pa.type, pb.type);
      const x = this.implicit(pa, t), y = this.implicit(pb, t);
      if (x.kind === 'int' && y.kind === 'int') return intConst(compare(op, x.value, y.value) ? 1n : 0n, T.int, loc);
      return { kind: 'binary', op, left: x, right: y, loc, type: T.int };
    }
    if (isPointer(a.type) && isPointer(b.type)) {
      if (!compatible(a.type.to, b.type.to) && !isVoidPointer(a.type) && !isVoidPointer(b.type)) {
        this.diags.warning('CompareDistinctPointers', loc, [typeToString(a.type), typeToString(b.type)]);
      }
      return { kind: 'binary', op, left: a, right: this.implicit(b, a.type), loc, type: T.int };
    }
    if (isPointer(a.type) && isInteger(b.type)) {
      if (!isNullPointerConstant(b)) this.diags.warning('ComparePointerInt', loc, [typeToString(a.type), typeToString(b.type)]);
      return { kind: 'binary', op, left: a, right: this.implicit(b, a.type), loc, type: T.int };
    }
    if (isInteger(a.type) && isPointer(b.type)) {
      if (!isNullPointerConstant(a)) this.diags.warning('ComparePointerInt', loc, [typeToString(a.type), typeToString(b.type)]);
      return { kind: 'binary', op, left: this.implicit(a, b.type), right: b, loc, type: T.int };
    }
    return undefined;
  }

  assign(target: Expr, value: Expr, loc: Loc): Expr {
    if (isErrorExpr(target) || isErrorExpr(value)) return errorExpr(loc);
    if (!this.checkModifiable(target, loc)) return errorExpr(loc);
    const v = this.assignConvert(value, target.type, 'assigning', loc);
    return { kind: 'assign', target, value: v, loc, type: target.type };
  }

  compoundAssign(op: string, target: Expr, value: Expr, loc: Loc): Expr {
    if (isErrorExpr(target) || isErrorExpr(value)) return errorExpr(loc);
    if (!this.checkModifiable(target, loc)) return errorExpr(loc);
    const v = this.rvalue(value);
    const bop = op.slice(0, -1) as BinaryOp;
    const invalid = (): Expr => {
      this.diags.error('InvalidOperands', loc, [typeToString(target.type), typeToString(v.type)]);
      return errorExpr(loc);
    };
    if (isPointer(target.type)) {
      if ((bop !== '+' && bop !== '-') || !isInteger(v.type)) return invalid();
      const size = this.elementSize(target.type, loc);
      if (size === undefined) return errorExpr(loc);
      return {
        kind: 'compoundAssign', op: bop === '+' ? 'ptr+int' : 'ptr-int', target, value: this.implicit(this.promote(v), PTRDIFF_T),
        computeType: target.type, elementSize: size, loc, type: target.type,
      };
    }
    const integerOnly = bop === '%' || bop === '&' || bop === '^' || bop === '|' || bop === '<<' || bop === '>>';
    const accepts = integerOnly ? isInteger : isArithmetic;
    if (!accepts(target.type) || !accepts(v.type)) return invalid();
    const computeType = bop === '<<' || bop === '>>' ? promotedType(target.type) : usualArithmeticType(target.type, v.type);
    const converted = this.implicit(this.promote(v), computeType);
    if ((bop === '/' || bop === '%') && converted.kind === 'int' && converted.value === 0n) this.diags.warning('DivisionByZero', converted.loc);
    return { kind: 'compoundAssign', op: bop, target, value: converted, computeType, loc, type: target.type };
  }

  incdec(prefix: boolean, increment: boolean, target: Expr, loc: Loc): Expr {
    if (isErrorExpr(target)) return target;
    if (!isScalar(target.type)) {
      this.diags.error('IncDecInvalid', loc, [increment ? 'increment' : 'decrement', typeToString(target.type)]);
      return errorExpr(loc);
    }
    if (!this.checkModifiable(target, loc)) return errorExpr(loc);
    let delta = 1;
    if (isPointer(target.type)) {
      const size = this.elementSize(target.type, loc);
      if (size === undefined) return errorExpr(loc);
      delta = size;
    }
    return { kind: 'incdec', prefix, increment, target, delta, loc, type: target.type };
  }

  private checkModifiable(target: Expr, loc: Loc): boolean {
    if (target.type.kind === 'array') { this.diags.error('ArrayNotAssignable', loc, [typeToString(target.type)]); return false; }
    if (!isLvalue(target) || target.kind === 'string') { this.diags.error('NotAssignable', target.loc); return false; }
    const c = constness(target);
    if (c === 'variable' && target.kind === 'ident') {
      this.diags.error('ConstVariableAssigned', loc, [target.symbol.name, typeToString(target.type, '', true)]);
      return false;
    }
    if (c) { this.diags.error('ReadOnlyAssigned', loc); return false; }
    return true;
  }

  conditional(test: Expr, then: Expr, otherwise: Expr, loc: Loc): Expr {
    const c = this.condition(test);
    let a = this.rvalue(then), b = this.rvalue(otherwise);
    if (isErrorExpr(c) || isErrorExpr(a) || isErrorExpr(b)) return errorExpr(loc);
    let type: CType;
    if (isArithmetic(a.type) && isArithmetic(b.type)) {
      type = usualArithmeticType(a.type, b.type);
      a = this.implicit(this.promote(a), type);
      b = this.implicit(this.promote(b), type);
      if (c.kind === 'int' && a.kind === 'int' && b.kind === 'int') return { ...(c.value !== 0n ? a : b), loc };
    } else if (isVoid(a.type) && isVoid(b.type)) type = T.void;
    else if (isRecord(a.type) && a.type === b.type) type = a.type;
    else if (isPointer(a.type) && isNullPointerConstant(b)) { type = a.type; b = this.implicit(b, type); }
    else if (isPointer(b.type) && isNullPointerConstant(a)) { type = b.type; a = this.implicit(a, type); }
    else if (isPointer(a.type) && isPointer(b.type)) {
      if (compatible(a.type.to, b.type.to)) type = a.type;
      else {
        if (!isVoidPointer(a.type) && !isVoidPointer(b.type)) this.diags.warning('PointerTypeMismatch', loc, [typeToString(a.type), typeToString(b.type)]);
        type = pointerTo(T.void);
      }
      a = this.implicit(a, type);
      b = this.implicit(b, type);
    } else if ((isPointer(a.type) && isInteger(b.type)) || (isInteger(a.type) && isPointer(b.type))) {
      this.diags.warning('PointerIntMismatch', loc, [typeToString(a.type), typeToString(b.type)]);
      type = isPointer(a.type) ? a.type : b.type;
      a = this.implicit(a, type);
      b = this.implicit(b, type);
    } else {
      this.diags.error('ConditionalTypeMismatch', loc, [typeToString(a.type), typeToString(b.type)]);
      return errorExpr(loc);
    }
    return { kind: 'conditional', test: c, then: a, otherwise: b, loc, type };
  }

  comma(left: Expr, right: Expr, loc: Loc): Expr {
    const r = this.rvalue(right);
    if (isErrorExpr(left) || isErrorExpr(r)) return errorExpr(loc);
    return { kind: 'comma', left, right: r, loc, type: r.type };
  }

  call(calleeExpr: Expr, args: readonly Expr[], loc: Loc): Expr {
    const callee = this.rvalue(calleeExpr);
    if (isErrorExpr(callee) || args.some(isErrorExpr)) return errorExpr(loc);
    if (!(isPointer(callee.type) && callee.type.to.kind === 'function')) {
      this.diags.error('NotCallable', loc, [typeToString(callee.type)]);
      return errorExpr(loc);
    }
    const fn = callee.type.to as FunctionType;
    const converted: Expr[] = [];
    if (!fn.unprototyped) {
      if (args.length < fn.params.length) {
        this.diags.error('TooFewArgs', loc, [fn.params.length, args.length]);
        return errorExpr(loc);
      }
      if (args.length > fn.params.length && !fn.variadic) {
        this.diags.error('TooManyArgs', args[fn.params.length].loc, [fn.params.length, args.length]);
        return errorExpr(loc);
      }
    }
    for (let k = 0; k < args.length; k++) {
      const param = fn.unprototyped ? undefined : fn.params[k];
      if (param) converted.push(this.assignConvert(args[k], param, 'passing', args[k].loc));
      else converted.push(this.defaultArgumentPromotion(args[k]));
    }
    if (converted.some(isErrorExpr)) return errorExpr(loc);
    return { kind: 'call', callee, args: converted, loc, type: fn.returns };
  }

  /** C11 6.5.2.2p6: float → double, narrow integers → int, for variadic and unprototyped arguments. */
  defaultArgumentPromotion(arg: Expr): Expr {
    const e = this.promote(arg);
    if (isErrorExpr(e)) return e;
    if (e.type.kind === 'void') { this.diags.error('ArgumentVoid', e.loc); return errorExpr(e.loc); }
    if (e.type.kind === 'float' && e.type.size === 4) return this.implicit(e, T.double);
    return e;
  }

  index(baseExpr: Expr, indexExpr: Expr, loc: Loc): Expr {
    let base = this.rvalue(baseExpr), idx = this.rvalue(indexExpr);
    if (isErrorExpr(base) || isErrorExpr(idx)) return errorExpr(loc);
    if (isInteger(base.type) && isPointer(idx.type)) [base, idx] = [idx, base];
    if (!isPointer(base.type)) { this.diags.error('SubscriptNotArray', loc); return errorExpr(loc); }
    if (!isInteger(idx.type)) { this.diags.error('SubscriptNotInteger', idx.loc); return errorExpr(loc); }
    const to = base.type.to;
    if (to.kind === 'void' || to.kind === 'function' || !isComplete(to)) {
      this.diags.error('IncompleteDeref', loc, [typeToString(to)]);
      return errorExpr(loc);
    }
    return { kind: 'index', base, index: this.implicit(this.promote(idx), PTRDIFF_T), elementSize: sizeOf(to), loc, type: to };
  }

  member(objectExpr: Expr, name: string, arrow: boolean, loc: Loc, nameLoc: Loc): Expr {
    const object = arrow ? this.rvalue(objectExpr) : objectExpr;
    if (isErrorExpr(object)) return object;
    let record: RecordType;
    if (arrow) {
      if (!isPointer(object.type)) {
        if (isRecord(object.type)) this.diags.error('MemberReferenceNotPointer', loc, [typeToString(object.type)]);
        else this.diags.error('MemberReferenceNotStruct', loc, [typeToString(object.type)]);
        return errorExpr(loc);
      }
      if (!isRecord(object.type.to)) { this.diags.error('MemberReferenceNotStruct', loc, [typeToString(object.type.to)]); return errorExpr(loc); }
      record = object.type.to;
    } else {
      if (!isRecord(object.type)) {
        if (isPointer(object.type) && isRecord(object.type.to)) this.diags.error('MemberReferenceIsPointer', loc, [typeToString(object.type)]);
        else this.diags.error('MemberReferenceNotStruct', loc, [typeToString(object.type)]);
        return errorExpr(loc);
      }
      record = object.type;
    }
    if (!record.complete) { this.diags.error('IncompleteTypeUse', loc, [typeToString(record)]); return errorExpr(loc); }
    const path = findField(record, name);
    if (!path) { this.diags.error('NoMember', nameLoc, [name, typeToString(record)]); return errorExpr(loc); }
    let e: Expr = { kind: 'member', object, arrow, field: path[0], loc, type: path[0].type };
    for (let k = 1; k < path.length; k++) e = { kind: 'member', object: e, arrow: false, field: path[k], loc, type: path[k].type };
    return e;
  }

  addressOf(operand: Expr, loc: Loc): Expr {
    if (isErrorExpr(operand)) return operand;
    if (operand.type.kind === 'function') return this.rvalue(operand);
    if (bitFieldOf(operand)) { this.diags.error('AddressOfBitField', loc); return errorExpr(loc); }
    if (!isLvalue(operand)) { this.diags.error('AddressOfRvalue', loc, [typeToString(operand.type)]); return errorExpr(loc); }
    const p = pointerTo(operand.type);
    if (constness(operand)) markConstPointee(p);
    return { kind: 'addressOf', operand, loc, type: p };
  }

  deref(operandExpr: Expr, loc: Loc): Expr {
    const operand = this.rvalue(operandExpr);
    if (isErrorExpr(operand)) return operand;
    if (!isPointer(operand.type)) { this.diags.error('IndirectionRequiresPointer', loc, [typeToString(operand.type)]); return errorExpr(loc); }
    return { kind: 'deref', operand, loc, type: operand.type.to };
  }

  sizeofType(t: CType, loc: Loc, keyword = 'sizeof'): Expr {
    if (t === ERROR_TYPE) return errorExpr(loc);
    if (t.kind === 'function') { this.diags.error('SizeofFunction', loc, [keyword]); return errorExpr(loc); }
    if (t.kind === 'array' && t.vla) return { kind: 'sizeofVla', vlaType: t, loc, type: SIZE_T };
    if (!isComplete(t)) { this.diags.error('SizeofIncomplete', loc, [keyword, typeToString(t)]); return errorExpr(loc); }
    return intConst(BigInt(sizeOf(t)), SIZE_T, loc);
  }

  sizeofExpr(e: Expr, loc: Loc): Expr {
    if (isErrorExpr(e)) return e;
    if (bitFieldOf(e)) { this.diags.error('SizeofBitField', loc, ['sizeof']); return errorExpr(loc); }
    return this.sizeofType(e.type, loc);
  }
}

function sameScalar(a: CType, b: CType): boolean {
  if (a.kind === 'int' && b.kind === 'int') return plainInt(a) === plainInt(b);
  if (a.kind === 'float' && b.kind === 'float') return a.size === b.size;
  if (a.kind === 'pointer' && b.kind === 'pointer') return a.to === b.to;
  return false;
}

function phrase(action: ConversionAction, to: CType, from: CType, incompatible: boolean): string {
  const T = `'${typeToString(to)}'`, F = `'${typeToString(from)}'`, inc = incompatible ? 'incompatible ' : '';
  switch (action) {
    case 'assigning': return `assigning to ${T} from ${inc}${incompatible ? 'type ' : ''}${F}`;
    case 'passing': return `passing ${F} to parameter of ${inc}type ${T}`;
    case 'returning': return `returning ${F} from a function with ${inc}result type ${T}`;
    case 'initializing': return `initializing ${T} with an expression of ${inc}type ${F}`;
  }
}

function foldInt(op: BinaryOp, x: bigint, y: bigint, t: IntType): bigint {
  if (!t.signed) { x = BigInt.asUintN(t.size * 8, x); y = BigInt.asUintN(t.size * 8, y); }
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return x / y;
    case '%': return x % y;
    case '&': return x & y;
    case '^': return x ^ y;
    case '|': return x | y;
    default: throw new Error(`not an integer operator: ${op}`);
  }
}

function foldFloat(op: BinaryOp, x: number, y: number): number {
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return x / y;
    default: throw new Error(`not a floating operator: ${op}`);
  }
}

function compare(op: BinaryOp, x: bigint, y: bigint): boolean {
  switch (op) {
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    case '>=': return x >= y;
    case '==': return x === y;
    default: return x !== y;
  }
}

function roundFloat(v: number, size: 4 | 8): number { return size === 4 ? Math.fround(v) : v; }
