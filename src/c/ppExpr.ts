// Evaluating the controlling expression of #if / #elif (C11 6.10.1): after `defined` and macro
// expansion, every remaining identifier is 0 and arithmetic is done in intmax_t / uintmax_t.

import type { SourceLocation } from './ast';
import { charConstantValue, decodeLiteral, isFloatSpelling, parseIntegerLiteral } from './literals';
import type { MessageId } from './messages';
import { Tk, type Token } from './tokens';

interface PpValue { readonly v: bigint; readonly unsigned: boolean }

export class PpExprError extends Error {
  constructor(readonly id: MessageId, readonly loc: SourceLocation) { super(id); }
}

const BINARY_PRECEDENCE: Record<string, number> = {
  '*': 10, '/': 10, '%': 10, '+': 9, '-': 9, '<<': 8, '>>': 8,
  '<': 7, '>': 7, '<=': 7, '>=': 7, '==': 6, '!=': 6, '&': 5, '^': 4, '|': 3, '&&': 2, '||': 1,
};

const MASK64 = (1n << 64n) - 1n;
const wrap = (v: bigint, unsigned: boolean): PpValue => ({ v: unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), unsigned });

/** Throws PpExprError on a malformed expression; the caller reports it. */
export function evaluatePpExpression(tokens: readonly Token[], directiveLoc: SourceLocation): bigint {
  let pos = 0;
  const locOf = (t: Token | undefined): SourceLocation => t ? { file: t.file, line: t.line, column: t.col } : directiveLoc;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (id: MessageId, t: Token | undefined): never => { throw new PpExprError(id, locOf(t)); };

  const primary = (): PpValue => {
    const t = tokens[pos++];
    if (!t) return fail('PpExpressionExpected', undefined);
    if (t.kind === Tk.Punct) {
      switch (t.text) {
        case '(': {
          const v = conditional();
          if (peek()?.text !== ')') fail('PpMissingParen', peek());
          pos++;
          return v;
        }
        case '-': { const a = primary(); return wrap(-a.v, a.unsigned); }
        case '+': return primary();
        case '~': { const a = primary(); return wrap(~a.v & MASK64, a.unsigned); }
        case '!': { const a = primary(); return { v: a.v === 0n ? 1n : 0n, unsigned: false }; }
      }
      return fail('PpExpressionExpected', t);
    }
    if (t.kind === Tk.Number) {
      if (isFloatSpelling(t.text)) fail('PpFloatInExpression', t);
      const lit = parseIntegerLiteral(t.text);
      if ('error' in lit) return fail(lit.error.id, t);
      return wrap(lit.value, lit.kind === 'uint' || lit.kind === 'ulong' || lit.kind === 'ullong');
    }
    if (t.kind === Tk.Char) return { v: charConstantValue(decodeLiteral(t.text)), unsigned: false };
    if (t.kind === Tk.Ident) return { v: 0n, unsigned: false };
    return fail('PpExpressionExpected', t);
  };

  const binary = (minPrec: number): PpValue => {
    let left = primary();
    for (;;) {
      const t = peek();
      if (!t || t.kind !== Tk.Punct) break;
      const prec = BINARY_PRECEDENCE[t.text];
      if (prec === undefined || prec < minPrec) break;
      pos++;
      if (t.text === '&&' || t.text === '||') {
        const right = binary(prec + 1);
        const v = t.text === '&&' ? (left.v !== 0n && right.v !== 0n) : (left.v !== 0n || right.v !== 0n);
        left = { v: v ? 1n : 0n, unsigned: false };
        continue;
      }
      const right = binary(prec + 1);
      left = apply(t, left, right);
    }
    return left;
  };

  const apply = (t: Token, a: PpValue, b: PpValue): PpValue => {
    const shift = t.text === '<<' || t.text === '>>';
    const u = shift ? a.unsigned : a.unsigned || b.unsigned;
    const x = u ? BigInt.asUintN(64, a.v) : a.v;
    const y = shift ? b.v : u ? BigInt.asUintN(64, b.v) : b.v;
    const bool = (c: boolean): PpValue => ({ v: c ? 1n : 0n, unsigned: false });
    switch (t.text) {
      case '*': return wrap(x * y, u);
      case '/': if (y === 0n) fail('PpDivisionByZero', t); return wrap(x / y, u);
      case '%': if (y === 0n) fail('PpDivisionByZero', t); return wrap(x % y, u);
      case '+': return wrap(x + y, u);
      case '-': return wrap(x - y, u);
      case '<<': return wrap(y >= 64n || y < 0n ? 0n : x << y, u);
      case '>>': return wrap(y >= 64n || y < 0n ? (x < 0n ? -1n : 0n) : x >> y, u);
      case '<': return bool(x < y);
      case '>': return bool(x > y);
      case '<=': return bool(x <= y);
      case '>=': return bool(x >= y);
      case '==': return bool(x === y);
      case '!=': return bool(x !== y);
      case '&': return wrap(x & y, u);
      case '^': return wrap(x ^ y, u);
      case '|': return wrap(x | y, u);
    }
    return fail('PpExpressionInvalidToken', t);
  };

  const conditional = (): PpValue => {
    const test = binary(1);
    if (peek()?.text === '?') {
      pos++;
      const a = conditional();
      if (peek()?.text !== ':') fail('PpExpressionInvalidToken', peek());
      pos++;
      const b = conditional();
      return test.v !== 0n ? a : b;
    }
    return test;
  };

  const comma = (): PpValue => {
    let v = conditional();
    while (peek()?.text === ',') { pos++; v = conditional(); }
    return v;
  };

  const result = comma();
  if (pos < tokens.length) fail('PpExpressionInvalidToken', tokens[pos]);
  return result.v;
}
