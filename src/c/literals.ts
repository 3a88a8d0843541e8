// Reading the spelling of constants: integer constants with C's type-selection rule (C11
// 6.4.4.1), floating constants, character constants and string literals with every escape.

import type { IntKind } from './ast';
import type { MessageId } from './messages';

export interface LiteralError { readonly id: MessageId; readonly args: readonly string[] }

export type IntegerLiteral = { readonly value: bigint; readonly kind: IntKind } | { readonly error: LiteralError };
export type FloatLiteral = { readonly value: number; readonly size: 4 | 8 } | { readonly error: LiteralError };

const INT_MAX = (1n << 31n) - 1n, UINT_MAX = (1n << 32n) - 1n;
const LONG_MAX = (1n << 63n) - 1n, ULONG_MAX = (1n << 64n) - 1n;

export function isFloatSpelling(text: string): boolean {
  if (/^0[xX]/.test(text)) return /[.pP]/.test(text);
  return /[.eE]/.test(text);
}

/** Programs repeat the same few spellings (0, 1, 10…): each is read once per process. */
const integerCache = new Map<string, IntegerLiteral>();

export function parseIntegerLiteral(text: string): IntegerLiteral {
  let r = integerCache.get(text);
  if (!r) {
    r = readIntegerLiteral(text);
    if (integerCache.size < 10000) integerCache.set(text, r);
  }
  return r;
}

function readIntegerLiteral(text: string): IntegerLiteral {
  let digits: string, radix: number, name: string;
  const m = /^(0[xX][0-9a-zA-Z]*|0[bB][0-9a-zA-Z]*|[0-9]+)(.*)$/.exec(text);
  if (!m) return { error: { id: 'InvalidIntegerConstant', args: [text[0] ?? '', 'decimal'] } };
  const body = m[1], suffix = m[2];
  if (/^0[xX]/.test(body)) { digits = body.slice(2); radix = 16; name = 'hexadecimal'; }
  else if (/^0[bB]/.test(body)) { digits = body.slice(2); radix = 2; name = 'binary'; }
  else if (body.length > 1 && body[0] === '0') { digits = body.slice(1); radix = 8; name = 'octal'; }
  else { digits = body; radix = 10; name = 'decimal'; }
  // A hex body swallows letters, so the suffix may hide in it: split at the first non-digit.
  let splitAt = 0;
  while (splitAt < digits.length && parseInt(digits[splitAt], radix) < radix) splitAt++;
  const rest = digits.slice(splitAt) + suffix;
  digits = digits.slice(0, splitAt);
  if (radix !== 8 && digits === '') {
    return { error: { id: 'InvalidSuffix', args: [rest, name === 'hexadecimal' ? 'integer' : name] } };
  }
  let value = 0n;
  const r = BigInt(radix);
  for (const ch of digits) value = value * r + BigInt(parseInt(ch, radix));
  const s = rest.toLowerCase();
  const unsignedSuffix = /u/.test(s);
  const longCount = /ll/.test(s) ? 2 : /l/.test(s) ? 1 : 0;
  if (!/^(u?(l|ll)?|(l|ll)u)$/.test(s) || /lL|Ll/.test(rest)) {
    if (radix === 8 && /^[89]/.test(rest)) return { error: { id: 'InvalidIntegerConstant', args: [rest[0], 'octal'] } };
    return { error: { id: 'InvalidSuffix', args: [rest, 'integer'] } };
  }
  const decimal = radix === 10;
  const candidates: IntKind[] = [];
  if (longCount === 0) {
    if (!unsignedSuffix) candidates.push('int');
    if (unsignedSuffix || !decimal) candidates.push('uint');
  }
  if (longCount <= 1) {
    if (!unsignedSuffix) candidates.push('long');
    if (unsignedSuffix || !decimal) candidates.push('ulong');
  }
  if (!unsignedSuffix) candidates.push('llong');
  if (unsignedSuffix || !decimal) candidates.push('ullong');
  for (const kind of candidates) {
    const max = kind === 'int' ? INT_MAX : kind === 'uint' ? UINT_MAX : kind === 'long' || kind === 'llong' ? LONG_MAX : ULONG_MAX;
    if (value <= max) return { value, kind };
  }
  // Clang gives an unsuffixed decimal that fits only unsigned long long that type, with a warning.
  if (value <= ULONG_MAX) return { value, kind: 'ullong' };
  return { error: { id: 'IntegerTooLarge', args: [] } };
}

export function parseFloatLiteral(text: string): FloatLiteral {
  const m = /^(.*?)([fFlL]?)$/.exec(text)!;
  const body = m[1];
  const size: 4 | 8 = m[2] === 'f' || m[2] === 'F' ? 4 : 8;
  let value: number;
  if (/^0[xX]/.test(body)) {
    const h = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(body);
    if (!h || (h[1] === '' && (h[2] ?? '') === '')) return { error: { id: 'InvalidSuffix', args: [body, 'floating'] } };
    const mant = parseInt((h[1] || '0') + (h[2] ?? ''), 16);
    value = mant * Math.pow(2, Number(h[3]) - 4 * (h[2]?.length ?? 0));
  } else {
    if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) {
      const bad = body.replace(/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/, '');
      return { error: { id: 'InvalidSuffix', args: [bad + m[2], 'floating'] } };
    }
    value = Number(body);
  }
  if (size === 4) value = Math.fround(value);
  return { value, size };
}

export type Encoding = '' | 'L' | 'u' | 'U' | 'u8';

export interface DecodedLiteral {
  readonly encoding: Encoding;
  /** Code units: bytes for narrow/u8, UTF-16 units for u, code points for L/U. */
  readonly units: number[];
  readonly errors: { readonly offset: number; readonly error: LiteralError }[];
}

/** Decodes the body of a character constant or string literal (prefix and quotes included). */
export function decodeLiteral(text: string): DecodedLiteral {
  const q = text.search(/['"]/);
  const encoding = text.slice(0, q) as Encoding;
  const body = text.slice(q + 1, text.length - 1);
  const units: number[] = [];
  const errors: { offset: number; error: LiteralError }[] = [];
  const wide = encoding === 'L' || encoding === 'U' || encoding === 'u';
  const pushCodePoint = (cp: number): void => {
    if (encoding === 'L' || encoding === 'U') units.push(cp);
    else if (encoding === 'u') {
      if (cp > 0xffff) { cp -= 0x10000; units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); } else units.push(cp);
    } else units.push(...utf8(cp));
  };
  for (let i = 0; i < body.length;) {
    const ch = body[i];
    if (ch !== '\\') {
      const cp = body.codePointAt(i)!;
      pushCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const at = q + 1 + i;
    const e = body[i + 1];
    i += 2;
    const simple: Record<string, number> = {
      n: 10, t: 9, v: 11, b: 8, r: 13, f: 12, a: 7, '\\': 92, '?': 63, '\'': 39, '"': 34, e: 27,
    };
    if (e in simple) { units.push(simple[e]); continue; }
    if (e >= '0' && e <= '7') {
      let v = Number(e);
      for (let k = 0; k < 2 && body[i] >= '0' && body[i] <= '7'; k++) v = v * 8 + Number(body[i++]);
      if (!wide && v > 255) errors.push({ offset: at, error: { id: 'EscapeOutOfRange', args: ['octal'] } });
      units.push(wide ? v : v & 255);
      continue;
    }
    if (e === 'x') {
      let j = i;
      while (j < body.length && /[0-9a-fA-F]/.test(body[j])) j++;
      if (j === i) { errors.push({ offset: at, error: { id: 'HexEscapeNoDigits', args: [] } }); continue; }
      const v = BigInt('0x' + body.slice(i, j));
      const limit = wide ? (encoding === 'u' ? 0xffffn : 0xffffffffn) : 0xffn;
      if (v > limit) errors.push({ offset: at, error: { id: 'EscapeOutOfRange', args: ['hex'] } });
      units.push(Number(v & limit));
      i = j;
      continue;
    }
    if (e === 'u' || e === 'U') {
      const len = e === 'u' ? 4 : 8;
      const hex = body.slice(i, i + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) {
        errors.push({ offset: at, error: { id: 'InvalidEscape', args: [e] } });
        continue;
      }
      pushCodePoint(parseInt(hex, 16));
      i += len;
      continue;
    }
    // Clang warns and keeps the character; so do we (as a warning the caller may show).
    errors.push({ offset: at, error: { id: 'InvalidEscape', args: [e ?? ''] } });
    if (e !== undefined) units.push(e.charCodeAt(0));
  }
  return { encoding, units, errors };
}

function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/**
 * The value of a character constant: `int` for plain ones, where a single byte is sign-extended
 * because char is signed on arm64 macOS, and multi-character constants pack big-endian as clang does.
 */
export function charConstantValue(d: DecodedLiteral): bigint {
  if (d.encoding !== '' && d.encoding !== 'u8') return BigInt(d.units[0] ?? 0);
  if (d.units.length === 1) {
    const b = d.units[0] & 255;
    return BigInt(b >= 128 ? b - 256 : b);
  }
  let v = 0;
  for (const u of d.units) v = ((v << 8) | (u & 255)) >>> 0;
  return BigInt(v | 0);
}
