// Declarations (C11 6.7, 6.9): objects, functions, typedefs at file and block scope, with C's
// linkage rules (6.2.2) resolved against the program-wide table so several translation units
// share one symbol per external name.

import type { CType, FunctionType, Initializer, SourceLocation, Stmt, VarSymbol } from './ast';
import { isBuiltinHeaderPath } from './headers';
import { buildInitializer, parseInitializerSyntax } from './initializers';
import type { MutableFunc, MutableVar } from './linkage';
import { type DeclSpec, type Declarator, type Parser } from './parser';
import { parseFunctionBody } from './statements';
import { markConstObject } from './semaExpr';
import { ERROR_TYPE, compatible, composite, isComplete, typeToString } from './types';
import { Tk } from './tokens';

// translation-unit: external-declaration+
export function parseTranslationUnit(p: Parser): void {
  while (!p.atEnd) {
    if (p.accept(';')) continue;
    if (p.is('}')) { p.error('ExtraneousCloseBrace', p.loc()); p.next(); continue; }
    p.guarded(() => parseDeclaration(p, 'file'), false);
  }
}

// declaration: declaration-specifiers init-declarator-list? ; | static_assert-declaration
// function-definition: declaration-specifiers declarator compound-statement
export function parseDeclaration(p: Parser, where: 'file' | 'block', unknownTypeName = false): Stmt[] {
  if (p.is('_Static_assert')) { p.parseStaticAssert(); return []; }
  const startTok = p.peek();
  if (where === 'file' && startTok.kind === Tk.Ident && !p.startsDeclaration() && !p.is('(', 1) && !p.is('*')) {
    if (p.peek(1).kind === Tk.Ident || p.is('*', 1)) unknownTypeName = true;
  }
  if (where === 'file' && startTok.kind !== Tk.Ident) {
    if (startTok.kind === Tk.Other) p.reportBadToken(startTok);
    p.fail('ExpectedIdentifierOrParen', p.loc());
  }
  let spec: DeclSpec;
  if (unknownTypeName) {
    // `size_t n;` without its header: clang's "unknown type name", then carry on as if it were a type.
    p.error('UnknownTypeName', p.loc(), [startTok.text]);
    p.next();
    spec = { storage: undefined, type: ERROR_TYPE, loc: p.loc(startTok), inline: false, isConst: false, declaresTag: false };
  } else spec = p.parseDeclSpec(true);
  const stmts: Stmt[] = [];
  if (p.accept(';')) return stmts; // `struct S { … };` or a lone `int;`
  let first = true;
  for (;;) {
    const d = p.parseDeclarator(spec.type, false, spec.isConst);
    if (first && where === 'file' && d.type.kind === 'function' && (p.is('{') || startsKAndR(p))) {
      defineFunction(p, spec, d);
      return stmts;
    }
    if (p.is('{') && d.type.kind === 'function') p.fail('FunctionDefinitionNotAllowed', p.loc());
    first = false;
    const stmt = declareOne(p, spec, d, where);
    if (stmt) stmts.push(stmt);
    if (!p.accept(',')) break;
  }
  p.skipAttributes();
  if (!p.is(';')) {
    p.fail(where === 'file' ? 'ExpectedSemiAfterDecl' : 'ExpectedSemiAtEndOfDecl', p.locAfterPrevious());
  }
  p.next();
  return stmts;
}

function startsKAndR(p: Parser): boolean {
  return p.startsDeclaration() && !p.is('__attribute__');
}

function declareOne(p: Parser, spec: DeclSpec, d: Declarator, where: 'file' | 'block'): Stmt | undefined {
  const name = d.name!;
  if (spec.storage === 'typedef') {
    if (p.is('=')) p.fail('IllegalInitializer', p.loc());
    declareTypedef(p, name, d.type, d.loc, d.isConst);
    return undefined;
  }
  if (d.type.kind === 'function') {
    if (p.is('=')) p.fail('IllegalInitializer', p.loc());
    declareFunction(p, name, d.type, d.loc, spec.storage === 'static', false);
    return undefined;
  }
  return where === 'file' ? declareFileObject(p, spec, d) : declareBlockObject(p, spec, d);
}

function declareTypedef(p: Parser, name: string, type: CType, loc: SourceLocation, isConst: boolean): void {
  const previous = p.scope.ordinary.get(name);
  if (previous) {
    if (previous.kind === 'typedef') {
      // C11 allows repeating a typedef with the same type (the headers do).
      if (!compatible(previous.type, type) && previous.type !== ERROR_TYPE && type !== ERROR_TYPE) {
        p.error('TypedefRedefinitionDifferent', loc, [typeToString(type), typeToString(previous.type)]);
      }
      return;
    }
    p.error('RedefinitionDifferentKind', loc, [name]);
    return;
  }
  p.scope.ordinary.set(name, { kind: 'typedef', type, loc, isConst });
}

export function declareFunction(p: Parser, name: string, type: FunctionType, loc: SourceLocation, isStatic: boolean, defining: boolean): MutableFunc {
  const file = p.scope.fileScope();
  const local = p.scope.isFileScope ? undefined : p.scope.ordinary.get(name);
  if (local && local.kind !== 'func') p.error('RedefinitionDifferentKind', loc, [name]);
  const existing = file.ordinary.get(name);
  let symbol: MutableFunc | undefined;
  if (existing) {
    if (existing.kind !== 'func') {
      p.error('RedefinitionDifferentKind', loc, [name]);
      if (existing.kind === 'var') p.diags.note('PreviousDefinition', existing.symbol.loc);
    } else {
      symbol = existing.symbol as MutableFunc;
      if (isStatic && !symbol.isStatic) p.error('StaticAfterNonStatic', loc, [name]);
    }
  } else if (!isStatic) {
    symbol = p.builder.externalFunctions.get(name);
  }
  const builtin = isBuiltinHeaderPath(loc.file);
  if (symbol) {
    // Found only through the program's external names: declared by another translation unit.
    const fromOtherUnit = !existing;
    if (!compatible(symbol.type, type, fromOtherUnit)) {
      p.error('ConflictingTypes', loc, [name]);
      p.diags.note('PreviousDeclaration', symbol.loc);
    } else symbol.type = composite(symbol.type, type) as FunctionType;
  } else {
    symbol = p.builder.newFunc(name, type, loc, builtin, isStatic);
    if (!isStatic) p.builder.externalFunctions.set(name, symbol);
  }
  if (defining) symbol.builtin = false;
  if (p.scope.isFileScope || !existing) file.ordinary.set(name, { kind: 'func', symbol });
  if (!p.scope.isFileScope) p.scope.ordinary.set(name, { kind: 'func', symbol });
  return symbol;
}

function defineFunction(p: Parser, spec: DeclSpec, d: Declarator): void {
  const type = d.type as FunctionType;
  if (startsKAndR(p)) p.fail('KAndRNotSupported', p.loc());
  if (spec.storage === 'typedef' || spec.storage === 'extern' && false) p.fail('FunctionDefinitionNotAllowed', d.loc);
  const symbol = declareFunction(p, d.name!, type, d.loc, spec.storage === 'static', true);
  if (symbol.definition) {
    p.error('Redefinition', d.loc, [d.name!]);
    p.diags.note('PreviousDefinition', symbol.definition.loc);
  }
  // A definition `int f()` takes no parameters: it is a prototype for the body's own checks.
  const params = d.params ?? [];
  const def = parseFunctionBody(p, symbol, params, d.loc, type);
  if (!symbol.definition) {
    symbol.definition = def;
    p.builder.functions.push(def);
  }
}

function declareFileObject(p: Parser, spec: DeclSpec, d: Declarator): Stmt | undefined {
  const name = d.name!;
  let type = d.type;
  if (type.kind === 'array' && type.vla) { p.error('VlaAtFileScope', d.loc); type = ERROR_TYPE; }
  const isStatic = spec.storage === 'static';
  const hasInit = p.is('=');
  if (spec.storage === 'auto' || spec.storage === 'register') p.error('StorageClassNotAllowed', spec.loc, [spec.storage]);
  const file = p.scope;
  const existing = file.ordinary.get(name);
  let symbol: MutableVar | undefined;
  let record = undefined as ReturnType<typeof p.builder.externalObjects.get>;
  if (existing) {
    if (existing.kind !== 'var') {
      p.error('RedefinitionDifferentKind', d.loc, [name]);
    } else {
      symbol = existing.symbol as MutableVar;
      if (isStatic && symbol.storage !== 'static-global') p.error('StaticAfterNonStatic', d.loc, [name]);
    }
  }
  if (!symbol && !isStatic) {
    record = p.builder.externalObjects.get(name);
    symbol = record?.symbol;
  }
  if (symbol) {
    if (!compatible(symbol.type, type, record !== undefined) && symbol.type !== ERROR_TYPE && type !== ERROR_TYPE) {
      p.error('ConflictingTypes', d.loc, [name]);
      p.diags.note('PreviousDeclaration', symbol.loc);
    } else symbol.type = composite(symbol.type, type);
  } else {
    const storage = isStatic ? 'static-global' : spec.storage === 'extern' && !hasInit ? 'extern' : 'global';
    symbol = p.builder.newVar(name, type, storage, d.loc);
  }
  if (d.isConst) markConstObject(symbol);
  if (!isStatic) {
    record = p.builder.externalObjects.get(name);
    if (!record) {
      record = { symbol, globalIndex: undefined, initialized: false, definedAt: undefined };
      p.builder.externalObjects.set(name, record);
    }
  }
  file.ordinary.set(name, { kind: 'var', symbol });

  let init: Initializer | undefined;
  if (hasInit) {
    p.next();
    const syntax = parseInitializerSyntax(p);
    const built = buildInitializer(p, symbol.type, syntax, true);
    init = built.init;
    symbol.type = built.type;
  }
  const defines = hasInit || spec.storage !== 'extern';
  if (!defines) return undefined;
  if (symbol.storage === 'extern') symbol.storage = 'global';
  if (!isComplete(symbol.type) && symbol.type !== ERROR_TYPE) {
    // A tentative `int a[];` becomes a one-element array at the end of the unit (C11 6.9.2p5).
    if (symbol.type.kind === 'array' && symbol.type.length === undefined && !hasInit) symbol.type = { ...symbol.type, length: 1 };
    else p.error('VariableIncompleteType', d.loc, [typeToString(symbol.type)]);
  }
  if (record) {
    if (hasInit && record.initialized) {
      p.error('Redefinition', d.loc, [name]);
      if (record.definedAt) p.diags.note('PreviousDefinition', record.definedAt);
      return undefined;
    }
    if (record.globalIndex === undefined) record.globalIndex = p.builder.addGlobal(symbol, init);
    else if (hasInit) p.builder.setGlobalInit(record.globalIndex, init);
    if (hasInit) { record.initialized = true; record.definedAt = d.loc; }
    return undefined;
  }
  // Internal linkage: one global per symbol too.
  const index = staticIndex.get(symbol);
  if (index === undefined) staticIndex.set(symbol, p.builder.addGlobal(symbol, init));
  else if (hasInit) p.builder.setGlobalInit(index, init);
  return undefined;
}

const staticIndex = new WeakMap<VarSymbol, number>();

function declareBlockObject(p: Parser, spec: DeclSpec, d: Declarator): Stmt | undefined {
  const name = d.name!;
  const previous = p.scope.ordinary.get(name);
  if (previous && !(spec.storage === 'extern' && previous.kind === 'var' && previous.symbol.storage !== 'local')) {
    p.error('Redefinition', d.loc, [name]);
    if (previous.kind === 'var') p.diags.note('PreviousDefinition', previous.symbol.loc);
  }
  if (spec.storage === 'extern') {
    if (p.is('=')) p.fail('ExternWithInitializer', p.loc());
    const record = p.builder.externalObjects.get(name);
    const fileEntry = p.scope.fileScope().ordinary.get(name);
    let symbol = record?.symbol ?? (fileEntry?.kind === 'var' ? fileEntry.symbol as MutableVar : undefined);
    if (!symbol) {
      symbol = p.builder.newVar(name, d.type, 'extern', d.loc);
      p.builder.externalObjects.set(name, { symbol, globalIndex: undefined, initialized: false, definedAt: undefined });
    }
    p.scope.ordinary.set(name, { kind: 'var', symbol });
    return undefined;
  }
  const isStatic = spec.storage === 'static';
  let type = d.type;
  if (type.kind === 'array' && type.vla && isStatic) { p.error('VlaAtFileScope', d.loc); type = ERROR_TYPE; }
  const symbol = p.builder.newVar(name, type, isStatic ? 'static-local' : 'local', d.loc);
  if (d.isConst) markConstObject(symbol);
  // The name is in scope from the end of its declarator: `int x = sizeof x;` works.
  p.scope.ordinary.set(name, { kind: 'var', symbol });
  let init: Initializer | undefined;
  if (p.accept('=')) {
    const syntax = parseInitializerSyntax(p);
    const built = buildInitializer(p, type, syntax, isStatic);
    init = built.init;
    symbol.type = built.type;
  }
  if (!isComplete(symbol.type) && symbol.type !== ERROR_TYPE) {
    p.error('VariableIncompleteType', d.loc, [typeToString(symbol.type)]);
  }
  if (isStatic) {
    p.builder.addGlobal(symbol, init);
    return { kind: 'declare', symbol, init: undefined, loc: d.loc };
  }
  p.fn?.locals.push(symbol);
  return { kind: 'declare', symbol, init, loc: d.loc };
}
