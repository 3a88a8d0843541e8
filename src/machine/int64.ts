// Exact C integer semantics for 64-bit values. A 64-bit value is a JS number while it is a safe
// integer (|v| < 2^53) and a bigint beyond; every result is normalised back to that form so the
// common case stays on the fast number path.

export type I64 = number | bigint;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A bigint as a 64-bit value in canonical form. */
export function norm(v: bigint): I64 {
  return v <= 9007199254740991n && v >= -9007199254740991n ? Number(v) : v;
}

export function big(v: I64): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function wrapS64(v: bigint): I64 { return norm(BigInt.asIntN(64, v)); }
export function wrapU64(v: bigint): I64 { return norm(BigInt.asUintN(64, v)); }

/** Any integer value (number or bigint) to a signed 64-bit value. */
export function toS64(v: I64): I64 {
  if (typeof v === 'number') return v;
  return wrapS64(v);
}
export function toU64(v: I64): I64 {
  if (typeof v === 'number') return v >= 0 ? v : wrapU64(BigInt(v));
  return wrapU64(v);
}
/** Low 32 bits as a JS number (for narrowing conversions and indexes). */
export function low32(v: I64): number {
  return typeof v === 'number' ? v | 0 : Number(BigInt.asIntN(32, v));
}
/** A 64-bit value as a JS number (pointers, sizes): exact below 2^53. */
export function toNum(v: I64): number {
  return typeof v === 'number' ? v : Number(BigInt.asUintN(64, v));
}

type Op = (a: I64, b: I64) => I64;

function make(fast: (a: number, b: number) => number, slow: (a: bigint, b: bigint) => bigint, signed: boolean): Op {
  const wrap = signed ? wrapS64 : wrapU64;
  if (signed) {
    return (a, b) => {
      if (typeof a === 'number' && typeof b === 'number') {
        const r = fast(a, b);
        if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
      }
      return wrap(slow(big(a), big(b)));
    };
  }
  return (a, b) => {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = fast(a, b);
      if (r <= MAX_SAFE && r >= 0) return r;
    }
    return wrap(slow(big(a), big(b)));
  };
}

function divOp(signed: boolean): Op {
  const wrap = signed ? wrapS64 : wrapU64;
  return (a, b) => {
    // arm64 sdiv/udiv: division by zero yields 0 and does not trap.
    if (b == 0) return 0;
    if (typeof a === 'number' && typeof b === 'number') return (a - (a % b)) / b;
    return wrap(big(a) / big(b));
  };
}
function remOp(signed: boolean): Op {
  const wrap = signed ? wrapS64 : wrapU64;
  return (a, b) => {
    // msub after a zero-divisor udiv leaves the dividend.
    if (b == 0) return a;
    if (typeof a === 'number' && typeof b === 'number') { const r = a % b; return r === 0 ? 0 : r; }
    return wrap(big(a) % big(b));
  };
}

function bitOp(fast: (a: number, b: number) => number, slow: (a: bigint, b: bigint) => bigint, signed: boolean): Op {
  const wrap = signed ? wrapS64 : wrapU64;
  return (a, b) => {
    if (typeof a === 'number' && typeof b === 'number' && a >= 0 && b >= 0 && a <= 0x7fffffff && b <= 0x7fffffff) return fast(a, b);
    return wrap(slow(big(a), big(b)));
  };
}

export interface Ops64 {
  add: Op; sub: Op; mul: Op; div: Op; rem: Op;
  and: Op; or: Op; xor: Op; shl: Op; shr: Op;
  neg(a: I64): I64; not(a: I64): I64;
}

function ops(signed: boolean): Ops64 {
  const wrap = signed ? wrapS64 : wrapU64;
  return {
    add: make((a, b) => a + b, (a, b) => a + b, signed),
    sub: make((a, b) => a - b, (a, b) => a - b, signed),
    mul: make((a, b) => a * b, (a, b) => a * b, signed),
    div: divOp(signed),
    rem: remOp(signed),
    and: bitOp((a, b) => a & b, (a, b) => a & b, signed),
    or: bitOp((a, b) => a | b, (a, b) => a | b, signed),
    xor: bitOp((a, b) => a ^ b, (a, b) => a ^ b, signed),
    shl: (a, b) => {
      const n = Number(b) & 63;
      if (typeof a === 'number' && n < 32) {
        const r = a * 2 ** n;
        if (r <= MAX_SAFE && r >= (signed ? -MAX_SAFE : 0)) return r;
      }
      return wrap(big(a) << BigInt(n));
    },
    shr: (a, b) => {
      const n = Number(b) & 63;
      if (typeof a === 'number') return Math.floor(a / 2 ** n);
      return wrap(a >> BigInt(n)); // canonical unsigned bigints are non-negative: logical shift
    },
    neg: (a) => (typeof a === 'number' && (signed || a === 0) ? 0 - a : wrap(-big(a))),
    not: (a) => (typeof a === 'number' && signed ? -a - 1 : wrap(~big(a))),
  };
}

export const S64 = ops(true);
export const U64 = ops(false);
