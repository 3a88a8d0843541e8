// Clang's -Wformat (on by default): the arguments of printf-family calls against the conversion
// specifications of a literal format string.

import type { CType, Expr, IntKind } from './ast';
import type { Diagnostics } from './diagnostics';
import { typeToString } from './types';

/** Index of the format argument for each checked function. */
const FORMAT_INDEX: ReadonlyMap<string, number> = new Map([
  ['printf', 0], ['fprintf', 1], ['sprintf', 1], ['snprintf', 2], ['dprintf', 1],
]);

interface Expected { readonly name: string; accepts(t: CType): boolean }

const intOf = (kinds: readonly IntKind[], name: string): Expected => ({
  name,
  accepts: t => t.kind === 'int' && kinds.includes(t.name),
});

// Signedness differences are -Wformat-signedness, which is off by default: accept either.
const INT_BY_LENGTH: Record<string, [Expected, Expected]> = {
  '': [intOf(['int', 'uint'], 'int'), intOf(['int', 'uint'], 'unsigned int')],
  hh: [intOf(['int', 'uint'], 'char'), intOf(['int', 'uint'], 'unsigned char')],
  h: [intOf(['int', 'uint'], 'short'), intOf(['int', 'uint'], 'unsigned short')],
  l: [intOf(['long', 'ulong'], 'long'), intOf(['long', 'ulong'], 'unsigned long')],
  ll: [intOf(['llong', 'ullong'], 'long long'), intOf(['llong', 'ullong'], 'unsigned long long')],
  q: [intOf(['llong', 'ullong'], 'long long'), intOf(['llong', 'ullong'], 'unsigned long long')],
  j: [intOf(['long', 'ulong'], 'intmax_t'), intOf(['long', 'ulong'], 'uintmax_t')],
  z: [intOf(['long', 'ulong'], 'ssize_t'), intOf(['long', 'ulong'], 'size_t')],
  t: [intOf(['long', 'ulong'], 'ptrdiff_t'), intOf(['long', 'ulong'], 'ptrdiff_t')],
};

const DOUBLE: Expected = { name: 'double', accepts: t => t.kind === 'float' };
const STRING: Expected = { name: 'char *', accepts: t => t.kind === 'pointer' && t.to.kind === 'int' && t.to.size === 1 };
const POINTER: Expected = { name: 'void *', accepts: t => t.kind === 'pointer' };
const INT_POINTER: Expected = { name: 'int *', accepts: t => t.kind === 'pointer' && t.to.kind === 'int' };
const STAR: Expected = intOf(['int', 'uint'], 'int');

export function checkFormat(diags: Diagnostics, functionName: string, args: readonly Expr[], callLoc: Expr['loc']): void {
  const index = FORMAT_INDEX.get(functionName);
  if (index === undefined) return;
  const format = literal(args[index]);
  if (format === undefined) return;
  const data = args.slice(index + 1);
  let next = 0;
  const take = (expected: Expected): void => {
    const arg = data[next++];
    if (!arg) return;
    if (!expected.accepts(arg.type)) diags.warning('FormatArgumentType', arg.loc, [expected.name, typeToString(arg.type)]);
  };
  let missing = false;
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') continue;
    let j = i + 1;
    if (format[j] === '%') { i = j; continue; }
    while ('-+ #0\''.includes(format[j] ?? 'x') && j < format.length) j++;
    if (format[j] === '*') { if (next >= data.length) missing = true; take(STAR); j++; } else while (/[0-9]/.test(format[j] ?? '')) j++;
    if (format[j] === '.') {
      j++;
      if (format[j] === '*') { if (next >= data.length) missing = true; take(STAR); j++; } else while (/[0-9]/.test(format[j] ?? '')) j++;
    }
    let length = '';
    const m = /^(hh|h|ll|l|q|j|z|t|L)/.exec(format.slice(j));
    if (m) { length = m[1]; j += length.length; }
    const conv = format[j];
    i = j;
    if (conv === undefined) { diags.warning('FormatIncomplete', callLoc); return; }
    let expected: Expected | undefined;
    if ('di'.includes(conv)) expected = (INT_BY_LENGTH[length] ?? INT_BY_LENGTH[''])[0];
    else if ('ouxX'.includes(conv)) expected = (INT_BY_LENGTH[length] ?? INT_BY_LENGTH[''])[1];
    else if ('fFeEgGaA'.includes(conv)) expected = DOUBLE;
    else if (conv === 'c') expected = STAR;
    else if (conv === 's') expected = STRING;
    else if (conv === 'p') expected = POINTER;
    else if (conv === 'n') expected = INT_POINTER;
    else { diags.warning('FormatInvalidSpecifier', callLoc, [conv]); return; }
    if (next >= data.length) { missing = true; continue; }
    take(expected);
  }
  if (missing) diags.warning('FormatTooFewArgs', callLoc);
  else if (next < data.length) diags.warning('FormatExtraArgs', data[next].loc);
}

function literal(e: Expr | undefined): string | undefined {
  if (!e) return undefined;
  if (e.kind === 'cast' && e.implicit) return literal(e.operand);
  if (e.kind === 'decay' && e.operand.kind === 'string' && e.operand.type.kind === 'array' && e.operand.type.of.kind === 'int' && e.operand.type.of.size === 1) {
    return new TextDecoder().decode(e.operand.bytes.slice(0, -1));
  }
  return undefined;
}
