// <string.h> and <strings.h>.

import { toNum } from '../int64';
import { encodeUtf8, LibcHost, LibTable } from './host';
import { strerrorText } from './errno';

function len(h: LibcHost, p: number): number { return h.mem.readCString(p).length; }

function copyString(h: LibcHost, dest: number, src: number): number {
  const b = h.mem.readCString(src);
  h.mem.writeBytes(dest, b); h.mem.writeU8(dest + b.length, 0);
  return b.length;
}

function compare(x: Uint8Array, y: Uint8Array, n: number, fold: boolean): number {
  for (let i = 0; i < n; i++) {
    let a = i < x.length ? x[i] : 0; let b = i < y.length ? y[i] : 0;
    if (fold) { if (a >= 65 && a <= 90) a += 32; if (b >= 65 && b <= 90) b += 32; }
    if (a !== b) return a - b;
    if (a === 0) return 0;
  }
  return 0;
}

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function span(h: LibcHost, s: number, set: number, accept: boolean): number {
  const b = h.mem.readCString(s); const chars = new Set(h.mem.readCString(set));
  let i = 0;
  while (i < b.length && chars.has(b[i]) === accept) i++;
  return i;
}

/** One step of strtok: skip delimiters, cut the token with a NUL, remember where to go on (in `state`). */
function nextToken(h: LibcHost, start: number, delimiters: number, state: number): number {
  let s = start !== 0 ? start : toNum(h.mem.readU64(state));
  if (s === 0) return 0;
  s += span(h, s, delimiters, true);
  if (h.mem.readU8(s) === 0) { h.mem.writeU64(state, 0); return 0; }
  const end = s + span(h, s, delimiters, false);
  if (h.mem.readU8(end) === 0) h.mem.writeU64(state, 0);
  else { h.mem.writeU8(end, 0); h.mem.writeU64(state, end + 1); }
  return s;
}

export const stringLib: LibTable = {
  strlen: { fn: (h, a) => len(h, a[0]) },
  strnlen: { fn: (h, a) => h.mem.readCString(a[0], toNum(a[1])).length },
  strcpy: { fn: (h, a) => { copyString(h, a[0], a[1]); return a[0]; } },
  stpcpy: { fn: (h, a) => a[0] + copyString(h, a[0], a[1]) },
  strncpy: {
    fn: (h, a) => {
      const n = toNum(a[2]); const b = h.mem.readCString(a[1], n);
      h.mem.writeBytes(a[0], b);
      if (b.length < n) h.mem.fill(a[0] + b.length, 0, n - b.length);
      return a[0];
    },
  },
  strlcpy: {
    fn: (h, a) => {
      const b = h.mem.readCString(a[1]); const n = toNum(a[2]);
      if (n > 0) { const k = Math.min(b.length, n - 1); h.mem.writeBytes(a[0], b.subarray(0, k)); h.mem.writeU8(a[0] + k, 0); }
      return b.length;
    },
  },
  strcat: { fn: (h, a) => { copyString(h, a[0] + len(h, a[0]), a[1]); return a[0]; } },
  strncat: {
    fn: (h, a) => {
      const d = a[0] + len(h, a[0]); const b = h.mem.readCString(a[1], toNum(a[2]));
      h.mem.writeBytes(d, b); h.mem.writeU8(d + b.length, 0); return a[0];
    },
  },
  strlcat: {
    fn: (h, a) => {
      const n = toNum(a[2]); const dl = h.mem.readCString(a[0], n).length; const b = h.mem.readCString(a[1]);
      if (dl < n) { const k = Math.min(b.length, n - dl - 1); h.mem.writeBytes(a[0] + dl, b.subarray(0, k)); h.mem.writeU8(a[0] + dl + k, 0); }
      return dl + b.length;
    },
  },
  strcmp: { fn: (h, a) => compare(h.mem.readCString(a[0]), h.mem.readCString(a[1]), Infinity, false) },
  strncmp: { fn: (h, a) => { const n = toNum(a[2]); return compare(h.mem.readCString(a[0], n), h.mem.readCString(a[1], n), n, false); } },
  strcasecmp: { fn: (h, a) => compare(h.mem.readCString(a[0]), h.mem.readCString(a[1]), Infinity, true) },
  strncasecmp: { fn: (h, a) => { const n = toNum(a[2]); return compare(h.mem.readCString(a[0], n), h.mem.readCString(a[1], n), n, true); } },
  strcoll: { fn: (h, a) => compare(h.mem.readCString(a[0]), h.mem.readCString(a[1]), Infinity, false) },
  strchr: {
    fn: (h, a) => {
      const b = h.mem.readCString(a[0]); const c = a[1] & 0xff;
      if (c === 0) return a[0] + b.length;
      const i = b.indexOf(c); return i < 0 ? 0 : a[0] + i;
    },
  },
  strrchr: {
    fn: (h, a) => {
      const b = h.mem.readCString(a[0]); const c = a[1] & 0xff;
      if (c === 0) return a[0] + b.length;
      const i = b.lastIndexOf(c); return i < 0 ? 0 : a[0] + i;
    },
  },
  strstr: { fn: (h, a) => { const i = indexOf(h.mem.readCString(a[0]), h.mem.readCString(a[1])); return i < 0 ? 0 : a[0] + i; } },
  strpbrk: { fn: (h, a) => { const b = h.mem.readCString(a[0]); const i = span(h, a[0], a[1], false); return i < b.length ? a[0] + i : 0; } },
  strspn: { fn: (h, a) => span(h, a[0], a[1], true) },
  strcspn: { fn: (h, a) => span(h, a[0], a[1], false) },
  strdup: {
    fn: (h, a) => {
      const b = h.mem.readCString(a[0]); const p = h.malloc.malloc(b.length + 1);
      if (p !== 0) { h.mem.writeBytes(p, b); h.mem.writeU8(p + b.length, 0); }
      return p;
    },
  },
  strndup: {
    fn: (h, a) => {
      const b = h.mem.readCString(a[0], toNum(a[1])); const p = h.malloc.malloc(b.length + 1);
      if (p !== 0) { h.mem.writeBytes(p, b); h.mem.writeU8(p + b.length, 0); }
      return p;
    },
  },
  // strtok keeps its position in a hidden static, strtok_r in the caller's `char **`.
  strtok: { fn: (h, a) => nextToken(h, a[0], a[1], h.scratch('strtok', 8)) },
  strtok_r: { fn: (h, a) => nextToken(h, a[0], a[1], a[2] as number) },
  strsep: {
    fn: (h, a) => {
      const s = toNum(h.mem.readU64(a[0]));
      if (s === 0) return 0;
      const end = s + span(h, s, a[1], false);
      if (h.mem.readU8(end) === 0) h.mem.writeU64(a[0], 0);
      else { h.mem.writeU8(end, 0); h.mem.writeU64(a[0], end + 1); }
      return s;
    },
  },
  strerror: {
    fn: (h, a) => {
      const b = encodeUtf8(strerrorText(a[0] | 0));
      const p = h.scratch('strerror', 128);
      h.mem.writeBytes(p, b.subarray(0, 127)); h.mem.writeU8(p + Math.min(127, b.length), 0);
      return p;
    },
  },
  memcpy: { fn: (h, a) => { const n = toNum(a[2]); if (n > 0) h.mem.copy(a[0], a[1], n); return a[0]; } },
  memmove: { fn: (h, a) => { const n = toNum(a[2]); if (n > 0) h.mem.copy(a[0], a[1], n); return a[0]; } },
  memset: { fn: (h, a) => { const n = toNum(a[2]); if (n > 0) h.mem.fill(a[0], a[1] & 0xff, n); return a[0]; } },
  bzero: { fn: (h, a) => { const n = toNum(a[1]); if (n > 0) h.mem.fill(a[0], 0, n); } },
  memcmp: {
    fn: (h, a) => {
      const n = toNum(a[2]); if (n === 0) return 0;
      const x = h.mem.readBytes(a[0], n); const y = h.mem.readBytes(a[1], n);
      for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
      return 0;
    },
  },
  memchr: {
    fn: (h, a) => {
      const n = toNum(a[2]); if (n === 0) return 0;
      const i = h.mem.readBytes(a[0], n).indexOf(a[1] & 0xff); return i < 0 ? 0 : a[0] + i;
    },
  },
};
