// A few hand-built AST helpers, for interpreter tests that do not depend on the front end.

import type { CType, Expr, FuncSymbol, FunctionDef, FunctionType, Program, SourceLocation, Stmt, VarSymbol } from '../../../src/c/ast';

export const INT: CType = { kind: 'int', name: 'int', size: 4, signed: true };
export const LONG: CType = { kind: 'int', name: 'long', size: 8, signed: true };
export const ULONG: CType = { kind: 'int', name: 'ulong', size: 8, signed: false };
export const CHAR: CType = { kind: 'int', name: 'char', size: 1, signed: true };
export const VOID: CType = { kind: 'void' };
export const ptr = (to: CType): CType => ({ kind: 'pointer', to });

let nextId = 1;
export const at = (line: number): SourceLocation => ({ file: 't.c', line, column: 1 });

export function local(name: string, type: CType, storage: VarSymbol['storage'] = 'local'): VarSymbol {
  return { kind: 'var', name, type, storage, id: nextId++, loc: at(1) };
}
export function func(name: string, returns: CType, params: CType[], variadic = false, builtin = false): FuncSymbol {
  const type: FunctionType = { kind: 'function', returns, params, variadic, unprototyped: false };
  return { kind: 'func', name, type, id: nextId++, loc: at(1), builtin, isStatic: false };
}

export const num = (v: number, type: CType = INT, line = 1): Expr => ({ kind: 'int', value: BigInt(v), type, loc: at(line) });
export const id = (s: VarSymbol, line = 1): Expr => ({ kind: 'ident', symbol: s, type: s.type, loc: at(line) });
export const bin = (op: Expr & { kind: 'binary' } extends { op: infer O } ? O : never, l: Expr, r: Expr, type: CType = l.type): Expr =>
  ({ kind: 'binary', op, left: l, right: r, type, loc: l.loc });
export const assign = (t: Expr, v: Expr): Expr => ({ kind: 'assign', target: t, value: v, type: t.type, loc: t.loc });
export const cast = (e: Expr, type: CType): Expr => ({ kind: 'cast', operand: e, type, implicit: true, loc: e.loc });
export const str = (s: string, line = 1): Expr => {
  const bytes = new Uint8Array([...Buffer.from(s, 'utf8'), 0]);
  const arr: CType = { kind: 'array', of: CHAR, length: bytes.length };
  return { kind: 'decay', operand: { kind: 'string', bytes, type: arr, loc: at(line) }, type: ptr(CHAR), loc: at(line) };
};
export const call = (f: FuncSymbol, args: Expr[], line = 1): Expr => ({
  kind: 'call', callee: { kind: 'decay', operand: { kind: 'ident', symbol: f, type: f.type, loc: at(line) }, type: ptr(f.type), loc: at(line) },
  args, type: f.type.returns, loc: at(line),
});
export const inc = (t: Expr): Expr => ({ kind: 'incdec', prefix: false, increment: true, target: t, delta: 1, type: t.type, loc: t.loc });

export const expr = (e: Expr, line: number): Stmt => ({ kind: 'expr', expr: e, loc: at(line) });
export const decl = (s: VarSymbol, init: Expr | undefined, line: number): Stmt => ({ kind: 'declare', symbol: s, init: init && { kind: 'expr', expr: init }, loc: at(line) });
export const ret = (v: Expr | undefined, line: number): Stmt => ({ kind: 'return', value: v, loc: at(line) });
export const block = (body: Stmt[], line = 1): Stmt & { kind: 'compound' } => ({ kind: 'compound', body, loc: at(line) });
export const forLoop = (init: Stmt, test: Expr, update: Expr, body: Stmt, line: number): Stmt => ({ kind: 'for', init, test, update, body, loc: at(line) });

export function define(sym: FuncSymbol, params: VarSymbol[], locals: VarSymbol[], body: Stmt & { kind: 'compound' }, endLine: number): FunctionDef {
  const def: FunctionDef = { symbol: sym, params, body, locals, loc: at(1), endLoc: at(endLine) };
  sym.definition = def;
  return def;
}

export function program(functions: FunctionDef[], library: FuncSymbol[]): Program {
  return { functions, globals: [], functionSymbols: [...functions.map((f) => f.symbol), ...library], files: ['t.c'] };
}
