// <ctype.h> for the "C" locale.

import type { LibTable } from './host';

const test = (p: (c: number) => boolean) => ({ fn: (_h: unknown, a: number[]) => (a[0] >= 0 && a[0] < 256 && p(a[0]) ? 1 : 0) });
const upper = (c: number): boolean => c >= 65 && c <= 90;
const lower = (c: number): boolean => c >= 97 && c <= 122;
const digit = (c: number): boolean => c >= 48 && c <= 57;
const space = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

export const ctypeLib: LibTable = {
  isalpha: test((c) => upper(c) || lower(c)),
  isdigit: test(digit),
  isalnum: test((c) => upper(c) || lower(c) || digit(c)),
  isspace: test(space),
  isupper: test(upper),
  islower: test(lower),
  isxdigit: test((c) => digit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)),
  ispunct: test((c) => c > 32 && c < 127 && !upper(c) && !lower(c) && !digit(c)),
  isprint: test((c) => c >= 32 && c < 127),
  isgraph: test((c) => c > 32 && c < 127),
  iscntrl: test((c) => c < 32 || c === 127),
  isblank: test((c) => c === 32 || c === 9),
  isascii: { fn: (_h, a) => (a[0] >= 0 && a[0] < 128 ? 1 : 0) },
  toupper: { fn: (_h, a) => (lower(a[0]) ? a[0] - 32 : a[0]) },
  tolower: { fn: (_h, a) => (upper(a[0]) ? a[0] + 32 : a[0]) },
};
