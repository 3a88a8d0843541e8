// Typed loads and stores of an object whose address a closure computes, calling the address
// space's own readers and writers directly. A lowered access is then one closure call (the
// address) plus an inlinable method call, where composing `loader(t)` with the address closure
// costs a second closure call from a site that sees every type in the program.

import type { CType } from '../c/ast';
import type { AddressSpaceApi } from '../vm/api';
import type { Ev, Frame } from './code';
import { sizeOf } from './ctypes';
import { toNum } from './int64';

export type StoreAt = (f: Frame, value: any) => void;

/** Reads the object of type `t` at `a(f)`; an aggregate's value is its address. */
export function loadAt(mem: AddressSpaceApi, t: CType, a: Ev): Ev {
  switch (t.kind) {
    case 'int':
      switch (t.name) {
        case 'bool': case 'uchar': return (f) => mem.readU8(a(f));
        case 'char': case 'schar': return (f) => mem.readI8(a(f));
        case 'short': return (f) => mem.readI16(a(f));
        case 'ushort': return (f) => mem.readU16(a(f));
        case 'int': return (f) => mem.readI32(a(f));
        case 'uint': return (f) => mem.readU32(a(f));
        case 'long': case 'llong': return (f) => mem.readI64(a(f));
        case 'ulong': case 'ullong': return (f) => mem.readU64(a(f));
      }
      break;
    case 'float': return t.size === 4 ? (f) => mem.readF32(a(f)) : (f) => mem.readF64(a(f));
    case 'pointer': return (f) => { const v = mem.readU64(a(f)); return typeof v === 'number' ? v : toNum(v); };
    default: return a;
  }
  throw new Error('unreachable');
}

/** Writes a value of type `t` to the object at `a(f)`, truncated to its width. */
export function storeAt(mem: AddressSpaceApi, t: CType, a: Ev): StoreAt {
  switch (t.kind) {
    case 'int':
      switch (t.size) {
        case 1: return (f, v) => mem.writeU8(a(f), v & 0xff);
        case 2: return (f, v) => mem.writeU16(a(f), v & 0xffff);
        case 4: return (f, v) => mem.writeU32(a(f), v >>> 0);
        case 8: return (f, v) => mem.writeU64(a(f), v);
      }
      break;
    case 'float': return t.size === 4 ? (f, v) => mem.writeF32(a(f), v) : (f, v) => mem.writeF64(a(f), v);
    case 'pointer': return (f, v) => mem.writeU64(a(f), v);
    default: {
      const size = sizeOf(t);
      return (f, v) => { const at = a(f); if (at !== v) mem.copy(at, v, size); };
    }
  }
  throw new Error('unreachable');
}

/**
 * `*a = v` as an expression: evaluates v, then the address, stores and yields v. The scalar
 * types are written out so the store is a direct method call.
 */
export function assignAt(mem: AddressSpaceApi, t: CType, a: Ev, v: Ev): Ev {
  switch (t.kind) {
    case 'int':
      switch (t.size) {
        case 1: return (f) => { const x = v(f); mem.writeU8(a(f), x & 0xff); return x; };
        case 2: return (f) => { const x = v(f); mem.writeU16(a(f), x & 0xffff); return x; };
        case 4: return (f) => { const x = v(f); mem.writeU32(a(f), x >>> 0); return x; };
        case 8: return (f) => { const x = v(f); mem.writeU64(a(f), x); return x; };
      }
      break;
    case 'pointer': return (f) => { const x = v(f); mem.writeU64(a(f), x); return x; };
    default: break;
  }
  const st = storeAt(mem, t, a);
  return (f) => { const x = v(f); st(f, x); return x; };
}
