import * as assert from 'assert';
import { launch, program, runAll } from './run';

const SRC = `#include <stdio.h>
int add(int a, int b) {
  int s = a + b;
  return s;
}
int twice(int v) { return v * 2; }
int main(void) {
  int x = 1;
  int y = add(x, 2) + twice(x);
  printf("%d\\n", y);
  for (int i = 0; i < 3; i++)
    x += i;
  return x;
}
`;

suite('machine: stepping, breakpoints, pause', function () {
  this.timeout(20_000);
  test('the process starts before main\'s first statement', () => {
    const { process } = launch(SRC);
    assert.strictEqual(process.location()!.line, 8);
    assert.strictEqual(process.steps, 0);
    assert.deepStrictEqual(process.stackFrames().map((f) => f.functionName), ['main']);
  });

  test('stepOver goes line by line and runs callees to completion', () => {
    const { process } = launch(SRC);
    const lines: number[] = [];
    for (let i = 0; i < 6; i++) { const s = process.run('stepOver', 1000); assert.strictEqual(s.reason, 'step'); lines.push(s.loc!.line); }
    assert.deepStrictEqual(lines, [9, 10, 11, 12, 11, 12]);
  });

  test('stepIn enters each call of a line in turn; stepOut returns mid-line to the caller', () => {
    const { process } = launch(SRC);
    process.run('stepOver', 1000); // at line 9
    let s = process.run('stepIn', 1000);
    assert.strictEqual(s.loc!.line, 3);
    assert.deepStrictEqual(process.stackFrames().map((f) => `${f.functionName}:${f.loc.line}`), ['add:3', 'main:9']);
    s = process.run('stepOut', 1000);
    assert.strictEqual(s.reason, 'step');
    assert.strictEqual(s.loc!.line, 9);
    s = process.run('stepIn', 1000);
    assert.strictEqual(process.stackFrames()[0].functionName, 'twice');
    assert.strictEqual(s.loc!.line, 6);
  });

  test('a breakpoint stops before its line runs, on every hit; lines snap to the next executable line', () => {
    const { process } = launch(SRC);
    assert.deepStrictEqual(process.setBreakpoints('prog.c', [12, 1]), [12, 3]);
    process.setBreakpoints('prog.c', [12]);
    const hits: string[] = [];
    for (;;) {
      const s = process.run('continue', 1000);
      if (s.reason === 'exited') { assert.strictEqual(s.exitCode, 4); break; }
      assert.strictEqual(s.reason, 'breakpoint');
      hits.push(String(process.evaluate('i', 0) && (process.evaluate('i', 0) as { value: string }).value));
    }
    assert.deepStrictEqual(hits, ['0', '1', '2']);
  });

  test('locals and evaluate see slot and memory variables', () => {
    const { process } = launch(SRC);
    process.setBreakpoints('prog.c', [4]);
    const s = process.run('continue', 1000);
    assert.strictEqual(s.loc!.line, 4);
    const names = process.locals(0).map((v) => `${v.name}=${v.value}`);
    assert.deepStrictEqual(names, ['a=1', 'b=2', 's=3']);
    assert.deepStrictEqual(process.locals(1).map((v) => `${v.name}=${v.value}`), ['x=1', 'y=0']);
    const e = process.evaluate('s', 0);
    assert.ok(!('error' in e));
    assert.strictEqual((e as { value: string }).value, '3');
    assert.ok('error' in process.evaluate('nosuch', 0));
    // At the closing brace the body's locals are still in scope.
    process.setBreakpoints('prog.c', [14]);
    const end = process.run('continue', 1000);
    assert.strictEqual(end.loc!.line, 14);
    assert.deepStrictEqual(process.locals(0).map((v) => v.name), ['x', 'y']);
  });

  test('the budget returns control and the same request continues; pause stops at the next statement', () => {
    const src = 'int main(void) { long n = 0; for (int i = 0; i < 100000; i++) n += i; return (int)(n % 256); }';
    const { process } = launch(src);
    let s = process.run('continue', 1000);
    assert.strictEqual(s.reason, 'budget');
    assert.strictEqual(process.steps, 1000);
    process.requestPause();
    s = process.run('continue', 1000);
    assert.strictEqual(s.reason, 'pause');
    assert.strictEqual(process.steps, 1000);
    process.setMaxSteps(5000);
    for (;;) { s = process.run('continue', 1000); if (s.reason !== 'budget') break; }
    assert.strictEqual(s.reason, 'step-limit');
    assert.strictEqual(process.steps, 5000);
  });

  test('same program and options give the same steps, output and trace', () => {
    const a = runAll(SRC); const b = runAll(SRC);
    assert.strictEqual(a.process.steps, b.process.steps);
    assert.strictEqual(a.out.stdout, b.out.stdout);
    assert.strictEqual(a.process.trace.eventCount, b.process.trace.eventCount);
  });
});

suite('machine: faults and libmalloc errors', function () {
  this.timeout(20_000);
  test('a NULL store stops with a segfault at its line, then the process dies with 139', () => {
    const src = '#include <stdio.h>\nint main(void) {\n  int *p = NULL;\n  printf("before\\n");\n  *p = 42;\n  printf("after\\n");\n  return 0;\n}\n';
    const { out, exit, exceptions } = runAll(src);
    assert.strictEqual(exceptions.length, 1);
    const e = exceptions[0];
    assert.strictEqual(e.error!.kind, 'segfault');
    assert.strictEqual(e.error!.message, 'EXC_BAD_ACCESS (code=1, address=0x0)');
    assert.strictEqual(e.loc!.line, 5);
    assert.strictEqual(exit.exitCode, 139);
    assert.strictEqual(exit.signal, 11);
    assert.strictEqual(out.stdout, 'before\n');
  });

  test('a double free prints libmalloc\'s message and aborts with 134', () => {
    const src = '#include <stdlib.h>\nint main(void) {\n  char *p = malloc(32);\n  free(p);\n  free(p);\n  return 0;\n}\n';
    const { out, exit, exceptions } = runAll(src, { env: { MallocNanoZone: '0' }, programName: 'df' });
    assert.strictEqual(exceptions[0].error!.kind, 'double-free');
    assert.strictEqual(exceptions[0].loc!.line, 5);
    assert.match(out.stderr, /^df\(4242,0x1f3ac4c00\) malloc: Double free of object 0x[0-9a-f]+\ndf\(4242,0x1f3ac4c00\) malloc: \*\*\* set a breakpoint in malloc_error_break to debug\n$/);
    assert.strictEqual(exit.exitCode, 134);
  });

  test('argv reaches main; a call through a NULL function pointer is a segfault at the call', () => {
    const { out, exit, exceptions } = runAll(program('argv.c'), { args: ['a', 'b'], programName: 'argv' });
    assert.strictEqual(out.stdout, '[argv][a][b] 1\n');
    assert.strictEqual(exceptions[0].error!.kind, 'segfault');
    assert.strictEqual(exceptions[0].loc!.line, 7);
    assert.strictEqual(exit.exitCode, 139);
  });

  test('writing into a string literal is a bus error (read-only __cstring)', () => {
    const { exit, exceptions } = runAll(program('argv.c'), { args: ['x'] });
    assert.strictEqual(exceptions[0].error!.kind, 'bus-error');
    assert.strictEqual(exceptions[0].loc!.line, 8);
    assert.strictEqual(exit.exitCode, 138);
  });

  test('a failed assert prints macOS\'s text and aborts', () => {
    const src = '#include <assert.h>\nint main(void) {\n  int x = 3;\n  assert(x == 4);\n  return 0;\n}\n';
    const { out, exit } = runAll(src);
    assert.strictEqual(out.stderr, 'Assertion failed: (x == 4), function main, file prog.c, line 4.\n');
    assert.strictEqual(exit.exitCode, 134);
  });

  test('unbounded recursion is a stack overflow fault, not a JS stack overflow', () => {
    const src = 'int f(int n) { int pad[64]; pad[0] = n; return f(n + 1) + pad[0]; }\nint main(void) { return f(0); }\n';
    const { exceptions, exit } = runAll(src);
    assert.strictEqual(exceptions[0].error!.kind, 'stack-overflow');
    assert.strictEqual(exit.exitCode, 139);
  });
});

suite('machine: stdio buffering', function () {
  this.timeout(20_000);
  const SRC2 = '#include <stdio.h>\nint main(void) {\n  printf("1\\n");\n  fprintf(stderr, "2\\n");\n  printf("3");\n  fprintf(stderr, "4\\n");\n  return 0;\n}\n';

  test('a terminal stdout is line-buffered: output interleaves with stderr by line', () => {
    const { out } = runAll(SRC2, { stdoutIsTerminal: true });
    assert.deepStrictEqual(out.chunks.map((c) => c.text), ['1\n', '2\n', '4\n', '3']);
  });

  test('a redirected stdout is fully buffered until exit', () => {
    const { out } = runAll(SRC2, { stdoutIsTerminal: false });
    assert.deepStrictEqual(out.chunks.map((c) => c.text), ['2\n', '4\n', '1\n3']);
  });

  test('the 4096-byte stdout buffer is a real small-zone malloc made on first output', () => {
    const src = '#include <stdio.h>\nint main(void) {\n  int x = 1;\n  printf("%d\\n", x);\n  return 0;\n}\n';
    const { process } = launch(src, { env: { MallocNanoZone: '0' } });
    const buffers = (): number => [...process.malloc.liveBlocks()].filter((b) => b.requestedSize === 4096).length;
    const before = buffers();
    process.setBreakpoints('prog.c', [5]);
    assert.strictEqual(process.run('continue', 1000).reason, 'breakpoint');
    assert.strictEqual(buffers(), before + 1);
    const block = [...process.malloc.liveBlocks()].filter((b) => b.requestedSize === 4096).pop()!;
    assert.strictEqual(block.zone, 'small');
    const history = process.trace.historyOf(block.address);
    assert.ok(history.length >= 1);
    const stack = process.trace.stack(history[history.length - 1].stackId);
    assert.deepStrictEqual(stack.slice(0, 2).map((f) => f.functionName), ['printf', 'main']);
    assert.strictEqual(stack[1].line, 4);
  });
});

suite('machine: variables view', function () {
  this.timeout(20_000);
  const SRC3 = `#include <stdlib.h>
#include <string.h>
struct node { int value; struct node *next; };
int limit = 3;
int main(void) {
  struct node *n = malloc(sizeof *n);
  n->value = 7; n->next = NULL;
  char *s = strdup("hi");
  int arr[3] = { 1, 2, 3 };
  int *p = arr;
  free(s);
  return n->value + arr[0] + *p;
}
`;
  test('heap pointers show zone and block size, freed blocks are marked, structs and arrays expand', () => {
    const { process } = launch(SRC3, { env: { MallocNanoZone: '0' } });
    process.setBreakpoints('prog.c', [12]);
    assert.strictEqual(process.run('continue', 1000).reason, 'breakpoint');
    const vars = new Map(process.locals(0).map((v) => [v.name, v]));
    const n = vars.get('n')!;
    assert.strictEqual(n.type, 'struct node *');
    assert.match(n.value, /^0x[0-9a-f]+ · tiny · 16 B$/);
    const fields = n.children()[0].children();
    assert.deepStrictEqual(fields.map((f) => `${f.name}=${f.value}`), ['value=7', 'next=0x0']);
    assert.match(vars.get('s')!.value, /^0x[0-9a-f]+ · tiny · 16 B \(freed\)/);
    const arr = vars.get('arr')!;
    assert.strictEqual(arr.type, 'int[3]');
    assert.deepStrictEqual(arr.children().map((c) => c.value), ['1', '2', '3']);
    const e = process.evaluate('n->value', 0);
    assert.strictEqual((e as { value: string }).value, '7');
    assert.strictEqual((process.evaluate('arr[2]', 0) as { value: string }).value, '3');
    assert.strictEqual((process.evaluate('*p', 0) as { value: string }).value, '1');
    assert.deepStrictEqual(process.globals().map((g) => `${g.name}=${g.value}`), ['limit=3']);
    const value = (text: string): string => {
      const r = process.evaluate(text, 0);
      if ('error' in r) throw new Error(r.error);
      return r.value;
    };
    assert.strictEqual(value('arr[1] + 1'), '3');
    assert.strictEqual(value('*(p + 2)'), '3');
    assert.strictEqual(value('(p + 2) - p'), '2');
    assert.strictEqual(value('(long)n->value * 2 - limit'), '11');
    assert.strictEqual(value('-arr[0] % 2'), '-1');
    assert.strictEqual(value('(char)300'), "44 ','");
    assert.strictEqual((process.evaluate('(struct node *)n', 0) as { type: string }).type, 'struct node *');
    assert.strictEqual(value('((struct node *)n)->value'), '7');
  });
});

suite('machine: roots for leaks', function () {
  this.timeout(20_000);
  test('rootWords lists pointer values held in slot locals', () => {
    const src = '#include <stdlib.h>\nint main(void) {\n  char *kept = malloc(40);\n  char *lost = malloc(40);\n  lost = NULL;\n  return kept != 0;\n}\n';
    const { process } = launch(src);
    process.setBreakpoints('prog.c', [6]);
    assert.strictEqual(process.run('continue', 1000).reason, 'breakpoint');
    const kept = process.locals(0).find((v) => v.name === 'kept')!.pointerValue!;
    const roots = [...process.rootWords!()];
    assert.ok(roots.includes(kept));
    const live = [...process.malloc.liveBlocks()].filter((b) => b.requestedSize === 40).map((b) => b.address);
    assert.strictEqual(live.length, 2);
    assert.strictEqual(live.filter((a) => roots.includes(a)).length, 1);
  });
});
