// <math.h>: double functions and their float (…f) twins.

import type { LibEntry, LibTable } from './host';

const unary: Record<string, (x: number) => number> = {
  sqrt: Math.sqrt, sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, exp: Math.exp, exp2: (x) => 2 ** x, log: Math.log,
  log10: Math.log10, log2: Math.log2, log1p: Math.log1p, expm1: Math.expm1, fabs: Math.abs, floor: Math.floor,
  ceil: Math.ceil, trunc: Math.trunc, cbrt: Math.cbrt,
  round: (x) => (x < 0 ? -Math.round(-x) : Math.round(x)),
  rint: roundEven, nearbyint: roundEven,
};
const binary: Record<string, (x: number, y: number) => number> = {
  pow: Math.pow, atan2: Math.atan2, fmod: (x, y) => x % y, hypot: Math.hypot,
  fmin: (x, y) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.min(x, y)),
  fmax: (x, y) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.max(x, y)),
  copysign: (x, y) => (y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x)),
  // IEEE remainder: x − n·y with n the quotient rounded to even (unlike fmod's truncation).
  remainder: (x, y) => x - roundEven(x / y) * y,
  fdim: (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : x > y ? x - y : 0),
};

function roundEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export const mathLib: LibTable = {};
for (const [name, f] of Object.entries(unary)) {
  mathLib[name] = { fn: (_h, a) => f(a[0]) } as LibEntry;
  mathLib[name + 'f'] = { fn: (_h, a) => Math.fround(f(a[0])) } as LibEntry;
}
for (const [name, f] of Object.entries(binary)) {
  mathLib[name] = { fn: (_h, a) => f(a[0], a[1]) } as LibEntry;
  mathLib[name + 'f'] = { fn: (_h, a) => Math.fround(f(a[0], a[1])) } as LibEntry;
}
mathLib.lround = { fn: (_h, a) => (a[0] < 0 ? -Math.round(-a[0]) : Math.round(a[0])) };
mathLib.isnan = { fn: (_h, a) => (Number.isNaN(a[0]) ? 1 : 0) };
mathLib.isinf = { fn: (_h, a) => (a[0] === Infinity || a[0] === -Infinity ? 1 : 0) };
mathLib.isfinite = { fn: (_h, a) => (Number.isFinite(a[0]) ? 1 : 0) };
mathLib.signbit = { fn: (_h, a) => (a[0] < 0 || Object.is(a[0], -0) ? 1 : 0) };
mathLib.ldexp = { fn: (_h, a) => a[0] * 2 ** Number(a[1]) };
mathLib.difftime = { fn: (_h, a) => Number(a[0]) - Number(a[1]) };
mathLib.frexp = {
  fn: (h, a) => {
    const x = a[0] as number;
    if (x === 0 || !Number.isFinite(x)) { h.mem.writeU32(a[1], 0); return x; }
    let e = Math.floor(Math.log2(Math.abs(x))) + 1;
    let m = x / 2 ** e;
    if (Math.abs(m) >= 1) { m /= 2; e++; } else if (Math.abs(m) < 0.5) { m *= 2; e--; }
    h.mem.writeU32(a[1], e >>> 0);
    return m;
  },
};
mathLib.modf = { fn: (h, a) => { const i = Math.trunc(a[0]); h.mem.writeF64(a[1], i); return a[0] - i; } };
