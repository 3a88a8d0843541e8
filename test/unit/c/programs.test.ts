import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { compile } from '../../../src/c/frontend';
import { typeToString } from '../../../src/c/types';
import { stmtText } from './astText';
import { compileOk, fn } from './helpers';

const FIXTURES = join(__dirname, '../../../../test/fixtures/programs');

suite('c/programs', () => {
  test('the seed article\'s trace.c compiles without a single diagnostic', () => {
    const text = readFileSync(join(FIXTURES, 'trace.c'), 'utf8');
    const r = compile([{ path: 'trace.c', text }]);
    assert.deepStrictEqual(r.diagnostics, []);
    const main = fn(r.program!, 'main');
    assert.deepStrictEqual(main.locals.map(l => `${l.name}: ${typeToString(l.type)}`), ['small: void *[1000]', 'i: int', 'big: void *', 'i: int']);
    assert.deepStrictEqual([main.loc.line, main.endLoc.line], [7, 28]);
    const statementLines = main.body.body.map(s => s.loc.line);
    assert.deepStrictEqual(statementLines, [8, 9, 14, 15, 16, 19, 20, 23, 25, 26, 27]);
    assert.strictEqual(stmtText(main.body.body[3]), '(if (! big) {(call (decay perror) (decay "malloc big":char[11])); (return 1:int)})');
    assert.strictEqual(stmtText(main.body.body[4]), '(call (decay memset) big 0:int 10485760:unsigned long);');
    const builtins = r.program!.functionSymbols.filter(f => f.builtin).map(f => f.name).sort();
    assert.deepStrictEqual(builtins, ['fflush', 'free', 'getpid', 'malloc', 'memset', 'perror', 'printf', 'sleep']);
  });

  test('every fixture program compiles cleanly', () => {
    for (const name of readdirSync(FIXTURES).filter(f => f.endsWith('.c'))) {
      const r = compile([{ path: name, text: readFileSync(join(FIXTURES, name), 'utf8') }]);
      assert.deepStrictEqual(r.diagnostics.map(d => d.message), [], name);
      assert.ok(r.program, name);
    }
  });

  test('several translation units link: one symbol per external name, statics stay private', () => {
    const r = compile([
      { path: 'main.c', text: '#include "counter.h"\nstatic int hidden = 1;\nint main(void) { bump(); bump(); return count + hidden; }' },
      { path: 'counter.c', text: '#include "counter.h"\nint count;\nstatic int hidden = 2;\nvoid bump(void) { count += hidden; }' },
    ], { readFile: p => p === 'counter.h' ? '#pragma once\nextern int count;\nvoid bump(void);\n' : undefined });
    assert.deepStrictEqual(r.diagnostics, []);
    const p = r.program!;
    assert.deepStrictEqual(p.files, ['main.c', 'counter.h', 'counter.c']);
    const count = p.globals.filter(g => g.symbol.name === 'count');
    assert.strictEqual(count.length, 1);
    assert.strictEqual(count[0].symbol.storage, 'global');
    assert.strictEqual(p.globals.filter(g => g.symbol.name === 'hidden').length, 2);
    const bump = p.functions.find(f => f.symbol.name === 'bump')!;
    const call = fn(p, 'main').body.body[0];
    assert.ok(call.kind === 'expr' && call.expr.kind === 'call' && call.expr.callee.kind === 'decay' && call.expr.callee.operand.kind === 'ident');
    assert.strictEqual(call.expr.callee.operand.symbol, bump.symbol);
  });

  test('two files that include the same header link: their records are compatible across units', () => {
    const r = compile([
      { path: 'a.c', text: '#include <stdlib.h>\nstruct pair { int a; struct pair *next; };\nstruct pair make(int);\nint main(void) { return make(1).a + div(7, 2).quot; }' },
      { path: 'b.c', text: '#include <stdlib.h>\nstruct pair { int a; struct pair *next; };\nstruct pair make(int a) { struct pair p = { abs(a), 0 }; return p; }' },
    ]);
    assert.deepStrictEqual(r.diagnostics, []);
  });

  test('one external name declared with different record types in two files is a conflict', () => {
    const r = compile([
      { path: 'a.c', text: 'struct pair { int a; };\nstruct pair make(int);\nint main(void) { return make(1).a; }' },
      { path: 'b.c', text: 'struct pair { long a; };\nstruct pair make(int a) { struct pair p = { a }; return p; }' },
    ]);
    assert.strictEqual(r.program, undefined);
    assert.match(r.diagnostics[0].message, /conflicting types for 'make'/);
  });

  test('a duplicate definition across files is reported', () => {
    const r = compile([
      { path: 'a.c', text: 'int shared = 1;\nint main(void) { return shared; }' },
      { path: 'b.c', text: 'int shared = 2;' },
    ]);
    assert.strictEqual(r.program, undefined);
    assert.deepStrictEqual(r.diagnostics.map(d => `${d.loc.file}:${d.loc.line}:${d.loc.column}: ${d.message}`), [
      "b.c:1:5: redefinition of 'shared'",
      'a.c:1:5: previous definition is here',
    ]);
  });

  test('a linked list, a realloc-grown buffer and a double free are ordinary programs to the front end', () => {
    const p = compileOk(readFileSync(join(FIXTURES, 'realloc_buffer.c'), 'utf8'));
    assert.deepStrictEqual(p.functions.map(f => f.symbol.name), ['reserve', 'append', 'main']);
    assert.ok(p.functions.every(f => f.symbol.isStatic === (f.symbol.name !== 'main')));
  });

  test('a 5,000-line program compiles', function () {
    this.timeout(30000);
    const lines = ['#include <stdio.h>', '#include <stdlib.h>', 'struct node { int value; struct node *next; };'];
    for (let i = 0; i < 400; i++) {
      lines.push(`static int f${i}(int a) {`, '  struct node *n = malloc(sizeof *n);', '  int arr[4] = { 1, 2 };',
        '  for (int k = 0; k < 4; k++) arr[k] += a * k;', '  n->value = arr[3];', '  int r = n->value;', '  free(n);',
        '  switch (a % 3) { case 0: r++; break; default: r--; }', '  return r;', '}', '', '');
    }
    lines.push('int main(void) { int s = 0;', ...Array.from({ length: 400 }, (_, i) => `  s += f${i}(${i});`), '  printf("%d\\n", s);', '  return 0;', '}');
    assert.ok(lines.length > 5000);
    const p = compileOk(lines.join('\n'));
    assert.strictEqual(p.functions.length, 401);
  });
});
