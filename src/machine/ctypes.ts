// Sizes, alignments and display names of C types on LP64 / arm64 (Apple's ABI: char signed,
// long double == double).

import type { CType, IntType } from '../c/ast';

export function sizeOf(t: CType): number {
  switch (t.kind) {
    case 'void': return 1; // GNU C: sizeof(void) == 1, so void* arithmetic steps by bytes
    case 'int': return t.size;
    case 'float': return t.size;
    case 'pointer': return 8;
    case 'array': return t.length === undefined ? 0 : t.length * sizeOf(t.of);
    case 'struct': case 'union': return t.size;
    case 'function': return 1;
  }
}

export function alignOf(t: CType): number {
  switch (t.kind) {
    case 'array': return alignOf(t.of);
    case 'struct': case 'union': return Math.max(1, t.align);
    case 'void': case 'function': return 1;
    default: return sizeOf(t);
  }
}

/** Scalars the interpreter keeps as one JS value (number or, for 64-bit integers, bigint). */
export function isScalar(t: CType): boolean {
  return t.kind === 'int' || t.kind === 'float' || t.kind === 'pointer';
}

export function is64(t: CType): t is IntType {
  return t.kind === 'int' && t.size === 8;
}

const INT_NAMES: Record<string, string> = {
  bool: '_Bool', char: 'char', schar: 'signed char', uchar: 'unsigned char', short: 'short',
  ushort: 'unsigned short', int: 'int', uint: 'unsigned int', long: 'long', ulong: 'unsigned long',
  llong: 'long long', ullong: 'unsigned long long',
};

/** The type as C writes it: "char *", "struct node *", "int[1000]". */
export function typeName(t: CType): string {
  return declarator(t, '').trim();
}

function declarator(t: CType, inner: string): string {
  switch (t.kind) {
    case 'void': return 'void' + pad(inner);
    case 'int': return (t.enumTag !== undefined ? `enum ${t.enumTag}` : INT_NAMES[t.name]) + pad(inner);
    case 'float': return (t.size === 4 ? 'float' : 'double') + pad(inner);
    case 'struct': case 'union': return `${t.kind} ${t.tag ?? '(anonymous)'}` + pad(inner);
    case 'pointer': {
      const wrap = t.to.kind === 'array' || t.to.kind === 'function';
      return declarator(t.to, wrap ? `(*${inner})` : `*${inner}`);
    }
    case 'array': return declarator(t.of, `${inner}[${t.length ?? ''}]`);
    case 'function':
      return declarator(t.returns, `${inner}(${t.params.map(typeName).join(', ')}${t.variadic ? ', ...' : ''})`);
  }
}

function pad(inner: string): string {
  if (inner === '') return '';
  return inner.startsWith('*') || inner.startsWith('(') ? ' ' + inner : inner.startsWith('[') ? inner : ' ' + inner;
}
