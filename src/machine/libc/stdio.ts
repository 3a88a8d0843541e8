// <stdio.h>: the printf and scanf families, character and line I/O over the Stdio streams.

import { I64, toNum } from '../int64';
import { ArgSource, formatPrintf } from './format';
import { cstr, EBADF, ENOENT, encodeUtf8, LibcHost, LibTable, setErrno } from './host';
import { Stream } from './stdioStreams';
import { strerrorText } from './errno';

const EOF = -1;

class CallArgs implements ArgSource {
  constructor(private readonly h: LibcHost, private readonly args: readonly unknown[], private k: number) {}
  int(): I64 { const v = this.args[this.k++]; return typeof v === 'bigint' ? v : typeof v === 'number' ? (Number.isInteger(v) ? v : Math.trunc(v)) : 0; }
  double(): number { const v = this.args[this.k++]; return typeof v === 'number' ? v : Number(v ?? 0); }
  ptr(): number { const v = this.args[this.k++]; return typeof v === 'number' ? v : v === undefined ? 0 : toNum(v as bigint); }
  storeCount(len: string, n: number): void { storeCount(this.h, this.ptr(), len, n); }
}

/** A va_list: 8-byte slots in memory (Apple arm64 passes variadic arguments on the stack). */
class VaArgs implements ArgSource {
  constructor(private readonly h: LibcHost, private p: number) {}
  int(): I64 { const v = this.h.mem.readI64(this.p); this.p += 8; return v; }
  double(): number { const v = this.h.mem.readF64(this.p); this.p += 8; return v; }
  ptr(): number { const v = this.h.mem.readU64(this.p); this.p += 8; return toNum(v); }
  storeCount(len: string, n: number): void { storeCount(this.h, this.ptr(), len, n); }
}

function storeCount(h: LibcHost, a: number, len: string, n: number): void {
  if (len === 'hh') h.mem.writeU8(a, n & 0xff);
  else if (len === 'h') h.mem.writeU16(a, n & 0xffff);
  else if (len === '') h.mem.writeU32(a, n >>> 0);
  else h.mem.writeU64(a, n);
}

function format(h: LibcHost, fmt: number, args: ArgSource): Uint8Array {
  return formatPrintf(h.mem.readCString(fmt), args, { cstring: (a, max) => h.mem.readCString(a, max) });
}

function stream(h: LibcHost, file: number): Stream | undefined { return h.stdio.byAddress(file); }

function put(h: LibcHost, file: number, bytes: Uint8Array): number {
  const s = stream(h, file);
  if (s === undefined) { setErrno(h, EBADF); return EOF; }
  h.stdio.write(s, bytes);
  return bytes.length;
}

/** snprintf's copy: at most n-1 bytes and a NUL; returns the full length. */
function toBuffer(h: LibcHost, dest: number, n: number | undefined, bytes: Uint8Array): number {
  if (n === undefined) { h.mem.writeBytes(dest, bytes); h.mem.writeU8(dest + bytes.length, 0); return bytes.length; }
  if (n > 0) {
    const k = Math.min(bytes.length, n - 1);
    h.mem.writeBytes(dest, bytes.subarray(0, k)); h.mem.writeU8(dest + k, 0);
  }
  return bytes.length;
}

function readLine(h: LibcHost, s: Stream, dest: number, n: number): number {
  if (n <= 0) return 0;
  let i = 0;
  while (i < n - 1) {
    const c = h.stdio.getc(s);
    if (c < 0) break;
    h.mem.writeU8(dest + i++, c);
    if (c === 10) break;
  }
  if (i === 0) return 0;
  h.mem.writeU8(dest + i, 0);
  return dest;
}

export const stdioLib: LibTable = {
  printf: { fn: (h, a) => put(h, h.stdio.stdout.address, format(h, a[0], new CallArgs(h, a, 1))) },
  fprintf: { fn: (h, a) => put(h, a[0], format(h, a[1], new CallArgs(h, a, 2))) },
  dprintf: { fn: (h, a) => { const b = format(h, a[1], new CallArgs(h, a, 2)); h.stdio.emit(a[0], b); return b.length; } },
  sprintf: { fn: (h, a) => toBuffer(h, a[0], undefined, format(h, a[1], new CallArgs(h, a, 2))) },
  snprintf: { fn: (h, a) => toBuffer(h, a[0], toNum(a[1]), format(h, a[2], new CallArgs(h, a, 3))) },
  vprintf: { fn: (h, a) => put(h, h.stdio.stdout.address, format(h, a[0], new VaArgs(h, a[1]))) },
  vfprintf: { fn: (h, a) => put(h, a[0], format(h, a[1], new VaArgs(h, a[2]))) },
  vsprintf: { fn: (h, a) => toBuffer(h, a[0], undefined, format(h, a[1], new VaArgs(h, a[2]))) },
  vsnprintf: { fn: (h, a) => toBuffer(h, a[0], toNum(a[1]), format(h, a[2], new VaArgs(h, a[3]))) },
  asprintf: {
    fn: (h, a) => {
      const b = format(h, a[1], new CallArgs(h, a, 2));
      const p = h.malloc.malloc(b.length + 1);
      if (p === 0) return -1;
      toBuffer(h, p, undefined, b); h.mem.writeU64(a[0], p);
      return b.length;
    },
  },
  puts: { fn: (h, a) => { const b = h.mem.readCString(a[0]); const out = new Uint8Array(b.length + 1); out.set(b); out[b.length] = 10; put(h, h.stdio.stdout.address, out); return 10; } },
  putchar: { fn: (h, a) => { put(h, h.stdio.stdout.address, Uint8Array.of(a[0] & 0xff)); return a[0] & 0xff; } },
  fputs: { fn: (h, a) => (put(h, a[1], h.mem.readCString(a[0])) < 0 ? EOF : 0) },
  fputc: { fn: (h, a) => (put(h, a[1], Uint8Array.of(a[0] & 0xff)) < 0 ? EOF : a[0] & 0xff) },
  putc: { fn: (h, a) => (put(h, a[1], Uint8Array.of(a[0] & 0xff)) < 0 ? EOF : a[0] & 0xff) },
  fwrite: {
    fn: (h, a) => {
      const total = toNum(a[1]) * toNum(a[2]);
      if (total === 0) return 0;
      return put(h, a[3], h.mem.readBytes(a[0], total)) < 0 ? 0 : toNum(a[2]);
    },
  },
  fflush: {
    fn: (h, a) => {
      if (a[0] === 0) { h.stdio.flushAll(); return 0; }
      const s = stream(h, a[0]);
      if (s === undefined) { setErrno(h, EBADF); return EOF; }
      h.stdio.flush(s); return 0;
    },
  },
  perror: {
    fn: (h, a) => {
      const msg = strerrorText(h.mem.readI32(h.errnoAddress));
      const prefix = a[0] !== 0 ? cstr(h, a[0]) : '';
      h.stdio.write(h.stdio.stderr, encodeUtf8(prefix.length > 0 ? `${prefix}: ${msg}\n` : `${msg}\n`));
    },
  },
  setvbuf: {
    fn: (h, a) => {
      const s = stream(h, a[0]); if (s === undefined) return EOF;
      h.stdio.flush(s);
      s.mode = a[2] === 2 ? 'none' : a[2] === 1 ? 'line' : 'full';
      if (a[1] !== 0 && s.mode !== 'none') { s.buffer = a[1]; s.size = Math.max(1, toNum(a[3])); s.used = 0; }
      return 0;
    },
  },
  setbuf: {
    fn: (h, a) => {
      const s = stream(h, a[0]); if (s === undefined) return;
      if (a[1] === 0) s.mode = 'none'; else { s.buffer = a[1]; s.size = 1024; s.used = 0; }
    },
  },
  getchar: { fn: (h) => h.stdio.getc(h.stdio.stdin) },
  getc: { fn: (h, a) => { const s = stream(h, a[0]); return s === undefined ? EOF : h.stdio.getc(s); } },
  fgetc: { fn: (h, a) => { const s = stream(h, a[0]); return s === undefined ? EOF : h.stdio.getc(s); } },
  ungetc: { fn: (h, a) => { const s = stream(h, a[1]); return s === undefined ? EOF : h.stdio.ungetc(s, a[0]); } },
  fgets: { fn: (h, a) => { const s = stream(h, a[2]); return s === undefined ? 0 : readLine(h, s, a[0], a[1]); } },
  fread: {
    fn: (h, a) => {
      const s = stream(h, a[3]); const size = toNum(a[1]); const n = toNum(a[2]);
      if (s === undefined || size === 0) return 0;
      let i = 0;
      for (; i < size * n; i++) { const c = h.stdio.getc(s); if (c < 0) break; h.mem.writeU8(a[0] + i, c); }
      return Math.floor(i / size);
    },
  },
  getline: {
    // Grows *linep with realloc as Libc's getdelim does, so the buffer shows up in the heap.
    fn: (h, a) => {
      const s = stream(h, a[2]); if (s === undefined) return -1;
      const bytes: number[] = [];
      for (;;) { const c = h.stdio.getc(s); if (c < 0) break; bytes.push(c); if (c === 10) break; }
      if (bytes.length === 0) return -1;
      let buf = toNum(h.mem.readU64(a[0])); let cap = buf === 0 ? 0 : toNum(h.mem.readU64(a[1]));
      if (cap < bytes.length + 1) {
        cap = Math.max(128, 2 ** Math.ceil(Math.log2(bytes.length + 1)));
        buf = h.malloc.realloc(buf, cap);
        if (buf === 0) return -1;
        h.mem.writeU64(a[0], buf); h.mem.writeU64(a[1], cap);
      }
      h.mem.writeBytes(buf, Uint8Array.from(bytes)); h.mem.writeU8(buf + bytes.length, 0);
      return bytes.length;
    },
  },
  feof: { fn: (h, a) => (stream(h, a[0])?.eof ? 1 : 0) },
  ferror: { fn: (h, a) => (stream(h, a[0])?.error ? 1 : 0) },
  clearerr: { fn: (h, a) => { const s = stream(h, a[0]); if (s) { s.eof = false; s.error = false; } } },
  fileno: { fn: (h, a) => stream(h, a[0])?.fd ?? -1 },
  fopen: { fn: (h) => { setErrno(h, ENOENT); return 0; } },
  fclose: { fn: (h, a) => { const s = stream(h, a[0]); if (s === undefined) return EOF; h.stdio.flush(s); return 0; } },
  scanf: { fn: (h, a) => scan(h, () => h.stdio.getc(h.stdio.stdin), (c) => h.stdio.ungetc(h.stdio.stdin, c), a[0], a, 1) },
  fscanf: {
    fn: (h, a) => {
      const s = stream(h, a[0]); if (s === undefined) return EOF;
      return scan(h, () => h.stdio.getc(s), (c) => h.stdio.ungetc(s, c), a[1], a, 2);
    },
  },
  sscanf: {
    fn: (h, a) => {
      let p = a[0] as number;
      return scan(h, () => { const c = h.mem.readU8(p); if (c === 0) return EOF; p++; return c; }, () => { p--; }, a[1], a, 2);
    },
  },
};

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** The scanf engine: returns the number of assignments, or EOF on input failure before any. */
function scan(h: LibcHost, get: () => number, unget: (c: number) => void, fmtAddr: number, args: readonly unknown[], first: number): number {
  const fmt = h.mem.readCString(fmtAddr);
  let k = first; let assigned = 0; let consumed = 0; let failedInput = false;
  const next = (): number => { const c = get(); if (c >= 0) consumed++; return c; };
  const back = (c: number): void => { if (c >= 0) { unget(c); consumed--; } };
  const ptrArg = (): number => { const v = args[k++]; return typeof v === 'number' ? v : toNum(v as bigint); };
  let i = 0;
  outer: while (i < fmt.length) {
    const fc = fmt[i];
    if (isSpace(fc)) { i++; let c; do { c = next(); } while (c >= 0 && isSpace(c)); back(c); continue; }
    if (fc !== 37) { i++; const c = next(); if (c !== fc) { back(c); if (c < 0) failedInput = true; break; } continue; }
    i++;
    if (fmt[i] === 37) { i++; let c; do { c = next(); } while (c >= 0 && isSpace(c)); if (c !== 37) { back(c); break; } continue; }
    let suppress = false;
    if (fmt[i] === 42) { suppress = true; i++; }
    let width = 0;
    while (fmt[i] >= 48 && fmt[i] <= 57) width = width * 10 + fmt[i++] - 48;
    let len = '';
    while ('hlLqjzt'.includes(String.fromCharCode(fmt[i] ?? 0)) && fmt[i] !== undefined) len += String.fromCharCode(fmt[i++]);
    const conv = String.fromCharCode(fmt[i++] ?? 0);
    if (conv === 'n') { if (!suppress) storeCount(h, ptrArg(), len, consumed); continue; }
    if (conv !== 'c' && conv !== '[') { let c; do { c = next(); } while (c >= 0 && isSpace(c)); back(c); }
    const max = width > 0 ? width : Infinity;
    if (conv === 'c') {
      const n = width > 0 ? width : 1; const bytes: number[] = [];
      for (let j = 0; j < n; j++) { const c = next(); if (c < 0) break; bytes.push(c); }
      if (bytes.length === 0) { failedInput = true; break; }
      if (!suppress) { h.mem.writeBytes(ptrArg(), Uint8Array.from(bytes)); assigned++; }
      continue;
    }
    if (conv === 's' || conv === '[') {
      let accept: (c: number) => boolean = (c) => !isSpace(c);
      if (conv === '[') {
        let negate = false; const set = new Set<number>();
        if (fmt[i] === 94) { negate = true; i++; }
        if (fmt[i] === 93) { set.add(93); i++; }
        while (i < fmt.length && fmt[i] !== 93) {
          if (fmt[i + 1] === 45 && fmt[i + 2] !== 93 && i + 2 < fmt.length) { for (let c = fmt[i]; c <= fmt[i + 2]; c++) set.add(c); i += 3; }
          else set.add(fmt[i++]);
        }
        i++;
        accept = (c) => set.has(c) !== negate;
      }
      const bytes: number[] = [];
      while (bytes.length < max) { const c = next(); if (c < 0) break; if (!accept(c)) { back(c); break; } bytes.push(c); }
      if (bytes.length === 0) { if (get() < 0) failedInput = true; else back(-1); break; }
      if (!suppress) { const p = ptrArg(); h.mem.writeBytes(p, Uint8Array.from(bytes)); h.mem.writeU8(p + bytes.length, 0); assigned++; }
      continue;
    }
    // Numbers: collect the longest prefix that looks like one.
    let text = '';
    const take = (ok: (c: number, t: string) => boolean): void => {
      while (text.length < max) { const c = next(); if (c < 0) return; if (!ok(c, text)) { back(c); return; } text += String.fromCharCode(c); }
    };
    const isFloat = 'eEfFgGaA'.includes(conv);
    const base = conv === 'x' || conv === 'X' || conv === 'p' ? 16 : conv === 'o' ? 8 : conv === 'i' ? 0 : 10;
    if (isFloat) take((c, t) => /[0-9]/.test(String.fromCharCode(c)) || ((c === 43 || c === 45) && (t === '' || /[eE]$/.test(t))) || (c === 46 && !t.includes('.')) || ((c === 101 || c === 69) && /[0-9]/.test(t) && !/[eE]/.test(t)));
    else {
      take((c, t) => {
        const ch = String.fromCharCode(c).toLowerCase();
        if ((ch === '+' || ch === '-') && t === '') return true;
        const body = t.replace(/^[+-]/, '');
        if (ch === 'x' && (base === 16 || base === 0) && body === '0') return true;
        const b = base === 0 ? (/^0x/i.test(body) ? 16 : body.startsWith('0') ? 8 : 10) : base;
        const d = parseInt(ch, 36);
        return !Number.isNaN(d) && d < b;
      });
    }
    // A hexadecimal number may start with a letter digit ("ff").
    const hasDigit = /[0-9]/.test(text) || (base === 16 && /[a-f]/i.test(text.replace(/^[+-]?0x/i, '')));
    if (!hasDigit) { if (text === '' && get() < 0) failedInput = true; break outer; }
    if (suppress) continue;
    const p = ptrArg();
    if (isFloat) {
      const v = parseFloat(text);
      if (len === 'l' || len === 'L') h.mem.writeF64(p, v); else h.mem.writeF32(p, v);
    } else {
      const neg = text.startsWith('-'); const body = text.replace(/^[+-]/, '');
      const base = conv === 'x' || conv === 'X' || conv === 'p' ? 16 : conv === 'o' ? 8 : conv === 'i' ? (/^0x/i.test(body) ? 16 : body.startsWith('0') && body.length > 1 ? 8 : 10) : 10;
      const digits = base === 16 ? body.replace(/^0x/i, '') : body;
      let v = digits === '' ? 0n : BigInt(base === 16 ? '0x' + digits : base === 8 ? '0o' + digits : digits);
      if (neg) v = -v;
      if (conv === 'p' || len === 'l' || len === 'll' || len === 'q' || len === 'j' || len === 'z' || len === 't') h.mem.writeU64(p, BigInt.asUintN(64, v));
      else if (len === 'h') h.mem.writeU16(p, Number(BigInt.asUintN(16, v)));
      else if (len === 'hh') h.mem.writeU8(p, Number(BigInt.asUintN(8, v)));
      else h.mem.writeU32(p, Number(BigInt.asUintN(32, v)));
    }
    assigned++;
  }
  return assigned === 0 && failedInput ? EOF : assigned;
}

