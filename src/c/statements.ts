// Statements (C11 6.8) and function bodies (6.9.1).

import type { CType, Expr, FunctionDef, FunctionType, SourceLocation, Stmt, VarSymbol } from './ast';
import { parseDeclaration } from './declarations';
import { parseConditional } from './expressions';
import { canFallOffEnd, hasValueReturn } from './flow';
import type { MutableFunc } from './linkage';
import type { FunctionContext, ParamInfo, Parser } from './parser';
import { isErrorExpr, markConstObject, wrapInt } from './semaExpr';
import { Tk } from './tokens';
import { ERROR_TYPE, isComplete, isInteger, promotedType, typeToString } from './types';
import type { CaseLabel, IntType } from './ast';

export function parseFunctionBody(p: Parser, symbol: MutableFunc, params: readonly ParamInfo[], loc: SourceLocation, type: FunctionType): FunctionDef {
  const fn: FunctionContext = {
    name: symbol.name, returns: type.returns, variadic: type.variadic, locals: [],
    labels: new Map(), switches: [], loops: 0, breakables: 0,
  };
  const outerFn = p.fn;
  p.fn = fn;
  p.pushScope();
  const paramSymbols: VarSymbol[] = [];
  try {
    for (const param of params) {
      if (!isComplete(param.type) && param.type !== ERROR_TYPE) p.error('VariableIncompleteType', param.loc, [typeToString(param.type)]);
      const s = p.builder.newVar(param.name ?? '', param.type, 'param', param.loc);
      if (param.isConst) markConstObject(s);
      paramSymbols.push(s);
      if (param.name === undefined) continue;
      if (p.scope.ordinary.has(param.name)) p.error('Redefinition', param.loc, [param.name]);
      p.scope.ordinary.set(param.name, { kind: 'var', symbol: s });
    }
    const errorsBefore = p.diags.errors;
    const body = parseCompound(p, false);
    for (const [name, label] of fn.labels) {
      if (!label.defined && label.used) p.error('UndeclaredLabel', label.used, [name]);
    }
    // C99 5.1.2.2.3: reaching the end of main returns 0, so only other functions are checked.
    // (A body with errors in it may have lost its return statements to recovery: no warning then.)
    if (type.returns.kind !== 'void' && type.returns !== ERROR_TYPE && symbol.name !== 'main' && p.diags.errors === errorsBefore && canFallOffEnd(body.stmt)) {
      p.diags.warning(hasValueReturn(body.stmt) ? 'MissingReturnSomePaths' : 'MissingReturn', body.end);
    }
    return { symbol, params: paramSymbols, body: body.stmt, locals: fn.locals, loc, endLoc: body.end };
  } finally {
    p.popScope();
    p.fn = outerFn;
  }
}

// compound-statement: { block-item* }
function parseCompound(p: Parser, newScope = true): { stmt: Stmt & { kind: 'compound' }; end: SourceLocation } {
  const loc = p.loc();
  p.expect('{');
  if (newScope) p.pushScope();
  const body: Stmt[] = [];
  try {
    while (!p.is('}') && !p.atEnd) {
      p.guarded(() => {
        const t = p.peek();
        // `size_t n;` without the header: clang's "unknown type name", not a cascade of expression errors.
        if (t.kind === Tk.Ident && p.peek(1).kind === Tk.Ident && !p.startsDeclaration() && !p.scope.lookup(t.text) && !KEYWORDS.has(t.text)) {
          body.push(...parseDeclaration(p, 'block', true));
          return;
        }
        if (p.startsDeclaration() && !(t.kind === Tk.Ident && p.is(':', 1))) body.push(...parseDeclaration(p, 'block'));
        else body.push(parseStatement(p));
      });
    }
  } finally {
    if (newScope) p.popScope();
  }
  const end = p.loc();
  p.expect('}', 'ExpectedRBrace', []);
  return { stmt: { kind: 'compound', body, loc }, end };
}

const KEYWORDS = new Set(['if', 'else', 'while', 'do', 'for', 'switch', 'case', 'default', 'break', 'continue', 'goto', 'return', 'sizeof', '_Alignof', 'alignof']);

function fn(p: Parser): FunctionContext { return p.fn!; }

// statement: labeled | compound | expression | selection | iteration | jump
export function parseStatement(p: Parser): Stmt {
  const t = p.peek();
  const loc = p.loc(t);
  if (t.kind === Tk.Ident) {
    if (p.is(':', 1) && !['default', 'case'].includes(t.text)) return parseLabel(p);
    switch (t.text) {
      case 'if': return parseIf(p);
      case 'while': return parseWhile(p);
      case 'do': return parseDo(p);
      case 'for': return parseFor(p);
      case 'switch': return parseSwitch(p);
      case 'case': return parseCase(p);
      case 'default': return parseDefault(p);
      case 'break': {
        p.next();
        if (fn(p).breakables === 0) p.error('BreakOutsideLoop', loc);
        p.expect(';', 'ExpectedSemiAfter', ['break']);
        return { kind: 'break', loc };
      }
      case 'continue': {
        p.next();
        if (fn(p).loops === 0) p.error('ContinueOutsideLoop', loc);
        p.expect(';', 'ExpectedSemiAfter', ['continue']);
        return { kind: 'continue', loc };
      }
      case 'goto': {
        p.next();
        const name = p.next();
        if (name.kind !== Tk.Ident) p.fail('ExpectedIdentifier', p.loc(name));
        const label = fn(p).labels.get(name.text);
        if (!label) fn(p).labels.set(name.text, { defined: undefined, used: p.loc(name) });
        else label.used ??= p.loc(name);
        p.expect(';', 'ExpectedSemiAfter', ['goto']);
        return { kind: 'goto', name: name.text, loc };
      }
      case 'return': return parseReturn(p);
    }
  }
  if (p.is('{')) return parseCompound(p).stmt;
  if (p.accept(';')) return { kind: 'empty', loc };
  const expr = p.parseExpression();
  if (!p.is(';')) p.fail('ExpectedSemiAfterExpr', p.locAfterPrevious());
  p.next();
  return { kind: 'expr', expr, loc };
}

/** A sub-statement in its own block scope (C11 6.8.4p3, 6.8.5p5). */
function parseSubStatement(p: Parser): Stmt {
  p.pushScope();
  try { return parseStatement(p); } finally { p.popScope(); }
}

function parseCondition(p: Parser, keyword: string): Expr {
  p.expect('(', 'ExpectedAfter', ['(', `'${keyword}'`]);
  const e = p.sema.condition(p.parseExpression());
  p.expect(')', 'ExpectedRParen', []);
  return e;
}

// selection-statement: if ( expression ) statement ( else statement )?
function parseIf(p: Parser): Stmt {
  const loc = p.loc();
  p.next();
  const test = parseCondition(p, 'if');
  const then = parseSubStatement(p);
  const otherwise = p.accept('else') ? parseSubStatement(p) : undefined;
  return { kind: 'if', test, then, otherwise, loc };
}

function loopBody(p: Parser): Stmt {
  const f = fn(p);
  f.loops++; f.breakables++;
  try { return parseSubStatement(p); } finally { f.loops--; f.breakables--; }
}

// iteration-statement: while ( expression ) statement
function parseWhile(p: Parser): Stmt {
  const loc = p.loc();
  p.next();
  const test = parseCondition(p, 'while');
  return { kind: 'while', test, body: loopBody(p), loc };
}

// iteration-statement: do statement while ( expression ) ;
function parseDo(p: Parser): Stmt {
  const loc = p.loc();
  p.next();
  const body = loopBody(p);
  if (!p.is('while')) p.fail('ExpectedWhileInDo', p.loc());
  p.next();
  const test = parseCondition(p, 'while');
  p.expect(';', 'ExpectedSemiAfter', ['do/while']);
  return { kind: 'doWhile', body, test, loc };
}

// iteration-statement: for ( expression? ; expression? ; expression? ) statement
//                    | for ( declaration expression? ; expression? ) statement
function parseFor(p: Parser): Stmt {
  const loc = p.loc();
  p.next();
  p.expect('(', 'ExpectedAfter', ['(', '\'for\'']);
  p.pushScope();
  try {
    let init: Stmt | undefined;
    if (p.startsDeclaration()) {
      const initLoc = p.loc();
      const decls = parseDeclaration(p, 'block');
      init = decls.length === 1 ? decls[0] : { kind: 'compound', body: decls, loc: initLoc };
    } else if (!p.accept(';')) {
      const initLoc = p.loc();
      init = { kind: 'expr', expr: p.parseExpression(), loc: initLoc };
      p.expect(';', 'ExpectedAfter', [';', 'for']);
    }
    const test = p.is(';') ? undefined : p.sema.condition(p.parseExpression());
    p.expect(';', 'ExpectedAfter', [';', 'for']);
    const update = p.is(')') ? undefined : p.parseExpression();
    p.expect(')', 'ExpectedRParen', []);
    return { kind: 'for', init, test, update, body: loopBody(p), loc };
  } finally {
    p.popScope();
  }
}

// selection-statement: switch ( expression ) statement
function parseSwitch(p: Parser): Stmt {
  const loc = p.loc();
  p.next();
  p.expect('(', 'ExpectedAfter', ['(', '\'switch\'']);
  let test = p.sema.rvalue(p.parseExpression());
  p.expect(')', 'ExpectedRParen', []);
  let type: CType = ERROR_TYPE;
  if (!isErrorExpr(test)) {
    if (!isInteger(test.type)) p.error('SwitchNotInteger', test.loc, [typeToString(test.type)]);
    else { test = p.sema.promote(test); type = promotedType(test.type); }
  }
  const f = fn(p);
  const context = { type, cases: [], values: new Map<bigint, SourceLocation>(), hasDefault: false };
  f.switches.push(context);
  f.breakables++;
  try {
    const body = parseSubStatement(p);
    return { kind: 'switch', test, body, cases: context.cases, hasDefault: context.hasDefault, loc };
  } finally {
    f.switches.pop();
    f.breakables--;
  }
}

// labeled-statement: case constant-expression : statement
//                  | case constant-expression ... constant-expression : statement   (GNU case range)
function parseCase(p: Parser): Stmt {
  const loc = p.loc();
  p.next();
  const valueExpr = p.sema.rvalue(parseConditional(p));
  const low = p.constantValue(valueExpr);
  let high = low;
  if (p.accept('...')) high = p.constantValue(p.sema.rvalue(parseConditional(p)));
  p.expect(':', 'ExpectedAfter', [':', '\'case\'']);
  const sw = fn(p).switches[fn(p).switches.length - 1];
  if (!sw) p.error('CaseOutsideSwitch', loc, ['case']);
  // A range becomes one label per value (the AST has no ranges); clang accepts them as an extension.
  if (high - low > 4096n) p.fail('UnsupportedFeature', loc, ['a case range of more than 4096 values']);
  const labels: CaseLabel[] = [];
  for (let v = low; v <= high; v++) {
    let value = v;
    if (sw && sw.type !== ERROR_TYPE) {
      value = wrapInt(v, sw.type as IntType);
      if (sw.values.has(value)) {
        p.error('DuplicateCase', valueExpr.loc, [value]);
        p.diags.note('PreviousDefinition', sw.values.get(value)!);
      } else sw.values.set(value, valueExpr.loc);
    }
    const label = { value, id: p.builder.caseId() };
    if (sw) sw.cases.push(label);
    labels.push(label);
  }
  let body = parseCaseBody(p);
  for (let k = labels.length - 1; k > 0; k--) body = { kind: 'case', label: labels[k], body, loc };
  return { kind: 'case', label: labels[0] ?? { value: low, id: p.builder.caseId() }, body, loc };
}

function parseCaseBody(p: Parser): Stmt {
  // `case 1: }` is accepted by clang with a warning; give it an empty statement.
  if (p.is('}')) return { kind: 'empty', loc: p.loc() };
  if (p.startsDeclaration() && !p.is('typedef')) {
    // C23 allows declarations after labels; clang accepts them as an extension.
    const loc = p.loc();
    const decls = parseDeclaration(p, 'block');
    return decls.length === 1 ? decls[0] : { kind: 'compound', body: decls, loc };
  }
  return parseStatement(p);
}

// labeled-statement: default : statement
function parseDefault(p: Parser): Stmt {
  const loc = p.loc();
  p.next();
  p.expect(':', 'ExpectedAfter', [':', '\'default\'']);
  const sw = fn(p).switches[fn(p).switches.length - 1];
  if (!sw) p.error('CaseOutsideSwitch', loc, ['default']);
  else if (sw.hasDefault) p.error('MultipleDefault', loc);
  else sw.hasDefault = true;
  return { kind: 'default', body: parseCaseBody(p), loc };
}

// labeled-statement: identifier : statement
function parseLabel(p: Parser): Stmt {
  const t = p.next();
  const loc = p.loc(t);
  p.next(); // ':'
  p.skipAttributes();
  const label = fn(p).labels.get(t.text);
  if (label?.defined) p.error('LabelRedefinition', loc, [t.text]);
  else if (label) label.defined = loc;
  else fn(p).labels.set(t.text, { defined: loc, used: undefined });
  return { kind: 'label', name: t.text, body: parseCaseBody(p), loc };
}

// jump-statement: return expression? ;
function parseReturn(p: Parser): Stmt {
  const loc = p.loc();
  p.next();
  const f = fn(p);
  if (p.accept(';')) {
    if (f.returns.kind !== 'void' && f.returns !== ERROR_TYPE) p.error('NonVoidReturnsNothing', loc, [f.name]);
    return { kind: 'return', value: undefined, loc };
  }
  let value = p.parseExpression();
  if (f.returns.kind === 'void') {
    if (value.type.kind !== 'void' && !isErrorExpr(value)) p.error('ReturningValueFromVoid', loc, [f.name]);
  } else value = p.sema.assignConvert(value, f.returns, 'returning', value.loc);
  p.expect(';', 'ExpectedSemiAfter', ['return']);
  return { kind: 'return', value, loc };
}

