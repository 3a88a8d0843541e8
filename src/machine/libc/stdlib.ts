// <stdlib.h> and <assert.h>: the malloc family over the libmalloc model, number parsing,
// qsort/bsearch calling C comparators, exit/atexit/abort, rand, getenv.

import type { CallRequest } from '../code';
import { ProgramExit, ProgramFault, SIGABRT } from '../faults';
import { I64, toNum, wrapS64, wrapU64 } from '../int64';
import { MSG } from '../messages';
import { cstr, encodeUtf8, ENOMEM, ERANGE, EINVAL, LibcHost, LibTable, setErrno } from './host';

const PTR_TYPE = { kind: 'pointer', to: { kind: 'void' } } as const;

function checked(h: LibcHost, p: number): number { if (p === 0) setErrno(h, ENOMEM); return p; }

export function abortProcess(message: string, kind: 'abort' | 'assert' = 'abort'): never {
  throw new ProgramFault({ kind, message, signal: SIGABRT });
}

/** strtol's grammar: space, sign, base prefix, digits. Returns value (bigint) and end offset. */
export function parseInteger(bytes: Uint8Array, base: number): { value: bigint; end: number; any: boolean } {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 32 || (bytes[i] >= 9 && bytes[i] <= 13))) i++;
  let neg = false;
  if (bytes[i] === 43 || bytes[i] === 45) { neg = bytes[i] === 45; i++; }
  if ((base === 0 || base === 16) && bytes[i] === 48 && (bytes[i + 1] | 0x20) === 120 && digit(bytes[i + 2]) < 16) { i += 2; base = 16; }
  else if (base === 0) base = bytes[i] === 48 ? 8 : 10;
  let v = 0n; const start = i;
  while (i < bytes.length && digit(bytes[i]) < base) { v = v * BigInt(base) + BigInt(digit(bytes[i])); i++; }
  if (i === start) return { value: 0n, end: 0, any: false };
  return { value: neg ? -v : v, end: i, any: true };
}

function digit(c: number | undefined): number {
  if (c === undefined) return 99;
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 122) return l - 87;
  return 99;
}

function strtoInt(h: LibcHost, a: unknown[], bits: 32 | 64, signed: boolean): I64 {
  const s = a[0] as number; const endp = a[1] as number; const base = Number(a[2]);
  if (base !== 0 && (base < 2 || base > 36)) { setErrno(h, EINVAL); return 0; }
  const r = parseInteger(h.mem.readCString(s), base);
  if (endp !== 0) h.mem.writeU64(endp, s + r.end);
  let v = r.value;
  const min = signed ? -(1n << BigInt(bits - 1)) : -((1n << BigInt(bits)) - 1n);
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  if (v > max || v < min) { setErrno(h, ERANGE); v = signed ? (v < 0n ? min : max) : max; }
  if (bits === 32) return signed ? Number(BigInt.asIntN(32, v)) : Number(BigInt.asUintN(32, v));
  return signed ? wrapS64(v) : wrapU64(v);
}

export function parseDouble(bytes: Uint8Array): { value: number; end: number } {
  const text = String.fromCharCode(...bytes.subarray(0, 512));
  const m = /^[ \t\n\v\f\r]*([+-]?(?:inf(?:inity)?|nan|0x[0-9a-f]*\.?[0-9a-f]*(?:p[+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?))/i.exec(text);
  if (m === null) return { value: 0, end: 0 };
  const t = m[1].toLowerCase();
  let v: number;
  if (t.replace(/^[+-]/, '').startsWith('inf')) v = t.startsWith('-') ? -Infinity : Infinity;
  else if (t.replace(/^[+-]/, '').startsWith('nan')) v = NaN;
  else if (/0x/.test(t)) {
    const hm = /^([+-]?)0x([0-9a-f]*)\.?([0-9a-f]*)(?:p([+-]?\d+))?$/.exec(t)!;
    const mant = parseInt((hm[2] || '0') + (hm[3] || ''), 16) / 16 ** (hm[3] || '').length;
    v = (hm[1] === '-' ? -1 : 1) * mant * 2 ** Number(hm[4] ?? 0);
  } else v = parseFloat(t);
  return { value: v, end: m[0].length };
}

function strtod(h: LibcHost, a: unknown[]): number {
  const s = a[0] as number; const r = parseDouble(h.mem.readCString(s));
  if (a[1] !== 0) h.mem.writeU64(a[1] as number, s + r.end);
  return r.value;
}

/** Apple Libc rand(): Park–Miller minimal standard (16807 multiplier); seed 0 becomes 123459876. */
function nextRand(h: LibcHost): number {
  let x = h.rngState;
  if (x === 0) x = 123459876;
  const hi = Math.trunc(x / 127773); const lo = x % 127773;
  x = 16807 * lo - 2836 * hi;
  if (x < 0) x += 0x7fffffff;
  h.rngState = x;
  return x % 0x80000000;
}

function* qsortGen(h: LibcHost, a: unknown[]): Generator<CallRequest, undefined, unknown> {
  const base = a[0] as number; const n = toNum(a[1] as I64); const size = toNum(a[2] as I64); const cmp = a[3] as number;
  // Sort an index permutation (elements stay in place while the comparator reads them),
  // bottom-up merge sort, then permute the bytes once.
  let idx = Array.from({ length: n }, (_, i) => i);
  let tmp = new Array<number>(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n); const hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        const r = (yield { address: cmp, args: [base + idx[i] * size, base + idx[j] * size], argTypes: [PTR_TYPE, PTR_TYPE] }) as number;
        if ((r | 0) <= 0) tmp[k++] = idx[i++]; else tmp[k++] = idx[j++];
      }
      while (i < mid) tmp[k++] = idx[i++];
      while (j < hi) tmp[k++] = idx[j++];
    }
    [idx, tmp] = [tmp, idx];
  }
  if (n > 1 && size > 0) {
    const bytes = h.mem.readBytes(base, n * size);
    const out = new Uint8Array(n * size);
    for (let i = 0; i < n; i++) out.set(bytes.subarray(idx[i] * size, idx[i] * size + size), i * size);
    h.mem.writeBytes(base, out);
  }
  return undefined;
}

function* bsearchGen(_h: LibcHost, a: unknown[]): Generator<CallRequest, number, unknown> {
  const key = a[0] as number; const base = a[1] as number; let n = toNum(a[2] as I64); const size = toNum(a[3] as I64); const cmp = a[4] as number;
  let lo = base;
  while (n > 0) {
    const mid = lo + Math.floor(n / 2) * size;
    const r = (yield { address: cmp, args: [key, mid], argTypes: [PTR_TYPE, PTR_TYPE] }) as number;
    if ((r | 0) === 0) return mid;
    if ((r | 0) > 0) { lo = mid + size; n = n - Math.floor(n / 2) - 1; } else n = Math.floor(n / 2);
  }
  return 0;
}

function getenv(h: LibcHost, name: string): number {
  const v = h.env[name];
  if (v === undefined) return 0;
  const bytes = encodeUtf8(v);
  const p = h.scratch('env:' + name, bytes.length + 1);
  h.mem.writeBytes(p, bytes); h.mem.writeU8(p + bytes.length, 0);
  return p;
}

export const stdlibLib: LibTable = {
  malloc: { fn: (h, a) => checked(h, h.malloc.malloc(toNum(a[0]))) },
  calloc: { fn: (h, a) => checked(h, h.malloc.calloc(toNum(a[0]), toNum(a[1]))) },
  realloc: { fn: (h, a) => checked(h, h.malloc.realloc(a[0], toNum(a[1]))) },
  reallocf: {
    fn: (h, a) => {
      const p = h.malloc.realloc(a[0], toNum(a[1]));
      if (p === 0 && toNum(a[1]) !== 0) { h.malloc.free(a[0]); setErrno(h, ENOMEM); }
      return p;
    },
  },
  free: { fn: (h, a) => { h.malloc.free(a[0]); } },
  valloc: { fn: (h, a) => checked(h, h.malloc.malloc(roundUp(Math.max(1, toNum(a[0])), h.mem.pageSize))) },
  aligned_alloc: { fn: (h, a) => checked(h, alignedMalloc(h, toNum(a[0]), toNum(a[1]))) },
  posix_memalign: {
    fn: (h, a) => {
      const align = toNum(a[1]);
      if (align < 8 || (align & (align - 1)) !== 0) return EINVAL;
      const p = alignedMalloc(h, align, toNum(a[2]));
      if (p === 0) return ENOMEM;
      h.mem.writeU64(a[0], p); return 0;
    },
  },
  malloc_size: { fn: (h, a) => h.malloc.mallocSize(a[0]) },
  malloc_good_size: { fn: (h, a) => h.malloc.mallocGoodSize(toNum(a[0])) },
  atoi: { fn: (h, a) => Number(BigInt.asIntN(32, parseInteger(h.mem.readCString(a[0]), 10).value)) },
  atol: { fn: (h, a) => wrapS64(parseInteger(h.mem.readCString(a[0]), 10).value) },
  atoll: { fn: (h, a) => wrapS64(parseInteger(h.mem.readCString(a[0]), 10).value) },
  atof: { fn: (h, a) => parseDouble(h.mem.readCString(a[0])).value },
  strtol: { fn: (h, a) => strtoInt(h, a, 64, true) },
  strtoll: { fn: (h, a) => strtoInt(h, a, 64, true) },
  strtoul: { fn: (h, a) => strtoInt(h, a, 64, false) },
  strtoull: { fn: (h, a) => strtoInt(h, a, 64, false) },
  strtod: { fn: (h, a) => strtod(h, a) },
  strtof: { fn: (h, a) => Math.fround(strtod(h, a)) },
  abs: { fn: (_h, a) => (a[0] < 0 ? -a[0] | 0 : a[0]) },
  labs: { fn: (_h, a) => (a[0] < 0 ? wrapS64(-BigInt(a[0])) : a[0]) },
  llabs: { fn: (_h, a) => (a[0] < 0 ? wrapS64(-BigInt(a[0])) : a[0]) },
  rand: { fn: (h) => nextRand(h) },
  srand: { fn: (h, a) => { h.rngState = a[0] >>> 0; } },
  random: { fn: (h) => nextRand(h) },
  srandom: { fn: (h, a) => { h.rngState = a[0] >>> 0; } },
  arc4random: { fn: (h) => (nextRand(h) * 2) >>> 0 },
  arc4random_uniform: { fn: (h, a) => (a[0] === 0 ? 0 : nextRand(h) % a[0]) },
  getenv: { fn: (h, a) => getenv(h, cstr(h, a[0])) },
  setenv: {
    fn: (h, a) => {
      const name = cstr(h, a[0]);
      if (name === '' || name.includes('=')) { setErrno(h, EINVAL); return -1; }
      if (a[2] !== 0 || h.env[name] === undefined) (h.env as Record<string, string>)[name] = cstr(h, a[1]);
      return 0;
    },
  },
  unsetenv: { fn: (h, a) => { delete (h.env as Record<string, string>)[cstr(h, a[0])]; return 0; } },
  div: { fn: (_h, a) => divResult(a[0], a[1], 4) },
  ldiv: { fn: (_h, a) => divResult(a[0], a[1], 8) },
  lldiv: { fn: (_h, a) => divResult(a[0], a[1], 8) },
  imaxabs: { fn: (_h, a) => (a[0] < 0 ? wrapS64(-BigInt(a[0])) : a[0]) },
  strtoimax: { fn: (h, a) => strtoInt(h, a, 64, true) },
  strtoumax: { fn: (h, a) => strtoInt(h, a, 64, false) },
  sysconf: { fn: (h, a) => (a[0] === 29 ? h.mem.pageSize : a[0] === 58 || a[0] === 57 ? 8 : -1) },
  atexit: { fn: (h, a) => { h.atexit.push(a[0]); return 0; } },
  exit: { gen: (h, a) => h.exitGen(a[0] | 0) },
  _Exit: { fn: (_h, a) => { throw new ProgramExit(a[0] | 0); } },
  _exit: { fn: (_h, a) => { throw new ProgramExit(a[0] | 0); } },
  abort: { fn: (h) => { h.stdio.flush(h.stdio.stderr); abortProcess(MSG.abort); } },
  qsort: { gen: (h, a) => qsortGen(h, a) },
  bsearch: { gen: (h, a) => bsearchGen(h, a) },
  __assert_rtn: {
    fn: (h, a) => {
      const text = MSG.assertion(cstr(h, a[3]), cstr(h, a[0]), cstr(h, a[1]), a[2] | 0);
      h.stdio.write(h.stdio.stderr, encodeUtf8(text + '\n'));
      abortProcess(text, 'assert');
    },
  },
};


/** div_t / ldiv_t: { quot, rem } as bytes; C division truncates toward zero. */
function divResult(n: I64, d: I64, size: 4 | 8): Uint8Array {
  const bn = BigInt(n); const bd = BigInt(d);
  const q = bd === 0n ? 0n : bn / bd; const r = bd === 0n ? bn : bn % bd;
  const out = new Uint8Array(2 * size); const dv = new DataView(out.buffer);
  if (size === 4) { dv.setInt32(0, Number(q), true); dv.setInt32(4, Number(r), true); }
  else { dv.setBigInt64(0, q, true); dv.setBigInt64(8, r, true); }
  return out;
}

function roundUp(n: number, to: number): number { return Math.ceil(n / to) * to; }

/** Without a memalign in MallocApi: ask for a size whose zone hands out blocks at that alignment. */
function alignedMalloc(h: LibcHost, align: number, size: number): number {
  if (align <= 16) return h.malloc.malloc(size);
  return h.malloc.malloc(roundUp(Math.max(size, align), align));
}

