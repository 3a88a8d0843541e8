// Source text → preprocessing tokens (C11 6.4), after line splicing (5.1.1.2 phase 2) and with
// comments replaced by a space (phase 3). The lexer never reports errors itself: a stray
// character or unterminated literal becomes a token the parser complains about, because such
// text inside `#if 0` is legal.

import { Tk, type Token } from './tokens';

export interface LexResult {
  readonly tokens: Token[];
  /** Location of an unterminated block comment, reported by the preprocessor. */
  readonly unterminatedComment?: { line: number; col: number };
}

// Longest first within each leading character, so a greedy scan finds the longest match.
const PUNCTUATORS = [
  '%:%:', '...', '<<=', '>>=',
  '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=',
  '&=', '^=', '|=', '##', '<:', ':>', '<%', '%>', '%:',
  '[', ']', '(', ')', '{', '}', '.', '&', '*', '+', '-', '~', '!', '/', '%', '<', '>', '^', '|',
  '?', ':', ';', '=', ',', '#',
];
const DIGRAPHS: Record<string, string> = { '<:': '[', ':>': ']', '<%': '{', '%>': '}', '%:': '#', '%:%:': '##' };

const PUNCT_BY_FIRST = new Map<string, string[]>();
for (const p of PUNCTUATORS) {
  const list = PUNCT_BY_FIRST.get(p[0]) ?? [];
  list.push(p);
  PUNCT_BY_FIRST.set(p[0], list);
}
for (const list of PUNCT_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 0x80;
}
function isIdentPart(c: number): boolean { return isIdentStart(c) || (c >= 48 && c <= 57); }
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }

/**
 * Removes backslash-newline pairs, remembering for each kept character its offset in the
 * original text so tokens report the line and column the user sees.
 */
function splice(text: string): { text: string; origin: Int32Array | undefined } {
  if (!/\\\r?\n/.test(text)) return { text, origin: undefined };
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      if (text[i + 1] === '\n') { i += 1; continue; }
      if (text[i + 1] === '\r' && text[i + 2] === '\n') { i += 2; continue; }
    }
    out += text[i];
    origin.push(i);
  }
  origin.push(text.length);
  return { text: out, origin: Int32Array.from(origin) };
}

export function tokenize(source: string, file: string): LexResult {
  const { text, origin } = splice(source);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  // Tokens arrive in source order, so the line index only moves forward.
  let lineIndex = 0;
  const position = (offset: number): { line: number; col: number } => {
    const o = origin ? origin[offset] : offset;
    if (lineStarts[lineIndex] > o) lineIndex = 0;
    while (lineIndex + 1 < lineStarts.length && lineStarts[lineIndex + 1] <= o) lineIndex++;
    return { line: lineIndex + 1, col: o - lineStarts[lineIndex] + 1 };
  };

  const tokens: Token[] = [];
  let unterminatedComment: { line: number; col: number } | undefined;
  let i = 0;
  let space = false;
  let bol = true;
  const n = text.length;
  const push = (kind: Tk, start: number, end: number, spelling?: string, unterminated?: boolean): void => {
    const p = position(start);
    tokens.push({ kind, text: spelling ?? text.slice(start, end), file, line: p.line, col: p.col, space, bol, unterminated });
    space = false;
    bol = false;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) { bol = true; space = false; i++; continue; }
    if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) { space = true; i++; continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      space = true;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) { unterminatedComment = position(i); i = n; break; }
      i = end + 2;
      space = true;
      continue;
    }
    const start = i;
    // Encoding prefixes of character and string literals: L, u, U, u8.
    if (c === 76 || c === 117 || c === 85) {
      let j = i + 1;
      if (c === 117 && text[j] === '8') j++;
      const q = text[j];
      if (q === '"' || q === '\'') {
        i = lexQuoted(start, j, q);
        continue;
      }
    }
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      push(Tk.Ident, start, i);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 43 || d === 45) {
          const e = text.charCodeAt(i - 1) | 0x20; // e or p, either case
          if (e === 101 || e === 112) { i++; continue; }
          break;
        }
        if (isIdentPart(d) || d === 46) { i++; continue; }
        break;
      }
      push(Tk.Number, start, i);
      continue;
    }
    if (c === 34 || c === 39) { i = lexQuoted(i, i, text[i]); continue; }
    const candidates = PUNCT_BY_FIRST.get(text[i]);
    if (candidates) {
      let p: string | undefined;
      for (const s of candidates) if (text.startsWith(s, i)) { p = s; break; }
      if (p) {
        i += p.length;
        push(Tk.Punct, start, i, DIGRAPHS[p] ?? p);
        continue;
      }
    }
    // Keep surrogate pairs together so the message shows the real character.
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    push(Tk.Other, start, i);
  }

  return { tokens, unterminatedComment };

  // A literal from `start` (its prefix, if any); `quoteAt` is the opening quote.
  function lexQuoted(start: number, quoteAt: number, quote: string): number {
    let j = quoteAt + 1;
    while (j < n) {
      const ch = text[j];
      if (ch === '\\') { j += 2; continue; }
      if (ch === quote) {
        push(quote === '"' ? Tk.String : Tk.Char, start, j + 1);
        return j + 1;
      }
      if (ch === '\n') break;
      j++;
    }
    const end = Math.min(j, n);
    push(Tk.Other, start, end, undefined, true);
    return end;
  }
}
