// What a breakpoint asks before it stops: a condition, a hit count, or a log message instead of
// a stop. Pure parsing and evaluation; the values come from a callback, so nothing here knows
// about the Process or DAP.
//
// The engine's evaluate() reads values (identifiers, `*`, `&`, `->`, `[]`, `+ - * / %`, casts)
// but has no comparisons or logic, which is what conditions are made of. So the comparison and
// logic layer lives here: `==  !=  <  <=  >  >=  &&  ||  !` and parentheses around them split the
// condition into operands, and each operand goes to evaluate() as written.

import { adapterMessages } from './messages';

/** A scalar read from the program: integers exactly (64-bit), floating values as numbers. */
export type Scalar = bigint | number;

export type Failure = { readonly error: string };

export function failed<T>(r: T | Failure): r is Failure {
  return typeof r === 'object' && r !== null && 'error' in r;
}

// --- hit conditions -------------------------------------------------------------------------

export type HitOperator = '>=' | '>' | '==' | '<' | '<=' | '%';
export interface HitCondition { readonly op: HitOperator; readonly n: number }

/** `>= 10`, `== 3`, `% 3`, `> 2`, `< 5`, `<= 5`, `= 3`, or a bare number, which means `>=`. */
export function parseHitCondition(text: string): HitCondition | Failure {
  const m = /^\s*(>=|<=|==|=|>|<|%)?\s*(\d+)\s*$/.exec(text);
  if (m === null) return { error: adapterMessages.badHitCondition(text) };
  const op = (m[1] === undefined ? '>=' : m[1] === '=' ? '==' : m[1]) as HitOperator;
  const n = Number(m[2]);
  if (op === '%' && n === 0) return { error: adapterMessages.badHitCondition(text) };
  return { op, n };
}

/** Whether the `hits`-th time (1-based) the breakpoint is reached is one it stops at. */
export function hitConditionMet(c: HitCondition, hits: number): boolean {
  switch (c.op) {
    case '>=': return hits >= c.n;
    case '>': return hits > c.n;
    case '==': return hits === c.n;
    case '<': return hits < c.n;
    case '<=': return hits <= c.n;
    case '%': return hits % c.n === 0;
  }
}

// --- log messages ---------------------------------------------------------------------------

export type LogPart = { readonly text: string } | { readonly expression: string };

/** `x is {x}, *p is {*p}`; `\{` and `\}` are literal braces. An unclosed `{` is an error. */
export function parseLogMessage(message: string): LogPart[] | Failure {
  const parts: LogPart[] = [];
  let text = '';
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === '\\' && (message[i + 1] === '{' || message[i + 1] === '}')) {
      text += message[++i];
    } else if (c === '{') {
      const close = message.indexOf('}', i + 1);
      if (close < 0) return { error: adapterMessages.badLogMessage(message) };
      if (text !== '') parts.push({ text });
      text = '';
      parts.push({ expression: message.slice(i + 1, close).trim() });
      i = close;
    } else {
      text += c;
    }
  }
  if (text !== '') parts.push({ text });
  return parts;
}

/** The message with each `{expression}` replaced by its value, or `<why not>` where it has none. */
export function formatLogMessage(parts: readonly LogPart[], valueText: (expression: string) => string | Failure): string {
  return parts.map((p) => {
    if ('text' in p) return p.text;
    const v = valueText(p.expression);
    return failed(v) ? `<${v.error}>` : v;
  }).join('');
}

// --- conditions -----------------------------------------------------------------------------

type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type ConditionNode =
  | { readonly kind: 'operand'; readonly expression: string }
  | { readonly kind: 'not'; readonly operand: ConditionNode }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly ConditionNode[] }
  | { readonly kind: 'compare'; readonly op: CompareOperator; readonly left: ConditionNode; readonly right: ConditionNode };

/** Splits a condition into its logic and comparisons; operands stay text for evaluate(). */
export function parseCondition(text: string): ConditionNode | Failure {
  if (text.trim() === '') return { error: adapterMessages.emptyCondition() };
  try {
    return parseNode(text);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function parseNode(raw: string): ConditionNode {
  const text = raw.trim();
  if (text === '') throw new Error(adapterMessages.conditionMissingOperand());
  const tokens = topLevelOperators(text);
  for (const logic of ['||', '&&'] as const) {
    const at = tokens.filter((t) => t.op === logic);
    if (at.length > 0) {
      const operands: ConditionNode[] = [];
      let from = 0;
      for (const t of at) {
        operands.push(parseNode(text.slice(from, t.at)));
        from = t.at + 2;
      }
      operands.push(parseNode(text.slice(from)));
      return { kind: logic === '||' ? 'or' : 'and', operands };
    }
  }
  // Comparisons associate to the left, so the last one at the lowest precedence splits first.
  for (const group of [['==', '!='], ['<', '<=', '>', '>=']]) {
    const last = tokens.filter((t) => group.includes(t.op)).pop();
    if (last !== undefined) {
      return {
        kind: 'compare',
        op: last.op as CompareOperator,
        left: parseNode(text.slice(0, last.at)),
        right: parseNode(text.slice(last.at + last.op.length)),
      };
    }
  }
  if (text.startsWith('!') && !text.startsWith('!=')) return { kind: 'not', operand: parseNode(text.slice(1)) };
  if (text.startsWith('(') && matchingParen(text, 0) === text.length - 1) {
    const inner = text.slice(1, -1);
    if (topLevelOperators(inner).length > 0 || inner.trim().startsWith('!')) return parseNode(inner);
  }
  return { kind: 'operand', expression: text };
}

interface OperatorAt { readonly op: string; readonly at: number }

/** Comparison and logic operators outside parentheses, brackets and literals, in order. */
function topLevelOperators(text: string): OperatorAt[] {
  const found: OperatorAt[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '\'') {
      i = endOfLiteral(text, i);
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth < 0) throw new Error(adapterMessages.conditionUnbalanced());
    }
    if (depth > 0) continue;
    const two = text.slice(i, i + 2);
    if (two === '||' || two === '&&' || two === '==' || two === '!=' || two === '<=' || two === '>=') {
      found.push({ op: two, at: i });
      i++;
    } else if (two === '->' || two === '<<' || two === '>>') {
      i++; // member access and shifts are the operand's business
    } else if (c === '<' || c === '>') {
      found.push({ op: c, at: i });
    }
  }
  if (depth !== 0) throw new Error(adapterMessages.conditionUnbalanced());
  return found;
}

function endOfLiteral(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === text[start]) return i;
  }
  throw new Error(adapterMessages.conditionUnbalanced());
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '"' || text[i] === '\'') i = endOfLiteral(text, i);
    else if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Evaluates a condition as C would, short-circuiting `&&` and `||` (so `p != 0 && p->n > 3`
 * never reads through a null `p`). `operand` reads one operand's value.
 */
export function evaluateCondition(node: ConditionNode, operand: (expression: string) => Scalar | Failure): boolean | Failure {
  const v = valueOf(node, operand);
  return failed(v) ? v : truthy(v);
}

function valueOf(node: ConditionNode, operand: (expression: string) => Scalar | Failure): Scalar | Failure {
  switch (node.kind) {
    case 'operand': return operand(node.expression);
    case 'not': {
      const v = valueOf(node.operand, operand);
      return failed(v) ? v : truthy(v) ? 0n : 1n;
    }
    case 'and':
    case 'or': {
      for (const o of node.operands) {
        const v = valueOf(o, operand);
        if (failed(v)) return v;
        if (truthy(v) === (node.kind === 'or')) return node.kind === 'or' ? 1n : 0n;
      }
      return node.kind === 'or' ? 0n : 1n;
    }
    case 'compare': {
      const l = valueOf(node.left, operand);
      if (failed(l)) return l;
      const r = valueOf(node.right, operand);
      if (failed(r)) return r;
      return compare(node.op, l, r) ? 1n : 0n;
    }
  }
}

function truthy(v: Scalar): boolean {
  return typeof v === 'bigint' ? v !== 0n : v !== 0 && !Number.isNaN(v);
}

function compare(op: CompareOperator, l: Scalar, r: Scalar): boolean {
  // Integers compare exactly; a floating operand makes it a floating comparison, as in C.
  const [a, b] = typeof l === 'bigint' && typeof r === 'bigint' ? [l, r] : [Number(l), Number(r)];
  switch (op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
  }
}

/** The scalar behind a value as evaluate() shows it: an integer, a character, a pointer, a float. */
export function scalarOf(value: { readonly type: string; readonly value: string; readonly pointerValue?: number }): Scalar | Failure {
  if (value.pointerValue !== undefined) return BigInt(value.pointerValue);
  const integer = /^(-?\d+)(?: '.*')?$/.exec(value.value);
  if (integer !== null) return BigInt(integer[1]);
  if (/^(float|double|long double)$/.test(value.type)) {
    const n = Number(value.value);
    if (!Number.isNaN(n) || value.value === 'NaN') return n;
  }
  if (value.value === 'true' || value.value === 'false') return value.value === 'true' ? 1n : 0n;
  return { error: adapterMessages.conditionNotScalar(value.type) };
}
