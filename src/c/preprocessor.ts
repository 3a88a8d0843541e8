// The preprocessor (C11 6.10): directives, conditional inclusion, #include through built-in
// headers and an IncludeResolver, and macro expansion with hide sets (Prosser's algorithm), so
// a macro never expands inside its own expansion. Every token a macro produces carries the
// location of the macro use: errors and breakpoints land on the line the user wrote.

import type { IncludeResolver, SourceLocation } from './ast';
import type { Diagnostics } from './diagnostics';
import { BUILTIN_HEADERS, REINCLUDABLE_HEADERS, builtinHeaderPath, isBuiltinHeaderPath } from './headers';
import { tokenize, type LexResult } from './lexer';
import type { MessageId } from './messages';
import { PpExprError, evaluatePpExpression } from './ppExpr';
import { Tk, withLoc, type Token } from './tokens';

interface Macro {
  readonly name: string;
  /** undefined for object-like macros. */
  readonly params: readonly string[] | undefined;
  readonly variadic: boolean;
  readonly body: readonly Token[];
  /** __FILE__, __LINE__ and friends compute their expansion at the use. */
  readonly dynamic?: (use: Token) => Token;
  readonly loc?: SourceLocation;
}

interface Frame {
  readonly tokens: readonly Token[];
  pos: number;
  /** Set for a source file's own tokens (directives are only recognised there). */
  readonly file?: string;
  readonly conditionalDepth: number;
}

interface Conditional { taken: boolean; sawElse: boolean; readonly loc: SourceLocation }

const MAX_INCLUDE_DEPTH = 200;

const EOF_TOKEN: Token = { kind: Tk.EOF, text: '', file: '', line: 0, col: 0, space: false, bol: true };

const PREDEFINED: readonly [string, string][] = [
  ['__STDC__', '1'], ['__STDC_VERSION__', '201112L'], ['__STDC_HOSTED__', '1'],
  ['__APPLE__', '1'], ['__MACH__', '1'], ['__aarch64__', '1'], ['__arm64__', '1'],
  ['__LP64__', '1'], ['_LP64', '1'], ['__CHAR_BIT__', '8'],
  ['__SIZEOF_POINTER__', '8'], ['__SIZEOF_LONG__', '8'], ['__SIZEOF_INT__', '4'],
  ['__SIZEOF_SHORT__', '2'], ['__SIZEOF_LONG_LONG__', '8'], ['__SIZEOF_SIZE_T__', '8'],
  ['__SIZEOF_FLOAT__', '4'], ['__SIZEOF_DOUBLE__', '8'], ['__SIZEOF_LONG_DOUBLE__', '8'],
  ['__ORDER_LITTLE_ENDIAN__', '1234'], ['__ORDER_BIG_ENDIAN__', '4321'],
  ['__BYTE_ORDER__', '__ORDER_LITTLE_ENDIAN__'], ['__LITTLE_ENDIAN__', '1'],
  ['__MALLOCSCOPE__', '1'],
  // Keywords spelled the GNU way reach the parser as the standard ones.
  ['__inline', 'inline'], ['__inline__', 'inline'], ['__restrict', 'restrict'], ['__restrict__', 'restrict'],
  ['__const', 'const'], ['__volatile__', 'volatile'], ['__signed__', 'signed'], ['__signed', 'signed'],
  ['__alignof__', '_Alignof'], ['__alignof', '_Alignof'], ['__asm__', '__asm'], ['asm', '__asm'],
  ['__typeof__', 'typeof'], ['__typeof', 'typeof'], ['__nonnull', ''], ['__nullable', ''], ['_Nonnull', ''], ['_Nullable', ''],
];

export class Preprocessor {
  private readonly macros = new Map<string, Macro>();
  private readonly onceFiles = new Set<string>();
  private readonly frames: Frame[] = [];
  private readonly conditionals: Conditional[] = [];
  private readonly out: Token[] = [];
  private counter = 0;
  /** Files read through the IncludeResolver, in first-read order. */
  readonly userIncludes: string[] = [];

  constructor(private readonly diags: Diagnostics, private readonly includes: IncludeResolver | undefined) {
    for (const [name, value] of PREDEFINED) this.defineText(name, value);
    const dynamic = (name: string, make: (use: Token) => Token): void => {
      this.macros.set(name, { name, params: undefined, variadic: false, body: [], dynamic: make });
    };
    dynamic('__FILE__', use => ({ ...withLoc(use, use, undefined), kind: Tk.String, text: JSON.stringify(use.file) }));
    dynamic('__LINE__', use => ({ ...withLoc(use, use, undefined), kind: Tk.Number, text: String(use.line) }));
    dynamic('__COUNTER__', use => ({ ...withLoc(use, use, undefined), kind: Tk.Number, text: String(this.counter++) }));
    // Fixed, so runs are reproducible.
    dynamic('__DATE__', use => ({ ...withLoc(use, use, undefined), kind: Tk.String, text: '"Jan  1 2026"' }));
    dynamic('__TIME__', use => ({ ...withLoc(use, use, undefined), kind: Tk.String, text: '"00:00:00"' }));
  }

  /** Preprocesses one translation unit; the result ends with an EOF token. */
  run(path: string, text: string): Token[] {
    this.pushFile(path, text);
    for (;;) {
      const t = this.next();
      if (t.kind === Tk.EOF) break;
      if (t.bol && t.kind === Tk.Punct && t.text === '#' && this.fromFile) { this.directive(t); continue; }
      if (t.kind === Tk.Ident && this.expand(t, this)) continue;
      this.out.push(t);
    }
    const last = this.out[this.out.length - 1];
    this.out.push({ ...EOF_TOKEN, file: last?.file ?? path, line: last?.line ?? 1, col: (last?.col ?? 0) + (last?.text.length ?? 0) });
    return this.out;
  }

  // -------------------------------------------------------------------------------------------
  // Token input

  /** Whether the token `next` returned last came from a file (not a macro expansion). */
  fromFile = false;

  next(): Token {
    for (;;) {
      const f = this.frames[this.frames.length - 1];
      if (!f) return EOF_TOKEN;
      if (f.pos < f.tokens.length) {
        this.fromFile = f.file !== undefined;
        return f.tokens[f.pos++];
      }
      this.popFrame();
    }
  }

  /** The next token without consuming it; a directive line never counts as a macro's `(`. */
  peek(): Token {
    for (let k = this.frames.length - 1; k >= 0; k--) {
      const f = this.frames[k];
      if (f.pos < f.tokens.length) return f.tokens[f.pos];
      if (f.file !== undefined) return EOF_TOKEN; // a function-like macro call does not cross files
    }
    return EOF_TOKEN;
  }

  push(tokens: readonly Token[]): void {
    if (tokens.length) this.frames.push({ tokens, pos: 0, conditionalDepth: this.conditionals.length });
  }

  private popFrame(): void {
    const f = this.frames.pop()!;
    if (f.file === undefined) return;
    while (this.conditionals.length > f.conditionalDepth) {
      this.error('UnterminatedConditional', this.conditionals.pop()!.loc);
    }
  }

  private pushFile(path: string, text: string): void {
    // Built-in headers never change: lex each once per process.
    let lexed = isBuiltinHeaderPath(path) ? builtinLexCache.get(path) : undefined;
    if (!lexed) {
      lexed = tokenize(text, path);
      if (isBuiltinHeaderPath(path)) builtinLexCache.set(path, lexed);
    }
    if (lexed.unterminatedComment) {
      this.error('UnterminatedComment', { file: path, line: lexed.unterminatedComment.line, column: lexed.unterminatedComment.col });
    }
    this.frames.push({ tokens: lexed.tokens, pos: 0, file: path, conditionalDepth: this.conditionals.length });
  }

  /** The rest of the current directive line. */
  private readLine(): Token[] {
    const f = this.frames[this.frames.length - 1];
    const line: Token[] = [];
    if (!f || f.file === undefined) return line;
    while (f.pos < f.tokens.length && !f.tokens[f.pos].bol) line.push(f.tokens[f.pos++]);
    return line;
  }

  private error(id: MessageId, loc: SourceLocation, args: readonly string[] = []): void {
    this.diags.error(id, loc, args);
  }

  // -------------------------------------------------------------------------------------------
  // Directives

  private directive(hash: Token): void {
    const line = this.readLine();
    const name = line[0];
    if (!name) return; // the null directive
    const args = line.slice(1);
    const loc = locOf(name);
    switch (name.text) {
      case 'define': this.define(args, loc); return;
      case 'undef':
        if (!args[0] || args[0].kind !== Tk.Ident) this.error('MacroNameMissing', loc);
        else this.macros.delete(args[0].text);
        return;
      case 'include': case 'include_next': case 'import': this.include(args, loc); return;
      case 'if': this.pushConditional(this.evaluate(args, loc), loc); return;
      case 'ifdef': case 'ifndef': {
        if (!args[0] || args[0].kind !== Tk.Ident) { this.error('MacroNameMissing', loc); this.pushConditional(false, loc); return; }
        const defined = this.macros.has(args[0].text);
        this.pushConditional(name.text === 'ifdef' ? defined : !defined, loc);
        return;
      }
      case 'elif': case 'else': {
        const top = this.conditionals[this.conditionals.length - 1];
        if (!top || this.conditionals.length <= this.currentFileDepth()) { this.error('ElseWithoutIf', loc, [name.text]); return; }
        if (top.sawElse) { this.error('ElseAfterElse', loc, [name.text]); }
        if (name.text === 'else') top.sawElse = true;
        if (top.taken) { this.skipGroup(); return; }
        const take = name.text === 'else' ? true : this.evaluate(args, loc);
        if (take) top.taken = true; else this.skipGroup();
        return;
      }
      case 'endif':
        if (this.conditionals.length <= this.currentFileDepth()) { this.error('ElseWithoutIf', loc, ['endif']); return; }
        this.conditionals.pop();
        return;
      case 'error': this.error('UserError', loc, [directiveText(name, args)]); return;
      case 'warning': this.diags.warning('UserWarning', loc, [directiveText(name, args)]); return;
      case 'pragma':
        if (args[0]?.text === 'once') this.onceFiles.add(hash.file);
        return;
      case 'line': case 'ident': case 'sccs': return;
    }
    if (name.kind === Tk.Number) return; // GNU line marker `# 12 "file"`
    this.error('InvalidDirective', loc);
  }

  private currentFileDepth(): number {
    for (let k = this.frames.length - 1; k >= 0; k--) if (this.frames[k].file !== undefined) return this.frames[k].conditionalDepth;
    return 0;
  }

  private pushConditional(value: boolean, loc: SourceLocation): void {
    this.conditionals.push({ taken: value, sawElse: false, loc });
    if (!value) this.skipGroup();
  }

  /**
   * Skips a false group up to the #elif / #else / #endif that ends it, leaving that directive
   * to be read next. Nested conditionals inside are skipped whole.
   */
  private skipGroup(): void {
    const f = this.frames[this.frames.length - 1];
    if (!f || f.file === undefined) return;
    let depth = 0;
    while (f.pos < f.tokens.length) {
      const t = f.tokens[f.pos];
      if (t.bol && t.kind === Tk.Punct && t.text === '#') {
        const d = f.tokens[f.pos + 1];
        const directive = d && !d.bol ? d.text : '';
        if (directive === 'if' || directive === 'ifdef' || directive === 'ifndef') depth++;
        else if (directive === 'endif' || directive === 'elif' || directive === 'else') {
          if (depth === 0) return;
          if (directive === 'endif') depth--;
        }
      }
      f.pos++;
    }
  }

  private evaluate(tokens: readonly Token[], loc: SourceLocation): boolean {
    // `defined X` / `defined(X)` and __has_include are resolved before expansion.
    const replaced: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === Tk.Ident && (t.text === 'defined' || t.text.startsWith('__has_'))) {
        let j = i + 1;
        const paren = tokens[j]?.text === '(';
        if (paren) j++;
        let value = false;
        if (t.text === 'defined') {
          const id = tokens[j];
          if (!id || id.kind !== Tk.Ident) { this.error('PpDefinedNeedsIdentifier', id ? locOf(id) : locOf(t)); return false; }
          value = this.macros.has(id.text);
          j++;
        } else if (paren) {
          let spelled = '';
          let depth = 1;
          for (; j < tokens.length; j++) {
            if (tokens[j].text === '(') depth++;
            if (tokens[j].text === ')' && --depth === 0) break;
            spelled += tokens[j].text;
          }
          if (t.text === '__has_include' || t.text === '__has_include_next') {
            const m = /^[<"](.*)[>"]$/.exec(spelled);
            value = !!m && (BUILTIN_HEADERS.has(m[1]) || (spelled[0] === '"' && this.resolveQuoted(m[1], t.file) !== undefined));
          }
        }
        if (paren) {
          if (tokens[j]?.text !== ')') { this.error('PpMissingParen', locOf(tokens[j] ?? t)); return false; }
          j++;
        }
        replaced.push({ ...t, kind: Tk.Number, text: value ? '1' : '0' });
        i = j - 1;
        continue;
      }
      replaced.push(t);
    }
    const expanded = this.expandList(replaced);
    if (expanded.length === 0) { this.error('PpExpressionExpected', loc); return false; }
    try {
      return evaluatePpExpression(expanded, loc) !== 0n;
    } catch (e) {
      if (e instanceof PpExprError) { this.error(e.id, e.loc); return false; }
      throw e;
    }
  }

  private include(tokens: readonly Token[], loc: SourceLocation): void {
    let spec = tokens;
    if (spec[0] && spec[0].kind !== Tk.String && spec[0].text !== '<') spec = this.expandList(tokens);
    let name: string | undefined, quoted = false;
    if (spec[0]?.kind === Tk.String) { name = spec[0].text.slice(1, -1); quoted = true; }
    else if (spec[0]?.text === '<') {
      const close = spec.findIndex(t => t.text === '>');
      if (close > 0) name = spec.slice(1, close).map((t, k) => (k > 0 && t.space ? ' ' : '') + t.text).join('');
    }
    if (name === undefined) { this.error('ExpectedIncludeName', loc); return; }
    if (this.frames.length > MAX_INCLUDE_DEPTH) { this.error('IncludeNestedTooDeeply', loc); return; }
    const found = (quoted ? this.resolveQuoted(name, loc.file) : undefined) ?? this.resolveBuiltin(name);
    if (!found) { this.error('FileNotFound', locOf(spec[0]), [name]); return; }
    if (this.onceFiles.has(found.path)) return;
    if (!isBuiltinHeaderPath(found.path) && !this.userIncludes.includes(found.path)) this.userIncludes.push(found.path);
    if (isBuiltinHeaderPath(found.path) && !REINCLUDABLE_HEADERS.has(name)) this.onceFiles.add(found.path);
    this.pushFile(found.path, found.text);
  }

  private resolveQuoted(name: string, includer: string): { path: string; text: string } | undefined {
    if (!this.includes || isBuiltinHeaderPath(includer)) return undefined;
    const absolute = name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name);
    const path = normalizePath(absolute ? name : dirname(includer) + name);
    const text = this.includes.readFile(path);
    return text === undefined ? undefined : { path, text };
  }

  private resolveBuiltin(name: string): { path: string; text: string } | undefined {
    const text = BUILTIN_HEADERS.get(name);
    return text === undefined ? undefined : { path: builtinHeaderPath(name), text };
  }

  // -------------------------------------------------------------------------------------------
  // #define

  private defineText(name: string, value: string): void {
    let body = predefinedBodies.get(value);
    if (!body) { body = tokenize(value, '<built-in>').tokens; predefinedBodies.set(value, body); }
    this.macros.set(name, { name, params: undefined, variadic: false, body });
  }

  private define(tokens: readonly Token[], loc: SourceLocation): void {
    const nameTok = tokens[0];
    if (!nameTok) { this.error('MacroNameMissing', loc); return; }
    if (nameTok.kind !== Tk.Ident) { this.error('MacroNameNotIdentifier', locOf(nameTok)); return; }
    if (nameTok.text === 'defined') { this.error('MacroNameNotIdentifier', locOf(nameTok)); return; }
    let i = 1;
    let params: string[] | undefined;
    let variadic = false;
    if (tokens[1]?.text === '(' && !tokens[1].space) {
      params = [];
      i = 2;
      if (tokens[i]?.text === ')') i++;
      else {
        for (;;) {
          const p = tokens[i];
          if (p?.text === '...') { variadic = true; params.push('__VA_ARGS__'); i++; }
          else if (p?.kind === Tk.Ident) {
            if (params.includes(p.text)) { this.error('DuplicateMacroParam', locOf(p), [p.text]); return; }
            params.push(p.text);
            i++;
            // GNU named variadic parameter: `args...`
            if (tokens[i]?.text === '...') { variadic = true; i++; }
          } else { this.error('ExpectedParamName', p ? locOf(p) : loc, [p?.text ?? '']); return; }
          const sep = tokens[i];
          if (sep?.text === ')') { i++; break; }
          if (sep?.text !== ',' || variadic) { this.error('ExpectedCommaInMacroParams', sep ? locOf(sep) : loc); return; }
          i++;
        }
      }
    }
    const body = tokens.slice(i);
    if (body.length && (body[0].text === '##' || body[body.length - 1].text === '##') && body[0].kind === Tk.Punct) {
      this.error('HashHashAtEdge', locOf(body[0].text === '##' ? body[0] : body[body.length - 1]));
      return;
    }
    if (body.length && body[body.length - 1].text === '##') { this.error('HashHashAtEdge', locOf(body[body.length - 1])); return; }
    if (params) {
      for (let k = 0; k < body.length; k++) {
        if (body[k].text === '#' && body[k].kind === Tk.Punct && !(body[k + 1]?.kind === Tk.Ident && params.includes(body[k + 1].text))) {
          this.error('HashNotFollowedByParam', locOf(body[k]));
          return;
        }
      }
    }
    if (!variadic) {
      const va = body.find(t => t.text === '__VA_ARGS__');
      if (va) this.diags.warning('VaArgsOutsideVariadic', locOf(va));
    }
    const macro: Macro = { name: nameTok.text, params, variadic, body, loc: locOf(nameTok) };
    const previous = this.macros.get(nameTok.text);
    if (previous && !previous.dynamic && !sameDefinition(previous, macro)) {
      this.diags.warning('MacroRedefined', locOf(nameTok), [nameTok.text]);
    }
    this.macros.set(nameTok.text, macro);
  }

  // -------------------------------------------------------------------------------------------
  // Expansion

  /**
   * If `t` names a macro that may expand here, reads its arguments from `input`, pushes the
   * expansion back onto `input` and returns true.
   */
  expand(t: Token, input: Preprocessor | ListReader): boolean {
    const m = this.macros.get(t.text);
    if (!m || t.hide?.has(m.name)) return false;
    if (m.dynamic) { input.push([{ ...m.dynamic(t), space: t.space }]); return true; }
    if (!m.params) {
      const hide = addToSet(t.hide, m.name);
      input.push(m.body.map((b, k) => k === 0 ? { ...withLoc(b, t, hide), space: t.space } : withLoc(b, t, hide)));
      return true;
    }
    if (input.peek().text !== '(') return false;
    input.next();
    const args: Token[][] = [[]];
    let depth = 0;
    let close: Token | undefined;
    for (;;) {
      const a = input.next();
      if (a.kind === Tk.EOF) break;
      if (a.kind === Tk.Punct) {
        if (a.text === '(') depth++;
        else if (a.text === ')') { if (depth === 0) { close = a; break; } depth--; }
        else if (a.text === ',' && depth === 0) {
          // Commas inside __VA_ARGS__ stay part of it.
          if (!(m.variadic && args.length === m.params.length)) { args.push([]); continue; }
        }
      }
      args[args.length - 1].push(a);
    }
    if (!close) { this.error('UnterminatedMacroCall', locOf(t)); return true; }
    const params = m.params;
    if (params.length === 0 && args.length === 1 && args[0].length === 0) args.pop();
    if (m.variadic && args.length === params.length - 1) args.push([]);
    if (args.length !== params.length) {
      this.error(args.length > params.length ? 'TooManyMacroArgs' : 'TooFewMacroArgs', locOf(close));
      return true;
    }
    const hide = addToSet(intersectSets(t.hide, close.hide), m.name);
    input.push(this.substitute(m, args, hide, t));
    return true;
  }

  /** Fully macro-expands a token list on its own (macro arguments, #if and #include lines). */
  expandList(tokens: readonly Token[]): Token[] {
    const reader = new ListReader(tokens);
    const out: Token[] = [];
    for (;;) {
      const t = reader.next();
      if (t.kind === Tk.EOF) return out;
      if (t.kind === Tk.Ident && this.expand(t, reader)) continue;
      out.push(t);
    }
  }

  private substitute(m: Macro, args: readonly Token[][], hide: ReadonlySet<string>, use: Token): Token[] {
    const params = m.params!;
    const expandedArgs = new Map<number, Token[]>();
    const body = m.body;
    type Item = Token | typeof PLACEMARKER | typeof PASTE;
    const items: Item[] = [];
    const paramIndex = (t: Token | undefined): number => t && t.kind === Tk.Ident ? params.indexOf(t.text) : -1;
    for (let k = 0; k < body.length; k++) {
      const b = body[k];
      if (b.kind === Tk.Punct && b.text === '#' && paramIndex(body[k + 1]) >= 0) {
        items.push({ ...stringize(args[paramIndex(body[k + 1])], use), space: b.space });
        k++;
        continue;
      }
      if (b.kind === Tk.Punct && b.text === '##') {
        // GNU `, ## __VA_ARGS__`: no paste; the comma goes away when there are no variadic arguments.
        const last = items[items.length - 1];
        if (m.variadic && last !== PLACEMARKER && last !== PASTE && last?.text === ',' && body[k + 1]?.text === '__VA_ARGS__') {
          if (args[params.length - 1].length === 0) items.pop();
          continue;
        }
        items.push(PASTE);
        continue;
      }
      const p = paramIndex(b);
      if (p < 0) { items.push(withLoc(b, use, hide)); continue; }
      const nextIsPaste = body[k + 1]?.text === '##' && body[k + 1].kind === Tk.Punct;
      const prevIsPaste = items[items.length - 1] === PASTE;
      let replacement: readonly Token[];
      if (nextIsPaste || prevIsPaste) replacement = args[p];
      else {
        let e = expandedArgs.get(p);
        if (!e) { e = this.expandList(args[p]); expandedArgs.set(p, e); }
        replacement = e;
      }
      if (replacement.length === 0) { items.push(PLACEMARKER); continue; }
      replacement.forEach((r, j) => items.push({ ...withLoc(r, use, r.hide), space: j === 0 ? b.space : r.space }));
    }
    // Apply ## left to right.
    const out: Item[] = [];
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      if (it !== PASTE) { out.push(it); continue; }
      const left = out.pop() ?? PLACEMARKER;
      const right = items[++k] ?? PLACEMARKER;
      if (left === PLACEMARKER) { out.push(right); continue; }
      if (right === PLACEMARKER || right === PASTE) {
        out.push(left);
        continue;
      }
      if (left === PASTE) continue;
      out.push(this.paste(left, right, use));
    }
    const result: Token[] = [];
    for (const it of out) {
      if (it === PLACEMARKER || it === PASTE) continue;
      result.push({ ...it, hide: addAll(it.hide, hide), bol: false });
    }
    if (result.length) result[0] = { ...result[0], space: use.space };
    return result;
  }

  private paste(left: Token, right: Token, use: Token): Token {
    const text = left.text + right.text;
    const lexed = tokenize(text, use.file).tokens;
    if (lexed.length === 1 && !lexed[0].unterminated) return { ...withLoc(lexed[0], use, undefined), space: left.space };
    this.error('PasteInvalid', locOf(use), [text]);
    return left;
  }
}

/** Token input over a fixed list: what a macro argument or #if line expands from. */
export class ListReader {
  private readonly frames: { tokens: readonly Token[]; pos: number }[] = [];
  constructor(tokens: readonly Token[]) { this.frames.push({ tokens, pos: 0 }); }
  next(): Token {
    for (;;) {
      const f = this.frames[this.frames.length - 1];
      if (!f) return EOF_TOKEN;
      if (f.pos < f.tokens.length) return f.tokens[f.pos++];
      this.frames.pop();
    }
  }
  peek(): Token {
    for (let k = this.frames.length - 1; k >= 0; k--) {
      const f = this.frames[k];
      if (f.pos < f.tokens.length) return f.tokens[f.pos];
    }
    return EOF_TOKEN;
  }
  push(tokens: readonly Token[]): void { if (tokens.length) this.frames.push({ tokens, pos: 0 }); }
}

const builtinLexCache = new Map<string, LexResult>();
const predefinedBodies = new Map<string, readonly Token[]>();

const PLACEMARKER = Symbol('placemarker');
const PASTE = Symbol('paste');

function locOf(t: Token): SourceLocation { return { file: t.file, line: t.line, column: t.col }; }

function directiveText(name: Token, args: readonly Token[]): string {
  const text = args.map((t, k) => (k > 0 && t.space ? ' ' : '') + t.text).join('');
  return name.text === 'error' || name.text === 'warning' ? text : text;
}

function stringize(arg: readonly Token[], use: Token): Token {
  let s = '';
  arg.forEach((t, k) => {
    if (k > 0 && t.space) s += ' ';
    s += t.kind === Tk.String || t.kind === Tk.Char ? t.text.replace(/[\\"]/g, c => '\\' + c) : t.text;
  });
  return { ...withLoc(use, use, undefined), kind: Tk.String, text: `"${s}"` };
}

function sameDefinition(a: Macro, b: Macro): boolean {
  if ((a.params === undefined) !== (b.params === undefined)) return false;
  if (a.params && b.params && a.params.join(',') !== b.params.join(',')) return false;
  if (a.body.length !== b.body.length) return false;
  return a.body.every((t, k) => t.text === b.body[k].text && (k === 0 || t.space === b.body[k].space));
}

function addToSet(set: ReadonlySet<string> | undefined, name: string): ReadonlySet<string> {
  if (set?.has(name)) return set;
  const s = new Set(set);
  s.add(name);
  return s;
}

function addAll(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): ReadonlySet<string> {
  if (!a || a === b || a.size === 0) return b;
  let s: Set<string> | undefined;
  for (const x of a) if (!b.has(x)) { s ??= new Set(b); s.add(x); }
  return s ?? b;
}

function intersectSets(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  if (!a || !b) return undefined;
  const s = new Set<string>();
  for (const x of a) if (b.has(x)) s.add(x);
  return s;
}

function dirname(path: string): string {
  const k = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return k < 0 ? '' : path.slice(0, k + 1);
}

/** Removes `.` and `..` segments, keeping the separator the path already uses (Windows paths stay Windows paths). */
function normalizePath(path: string): string {
  const sep = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const absolute = path.startsWith(sep);
  const parts: string[] = [];
  for (const p of path.split(/[\\/]/)) {
    if (p === '' || p === '.') continue;
    if (p === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(p);
  }
  return (absolute ? sep : '') + parts.join(sep);
}
