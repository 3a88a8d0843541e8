// Can control reach the closing brace of a function? Clang warns (-Wreturn-type, on by default)
// when a non-void function can end without returning a value; this is the same conservative
// reachability: loops without a way out, calls that never return and jumps end a path.

import type { Expr, Stmt } from './ast';

/** Library functions declared _Noreturn in the built-in headers. */
const NORETURN = new Set(['exit', '_Exit', '_exit', 'abort', '__assert_rtn']);

export function canFallOffEnd(body: Stmt): boolean { return completes(body); }

export function hasValueReturn(s: Stmt): boolean {
  switch (s.kind) {
    case 'return': return s.value !== undefined;
    case 'compound': return s.body.some(hasValueReturn);
    case 'if': return hasValueReturn(s.then) || (s.otherwise !== undefined && hasValueReturn(s.otherwise));
    case 'while': case 'doWhile': case 'for': case 'switch': case 'case': case 'default': case 'label': return hasValueReturn(s.body);
    default: return false;
  }
}

function completes(s: Stmt): boolean {
  switch (s.kind) {
    case 'compound': {
      let reachable = true;
      for (const t of s.body) {
        // A label can be jumped to, so what follows it is reachable again.
        if (t.kind === 'label' || t.kind === 'case' || t.kind === 'default') reachable = true;
        if (reachable && !completes(t)) reachable = false;
      }
      return reachable;
    }
    case 'return': case 'goto': case 'break': case 'continue': return false;
    case 'expr': return !neverReturns(s.expr);
    case 'if': return s.otherwise === undefined || completes(s.then) || completes(s.otherwise);
    case 'while': return !isTrue(s.test) || breaksOut(s.body);
    case 'for': return (s.test !== undefined && !isTrue(s.test)) || breaksOut(s.body);
    case 'doWhile': return (completes(s.body) && !isTrue(s.test)) || breaksOut(s.body);
    case 'switch': return !s.hasDefault || completes(s.body) || breaksOut(s.body);
    case 'case': case 'default': case 'label': return completes(s.body);
    default: return true;
  }
}

function isTrue(e: Expr): boolean { return e.kind === 'int' && e.value !== 0n; }

function neverReturns(e: Expr): boolean {
  if (e.kind === 'call' && e.callee.kind === 'decay' && e.callee.operand.kind === 'ident') return NORETURN.has(e.callee.operand.symbol.name);
  if (e.kind === 'cast') return neverReturns(e.operand);
  return false;
}

/** A `break` that leaves this loop or switch (not one inside a nested loop or switch). */
function breaksOut(s: Stmt): boolean {
  switch (s.kind) {
    case 'break': return true;
    case 'compound': return s.body.some(breaksOut);
    case 'if': return breaksOut(s.then) || (s.otherwise !== undefined && breaksOut(s.otherwise));
    case 'case': case 'default': case 'label': return breaksOut(s.body);
    default: return false;
  }
}
