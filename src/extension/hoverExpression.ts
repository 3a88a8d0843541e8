// Pure text logic behind the C evaluatable-expression provider (unit-tested without VS Code).

const C_KEYWORDS = new Set([
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum',
  'extern', 'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register', 'restrict', 'return',
  'short', 'signed', 'sizeof', 'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void',
  'volatile', 'while', '_Bool', '_Alignof', '_Static_assert',
]);

/** A chain of identifiers joined by `.` or `->`, e.g. `node->next->value`. */
const MEMBER_CHAIN = /[A-Za-z_][A-Za-z0-9_]*(?:\s*(?:\.|->)\s*[A-Za-z_][A-Za-z0-9_]*)*/g;

export interface HoverExpression { readonly expression: string; readonly start: number; readonly end: number }

/**
 * The expression to evaluate when hovering column `character` (0-based) of `line`: the member
 * chain up to and including the identifier under the cursor (hovering `head` in `list->head->next`
 * evaluates `list->head`). Keywords and positions outside identifiers give undefined.
 */
export function hoverExpressionAt(line: string, character: number): HoverExpression | undefined {
  for (const match of line.matchAll(MEMBER_CHAIN)) {
    const start = match.index ?? 0;
    const text = match[0];
    if (character < start || character >= start + text.length) continue;
    // Cut the chain after the identifier the cursor is on.
    const rest = text.slice(character - start);
    const identifierEnd = character + (/^[A-Za-z0-9_]*/.exec(rest)?.[0].length ?? 0);
    const expression = line.slice(start, identifierEnd).replace(/\s+/g, '');
    if (expression === '' || C_KEYWORDS.has(expression)) return undefined;
    return { expression, start, end: identifierEnd };
  }
  return undefined;
}
