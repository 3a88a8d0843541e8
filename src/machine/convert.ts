// Loads, stores and conversions specialised per C type at lowering time, so the closures the
// interpreter runs never test a type.

import type { CType, IntType } from '../c/ast';
import type { AddressSpaceApi } from '../vm/api';
import { sizeOf } from './ctypes';
import { I64, low32, toNum, toS64, toU64 } from './int64';

export type Load = (address: number) => any;
export type Store = (address: number, value: any) => void;
export type Conv = (v: any) => any;

export function loader(mem: AddressSpaceApi, t: CType): Load {
  switch (t.kind) {
    case 'int':
      switch (t.name) {
        case 'bool': case 'uchar': return (a) => mem.readU8(a);
        case 'char': case 'schar': return (a) => mem.readI8(a);
        case 'short': return (a) => mem.readI16(a);
        case 'ushort': return (a) => mem.readU16(a);
        case 'int': return (a) => mem.readI32(a);
        case 'uint': return (a) => mem.readU32(a);
        case 'long': case 'llong': return (a) => mem.readI64(a);
        case 'ulong': case 'ullong': return (a) => mem.readU64(a);
      }
      break;
    case 'float': return t.size === 4 ? (a) => mem.readF32(a) : (a) => mem.readF64(a);
    case 'pointer': return (a) => { const v = mem.readU64(a); return typeof v === 'number' ? v : toNum(v); };
    default: return (a) => a; // aggregates are handled by address
  }
  throw new Error('unreachable');
}

export function storer(mem: AddressSpaceApi, t: CType): Store {
  switch (t.kind) {
    case 'int':
      switch (t.size) {
        case 1: return (a, v) => mem.writeU8(a, v & 0xff);
        case 2: return (a, v) => mem.writeU16(a, v & 0xffff);
        case 4: return (a, v) => mem.writeU32(a, v >>> 0);
        case 8: return (a, v) => mem.writeU64(a, v);
      }
      break;
    case 'float': return t.size === 4 ? (a, v) => mem.writeF32(a, v) : (a, v) => mem.writeF64(a, v);
    case 'pointer': return (a, v) => mem.writeU64(a, v);
    default: {
      const size = sizeOf(t);
      return (a, v) => { if (a !== v) mem.copy(a, v, size); };
    }
  }
  throw new Error('unreachable');
}

/** Converts a value of a 32-bit-or-narrower integer representation, or any 64-bit one, to `to`. */
function toInt(to: IntType, fromWide: boolean): Conv {
  switch (to.name) {
    case 'bool': return (v) => (v != 0 ? 1 : 0);
    case 'char': case 'schar': return fromWide ? (v) => (low32(v) << 24) >> 24 : (v) => (v << 24) >> 24;
    case 'uchar': return fromWide ? (v) => low32(v) & 0xff : (v) => v & 0xff;
    case 'short': return fromWide ? (v) => (low32(v) << 16) >> 16 : (v) => (v << 16) >> 16;
    case 'ushort': return fromWide ? (v) => low32(v) & 0xffff : (v) => v & 0xffff;
    case 'int': return fromWide ? (v) => low32(v) : (v) => v | 0;
    case 'uint': return fromWide ? (v) => low32(v) >>> 0 : (v) => v >>> 0;
    case 'long': case 'llong': return (v: I64) => toS64(v);
    case 'ulong': case 'ullong': return (v: I64) => toU64(v);
  }
}

function floatToInt(to: IntType): Conv {
  const c = toInt(to, true);
  return (v: number) => {
    if (!Number.isFinite(v)) return 0;
    const t = Math.trunc(v);
    return c(Number.isSafeInteger(t) ? t : BigInt(t));
  };
}

/** undefined when the conversion changes nothing. */
export function converter(from: CType, to: CType): Conv | undefined {
  if (to.kind === 'void') return () => undefined;
  if (to.kind === 'int') {
    if (from.kind === 'int') {
      if (from.name === to.name) return undefined;
      // Widening to a type that holds every value of `from` keeps the number unchanged.
      if (to.name !== 'bool' && from.size < to.size && (to.signed || !from.signed)) return undefined;
      if (to.size === 8 && from.size < 8 && !from.signed) return undefined;
      return toInt(to, from.size === 8);
    }
    if (from.kind === 'float') return to.name === 'bool' ? (v) => (v !== 0 ? 1 : 0) : floatToInt(to);
    if (from.kind === 'pointer' || from.kind === 'array' || from.kind === 'function') {
      if (to.name === 'bool') return (v) => (v !== 0 ? 1 : 0);
      return to.size === 8 ? (to.signed ? (v) => toS64(v) : undefined) : toInt(to, true);
    }
    return undefined;
  }
  if (to.kind === 'float') {
    if (from.kind === 'int') {
      if (from.size === 8) return to.size === 4 ? (v) => Math.fround(Number(v)) : (v) => Number(v);
      return to.size === 4 ? (v) => Math.fround(v) : undefined;
    }
    if (from.kind === 'float') return to.size === 4 && from.size === 8 ? (v) => Math.fround(v) : undefined;
    return undefined;
  }
  if (to.kind === 'pointer') {
    if (from.kind === 'int' && from.size === 8) return (v) => toNum(v);
    if (from.kind === 'int' && from.signed) return (v) => (v < 0 ? toNum(BigInt.asUintN(64, BigInt(v))) : v);
    return undefined;
  }
  return undefined;
}

/** A test closure's result for a scalar: C truth. */
export function truthOf(t: CType): Conv {
  if (t.kind === 'int' && t.size === 8) return (v) => v != 0;
  return (v) => v !== 0;
}
