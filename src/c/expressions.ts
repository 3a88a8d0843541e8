// Expressions (C11 6.5), from assignment-expression down to primary-expression. Operator
// binding comes from the precedence table; typing and folding from ExprSema.

import type { CType, Expr, IntType, SourceLocation, UnaryOp, VarSymbol } from './ast';
import { checkFormat } from './formatCheck';
import { headerDeclaring } from './headers';
import { buildInitializer, parseInitializerSyntax } from './initializers';
import { charConstantValue, decodeLiteral, isFloatSpelling, parseFloatLiteral, parseIntegerLiteral, type Encoding } from './literals';
import type { Parser } from './parser';
import { errorExpr, intConst, isErrorExpr } from './semaExpr';
import { Tk } from './tokens';
import { ERROR_TYPE, SIZE_T, T, alignOf, arrayOf, findField, functionType, isComplete, isPointer, sizeOf, typeToString } from './types';

/** Binding strength of each binary operator; higher binds tighter. */
const PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6,
  '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

const UTF8 = new TextEncoder();

const ASSIGNMENT_OPS = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);

// assignment-expression: conditional-expression | unary-expression assignment-operator assignment-expression
export function parseAssignment(p: Parser): Expr {
  const left = parseConditional(p);
  const t = p.peek();
  if (t.kind === Tk.Punct && ASSIGNMENT_OPS.has(t.text)) {
    p.next();
    const right = parseAssignment(p);
    const at = p.loc(t);
    return t.text === '=' ? p.sema.assign(left, right, at) : p.sema.compoundAssign(t.text, left, right, at);
  }
  return left;
}

// conditional-expression: logical-OR-expression ( ? expression : conditional-expression )?
export function parseConditional(p: Parser): Expr {
  const test = parseBinary(p, 1);
  if (!p.is('?')) return test;
  const at = p.loc();
  p.next();
  const then = p.parseExpression();
  p.expect(':');
  const otherwise = parseConditional(p);
  return p.sema.conditional(test, then, otherwise, at);
}

// logical-OR-expression … multiplicative-expression, by precedence climbing over cast-expression
function parseBinary(p: Parser, minPrecedence: number): Expr {
  let left = parseCast(p);
  for (;;) {
    const t = p.peek();
    if (t.kind !== Tk.Punct) return left;
    const prec = PRECEDENCE[t.text];
    if (prec === undefined || prec < minPrecedence) return left;
    p.next();
    const right = parseBinary(p, prec + 1);
    left = p.sema.binary(t.text, left, right, p.loc(t));
  }
}

// cast-expression: unary-expression | ( type-name ) cast-expression
function parseCast(p: Parser): Expr {
  if (p.is('(') && p.startsTypeName(p.peek(1))) {
    const at = p.loc();
    p.next();
    const type = p.parseTypeName();
    p.expect(')');
    if (p.is('{')) return parsePostfixOperators(p, parseCompoundLiteral(p, type, at));
    return p.sema.explicitCast(type, parseCast(p), at);
  }
  return parseUnary(p);
}

// unary-expression: postfix-expression | ++ unary | -- unary | unary-operator cast-expression
//   | sizeof unary-expression | sizeof ( type-name ) | _Alignof ( type-name )
function parseUnary(p: Parser): Expr {
  const t = p.peek();
  const at = p.loc(t);
  if (t.kind === Tk.Punct) {
    switch (t.text) {
      case '++': case '--': p.next(); return p.sema.incdec(true, t.text === '++', parseUnary(p), at);
      case '&': p.next(); return p.sema.addressOf(parseCast(p), at);
      case '*': p.next(); return p.sema.deref(parseCast(p), at);
      case '+': case '-': case '~': case '!': p.next(); return p.sema.unary(t.text as UnaryOp, parseCast(p), at);
    }
  }
  if (t.kind === Tk.Ident && t.text === 'sizeof') {
    p.next();
    if (p.is('(') && p.startsTypeName(p.peek(1))) {
      p.next();
      const type = p.parseTypeName();
      p.expect(')');
      if (p.is('{')) return p.sema.sizeofExpr(parsePostfixOperators(p, parseCompoundLiteral(p, type, at)), at);
      return p.sema.sizeofType(type, at);
    }
    return p.sema.sizeofExpr(parseUnary(p), at);
  }
  if (t.kind === Tk.Ident && (t.text === '_Alignof' || t.text === 'alignof')) {
    p.next();
    let type: CType;
    if (p.is('(') && p.startsTypeName(p.peek(1))) { p.next(); type = p.parseTypeName(); p.expect(')'); }
    else type = parseUnary(p).type;
    if (type === ERROR_TYPE) return errorExpr(at);
    if (!isComplete(type) && type.kind !== 'void') { p.error('SizeofIncomplete', at, ['alignof', typeToString(type)]); return errorExpr(at); }
    return intConst(BigInt(alignOf(type)), SIZE_T, at);
  }
  return parsePostfixOperators(p, parsePrimary(p));
}

// postfix-expression: primary-expression ( [ expression ] | ( argument-expression-list? ) | . identifier | -> identifier | ++ | -- )*
function parsePostfixOperators(p: Parser, e: Expr): Expr {
  for (;;) {
    const t = p.peek();
    if (t.kind !== Tk.Punct) return e;
    const at = p.loc(t);
    switch (t.text) {
      case '[': {
        p.next();
        const index = p.parseExpression();
        p.expect(']', 'ExpectedRBracket', []);
        e = p.sema.index(e, index, at);
        break;
      }
      case '(': {
        p.next();
        const args: Expr[] = [];
        if (!p.is(')')) {
          for (;;) {
            args.push(parseAssignment(p));
            if (!p.accept(',')) break;
          }
        }
        p.expect(')', 'ExpectedRParen', []);
        const callee = e;
        e = p.sema.call(e, args, e.loc);
        if (e.kind === 'call' && callee.kind === 'ident' && callee.symbol.kind === 'func' && callee.symbol.builtin) {
          checkFormat(p.diags, callee.symbol.name, e.args, e.loc);
        }
        break;
      }
      case '.': case '->': {
        p.next();
        const name = p.peek();
        if (name.kind !== Tk.Ident) p.fail('ExpectedMemberName', p.loc(name));
        p.next();
        e = p.sema.member(e, name.text, t.text === '->', at, p.loc(name));
        break;
      }
      case '++': case '--':
        p.next();
        e = p.sema.incdec(false, t.text === '++', e, at);
        break;
      default:
        return e;
    }
  }
}

// primary-expression: identifier | constant | string-literal | ( expression ) | generic-selection
function parsePrimary(p: Parser): Expr {
  const t = p.peek();
  const at = p.loc(t);
  switch (t.kind) {
    case Tk.Number: p.next(); return numberConstant(p, t.text, at);
    case Tk.Char: p.next(); return charConstant(p, t.text, at);
    case Tk.String: return stringLiteral(p);
    case Tk.Punct:
      if (t.text === '(') {
        p.next();
        if (p.is('{')) p.fail('UnsupportedFeature', at, ['statement expression']);
        const e = p.parseExpression();
        p.expect(')', 'ExpectedRParen', []);
        return e;
      }
      p.fail('ExpectedExpression', at);
      break;
    case Tk.Ident: return identifier(p);
    case Tk.EOF: p.fail('ExpectedExpression', at); break;
    default: p.reportBadToken(t);
  }
  return errorExpr(at);
}

function identifier(p: Parser): Expr {
  const t = p.next();
  const at = p.loc(t);
  const name = t.text;
  switch (name) {
    case '__func__': case '__FUNCTION__': case '__PRETTY_FUNCTION__': return functionName(p, at);
    case '__builtin_va_arg': return vaArg(p, at);
    case '__builtin_offsetof': return offsetOf(p, at);
    case '__builtin_expect': {
      p.expect('(');
      const e = parseAssignment(p);
      p.expect(',');
      parseAssignment(p);
      p.expect(')');
      return e;
    }
  }
  const entry = p.scope.lookup(name);
  if (!entry) {
    if (p.is('(')) return implicitFunction(p, name, at);
    p.error('UndeclaredIdentifier', at, [name]);
    return errorExpr(at);
  }
  switch (entry.kind) {
    case 'var':
      if (entry.symbol.storage === 'extern' && !p.builder.referencedObjects.has(entry.symbol)) p.builder.referencedObjects.set(entry.symbol, at);
      return { kind: 'ident', symbol: entry.symbol, loc: at, type: entry.symbol.type };
    case 'func':
      if (!p.builder.referencedFunctions.has(entry.symbol)) p.builder.referencedFunctions.set(entry.symbol, at);
      return { kind: 'ident', symbol: entry.symbol, loc: at, type: entry.symbol.type };
    case 'enumConst': return intConst(entry.value, entry.type, at);
    case 'typedef': p.fail('ExpectedExpression', at);
  }
}

/** C99 removed implicit declarations; clang makes calling an undeclared function an error. */
function implicitFunction(p: Parser, name: string, at: SourceLocation): Expr {
  p.error('UndeclaredFunction', at, [name]);
  const header = headerDeclaring(name);
  if (header) p.diags.note('IncludeHeaderNote', at, [header, name]);
  // Declare it as `int name()` so the rest of the file checks without more noise.
  const symbol = p.builder.newFunc(name, functionType(T.int, [], false, true), at, false, false);
  p.scope.fileScope().ordinary.set(name, { kind: 'func', symbol });
  return { kind: 'ident', symbol, loc: at, type: symbol.type };
}

/** `__func__` (C11 6.4.2.2): a static char array holding the function's name, made on first use. */
function functionName(p: Parser, at: SourceLocation): Expr {
  const fn = p.fn;
  const text = fn?.name ?? '';
  if (!fn) return stringExpr(UTF8.encode(text + '\0'), at);
  if (!fn.funcName) {
    const bytes = UTF8.encode(text + '\0');
    const type = arrayOf(T.char, bytes.length);
    const symbol = p.builder.newVar('__func__', type, 'static-local', at);
    const literal = stringExpr(bytes, at);
    p.builder.addGlobal(symbol, { kind: 'list', items: [{ offset: 0, type, expr: literal, stringBytes: bytes }] });
    fn.funcName = symbol;
  }
  const symbol: VarSymbol = fn.funcName;
  return { kind: 'ident', symbol, loc: at, type: symbol.type };
}

function vaArg(p: Parser, at: SourceLocation): Expr {
  p.expect('(');
  const list = parseAssignment(p);
  p.expect(',');
  const type = p.parseTypeName();
  p.expect(')');
  if (isErrorExpr(list)) return list;
  if (!isPointer(list.type) || list.type.to.kind !== 'void') {
    p.error('IncompatibleTypes', list.loc, [`passing '${typeToString(list.type)}' to parameter of incompatible type 'va_list'`]);
    return errorExpr(at);
  }
  return { kind: 'vaArg', list, loc: at, type };
}

// __builtin_offsetof ( type-name , member-designator )
function offsetOf(p: Parser, at: SourceLocation): Expr {
  p.expect('(');
  let type = p.parseTypeName();
  p.expect(',');
  let offset = 0;
  let first = true;
  for (;;) {
    if (first || p.accept('.')) {
      const name = p.next();
      if (name.kind !== Tk.Ident) p.fail('ExpectedIdentifier', p.loc(name));
      if (type.kind !== 'struct' && type.kind !== 'union') { p.error('MemberReferenceNotStruct', p.loc(name), [typeToString(type)]); return errorExpr(at); }
      const path = findField(type, name.text);
      if (!path) { p.error('NoMember', p.loc(name), [name.text, typeToString(type)]); return errorExpr(at); }
      for (const f of path) offset += f.offset;
      type = path[path.length - 1].type;
    } else if (p.accept('[')) {
      const index = p.parseIntegerConstant();
      p.expect(']', 'ExpectedRBracket', []);
      if (type.kind !== 'array') { p.error('SubscriptNotArray', at); return errorExpr(at); }
      type = type.of;
      offset += Number(index) * sizeOf(type);
    } else break;
    first = false;
  }
  p.expect(')');
  return intConst(BigInt(offset), SIZE_T, at);
}

function parseCompoundLiteral(p: Parser, type: CType, at: SourceLocation): Expr {
  const syntax = parseInitializerSyntax(p);
  const fileScope = p.fn === undefined;
  const built = buildInitializer(p, type, syntax, fileScope);
  const storage = p.builder.newVar('(compound literal)', built.type, fileScope ? 'static-global' : 'local', at);
  if (fileScope) p.builder.addGlobal(storage, built.init);
  else p.fn!.locals.push(storage);
  return { kind: 'compoundLiteral', init: built.init, storage, loc: at, type: built.type };
}

function numberConstant(p: Parser, text: string, at: SourceLocation): Expr {
  if (isFloatSpelling(text)) {
    const f = parseFloatLiteral(text);
    if ('error' in f) { p.error(f.error.id, at, f.error.args); return errorExpr(at); }
    return { kind: 'float', value: f.value, loc: at, type: f.size === 4 ? T.float : T.double };
  }
  const lit = parseIntegerLiteral(text);
  if ('error' in lit) { p.error(lit.error.id, at, lit.error.args); return errorExpr(at); }
  return intConst(lit.value, T[lit.kind], at);
}

function charConstant(p: Parser, text: string, at: SourceLocation): Expr {
  const d = decodeLiteral(text);
  for (const e of d.errors) {
    const loc = { ...at, column: at.column + e.offset };
    if (e.error.id === 'InvalidEscape') p.diags.warning(e.error.id, loc, e.error.args);
    else p.error(e.error.id, loc, e.error.args);
  }
  if (d.units.length === 0) { p.error('EmptyCharConstant', at); return errorExpr(at); }
  const type: IntType = d.encoding === 'u' ? T.ushort : d.encoding === 'U' ? T.uint : T.int;
  return intConst(charConstantValue(d), type, at);
}

/** Adjacent string literals concatenate (translation phase 6); a prefix on any one applies to all. */
function stringLiteral(p: Parser): Expr {
  const at = p.loc();
  let encoding: Encoding = '';
  const parts: number[] = [];
  while (p.peek().kind === Tk.String) {
    const t = p.next();
    const d = decodeLiteral(t.text);
    for (const e of d.errors) {
      const loc = { ...p.loc(t), column: t.col + e.offset };
      if (e.error.id === 'InvalidEscape') p.diags.warning(e.error.id, loc, e.error.args);
      else p.error(e.error.id, loc, e.error.args);
    }
    if (d.encoding !== '' && d.encoding !== 'u8') encoding = d.encoding;
    parts.push(...d.units);
  }
  parts.push(0);
  if (encoding === '') return stringExpr(Uint8Array.from(parts), at);
  const unit = encoding === 'u' ? 2 : 4;
  const bytes = new Uint8Array(parts.length * unit);
  const view = new DataView(bytes.buffer);
  parts.forEach((u, k) => unit === 2 ? view.setUint16(k * 2, u, true) : view.setUint32(k * 4, u >>> 0, true));
  const of = encoding === 'u' ? T.ushort : encoding === 'U' ? T.uint : T.int;
  return { kind: 'string', bytes, loc: at, type: arrayOf(of, parts.length) };
}

export function stringExpr(bytes: Uint8Array, at: SourceLocation): Expr {
  return { kind: 'string', bytes, loc: at, type: arrayOf(T.char, bytes.length) };
}
