// The parser's state and token handling, declaration specifiers and declarators (C11 6.7).
// Parsing and semantic analysis happen in one pass, as C requires: whether `T * x;` declares a
// pointer or multiplies depends on whether T names a type in the current scope.

import type { CType, Expr, IntType, RecordType, SourceLocation, VarSymbol } from './ast';
import { TooManyErrors, type Diagnostics } from './diagnostics';
import type { ProgramBuilder } from './linkage';
import type { MessageId } from './messages';
import { parseAssignment, parseConditional } from './expressions';
import { Scope } from './scope';
import { ExprSema, isErrorExpr } from './semaExpr';
import { Tk, type Token } from './tokens';
import {
  ERROR_TYPE, T, arrayOf, functionType, hasConstElements, isComplete, isInteger, layoutRecord, markConstElements,
  markConstPointee, newRecord, pointerTo, typeToString, type FieldDecl,
} from './types';
import type { CaseLabel } from './ast';

/** Thrown after a syntax error has been reported; caught where parsing can resume. */
export class ParseError extends Error {}

export type StorageClass = 'typedef' | 'extern' | 'static' | 'auto' | 'register';

export interface DeclSpec {
  readonly storage: StorageClass | undefined;
  readonly type: CType;
  readonly loc: SourceLocation;
  readonly inline: boolean;
  /** `const` among the specifiers (or in the typedef used): the declared object is read-only. */
  readonly isConst: boolean;
  /** A struct/union/enum was declared or defined by these specifiers (so `struct S { … };` is fine alone). */
  readonly declaresTag: boolean;
}

export interface ParamInfo { readonly name: string | undefined; readonly type: CType; readonly loc: SourceLocation; readonly isConst?: boolean }

export interface Declarator {
  readonly name: string | undefined;
  readonly loc: SourceLocation;
  readonly type: CType;
  /** The declared object itself is const (`const int x`, `char *const p`). */
  readonly isConst: boolean;
  /** The parameters when the declarator is `name(params)`: what a function definition binds. */
  readonly params: readonly ParamInfo[] | undefined;
}

export interface SwitchContext {
  readonly type: CType;
  readonly cases: CaseLabel[];
  readonly values: Map<bigint, SourceLocation>;
  hasDefault: boolean;
}

export interface FunctionContext {
  readonly name: string;
  readonly returns: CType;
  readonly variadic: boolean;
  readonly locals: VarSymbol[];
  readonly labels: Map<string, { defined: SourceLocation | undefined; used: SourceLocation | undefined }>;
  readonly switches: SwitchContext[];
  loops: number;
  breakables: number;
  funcName?: VarSymbol;
}

const TYPE_KEYWORDS = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool', '_Complex',
  'struct', 'union', 'enum', 'const', 'volatile', 'restrict', '_Atomic', '__attribute__', 'typeof', '_Alignas',
  '__builtin_va_list', '__extension__',
]);
const BASIC_TYPE_WORDS = new Set(['void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool', '_Complex']);
const SPEC_KEYWORDS = new Set([
  ...TYPE_KEYWORDS, 'typedef', 'extern', 'static', 'auto', 'register', 'inline', '_Noreturn', '_Thread_local', '__thread',
]);

export class Parser {
  pos = 0;
  scope: Scope;
  fn: FunctionContext | undefined;
  readonly sema: ExprSema;

  constructor(
    readonly toks: readonly Token[],
    readonly diags: Diagnostics,
    readonly builder: ProgramBuilder,
  ) {
    this.scope = new Scope(undefined);
    this.sema = new ExprSema(diags);
    this.scope.ordinary.set('__builtin_va_list', { kind: 'typedef', type: pointerTo(T.void), loc: { file: '<built-in>', line: 1, column: 1 } });
  }

  // ------------------------------------------------------------------------------------------
  // Tokens

  peek(k = 0): Token { return this.toks[Math.min(this.pos + k, this.toks.length - 1)]; }
  next(): Token { const t = this.peek(); if (this.pos < this.toks.length - 1) this.pos++; return t; }
  get atEnd(): boolean { return this.peek().kind === Tk.EOF; }

  /** The current token is the punctuator or keyword `text`. */
  is(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.text === text && (t.kind === Tk.Punct || t.kind === Tk.Ident);
  }

  accept(text: string): boolean {
    if (this.is(text)) { this.pos++; return true; }
    return false;
  }

  loc(t: Token = this.peek()): SourceLocation { return { file: t.file, line: t.line, column: t.col }; }

  /** Just past the previous token: where clang puts "expected ';'". */
  locAfterPrevious(): SourceLocation {
    const prev = this.toks[this.pos - 1];
    if (!prev) return this.loc();
    return { file: prev.file, line: prev.line, column: prev.col + prev.text.length };
  }

  expect(text: string, id: MessageId = 'ExpectedToken', args: readonly string[] = [text]): Token {
    if (this.is(text)) return this.next();
    // Clang puts a missing ';' just after the previous token, anything else at the token found.
    this.fail(id, text === ';' ? this.locAfterPrevious() : this.loc(), args);
  }

  fail(id: MessageId, loc: SourceLocation, args: readonly (string | number)[] = []): never {
    this.error(id, loc, args);
    throw new ParseError(id);
  }

  error(id: MessageId, loc: SourceLocation, args: readonly (string | number | bigint)[] = []): void {
    this.diags.error(id, loc, args);
  }

  /** A token the lexer could not make sense of gets its own message. */
  reportBadToken(t: Token): never {
    if (t.kind === Tk.Other && t.unterminated) this.fail(t.text.includes('"') ? 'UnterminatedString' : 'UnterminatedChar', this.loc(t));
    if (t.kind === Tk.Other) this.fail(t.text.charCodeAt(0) > 127 ? 'StrayCharacter' : 'StrayToken', this.loc(t), [t.text]);
    this.fail('ExpectedExpression', this.loc(t));
  }

  /** Skips to just after the next `;` (or before a `}`) at this nesting level. */
  recover(stopAtBrace = true): void {
    let depth = 0;
    while (!this.atEnd) {
      const t = this.peek();
      if (t.kind === Tk.Punct) {
        if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
        else if (t.text === '}' || t.text === ')' || t.text === ']') {
          if (depth === 0) { if (t.text === '}' && stopAtBrace) return; this.pos++; continue; }
          depth--;
          if (depth === 0 && t.text === '}' && !stopAtBrace) { this.pos++; return; }
        } else if (t.text === ';' && depth === 0) { this.pos++; return; }
      }
      this.pos++;
    }
  }

  /** Runs `body`, turning a ParseError into recovery; the error limit still ends everything. */
  guarded(body: () => void, stopAtBrace = true): void {
    try { body(); } catch (e) {
      if (e instanceof TooManyErrors || !(e instanceof ParseError)) throw e;
      this.recover(stopAtBrace);
    }
  }

  pushScope(): void { this.scope = new Scope(this.scope); }
  popScope(): void { this.scope = this.scope.parent!; }

  // ------------------------------------------------------------------------------------------
  // Declaration specifiers (C11 6.7.1–6.7.5)

  isTypedefName(t: Token): boolean {
    return t.kind === Tk.Ident && this.scope.lookup(t.text)?.kind === 'typedef';
  }

  /** Can the token start a type-name (for casts, sizeof, compound literals)? */
  startsTypeName(t: Token = this.peek()): boolean {
    return t.kind === Tk.Ident && (TYPE_KEYWORDS.has(t.text) || this.isTypedefName(t));
  }

  /** Can the token start a declaration? */
  startsDeclaration(t: Token = this.peek()): boolean {
    return t.kind === Tk.Ident && (SPEC_KEYWORDS.has(t.text) || t.text === '_Static_assert' || this.isTypedefName(t));
  }

  skipAttributes(): void {
    for (;;) {
      if (this.is('__attribute__') || this.is('__declspec')) {
        this.next();
        this.skipParenthesized();
      } else if (this.is('__asm')) {
        this.next();
        while (this.is('volatile') || this.is('goto') || this.is('inline')) this.next();
        this.skipParenthesized();
      } else if (this.is('__extension__')) this.next();
      else return;
    }
  }

  skipParenthesized(): void {
    this.expect('(');
    let depth = 1;
    while (depth > 0 && !this.atEnd) {
      const t = this.next();
      if (t.kind !== Tk.Punct) continue;
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
    }
  }

  // declaration-specifiers: storage-class-specifier | type-specifier | type-qualifier | function-specifier | alignment-specifier
  parseDeclSpec(allowStorage: boolean): DeclSpec {
    const loc = this.loc();
    let storage: StorageClass | undefined;
    let inline = false, declaresTag = false, isConst = false;
    let base: CType | undefined;
    const counts = new Map<string, number>();
    let sawAny = false;
    for (;;) {
      this.skipAttributes();
      const t = this.peek();
      if (t.kind !== Tk.Ident) break;
      const w = t.text;
      if (w === 'typedef' || w === 'extern' || w === 'static' || w === 'auto' || w === 'register') {
        if (!allowStorage) this.error('StorageClassNotAllowed', this.loc(t), [w]);
        else if (storage && storage !== w) this.error('CannotCombineSpecifiers', this.loc(t), [storage]);
        else storage = w;
        this.next(); sawAny = true; continue;
      }
      if (w === 'const' || w === 'volatile' || w === 'restrict' || w === '_Thread_local' || w === '__thread') {
        if (w === 'const') isConst = true;
        this.next(); sawAny = true; continue;
      }
      if (w === 'inline' || w === '_Noreturn') { inline = inline || w === 'inline'; this.next(); sawAny = true; continue; }
      if (w === '_Atomic') {
        this.next();
        if (this.is('(')) { this.next(); base = this.parseTypeName(); this.expect(')'); }
        sawAny = true;
        continue;
      }
      if (w === '_Alignas') { this.next(); this.skipParenthesized(); sawAny = true; continue; }
      if (w === 'struct' || w === 'union' || w === 'enum') {
        if (base || counts.size) this.error('CannotCombineSpecifiers', this.loc(t), [w]);
        this.next();
        const r = w === 'enum' ? this.parseEnumSpec(this.loc(t)) : this.parseRecordSpec(w, this.loc(t));
        base = r.type;
        declaresTag = declaresTag || r.declares;
        sawAny = true;
        continue;
      }
      if (w === 'typeof') {
        this.next();
        this.expect('(');
        if (this.startsTypeName()) base = this.parseTypeName();
        else {
          const e = this.parseExpression();
          base = e.type;
        }
        this.expect(')');
        sawAny = true;
        continue;
      }
      if (BASIC_TYPE_WORDS.has(w)) {
        if (base && w !== 'long') this.error('CannotCombineSpecifiers', this.loc(t), [typeToString(base)]);
        const n = (counts.get(w) ?? 0) + 1;
        if (n > 1 && !(w === 'long' && n === 2)) this.error('DuplicateSpecifier', this.loc(t), [w]);
        if (w === '_Complex') this.error('UnsupportedFeature', this.loc(t), ['_Complex']);
        counts.set(w, n);
        this.next(); sawAny = true; continue;
      }
      if (!base && counts.size === 0 && this.isTypedefName(t)) {
        const entry = this.scope.lookup(w);
        if (entry?.kind === 'typedef') { base = entry.type; isConst = isConst || entry.isConst === true; }
        this.next(); sawAny = true; continue;
      }
      break;
    }
    void sawAny;
    const type = base ?? this.basicType(counts, loc);
    return { storage, type, loc, inline, isConst, declaresTag };
  }

  private basicType(counts: Map<string, number>, loc: SourceLocation): CType {
    const has = (w: string): boolean => counts.has(w);
    const unsigned = has('unsigned'), signed = has('signed');
    if (unsigned && signed) this.error('CannotCombineSpecifiers', loc, ['signed']);
    if (has('void')) return T.void;
    if (has('_Bool')) return T.bool;
    if (has('float')) return T.float;
    if (has('double')) return T.double; // long double is double on arm64 macOS
    if (has('char')) return unsigned ? T.uchar : signed ? T.schar : T.char;
    if (has('short')) return unsigned ? T.ushort : T.short;
    const longs = counts.get('long') ?? 0;
    if (longs === 2) return unsigned ? T.ullong : T.llong;
    if (longs === 1) return unsigned ? T.ulong : T.long;
    if (has('int') || unsigned || signed) return unsigned ? T.uint : T.int;
    this.error('TypeSpecifierMissing', loc);
    return T.int;
  }

  // struct-or-union-specifier: struct-or-union identifier? { struct-declaration-list } | struct-or-union identifier
  private parseRecordSpec(kind: 'struct' | 'union', loc: SourceLocation): { type: CType; declares: boolean } {
    this.skipAttributes();
    let tag: string | undefined;
    let tagLoc = loc;
    if (this.peek().kind === Tk.Ident) { tagLoc = this.loc(); tag = this.next().text; }
    if (!this.is('{')) {
      if (tag === undefined) this.fail('ExpectedIdentifier', this.loc());
      const found = this.scope.lookupTag(tag);
      // `struct S;` on its own declares a new, incomplete S in this scope.
      const declaresOnly = this.is(';');
      if (found && !(declaresOnly && !this.scope.tags.has(tag))) {
        if (found.kind !== 'record' || found.type.kind !== kind) { this.error('TagMismatch', tagLoc, [tag]); return { type: ERROR_TYPE, declares: false }; }
        return { type: found.type, declares: declaresOnly };
      }
      const record = newRecord(kind, tag);
      this.scope.tags.set(tag, { kind: 'record', type: record, loc: tagLoc });
      return { type: record, declares: true };
    }
    let record: RecordType;
    const existing = tag !== undefined ? this.scope.tags.get(tag) : undefined;
    if (existing && tag !== undefined) {
      if (existing.kind !== 'record' || existing.type.kind !== kind) { this.error('TagMismatch', tagLoc, [tag]); record = newRecord(kind, tag); }
      else if (existing.type.complete) {
        this.error('Redefinition', tagLoc, [tag]);
        this.diags.note('PreviousDefinition', existing.loc);
        record = newRecord(kind, tag);
      } else record = existing.type;
    } else {
      record = newRecord(kind, tag);
      if (tag !== undefined) this.scope.tags.set(tag, { kind: 'record', type: record, loc: tagLoc });
    }
    this.expect('{');
    const fields: FieldDecl[] = [];
    const names = new Set<string>();
    while (!this.is('}') && !this.atEnd) {
      this.guarded(() => this.parseStructDeclaration(fields, names));
    }
    this.expect('}');
    this.skipAttributes();
    layoutRecord(record, fields);
    return { type: record, declares: true };
  }

  // struct-declaration: specifier-qualifier-list struct-declarator-list? ;
  private parseStructDeclaration(fields: FieldDecl[], names: Set<string>): void {
    if (this.is('_Static_assert')) { this.parseStaticAssert(); return; }
    let spec: DeclSpec;
    const t = this.peek();
    if (t.kind === Tk.Ident && !this.startsDeclaration() && this.peek(1).kind === Tk.Ident) {
      this.error('UnknownTypeName', this.loc(t), [t.text]);
      this.next();
      spec = { storage: undefined, type: ERROR_TYPE, loc: this.loc(t), inline: false, isConst: false, declaresTag: false };
    } else spec = this.parseDeclSpec(false);
    if (this.accept(';')) {
      // An anonymous struct or union member (C11 6.7.2.1p13).
      if ((spec.type.kind === 'struct' || spec.type.kind === 'union') && spec.type.tag === undefined) {
        fields.push({ name: undefined, type: spec.type });
      }
      return;
    }
    for (;;) {
      let d: Declarator = { name: undefined, loc: this.loc(), type: spec.type, params: undefined, isConst: spec.isConst };
      if (!this.is(':')) d = this.parseDeclarator(spec.type, false, spec.isConst);
      let bitWidth: number | undefined;
      if (this.accept(':')) {
        const widthLoc = this.loc();
        const w = this.parseIntegerConstant();
        const name = d.name ?? '(anonymous)';
        if (!isInteger(d.type)) this.error('BitFieldNonInteger', d.loc, [name, typeToString(d.type)]);
        else if (w < 0n) this.error('BitFieldWidthNegative', widthLoc, [name, w]);
        else if (w > BigInt(d.type.size * 8)) this.error('BitFieldTooWide', widthLoc, [name, w, d.type.size * 8]);
        bitWidth = Number(w);
      }
      if (d.name !== undefined) {
        if (names.has(d.name)) this.error('DuplicateMember', d.loc, [d.name]);
        names.add(d.name);
      }
      const flexible = d.type.kind === 'array' && d.type.length === undefined && !d.type.vla;
      if (!flexible && !isComplete(d.type) && d.type !== ERROR_TYPE) this.error('FieldIncompleteType', d.loc, [typeToString(d.type)]);
      fields.push({ name: d.name, type: d.type, bitWidth });
      if (!this.accept(',')) break;
    }
    this.skipAttributes();
    this.expect(';', 'ExpectedSemiAfterStruct');
  }

  // enum-specifier: enum identifier? { enumerator-list ,? } | enum identifier
  private parseEnumSpec(loc: SourceLocation): { type: CType; declares: boolean } {
    this.skipAttributes();
    let tag: string | undefined;
    let tagLoc = loc;
    if (this.peek().kind === Tk.Ident) { tagLoc = this.loc(); tag = this.next().text; }
    if (!this.is('{')) {
      if (tag === undefined) this.fail('ExpectedIdentifier', this.loc());
      const found = this.scope.lookupTag(tag);
      if (found) {
        if (found.kind !== 'enum') { this.error('TagMismatch', tagLoc, [tag]); return { type: ERROR_TYPE, declares: false }; }
        return { type: found.type, declares: false };
      }
      // A forward-declared enum (a GNU extension) behaves as unsigned int until defined.
      const type: IntType = { ...T.uint, enumTag: tag };
      this.scope.tags.set(tag, { kind: 'enum', type, complete: false, loc: tagLoc });
      return { type, declares: true };
    }
    this.expect('{');
    let value = 0n;
    const constants: { name: string; value: bigint; loc: SourceLocation }[] = [];
    while (!this.is('}')) {
      const nameTok = this.next();
      if (nameTok.kind !== Tk.Ident) this.fail('ExpectedIdentifier', this.loc(nameTok));
      this.skipAttributes();
      if (this.accept('=')) value = this.parseIntegerConstant();
      const c = { name: nameTok.text, value, loc: this.loc(nameTok) };
      constants.push(c);
      this.declareEnumConstant(c.name, c.value, c.loc);
      value++;
      if (!this.accept(',')) break;
    }
    this.expect('}');
    this.skipAttributes();
    // Clang: unsigned int when no value is negative, else int; wider when the values need it.
    const min = constants.reduce((m, c) => c.value < m ? c.value : m, 0n);
    const max = constants.reduce((m, c) => c.value > m ? c.value : m, 0n);
    let base: IntType = min < 0n ? T.int : T.uint;
    if (min < -(1n << 31n) || max > (min < 0n ? (1n << 31n) - 1n : (1n << 32n) - 1n)) base = min < 0n ? T.long : T.ulong;
    const type: IntType = { ...base, enumTag: tag ?? '(anonymous)' };
    if (tag !== undefined) {
      const existing = this.scope.tags.get(tag);
      if (existing && (existing.kind !== 'enum' || existing.complete)) this.error('Redefinition', tagLoc, [tag]);
      this.scope.tags.set(tag, { kind: 'enum', type, complete: true, loc: tagLoc });
    }
    return { type, declares: true };
  }

  private declareEnumConstant(name: string, value: bigint, loc: SourceLocation): void {
    const previous = this.scope.ordinary.get(name);
    if (previous) this.error('Redefinition', loc, [name]);
    // Enumeration constants have type int when the value fits, as clang gives them.
    const type = value >= -(1n << 31n) && value < (1n << 31n) ? T.int : value < 0n ? T.long : T.ulong;
    this.scope.ordinary.set(name, { kind: 'enumConst', value, type, loc });
  }

  // ------------------------------------------------------------------------------------------
  // Declarators (C11 6.7.6)

  // declarator: pointer? direct-declarator
  parseDeclarator(base: CType, abstract: boolean, baseConst = false): Declarator {
    this.skipAttributes();
    let isConst = baseConst;
    while (this.accept('*')) {
      const p = pointerTo(base);
      if (isConst) markConstPointee(p);
      base = p;
      isConst = false;
      while (this.is('const') || this.is('volatile') || this.is('restrict') || this.is('_Atomic') || this.is('__attribute__')) {
        if (this.is('__attribute__')) this.skipAttributes();
        else if (this.next().text === 'const') isConst = true;
      }
    }
    // A parenthesised inner declarator: its suffixes bind tighter, so parse the outer suffixes first.
    if (this.is('(') && this.isNestedDeclarator(abstract)) {
      const open = this.pos;
      this.next();
      this.skipBalanced();
      const outer = this.parseSuffixes(base, undefined, isConst);
      const end = this.pos;
      this.pos = open + 1;
      const inner = this.parseDeclarator(outer.type, abstract, isConst && outer.type.kind === 'array');
      this.expect(')');
      this.pos = end;
      return inner;
    }
    let name: string | undefined;
    const loc = this.loc();
    if (this.peek().kind === Tk.Ident && !this.startsTypeNameInAbstract(abstract)) name = this.next().text;
    else if (!abstract) this.fail('ExpectedIdentifierOrParen', this.loc());
    const r = this.parseSuffixes(base, name, isConst);
    this.skipAttributes();
    if (this.is('__asm')) this.skipAttributes();
    return { name, loc, type: r.type, params: r.params, isConst: isConst && r.type.kind !== 'function' };
  }

  private startsTypeNameInAbstract(abstract: boolean): boolean {
    return abstract && (SPEC_KEYWORDS.has(this.peek().text) || this.isTypedefName(this.peek()));
  }

  private isNestedDeclarator(abstract: boolean): boolean {
    const t = this.peek(1);
    if (!abstract) return true;
    if (t.kind === Tk.Punct) return t.text === '*' || t.text === '(' || t.text === '[' || t.text === '^';
    return t.kind === Tk.Ident && !SPEC_KEYWORDS.has(t.text) && !this.isTypedefName(t) && t.text !== '__attribute__';
  }

  private skipBalanced(): void {
    let depth = 1;
    while (depth > 0 && !this.atEnd) {
      const t = this.next();
      if (t.kind !== Tk.Punct) continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    }
  }

  // direct-declarator suffixes: [ assignment-expression? ] | ( parameter-type-list )
  private parseSuffixes(base: CType, name: string | undefined, elementsConst = false): { type: CType; params: ParamInfo[] | undefined } {
    if (this.is('[')) {
      const at = this.loc();
      this.next();
      while (this.is('static') || this.is('const') || this.is('volatile') || this.is('restrict')) this.next();
      let length: number | undefined;
      let vla: Expr | undefined;
      if (this.accept('*')) { /* [*] in a prototype */ }
      else if (!this.is(']')) {
        const e = this.sema.rvalue(parseAssignment(this));
        if (isErrorExpr(e)) { /* already reported */ }
        else if (!isInteger(e.type)) this.error('ArraySizeNotInteger', e.loc, [typeToString(e.type)]);
        else if (e.kind === 'int') {
          if ((e.type as IntType).signed && e.value < 0n) this.error('ArraySizeNegative', e.loc, [name ?? 'type name']);
          else length = Number(e.value);
        } else vla = e;
      }
      this.expect(']', 'ExpectedRBracket', []);
      const inner = this.parseSuffixes(base, name, elementsConst);
      const of = inner.type;
      if (of.kind === 'function') this.error('ArrayOfFunctions', at, [name ?? 'type name', typeToString(of)]);
      else if (!isComplete(of) && of !== ERROR_TYPE) this.error('ArrayIncompleteElement', at, [typeToString(of)]);
      // The AST sizes an element at compile time, so only the outermost dimension may vary.
      if (of.kind === 'array' && of.vla) this.error('UnsupportedFeature', at, ['an array whose elements are variable-length arrays']);
      const type = vla ? { kind: 'array' as const, of, length: undefined, vla } : arrayOf(of, length);
      if (elementsConst) markConstElements(type);
      return { type, params: undefined };
    }
    if (this.is('(')) {
      const at = this.loc();
      this.next();
      const list = this.parseParameterList();
      const inner = this.parseSuffixes(base, name);
      const returns = inner.type;
      if (returns.kind === 'array') this.error('FunctionReturningArray', at, [typeToString(returns)]);
      if (returns.kind === 'function') this.error('FunctionReturningFunction', at, [typeToString(returns)]);
      return { type: functionType(returns, list.params.map(p => p.type), list.variadic, list.unprototyped), params: list.params };
    }
    return { type: base, params: undefined };
  }

  // parameter-type-list: parameter-list | parameter-list , ...
  private parseParameterList(): { params: ParamInfo[]; variadic: boolean; unprototyped: boolean } {
    if (this.accept(')')) return { params: [], variadic: false, unprototyped: true };
    if (this.is('void') && this.is(')', 1)) { this.pos += 2; return { params: [], variadic: false, unprototyped: false }; }
    const params: ParamInfo[] = [];
    let variadic = false;
    this.pushScope(); // names in a prototype have prototype scope
    try {
      for (;;) {
        if (this.accept('...')) { variadic = true; break; }
        let spec: DeclSpec;
        if (!this.startsDeclaration()) {
          const t = this.peek();
          if (t.kind !== Tk.Ident) this.fail('ExpectedTypeName', this.loc());
          if (this.is(',', 1) || this.is(')', 1)) this.fail('KAndRNotSupported', this.loc());
          this.error('UnknownTypeName', this.loc(), [t.text]);
          this.next();
          spec = { storage: undefined, type: ERROR_TYPE, loc: this.loc(t), inline: false, isConst: false, declaresTag: false };
        } else spec = this.parseDeclSpec(true);
        const d = this.parseDeclarator(spec.type, true, spec.isConst);
        let type = d.type;
        if (type.kind === 'void') { this.error('VoidParam', d.loc); type = ERROR_TYPE; }
        // Parameter adjustment (C11 6.7.6.3p7–8).
        if (type.kind === 'array') type = hasConstElements(type) ? markConstPointee(pointerTo(type.of)) : pointerTo(type.of);
        else if (type.kind === 'function') type = pointerTo(type);
        params.push({ name: d.name, type, loc: d.loc, isConst: d.isConst && d.type.kind !== 'array' });
        if (!this.accept(',')) break;
      }
    } finally {
      this.popScope();
    }
    this.expect(')');
    return { params, variadic, unprototyped: false };
  }

  // type-name: specifier-qualifier-list abstract-declarator?
  parseTypeName(): CType {
    const spec = this.parseDeclSpec(false);
    return this.parseDeclarator(spec.type, true, spec.isConst).type;
  }

  // ------------------------------------------------------------------------------------------
  // Constant expressions

  /** An integer constant expression (C11 6.6p6), already folded by the expression typing. */
  parseIntegerConstant(): bigint {
    const e = parseConditional(this);
    return this.constantValue(e);
  }

  constantValue(e: Expr): bigint {
    if (isErrorExpr(e)) return 0n;
    if (e.kind !== 'int' || !isInteger(e.type)) { this.error('NotConstantExpression', e.loc); return 0n; }
    return e.value;
  }

  parseExpression(): Expr {
    let e = parseAssignment(this);
    while (this.is(',')) {
      const at = this.loc();
      this.next();
      e = this.sema.comma(e, parseAssignment(this), at);
    }
    return e;
  }

  // static_assert-declaration: _Static_assert ( constant-expression , string-literal ) ;
  parseStaticAssert(): void {
    const at = this.loc();
    this.next();
    this.expect('(');
    const v = this.parseIntegerConstant();
    let message = '';
    if (this.accept(',')) {
      const parts: string[] = [];
      while (this.peek().kind === Tk.String) parts.push(this.next().text.slice(1, -1));
      message = ': ' + parts.join('');
    }
    this.expect(')');
    this.expect(';', 'ExpectedSemiAfterDecl');
    if (v === 0n) this.error('StaticAssertFailed', at, [message]);
  }
}
