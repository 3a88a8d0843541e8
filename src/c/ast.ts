// The typed, resolved AST that the C front end hands to the machine.
//
// Contract between src/c (which builds it) and src/machine (which lowers and runs it):
// - Every identifier is resolved to a symbol object; the same declaration is the same object.
// - Every expression carries its C type after semantic analysis.
// - Implicit conversions are explicit `cast` nodes with `implicit: true` (integer promotions,
//   usual arithmetic conversions, assignment conversions, argument conversions).
// - An array- or function-typed lvalue used as a value is wrapped in a `decay` node.
// - Pointer arithmetic has its own operators (`ptr+int`, `ptr-int`, `ptr-ptr`) carrying the
//   element size, so the back end never re-derives C typing rules.
// - `sizeof`, `_Alignof`, `offsetof` and integer constant expressions are folded to `int` nodes.
// - Lvalue-ness is checked by the front end: an `assign` target, `&` operand, `++`/`--` operand
//   is always an lvalue expression (`ident`, `deref`, `index`, `member`, `compoundLiteral`, string).

export interface SourceLocation {
  readonly file: string;
  /** 1-based, as editors and compilers print it. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

// ---------------------------------------------------------------------------------------------
// Types (LP64, arm64 ABI: char signed, long 8 bytes, long double == double)

export type IntKind = 'bool' | 'char' | 'schar' | 'uchar' | 'short' | 'ushort' | 'int' | 'uint'
  | 'long' | 'ulong' | 'llong' | 'ullong';

export type CType =
  | VoidType
  | IntType
  | FloatType
  | PointerType
  | ArrayType
  | RecordType
  | FunctionType;

export interface VoidType { readonly kind: 'void' }
export interface IntType {
  readonly kind: 'int';
  readonly name: IntKind;
  readonly size: 1 | 2 | 4 | 8;
  readonly signed: boolean;
  /** Set when the type came from an enum; the enum's tag for display. */
  readonly enumTag?: string;
}
export interface FloatType { readonly kind: 'float'; readonly size: 4 | 8 }
export interface PointerType { readonly kind: 'pointer'; readonly to: CType }
export interface ArrayType {
  readonly kind: 'array';
  readonly of: CType;
  /** undefined for `int a[]` parameters / flexible members; see `vla` for runtime lengths. */
  readonly length: number | undefined;
  /** Variable-length array: the length expression, evaluated when the declaration runs. */
  readonly vla?: Expr;
}
export interface RecordField {
  readonly name: string | undefined; // undefined for an anonymous struct/union member
  readonly type: CType;
  /** Byte offset from the start of the record. */
  readonly offset: number;
  /** Bit-fields: position and width inside the storage unit at `offset` of type `type`. */
  readonly bitOffset?: number;
  readonly bitWidth?: number;
}
export interface RecordType {
  readonly kind: 'struct' | 'union';
  readonly tag: string | undefined;
  /** Filled in when the definition is seen; the object is shared by all uses of the tag. */
  fields: RecordField[];
  size: number;
  align: number;
  complete: boolean;
}
export interface FunctionType {
  readonly kind: 'function';
  readonly returns: CType;
  readonly params: readonly CType[];
  readonly variadic: boolean;
  /** `int f()` in C99: parameters unknown. */
  readonly unprototyped: boolean;
}

// ---------------------------------------------------------------------------------------------
// Symbols

export type Storage = 'global' | 'static-global' | 'static-local' | 'local' | 'param' | 'extern';

export interface VarSymbol {
  readonly kind: 'var';
  readonly name: string;
  type: CType;
  readonly storage: Storage;
  /** Unique across the whole program; the back end keys frame slots and globals by it. */
  readonly id: number;
  readonly loc: SourceLocation;
}

export interface FuncSymbol {
  readonly kind: 'func';
  readonly name: string;
  type: FunctionType;
  readonly id: number;
  readonly loc: SourceLocation;
  /** The definition, when the program defines it; library functions have none. */
  definition?: FunctionDef;
  /** True for functions the runtime provides (malloc, printf, …). */
  builtin: boolean;
  readonly isStatic: boolean;
}

export type Symbol = VarSymbol | FuncSymbol;

// ---------------------------------------------------------------------------------------------
// Expressions

interface ExprBase { readonly loc: SourceLocation; readonly type: CType }

export type BinaryOp =
  | '*' | '/' | '%' | '+' | '-' | '<<' | '>>' | '&' | '^' | '|'
  | '<' | '>' | '<=' | '>=' | '==' | '!='
  | '&&' | '||'
  | 'ptr+int' | 'ptr-int' | 'ptr-ptr';

export type UnaryOp = '-' | '+' | '~' | '!';

export type Expr =
  | { readonly kind: 'int'; readonly value: bigint; readonly loc: SourceLocation; readonly type: CType }
  | { readonly kind: 'float'; readonly value: number; readonly loc: SourceLocation; readonly type: CType }
  /** A string literal: an lvalue of type char[N] (N includes the NUL). */
  | (ExprBase & { readonly kind: 'string'; readonly bytes: Uint8Array })
  | (ExprBase & { readonly kind: 'ident'; readonly symbol: Symbol })
  | (ExprBase & { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: Expr })
  /** For 'ptr+int'/'ptr-int'/'ptr-ptr' `elementSize` is the pointee size (1 for void*). */
  | (ExprBase & { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly elementSize?: number })
  /** Simple assignment; struct assignment copies `type`'s size. */
  | (ExprBase & { readonly kind: 'assign'; readonly target: Expr; readonly value: Expr })
  /**
   * `a op= b`: computed as `a = (T)((C)a op (C)b)` where C is `computeType` (the converted type
   * of the operation) and T the target's type. For pointers op is 'ptr+int' / 'ptr-int'.
   */
  | (ExprBase & { readonly kind: 'compoundAssign'; readonly op: BinaryOp; readonly target: Expr; readonly value: Expr; readonly computeType: CType; readonly elementSize?: number })
  /** ++/--; for pointers `delta` is the element size, else 1. */
  | (ExprBase & { readonly kind: 'incdec'; readonly prefix: boolean; readonly increment: boolean; readonly target: Expr; readonly delta: number })
  | (ExprBase & { readonly kind: 'conditional'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr })
  | (ExprBase & { readonly kind: 'comma'; readonly left: Expr; readonly right: Expr })
  /** `callee` is a function pointer value (a decayed function designator for direct calls). */
  | (ExprBase & { readonly kind: 'call'; readonly callee: Expr; readonly args: readonly Expr[] })
  /** `base[index]` with base already a pointer (decayed) and index an integer. */
  | (ExprBase & { readonly kind: 'index'; readonly base: Expr; readonly index: Expr; readonly elementSize: number })
  /** `s.f` (object is a record lvalue or rvalue) or `p->f` (arrow: object is a pointer). */
  | (ExprBase & { readonly kind: 'member'; readonly object: Expr; readonly arrow: boolean; readonly field: RecordField })
  | (ExprBase & { readonly kind: 'cast'; readonly operand: Expr; readonly implicit: boolean })
  /** Array → pointer to first element, function → function pointer. Operand is an lvalue. */
  | (ExprBase & { readonly kind: 'decay'; readonly operand: Expr })
  | (ExprBase & { readonly kind: 'addressOf'; readonly operand: Expr })
  | (ExprBase & { readonly kind: 'deref'; readonly operand: Expr })
  /** `(T){ … }`: an unnamed object with automatic storage in the enclosing block. */
  | (ExprBase & { readonly kind: 'compoundLiteral'; readonly init: Initializer; readonly storage: VarSymbol })
  /** Built-in `va_arg(ap, T)`; `va_start`/`va_end`/`va_copy` are calls to builtins. */
  | (ExprBase & { readonly kind: 'vaArg'; readonly list: Expr })
  /** sizeof of a VLA, evaluated at run time. */
  | (ExprBase & { readonly kind: 'sizeofVla'; readonly vlaType: ArrayType });

export type ExprKind = Expr['kind'];

/**
 * An initializer, already matched against the object's type: for aggregates, a flat list of
 * (byte offset, scalar expression) pairs, in the order they run; anything not listed is zero.
 */
export type Initializer =
  | { readonly kind: 'expr'; readonly expr: Expr }
  | { readonly kind: 'list'; readonly items: readonly InitItem[] };

export interface InitItem {
  readonly offset: number;
  readonly type: CType;
  /** A scalar or a struct-typed value, converted to `type`; bit-field items carry the field. */
  readonly expr: Expr;
  readonly bitField?: RecordField;
  /** A char array initialised from a string literal: copy min(literal, array) bytes. */
  readonly stringBytes?: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// Statements

interface StmtBase { readonly loc: SourceLocation }

export type Stmt =
  | (StmtBase & { readonly kind: 'compound'; readonly body: readonly Stmt[] })
  | (StmtBase & { readonly kind: 'expr'; readonly expr: Expr })
  /** A block-scope declaration; `init` runs each time control reaches it. */
  | (StmtBase & { readonly kind: 'declare'; readonly symbol: VarSymbol; readonly init: Initializer | undefined })
  | (StmtBase & { readonly kind: 'if'; readonly test: Expr; readonly then: Stmt; readonly otherwise: Stmt | undefined })
  | (StmtBase & { readonly kind: 'while'; readonly test: Expr; readonly body: Stmt })
  | (StmtBase & { readonly kind: 'doWhile'; readonly body: Stmt; readonly test: Expr })
  | (StmtBase & { readonly kind: 'for'; readonly init: Stmt | undefined; readonly test: Expr | undefined; readonly update: Expr | undefined; readonly body: Stmt })
  | (StmtBase & { readonly kind: 'return'; readonly value: Expr | undefined })
  | (StmtBase & { readonly kind: 'break' })
  | (StmtBase & { readonly kind: 'continue' })
  /** `cases` lists every case label inside `body` (values already converted), in source order. */
  | (StmtBase & { readonly kind: 'switch'; readonly test: Expr; readonly body: Stmt; readonly cases: readonly CaseLabel[]; readonly hasDefault: boolean })
  | (StmtBase & { readonly kind: 'case'; readonly label: CaseLabel; readonly body: Stmt })
  | (StmtBase & { readonly kind: 'default'; readonly body: Stmt })
  | (StmtBase & { readonly kind: 'label'; readonly name: string; readonly body: Stmt })
  | (StmtBase & { readonly kind: 'goto'; readonly name: string })
  | (StmtBase & { readonly kind: 'empty' });

export interface CaseLabel { readonly value: bigint; readonly id: number }

export type StmtKind = Stmt['kind'];

// ---------------------------------------------------------------------------------------------
// Program

export interface FunctionDef {
  readonly symbol: FuncSymbol;
  readonly params: readonly VarSymbol[];
  readonly body: Stmt & { kind: 'compound' };
  /** Every local (params excluded), compound-literal storage included, for frame layout. */
  readonly locals: readonly VarSymbol[];
  readonly loc: SourceLocation;
  /** Line of the closing brace: where "step out"/return from main stops. */
  readonly endLoc: SourceLocation;
}

/** Static-duration objects: globals, file statics and block-scope statics (whose `declare`
 *  statement then does nothing at run time). Initialised before main. */
export interface GlobalVar {
  readonly symbol: VarSymbol;
  readonly init: Initializer | undefined;
}

/** All translation units of a launch, linked: one symbol per external name. */
export interface Program {
  readonly functions: readonly FunctionDef[];
  readonly globals: readonly GlobalVar[];
  /** Every function symbol referenced, library ones included. */
  readonly functionSymbols: readonly FuncSymbol[];
  readonly files: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Front-end entry point (implemented in src/c/frontend.ts)

export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'note';
  /** From the message catalogue in src/c/messages.ts, already formatted. */
  readonly message: string;
  readonly loc: SourceLocation;
  /** 1-based column just past the end of the offending range, on `loc.line`. */
  readonly endColumn?: number;
}

export interface SourceFile { readonly path: string; readonly text: string }

/** How the front end reads `#include "x.h"` relative to the including file. */
export interface IncludeResolver { readFile(path: string): string | undefined }

export interface CompileResult {
  /** Present only when there are no errors. */
  readonly program: Program | undefined;
  readonly diagnostics: readonly Diagnostic[];
}
