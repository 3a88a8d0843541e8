// C types for LP64 on arm64 macOS: char is signed, long and pointers are 8 bytes, long double
// is double. Sizes, alignments, record layout, compatibility, integer promotion and the usual
// arithmetic conversions (C11 6.3.1).

import type { ArrayType, CType, FloatType, FunctionType, IntKind, IntType, PointerType, RecordField, RecordType, VoidType } from './ast';

const int = (name: IntKind, size: 1 | 2 | 4 | 8, signed: boolean): IntType => ({ kind: 'int', name, size, signed });

export const T = {
  void: { kind: 'void' } as VoidType,
  bool: int('bool', 1, false),
  char: int('char', 1, true),
  schar: int('schar', 1, true),
  uchar: int('uchar', 1, false),
  short: int('short', 2, true),
  ushort: int('ushort', 2, false),
  int: int('int', 4, true),
  uint: int('uint', 4, false),
  long: int('long', 8, true),
  ulong: int('ulong', 8, false),
  llong: int('llong', 8, true),
  ullong: int('ullong', 8, false),
  float: { kind: 'float', size: 4 } as FloatType,
  double: { kind: 'float', size: 8 } as FloatType,
} as const;

export const SIZE_T = T.ulong;
export const PTRDIFF_T = T.long;

/**
 * The type of an expression that already produced an error. Every check that sees it stays
 * quiet, so one mistake yields one diagnostic. It is an `int` to the rest of the code.
 */
export const ERROR_TYPE: IntType = int('int', 4, true);

export function intType(name: IntKind): IntType { return T[name]; }

export function pointerTo(to: CType): PointerType { return { kind: 'pointer', to }; }
export function arrayOf(of: CType, length: number | undefined): ArrayType { return { kind: 'array', of, length }; }
export function functionType(returns: CType, params: readonly CType[], variadic: boolean, unprototyped = false): FunctionType {
  return { kind: 'function', returns, params, variadic, unprototyped };
}
export function newRecord(kind: 'struct' | 'union', tag: string | undefined): RecordType {
  return { kind, tag, fields: [], size: 0, align: 1, complete: false };
}

export const isInteger = (t: CType): t is IntType => t.kind === 'int';
export const isFloat = (t: CType): t is FloatType => t.kind === 'float';
export const isArithmetic = (t: CType): boolean => t.kind === 'int' || t.kind === 'float';
export const isPointer = (t: CType): t is PointerType => t.kind === 'pointer';
export const isScalar = (t: CType): boolean => isArithmetic(t) || t.kind === 'pointer';
export const isRecord = (t: CType): t is RecordType => t.kind === 'struct' || t.kind === 'union';
export const isVoid = (t: CType): boolean => t.kind === 'void';
export const isVoidPointer = (t: CType): boolean => t.kind === 'pointer' && t.to.kind === 'void';
export const isFunctionPointer = (t: CType): boolean => t.kind === 'pointer' && t.to.kind === 'function';

/** Complete object types have a known size (C11 6.2.5p1). */
export function isComplete(t: CType): boolean {
  switch (t.kind) {
    case 'void': case 'function': return false;
    case 'array': return (t.length !== undefined || t.vla !== undefined) && isComplete(t.of);
    case 'struct': case 'union': return t.complete;
    default: return true;
  }
}

export function sizeOf(t: CType): number {
  switch (t.kind) {
    case 'void': case 'function': return 1; // GNU: arithmetic on void * and function pointers steps by 1
    case 'int': case 'float': return t.size;
    case 'pointer': return 8;
    case 'array': return (t.length ?? 0) * sizeOf(t.of);
    case 'struct': case 'union': return t.size;
  }
}

export function alignOf(t: CType): number {
  switch (t.kind) {
    case 'void': case 'function': return 1;
    case 'int': case 'float': return t.size;
    case 'pointer': return 8;
    case 'array': return alignOf(t.of);
    case 'struct': case 'union': return t.align;
  }
}

const RANK: Record<IntKind, number> = {
  bool: 0, char: 1, schar: 1, uchar: 1, short: 2, ushort: 2, int: 3, uint: 3, long: 4, ulong: 4, llong: 5, ullong: 5,
};

export function intRank(t: IntType): number { return RANK[t.name]; }

/** The base type without enum sugar. */
export function plainInt(t: IntType): IntType { return t.enumTag === undefined ? t : T[t.name]; }

/** Integer promotion (C11 6.3.1.1p2): everything narrower than int becomes int. */
export function promotedType(t: CType): CType {
  if (t.kind !== 'int') return t;
  if (RANK[t.name] < RANK.int) return T.int;
  return plainInt(t);
}

/** The common real type of the usual arithmetic conversions (C11 6.3.1.8). */
export function usualArithmeticType(a: CType, b: CType): CType {
  if (a.kind === 'float' || b.kind === 'float') {
    const sa = a.kind === 'float' ? a.size : 0, sb = b.kind === 'float' ? b.size : 0;
    return Math.max(sa, sb) === 8 ? T.double : T.float;
  }
  const x = promotedType(a) as IntType, y = promotedType(b) as IntType;
  if (x.name === y.name) return x;
  if (x.signed === y.signed) return RANK[x.name] >= RANK[y.name] ? x : y;
  const [u, s] = x.signed ? [y, x] : [x, y];
  if (RANK[u.name] >= RANK[s.name]) return u;
  if (s.size > u.size) return s;
  return T[(s.name === 'long' ? 'ulong' : s.name === 'llong' ? 'ullong' : 'uint') as IntKind];
}

/**
 * Type compatibility (C11 6.2.7), without qualifiers (the AST does not carry them). Inside one
 * translation unit a record is compatible only with itself; `acrossUnits` applies 6.2.7p1 for
 * declarations of one external name in different units: records with the same tag and the same
 * members (each header included by two files declares its own `div_t`).
 */
export function compatible(a: CType, b: CType, acrossUnits = false): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'void': return true;
    case 'int': return a.name === (b as IntType).name;
    case 'float': return a.size === (b as FloatType).size;
    case 'pointer': return compatible(a.to, (b as PointerType).to, acrossUnits);
    case 'array': {
      const y = b as ArrayType;
      return compatible(a.of, y.of, acrossUnits) && (a.length === undefined || y.length === undefined || a.length === y.length);
    }
    case 'struct': case 'union': return acrossUnits && sameRecordAcrossUnits(a, b as RecordType);
    case 'function': {
      const y = b as FunctionType;
      if (!compatible(a.returns, y.returns, acrossUnits)) return false;
      if (a.unprototyped || y.unprototyped) return true;
      return a.variadic === y.variadic && a.params.length === y.params.length
        && a.params.every((p, k) => compatible(p, y.params[k], acrossUnits));
    }
  }
}

function sameRecordAcrossUnits(a: RecordType, b: RecordType): boolean {
  if (a.tag !== b.tag) return false;
  // An incomplete declaration in either unit is compatible with any completion (6.2.7p1).
  if (!a.complete || !b.complete) return true;
  if (a.fields.length !== b.fields.length || a.size !== b.size) return false;
  return a.fields.every((f, k) => {
    const g = b.fields[k];
    // Pointer members may refer back to the record itself: compare those by tag only.
    const same = f.type.kind === 'pointer' && g.type.kind === 'pointer'
      && (f.type.to.kind === 'struct' || f.type.to.kind === 'union')
      ? f.type.to.kind === g.type.to.kind && (f.type.to as RecordType).tag === (g.type.to as RecordType).tag
      : compatible(f.type, g.type, true);
    return f.name === g.name && f.offset === g.offset && f.bitWidth === g.bitWidth && same;
  });
}

/** The composite of two compatible types (C11 6.2.7p3): keeps what either one knows. */
export function composite(a: CType, b: CType): CType {
  if (a.kind === 'array' && b.kind === 'array') return a.length !== undefined ? a : b;
  if (a.kind === 'function' && b.kind === 'function') return a.unprototyped ? b : a;
  return a;
}

// -----------------------------------------------------------------------------------------------
// Record layout (AAPCS64 / Darwin): fields at their natural alignment, bit-fields packed into
// storage units of their declared type without straddling a unit boundary.

export interface FieldDecl {
  readonly name: string | undefined;
  readonly type: CType;
  readonly bitWidth?: number;
}

export function layoutRecord(record: RecordType, decls: readonly FieldDecl[]): void {
  const fields: RecordField[] = [];
  let bitPos = 0, maxEnd = 0, align = 1;
  const isUnion = record.kind === 'union';
  for (const d of decls) {
    const size = sizeOf(d.type), a = alignOf(d.type);
    if (d.bitWidth !== undefined) {
      const unitBits = size * 8;
      if (isUnion) bitPos = 0;
      if (d.bitWidth === 0) { bitPos = roundUp(bitPos, unitBits); continue; }
      if (Math.floor(bitPos / unitBits) !== Math.floor((bitPos + d.bitWidth - 1) / unitBits)) bitPos = roundUp(bitPos, unitBits);
      const unitStart = Math.floor(bitPos / unitBits) * size;
      if (d.name !== undefined) {
        fields.push({ name: d.name, type: d.type, offset: unitStart, bitOffset: bitPos - unitStart * 8, bitWidth: d.bitWidth });
        align = Math.max(align, a);
      }
      bitPos += d.bitWidth;
      maxEnd = Math.max(maxEnd, Math.ceil(bitPos / 8));
      continue;
    }
    const offset = isUnion ? 0 : roundUp(Math.ceil(bitPos / 8), a);
    fields.push({ name: d.name, type: d.type, offset });
    align = Math.max(align, a);
    bitPos = (offset + size) * 8;
    maxEnd = Math.max(maxEnd, offset + size);
  }
  record.fields = fields;
  record.align = align;
  record.size = roundUp(maxEnd, align);
  record.complete = true;
}

export function roundUp(n: number, to: number): number { return Math.ceil(n / to) * to; }

export interface FieldPath { readonly fields: readonly RecordField[] }

/** Finds a member by name, looking through anonymous struct/union members; the path leads to it. */
export function findField(record: RecordType, name: string): RecordField[] | undefined {
  for (const f of record.fields) {
    if (f.name === name) return [f];
    if (f.name === undefined && isRecord(f.type)) {
      const inner = findField(f.type, name);
      if (inner) return [f, ...inner];
    }
  }
  return undefined;
}

// -----------------------------------------------------------------------------------------------
// const. The AST's types carry no qualifiers (the machine does not need them), so the front end
// keeps them beside the types: a pointer type object can be marked "points to const", an array
// type object "has const elements", and objects (symbols) are marked const where declared.

const constPointee = new WeakSet<CType>();
const constElements = new WeakSet<CType>();

export function markConstPointee(t: PointerType): PointerType { constPointee.add(t); return t; }
export function pointsToConst(t: CType): boolean { return constPointee.has(t); }
export function markConstElements(t: ArrayType): ArrayType { constElements.add(t); return t; }
export function hasConstElements(t: CType): boolean { return constElements.has(t); }

// -----------------------------------------------------------------------------------------------
// Spelling types the way clang prints them in diagnostics: 'int *', 'char[4]', 'void (*)(int)'.

const INT_NAMES: Record<IntKind, string> = {
  bool: '_Bool', char: 'char', schar: 'signed char', uchar: 'unsigned char', short: 'short',
  ushort: 'unsigned short', int: 'int', uint: 'unsigned int', long: 'long', ulong: 'unsigned long',
  llong: 'long long', ullong: 'unsigned long long',
};

export function typeToString(t: CType, inner = '', isConst = false): string {
  const join = (name: string): string => {
    const base = isConst ? `const ${name}` : name;
    return inner === '' ? base : inner.startsWith('[') ? base + inner : `${base} ${inner}`;
  };
  switch (t.kind) {
    case 'void': return join('void');
    case 'int': return join(t.enumTag !== undefined ? `enum ${t.enumTag}` : INT_NAMES[t.name]);
    case 'float': return join(t.size === 4 ? 'float' : 'double');
    case 'struct': case 'union': return join(`${t.kind} ${t.tag ?? '(anonymous)'}`);
    case 'pointer': {
      const wrap = t.to.kind === 'array' || t.to.kind === 'function';
      const star = isConst ? (inner === '' ? '*const' : `*const ${inner}`) : `*${inner}`;
      return typeToString(t.to, wrap ? `(${star})` : star, constPointee.has(t) && t.to.kind !== 'array');
    }
    case 'array': return typeToString(t.of, `${inner}[${t.length ?? (t.vla ? '*' : '')}]`, isConst || constElements.has(t));
    case 'function': {
      const params = t.params.map(p => typeToString(p));
      if (t.variadic) params.push('...');
      const list = t.unprototyped ? '()' : `(${params.length ? params.join(', ') : 'void'})`;
      return typeToString(t.returns, `${inner}${list}`);
    }
  }
}
