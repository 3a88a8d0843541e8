import * as assert from 'assert';
import { Diagnostics } from '../../../src/c/diagnostics';
import { Preprocessor } from '../../../src/c/preprocessor';
import { Tk } from '../../../src/c/tokens';

/** Preprocesses `text` and renders the result one source line per output line. */
function pp(text: string, files: Record<string, string> = {}): { out: string; diags: string[]; lines: number[] } {
  const diags = new Diagnostics();
  const tokens = new Preprocessor(diags, { readFile: p => files[p] }).run('/src/main.c', text);
  let out = '';
  let line = -1;
  let file = '';
  const lines: number[] = [];
  for (const t of tokens) {
    if (t.kind === Tk.EOF) break;
    if (t.line !== line || t.file !== file) { out += out ? '\n' : ''; line = t.line; file = t.file; lines.push(line); } else if (t.space) out += ' ';
    out += t.text;
  }
  return { out, diags: diags.list.map(d => `${d.loc.line}:${d.loc.column}: ${d.severity}: ${d.message}`), lines };
}

suite('c/preprocessor', () => {
  test('expands the C standard\'s macro example (C11 6.10.3.5p5) exactly', () => {
    const r = pp([
      '#define x 3', '#define f(a) f(x * (a))', '#undef x', '#define x 2', '#define g f', '#define z z[0]',
      '#define h g(~', '#define m(a) a(w)', '#define w 0,1', '#define t(a) a', '#define p() int',
      '#define q(x) x', '#define r(x,y) x ## y', '#define str(x) # x',
      'f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);',
      'g(x+(3,4)-w) | h 5) & m',
      '(f)^m(m);',
      'p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };',
      'char c[2][6] = { str(hello), str() };',
    ].join('\n'));
    assert.deepStrictEqual(r.out.split('\n'), [
      'f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);',
      'f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))',
      '^m(0,1);',
      'int i[] = { 1, 23, 4, 5, };',
      'char c[2][6] = { "hello", "" };',
    ]);
    assert.deepStrictEqual(r.diags, []);
  });

  test('a macro does not expand inside its own expansion', () => {
    assert.strictEqual(pp('#define SELF SELF + 1\nSELF').out, 'SELF + 1');
    assert.strictEqual(pp('#define A B\n#define B A\nA B').out, 'A B');
  });

  test('stringizes with escapes and pastes tokens', () => {
    assert.strictEqual(pp('#define S(x) #x\nS("a\\n" \'b\')').out, '"\\"a\\\\n\\" \'b\'"');
    assert.strictEqual(pp('#define CAT(a, b) a ## b\nCAT(foo, bar) CAT(1, 2) CAT(+, =)').out, 'foobar 12 +=');
  });

  test('__VA_ARGS__ and the GNU comma paste', () => {
    const r = pp('#define LOG(fmt, ...) printf(fmt, ##__VA_ARGS__)\n#define CALL(f, ...) f(__VA_ARGS__)\nLOG("a"); LOG("b", 1, 2); CALL(g) CALL(h, x, (y, z))');
    assert.strictEqual(r.out, 'printf("a"); printf("b",1, 2); g() h(x, (y, z))');
  });

  test('conditional inclusion with defined, #elif, #else and nesting', () => {
    const r = pp([
      '#define X 3',
      '#if defined(X) && X > 2 && !defined Y', 'one', '#elif 1', 'two', '#else', 'three', '#endif',
      '#ifdef Y', '#if broken (', '#endif', 'four', '#else', 'five', '#endif',
      '#ifndef X', 'six', '#elif X == 3', 'seven', '#endif',
      '#if 0x10 == 16 && \'A\' == 65 && (1 ? 2 : 3) == 2 && -1 < 0 && 0xffffffffffffffff > 0 && UNDEFINED == 0', 'eight', '#endif',
      '#if -1 > 0u', 'nine', '#endif',
    ].join('\n'));
    assert.strictEqual(r.out, 'one\nfive\nseven\neight\nnine');
    assert.deepStrictEqual(r.diags, []);
  });

  test('predefined macros describe arm64 macOS and C11', () => {
    const r = pp('__STDC__ __STDC_VERSION__ __APPLE__ __MACH__ __aarch64__ __arm64__ __LP64__\n__FILE__ __LINE__');
    assert.strictEqual(r.out, '1 201112L 1 1 1 1 1\n"/src/main.c" 2');
  });

  test('tokens from a macro carry the location of the macro use', () => {
    const diags = new Diagnostics();
    const tokens = new Preprocessor(diags, undefined).run('m.c', '#define TWO \\\n  1 + 1\nint x =\n    TWO;');
    const one = tokens.filter(t => t.text === '1');
    assert.deepStrictEqual(one.map(t => [t.line, t.col]), [[4, 5], [4, 5]]);
  });

  test('line splicing joins lines; each token keeps the line it is written on', () => {
    const r = pp('#define X 1 + \\\n 2\nint a = X; int b = 3 \\\n + 4;');
    assert.strictEqual(r.out, 'int a = 1 + 2; int b = 3\n+ 4;');
    assert.deepStrictEqual(r.lines, [3, 4]);
  });

  test('comments are whitespace, even across lines and inside directives', () => {
    assert.strictEqual(pp('a/* x\n y */b // c\n#define Q /* q */ 7\nQ').out, 'a\nb\n7');
    assert.strictEqual(pp('a/**/b').out, 'a b');
  });

  test('#include "x.h" resolves relative to the including file, once with #pragma once', () => {
    const files = {
      '/src/inc/a.h': '#pragma once\n#include "b.h"\nint a = B;',
      '/src/inc/b.h': '#define B 42',
    };
    const r = pp('#include "inc/a.h"\n#include "inc/a.h"\nend', files);
    assert.strictEqual(r.out, 'int a = 42;\nend');
  });

  test('#include "x.h" normalises .. and keeps Windows separators', () => {
    const seen: string[] = [];
    const diags = new Diagnostics();
    new Preprocessor(diags, { readFile: p => { seen.push(p); return 'int x;'; } }).run('C:\\proj\\src\\main.c', '#include "../inc/a.h"\n#include "b.h"');
    new Preprocessor(diags, { readFile: p => { seen.push(p); return 'int y;'; } }).run('/home/u/src/main.c', '#include "./../inc/c.h"');
    assert.deepStrictEqual(seen, ['C:/proj/inc/a.h', 'C:\\proj\\src\\b.h', '/home/u/inc/c.h']);
    assert.deepStrictEqual(diags.list, []);
  });

  test('#include <stdio.h> reads the built-in header; stdout follows the macOS convention', () => {
    const r = pp('#include <stdio.h>\nstdout EOF BUFSIZ');
    assert.ok(r.out.includes('int printf(const char *format, ...);'));
    assert.ok(r.out.endsWith('__stdoutp (-1) 1024'));
  });

  test('errors: missing header, #error, unterminated #if, #else without #if', () => {
    assert.deepStrictEqual(pp('#include <nothere.h>').diags, ["1:10: error: 'nothere.h' file not found"]);
    assert.deepStrictEqual(pp('#error stop right here').diags, ['1:2: error: stop right here']);
    assert.deepStrictEqual(pp('#if 1\nx').diags, ['1:2: error: unterminated conditional directive']);
    assert.deepStrictEqual(pp('#else').diags, ['1:2: error: #else without #if']);
    assert.deepStrictEqual(pp('#if 1 +\n#endif').diags, ['1:2: error: expected value in expression']);
    assert.deepStrictEqual(pp('#define F(a) a\nF(1, 2)').diags, ['2:7: error: too many arguments provided to function-like macro invocation']);
  });

  test('text inside #if 0 may be anything', () => {
    const r = pp("#if 0\nit's not C \"at all\n#endif\nok");
    assert.strictEqual(r.out, 'ok');
    assert.deepStrictEqual(r.diags, []);
  });
});
