// The printf engine: the full conversion grammar %[flags][width][.precision][length]conv.

import { I64, toNum } from '../int64';

/** Where the variadic arguments come from: a call's values or a va_list in memory. */
export interface ArgSource {
  int(): I64;
  double(): number;
  ptr(): number;
  /** For %n: store the count so far through the next pointer argument. */
  storeCount(length: string, count: number): void;
}

export interface FormatHost {
  /** Bytes of the C string at address (for %s, optional max). */
  cstring(address: number, max?: number): Uint8Array;
}

const enc = (s: string): number[] => { const o: number[] = []; for (let i = 0; i < s.length; i++) o.push(s.charCodeAt(i) & 0xff); return o; };

export function formatPrintf(fmt: Uint8Array, args: ArgSource, host: FormatHost): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i++];
    if (c !== 37 /* % */) { out.push(c); continue; }
    let minus = false, plus = false, space = false, alt = false, zero = false;
    for (; i < fmt.length; i++) {
      const f = fmt[i];
      if (f === 45) minus = true; else if (f === 43) plus = true; else if (f === 32) space = true;
      else if (f === 35) alt = true; else if (f === 48) zero = true; else break;
    }
    let width = -1;
    if (fmt[i] === 42) { i++; width = Number(args.int()) | 0; if (width < 0) { minus = true; width = -width; } }
    else { while (fmt[i] >= 48 && fmt[i] <= 57) { width = (width < 0 ? 0 : width) * 10 + fmt[i++] - 48; } }
    let prec = -1;
    if (fmt[i] === 46) {
      i++; prec = 0;
      if (fmt[i] === 42) { i++; prec = Number(args.int()) | 0; if (prec < 0) prec = -1; }
      else while (fmt[i] >= 48 && fmt[i] <= 57) prec = prec * 10 + fmt[i++] - 48;
    }
    let len = '';
    for (;;) {
      const l = String.fromCharCode(fmt[i] ?? 0);
      if (l === 'h' || l === 'l' || l === 'z' || l === 'j' || l === 't' || l === 'L' || l === 'q') { len += l; i++; } else break;
    }
    const conv = String.fromCharCode(fmt[i++] ?? 0);
    let body: number[]; let prefix = '';
    switch (conv) {
      case 'd': case 'i': {
        const v = signedOf(args.int(), len);
        const neg = v < 0;
        let digits = (neg ? -v : v).toString();
        if (prec >= 0) { zero = false; if (prec === 0 && v == 0) digits = ''; digits = digits.padStart(prec, '0'); }
        prefix = neg ? '-' : plus ? '+' : space ? ' ' : '';
        body = enc(digits);
        break;
      }
      case 'u': case 'o': case 'x': case 'X': {
        const v = unsignedOf(args.int(), len);
        const radix = conv === 'u' ? 10 : conv === 'o' ? 8 : 16;
        let digits = v.toString(radix);
        if (conv === 'X') digits = digits.toUpperCase();
        if (prec >= 0) { zero = false; if (prec === 0 && v == 0) digits = ''; digits = digits.padStart(prec, '0'); }
        if (alt && conv === 'o' && !digits.startsWith('0')) digits = '0' + digits;
        if (alt && v != 0 && conv === 'x') prefix = '0x';
        if (alt && v != 0 && conv === 'X') prefix = '0X';
        body = enc(digits);
        break;
      }
      case 'c': body = [Number(args.int()) & 0xff]; break;
      case 's': {
        const a = args.ptr();
        const bytes = a === 0 ? Uint8Array.from(enc('(null)')) : host.cstring(a, prec >= 0 ? prec : undefined);
        body = Array.from(prec >= 0 ? bytes.subarray(0, prec) : bytes);
        zero = false;
        break;
      }
      case 'p': { prefix = '0x'; body = enc(args.ptr().toString(16)); break; }
      case '%': body = [37]; break;
      case 'n': args.storeCount(len, out.length); continue;
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': {
        const v = args.double();
        const r = formatFloat(v, conv, prec, alt);
        prefix = r.negative ? '-' : plus ? '+' : space ? ' ' : '';
        body = enc(r.text);
        if (!Number.isFinite(v)) zero = false;
        break;
      }
      default: body = enc('%' + conv); break;
    }
    const total = prefix.length + body.length;
    if (width > total) {
      const padN = width - total;
      if (minus) { out.push(...enc(prefix), ...body); for (let k = 0; k < padN; k++) out.push(32); }
      else if (zero) { out.push(...enc(prefix)); for (let k = 0; k < padN; k++) out.push(48); out.push(...body); }
      else { for (let k = 0; k < padN; k++) out.push(32); out.push(...enc(prefix), ...body); }
    } else out.push(...enc(prefix), ...body);
  }
  return Uint8Array.from(out);
}

function signedOf(v: I64, len: string): bigint | number {
  switch (len) {
    case 'hh': return (Number(BigInt.asIntN(8, BigInt(v))));
    case 'h': return (Number(BigInt.asIntN(16, BigInt(v))));
    case 'l': case 'll': case 'q': case 'j': case 'z': case 't': return typeof v === 'number' ? v : BigInt.asIntN(64, v);
    default: return typeof v === 'number' ? v | 0 : Number(BigInt.asIntN(32, v));
  }
}
function unsignedOf(v: I64, len: string): bigint | number {
  switch (len) {
    case 'hh': return Number(v) & 0xff;
    case 'h': return Number(BigInt.asUintN(16, BigInt(v)));
    case 'l': case 'll': case 'q': case 'j': case 'z': case 't':
      return typeof v === 'number' && v >= 0 ? v : BigInt.asUintN(64, BigInt(v));
    default: return typeof v === 'number' ? v >>> 0 : Number(BigInt.asUintN(32, v));
  }
}

export function formatFloat(v: number, conv: string, prec: number, alt: boolean): { negative: boolean; text: string } {
  const upper = conv === 'F' || conv === 'E' || conv === 'G' || conv === 'A';
  const negative = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  let text: string;
  if (Number.isNaN(v)) return { negative: false, text: upper ? 'NAN' : 'nan' };
  if (!Number.isFinite(v)) return { negative, text: upper ? 'INF' : 'inf' };
  const lc = conv.toLowerCase();
  if (lc === 'f') text = fixed(a, prec < 0 ? 6 : prec, alt);
  else if (lc === 'e') text = expo(a, prec < 0 ? 6 : prec, alt);
  else if (lc === 'g') {
    const P = prec < 0 ? 6 : prec === 0 ? 1 : prec;
    const X = sciDigits(a, P - 1).exp;
    text = P > X && X >= -4 ? fixed(a, P - 1 - X, alt) : expo(a, P - 1, alt);
    if (!alt) text = stripZeros(text);
  } else text = hexFloat(a, prec);
  return { negative, text: upper ? text.toUpperCase() : text };
}

/** The exact binary value of a finite non-negative double as m * 2^e. */
function decompose(a: number): { m: bigint; e: number } {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, a);
  const hi = dv.getUint32(0); const lo = dv.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return bexp === 0 ? { m: frac, e: -1074 } : { m: frac | (1n << 52n), e: bexp - 1075 };
}

/** round(a * 10^k) with ties to even, exactly (printf rounds the exact binary value). */
function scaledRound(a: number, k: number): bigint {
  const { m, e } = decompose(a);
  let num = m; let den = 1n;
  if (e >= 0) num <<= BigInt(e); else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k); else den *= 10n ** BigInt(-k);
  const q = num / den; const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

function fixed(a: number, p: number, alt: boolean): string {
  const digits = scaledRound(a, p).toString().padStart(p + 1, '0');
  const s = p > 0 ? digits.slice(0, digits.length - p) + '.' + digits.slice(digits.length - p) : digits;
  return alt && p === 0 ? s + '.' : s;
}

/** Decimal exponent and p+1 significant digits of a, rounded exactly. */
function sciDigits(a: number, p: number): { digits: string; exp: number } {
  if (a === 0) return { digits: '0'.repeat(p + 1), exp: 0 };
  let x = Math.floor(Math.log10(a));
  for (let tries = 0; tries < 3; tries++) {
    const d = scaledRound(a, p - x).toString();
    if (d.length === p + 2) { x++; continue; }
    if (d.length < p + 1) { x--; continue; }
    return { digits: d, exp: x };
  }
  const d = scaledRound(a, p - x).toString();
  return { digits: d.slice(0, p + 1), exp: x };
}

function expo(a: number, p: number, alt: boolean): string {
  const { digits, exp } = sciDigits(a, p);
  const m = p > 0 ? digits[0] + '.' + digits.slice(1) : alt ? digits[0] + '.' : digits[0];
  return m + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
}

function stripZeros(s: string): string {
  const ei = s.indexOf('e');
  let m = ei >= 0 ? s.slice(0, ei) : s; const e = ei >= 0 ? s.slice(ei) : '';
  if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
  return m + e;
}

function hexFloat(a: number, prec: number): string {
  if (a === 0) return '0x0' + (prec > 0 ? '.' + '0'.repeat(prec) : '') + 'p+0';
  let e = Math.floor(Math.log2(a));
  let m = a / 2 ** e;
  if (m >= 2) { m /= 2; e++; } else if (m < 1) { m *= 2; e--; }
  let frac = '';
  let f = m - 1;
  const digits = prec < 0 ? 13 : prec;
  for (let k = 0; k < digits; k++) { f *= 16; const d = Math.floor(f); frac += d.toString(16); f -= d; }
  if (prec < 0) frac = frac.replace(/0+$/, '');
  return '0x1' + (frac.length > 0 ? '.' + frac : '') + 'p' + (e < 0 ? '-' : '+') + Math.abs(e);
}

/** The value of a %s byte string for JS callers. */
export function toNumber(v: I64): number { return toNum(v); }
