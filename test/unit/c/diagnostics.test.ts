import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { compile, formatDiagnostic } from '../../../src/c/frontend';
import { diagnosticLines } from './helpers';

const FIXTURES = join(__dirname, '../../../../test/fixtures/programs');

suite('c/diagnostics', () => {
  test('syntax errors report clang\'s message at the right line and column', () => {
    assert.deepStrictEqual(diagnosticLines('int main(void) {\n  int x = 1\n  return x;\n}'), ["2:12: error: expected ';' at end of declaration"]);
    assert.deepStrictEqual(diagnosticLines('int main(void) {\n  int x;\n  x = 2\n}'), ["3:8: error: expected ';' after expression"]);
    assert.deepStrictEqual(diagnosticLines('int x = 1\nint main(void) { return 0; }'), ["1:10: error: expected ';' after top level declarator"]);
    assert.deepStrictEqual(diagnosticLines('int main(void) {\n  return (1 + ;\n}'), ['2:15: error: expected expression']);
    assert.deepStrictEqual(diagnosticLines('int main(void) {\n  if (1 { }\n  return 0;\n}'), ["2:9: error: expected ')'"]);
  });

  test('semantic errors use clang\'s wording', () => {
    assert.deepStrictEqual(diagnosticLines('int main(void) { return y; }'), ["1:25: error: use of undeclared identifier 'y'"]);
    assert.deepStrictEqual(diagnosticLines('int main(void) { foo(); return 0; }'),
      ["1:18: error: call to undeclared function 'foo'; ISO C99 and later do not support implicit function declarations"]);
    assert.deepStrictEqual(diagnosticLines('int main(void) { strlen("x"); return 0; }'), [
      "1:18: error: call to undeclared function 'strlen'; ISO C99 and later do not support implicit function declarations",
      "1:18: note: include the header <string.h> or explicitly provide a declaration for 'strlen'",
    ]);
    assert.deepStrictEqual(diagnosticLines('int main(void) { int *p = 1; return 0; }'),
      ["1:27: error: incompatible integer to pointer conversion initializing 'int *' with an expression of type 'int'"]);
    assert.deepStrictEqual(diagnosticLines('struct s { int a; };\nint main(void) { struct s v; return v.b; }'), ["2:39: error: no member named 'b' in 'struct s'"]);
    assert.deepStrictEqual(diagnosticLines('int main(void) { int a[2]; a = 0; return 0; }'), ["1:30: error: array type 'int[2]' is not assignable"]);
    assert.deepStrictEqual(diagnosticLines('int main(void) { int x; return *x; }'), ["1:32: error: indirection requires pointer operand ('int' invalid)"]);
    assert.deepStrictEqual(diagnosticLines('int f(int a, int b) { return a; }\nint main(void) { return f(1); }'),
      ['2:25: error: too few arguments to function call, expected 2, have 1']);
    assert.deepStrictEqual(diagnosticLines('int main(void) { continue; }'), ["1:18: error: 'continue' statement not in loop statement"]);
  });

  test('a type used without its header is an unknown type name, and the declaration still counts', () => {
    assert.deepStrictEqual(diagnosticLines('int main(void) {\n  size_t n = 0;\n  return n;\n}'), ["2:3: error: unknown type name 'size_t'"]);
    assert.deepStrictEqual(diagnosticLines('void f(bool b) { (void)b; }\nuint8_t g(void) { return 1; }\nint main(void) { return 0; }'),
      ["1:8: error: unknown type name 'bool'", "2:1: error: unknown type name 'uint8_t'"]);
    assert.deepStrictEqual(diagnosticLines('struct s { foo x; int y; };\nint main(void) { struct s v; v.y = 1; return v.y; }'), ["1:12: error: unknown type name 'foo'"]);
  });

  test('const objects and what pointers-to-const reach are read-only', () => {
    const text = [
      'typedef const int cint;', 'struct s { int a; };', 'void f(const char *s, char *const p, const struct s *sp) {',
      '  const int x = 1; cint y = 2; const int arr[2] = { 1, 2 };',
      '  x = 2; y++; s[0] = 1; *s = 1; s = 0; p = 0; *p = 1; sp->a = 1; arr[1] = 0;',
      '}', 'int main(void) { return 0; }',
    ].join('\n');
    assert.deepStrictEqual(diagnosticLines(text), [
      "5:5: error: cannot assign to variable 'x' with const-qualified type 'const int'",
      "5:11: error: cannot assign to variable 'y' with const-qualified type 'const int'",
      '5:20: error: read-only variable is not assignable',
      '5:28: error: read-only variable is not assignable',
      "5:42: error: cannot assign to variable 'p' with const-qualified type 'char *const'",
      '5:61: error: read-only variable is not assignable',
      '5:73: error: read-only variable is not assignable',
    ]);
    assert.deepStrictEqual(diagnosticLines('#include <stdlib.h>\nint main(void) { const char *s = "x"; char *t = s; free((void *)s); return *t; }'),
      ["2:49: warning: initializing 'char *' with an expression of type 'const char *' discards qualifiers"]);
  });

  test('one mistake gives one error: an undeclared name does not cascade', () => {
    assert.deepStrictEqual(diagnosticLines('int main(void) {\n  int y = x + 1;\n  y = *x + x->f + x[2];\n  return y;\n}'), [
      "2:11: error: use of undeclared identifier 'x'",
      "3:8: error: use of undeclared identifier 'x'",
      "3:12: error: use of undeclared identifier 'x'",
      "3:19: error: use of undeclared identifier 'x'",
    ]);
  });

  test('parsing recovers at the next statement and the next declaration', () => {
    const lines = diagnosticLines('int main(void) {\n  int a = ;\n  a = 1 +;\n  return a;\n}\nint f(void) { return 1 }\nint g(void) { return 2; }');
    assert.deepStrictEqual(lines, ['2:11: error: expected expression', '3:10: error: expected expression', "6:23: error: expected ';' after return statement"]);
  });

  test('clang stops after 20 errors', () => {
    const text = 'int main(void) {\n' + 'x;\n'.repeat(40) + 'return 0; }';
    const lines = diagnosticLines(text);
    assert.strictEqual(lines.length, 21);
    assert.strictEqual(lines[20], '21:1: error: too many errors emitted, stopping now');
  });

  test('a program without main, or calling a function nobody defines, does not link', () => {
    assert.deepStrictEqual(diagnosticLines('int f(void) { return 0; }'), ['1:1: error: undefined symbol: _main']);
    assert.deepStrictEqual(diagnosticLines('void g(void);\nint main(void) { g(); return 0; }'), ['2:18: error: undefined symbol: _g']);
  });

  test('warnings where clang warns by default do not block the program', () => {
    const r = compile([{ path: 'w.c', text: 'int main(void) { int *p = 0; char *c = p; return 1 / 0 + (c == 0); }' }]);
    assert.ok(r.program);
    assert.deepStrictEqual(r.diagnostics.map(d => `${d.severity}: ${d.message}`), [
      "warning: incompatible pointer types initializing 'char *' with an expression of type 'int *'",
      'warning: division by zero is undefined',
    ]);
  });

  test('a non-void function that can end without a return warns, as clang\'s -Wreturn-type does', () => {
    const text = [
      '#include <stdlib.h>',
      'int a(int x) { if (x) return 1; }',
      'int b(int x) { }',
      'int c(int x) { if (x) return 1; else return 2; }',
      'int d(int x) { for (;;) { if (x) return 1; } }',
      'int e(int x) { while (1) { if (x) break; } }',
      'int f(int x) { switch (x) { case 1: return 1; default: return 2; } }',
      'int g(int x) { exit(x); }',
      'int main(void) { }',
    ].join('\n');
    assert.deepStrictEqual(diagnosticLines(text), [
      '2:33: warning: non-void function does not return a value in all control paths',
      '3:16: warning: non-void function does not return a value',
      '6:44: warning: non-void function does not return a value',
    ]);
  });

  test('printf-family format strings are checked against their arguments (-Wformat)', () => {
    const text = [
      '#include <stdio.h>', '#include <stdint.h>', 'int main(void) {',
      '  long l = 1; size_t z = 2; int i = 3; char *s = "x"; float f = 2; uint64_t u = 4; char c = 1;',
      '  printf("%d %ld %zu %s %f %llu %c %p %5.2f %-*d %%\\n", i, l, z, s, f, u, c, (void *)s, 1.0, 4, i);',
      '  printf("%d %s\\n", sizeof i, i);',
      '  printf("%lu %d\\n", u);',
      '  fprintf(stderr, "%d\\n", i, i);',
      '  return 0;', '}',
    ].join('\n');
    assert.deepStrictEqual(diagnosticLines(text), [
      "6:21: warning: format specifies type 'int' but the argument has type 'unsigned long'",
      "6:31: warning: format specifies type 'char *' but the argument has type 'int'",
      "7:22: warning: format specifies type 'unsigned long' but the argument has type 'unsigned long long'",
      "7:3: warning: more '%' conversions than data arguments",
      '8:30: warning: data argument not used by format string',
    ]);
  });

  test('a constant that does not fit its target warns (-Wconstant-conversion)', () => {
    assert.deepStrictEqual(diagnosticLines('int main(void) { char c = 300; unsigned char u = -1; short s = 70000; return c + u + s; }'), [
      "1:27: warning: implicit conversion from 'int' to 'char' changes value from 300 to 44",
      "1:64: warning: implicit conversion from 'int' to 'short' changes value from 70000 to 4464",
    ]);
  });

  test('formatDiagnostic prints the clang layout with the source line and a caret', () => {
    const text = 'int main(void) {\n\tint x = 1\n\treturn x;\n}\n';
    const r = compile([{ path: 'dir/prog.c', text }]);
    assert.strictEqual(r.program, undefined);
    assert.strictEqual(formatDiagnostic(r.diagnostics[0], text), "dir/prog.c:2:11: error: expected ';' at end of declaration\n\tint x = 1\n\t         ^");
    assert.strictEqual(formatDiagnostic(r.diagnostics[0], undefined), "dir/prog.c:2:11: error: expected ';' at end of declaration");
    assert.strictEqual(formatDiagnostic({ ...r.diagnostics[0], loc: { file: 'a.c', line: 1, column: 5 }, endColumn: 9 }, 'int main'), "a.c:1:5: error: expected ';' at end of declaration\nint main\n    ^~~~");
  });

  test('nothing throws out of compile(), whatever the input', function () {
    this.timeout(60000);
    const trace = readFileSync(join(FIXTURES, 'trace.c'), 'utf8');
    const list = readFileSync(join(FIXTURES, 'linked_list.c'), 'utf8');
    const inputs: string[] = [];
    for (let cut = 0; cut < trace.length; cut += 23) inputs.push(trace.slice(0, cut));
    for (let cut = 0; cut < list.length; cut += 37) inputs.push(list.slice(0, cut) + list.slice(cut + 5));
    inputs.push('\u0000\u0001}{)(][', '#define A A(\nA(', '#if\n#elif\n#endif', '"\\x', "'", '/*', 'int a[-1]; int b[1.5];', 'struct s { struct s x; };',
      'int f(void) { return f; }', 'typedef int T; T T;', 'enum { A = B };', 'int x = sizeof(struct nope);', 'void v; int main(void) { v; }');
    for (const text of inputs) {
      const r = compile([{ path: 'fuzz.c', text }]);
      const internal = r.diagnostics.filter(d => d.message.startsWith('internal compiler error'));
      assert.deepStrictEqual(internal, [], `internal error for input:\n${text}`);
      if (r.program === undefined) assert.ok(r.diagnostics.some(d => d.severity === 'error'), `no program and no error for input:\n${text}`);
    }
  });
});
