// A compact S-expression rendering of the typed AST, so tests can state the expected shape
// (conversions, decays, pointer arithmetic, folding) in one readable line.

import type { Expr, Initializer, Stmt } from '../../../src/c/ast';
import { typeToString } from '../../../src/c/types';

export function exprText(e: Expr): string {
  const t = typeToString(e.type);
  switch (e.kind) {
    case 'int': return `${e.value}:${t}`;
    case 'float': return `${e.value}:${t}`;
    case 'string': return `"${new TextDecoder().decode(e.bytes.slice(0, -1))}":${t}`;
    case 'ident': return e.symbol.name;
    case 'unary': return `(${e.op} ${exprText(e.operand)})`;
    case 'binary': return `(${e.op}${e.elementSize !== undefined ? `/${e.elementSize}` : ''} ${exprText(e.left)} ${exprText(e.right)})`;
    case 'assign': return `(= ${exprText(e.target)} ${exprText(e.value)})`;
    case 'compoundAssign': return `(${e.op}=${e.elementSize !== undefined ? `/${e.elementSize}` : ''}:${typeToString(e.computeType)} ${exprText(e.target)} ${exprText(e.value)})`;
    case 'incdec': return `(${e.prefix ? 'pre' : 'post'}${e.increment ? '++' : '--'}/${e.delta} ${exprText(e.target)})`;
    case 'conditional': return `(? ${exprText(e.test)} ${exprText(e.then)} ${exprText(e.otherwise)})`;
    case 'comma': return `(, ${exprText(e.left)} ${exprText(e.right)})`;
    case 'call': return `(call ${exprText(e.callee)}${e.args.map(a => ' ' + exprText(a)).join('')})`;
    case 'index': return `(index/${e.elementSize} ${exprText(e.base)} ${exprText(e.index)})`;
    case 'member': return `(${e.arrow ? '->' : '.'}${e.field.name ?? '<anon>'} ${exprText(e.object)})`;
    case 'cast': return `(${e.implicit ? 'icast' : 'cast'}:${t} ${exprText(e.operand)})`;
    case 'decay': return `(decay ${exprText(e.operand)})`;
    case 'addressOf': return `(& ${exprText(e.operand)})`;
    case 'deref': return `(* ${exprText(e.operand)})`;
    case 'compoundLiteral': return `(literal:${t} ${initText(e.init)})`;
    case 'vaArg': return `(va_arg:${t} ${exprText(e.list)})`;
    case 'sizeofVla': return `(sizeof-vla ${typeToString(e.vlaType)})`;
  }
}

export function initText(init: Initializer | undefined): string {
  if (!init) return '-';
  if (init.kind === 'expr') return exprText(init.expr);
  return `{${init.items.map(i => `${i.offset}${i.bitField ? `:${i.bitField.bitOffset}+${i.bitField.bitWidth}` : ''}=${i.stringBytes ? `str${i.stringBytes.length}` : exprText(i.expr)}`).join(' ')}}`;
}

export function stmtText(s: Stmt): string {
  switch (s.kind) {
    case 'compound': return `{${s.body.map(stmtText).join(' ')}}`;
    case 'expr': return exprText(s.expr) + ';';
    case 'declare': return `(declare ${s.symbol.name}:${typeToString(s.symbol.type)} ${initText(s.init)})`;
    case 'if': return `(if ${exprText(s.test)} ${stmtText(s.then)}${s.otherwise ? ' ' + stmtText(s.otherwise) : ''})`;
    case 'while': return `(while ${exprText(s.test)} ${stmtText(s.body)})`;
    case 'doWhile': return `(do ${stmtText(s.body)} ${exprText(s.test)})`;
    case 'for': return `(for ${s.init ? stmtText(s.init) : '-'} ${s.test ? exprText(s.test) : '-'} ${s.update ? exprText(s.update) : '-'} ${stmtText(s.body)})`;
    case 'return': return `(return${s.value ? ' ' + exprText(s.value) : ''})`;
    case 'break': return 'break;';
    case 'continue': return 'continue;';
    case 'switch': return `(switch ${exprText(s.test)} [${s.cases.map(c => c.value).join(',')}${s.hasDefault ? ',default' : ''}] ${stmtText(s.body)})`;
    case 'case': return `(case ${s.label.value} ${stmtText(s.body)})`;
    case 'default': return `(default ${stmtText(s.body)})`;
    case 'label': return `(label ${s.name} ${stmtText(s.body)})`;
    case 'goto': return `(goto ${s.name})`;
    case 'empty': return ';';
  }
}
