import * as assert from 'assert';
import { typeToString } from '../../../src/c/types';
import { initText } from './astText';
import { compileOk, diagnosticLines } from './helpers';

/** `name: type = flattened initializer` for each global. */
function globals(text: string): string[] {
  return compileOk(text + '\nint main(void) { return 0; }').globals.map(g => `${g.symbol.name}: ${typeToString(g.symbol.type)} = ${initText(g.init)}`);
}

suite('c/initializers', () => {
  test('scalars, with conversion to the object type', () => {
    assert.deepStrictEqual(globals('char c = 300; double d = 1; int i = { 7 };'), ['c: char = 44:char', 'd: double = 1:double', 'i: int = 7:int']);
  });

  test('nested brace lists and brace elision for multi-dimensional arrays', () => {
    assert.deepStrictEqual(globals('int a[2][3] = { {1, 2}, {4} }; int b[2][3] = { 1, 2, 3, 4 };'), [
      'a: int[2][3] = {0=1:int 4=2:int 12=4:int}',
      'b: int[2][3] = {0=1:int 4=2:int 8=3:int 12=4:int}',
    ]);
  });

  test('designators: fields, indices, nesting, and continuing after a designator', () => {
    assert.deepStrictEqual(globals('struct p { int x, y, z; }; struct p a = { .y = 5, 6 }; int b[5] = { [3] = 1, 2, [0] = 9 };'), [
      'a: struct p = {4=5:int 8=6:int}',
      'b: int[5] = {12=1:int 16=2:int 0=9:int}',
    ]);
    assert.deepStrictEqual(globals('struct in { int a, b; }; struct out { int n; struct in v[2]; }; struct out o = { .v[0].b = 3, 4 };'), [
      'o: struct out = {8=3:int 12=4:int}',
    ]);
  });

  test('arrays of unknown size take their length from the initializer', () => {
    assert.deepStrictEqual(globals('int a[] = { 1, 2, 3 }; int b[] = { [7] = 1 }; char s[] = "hey"; char *w[] = { "a", "b" };'), [
      'a: int[3] = {0=1:int 4=2:int 8=3:int}',
      'b: int[8] = {28=1:int}',
      's: char[4] = {0=str4}',
      'w: char *[2] = {0=(decay "a":char[2]) 8=(decay "b":char[2])}',
    ]);
  });

  test('char arrays from string literals, braced or not, and inside structs', () => {
    assert.deepStrictEqual(globals('char a[8] = "hi"; char b[4] = { "abc" }; struct n { int id; char name[6]; } c = { 1, "bob" };'), [
      'a: char[8] = {0=str3}',
      'b: char[4] = {0=str4}',
      'c: struct n = {0=1:int 4=str4}',
    ]);
  });

  test('unions initialise their first member unless designated', () => {
    assert.deepStrictEqual(globals('union u { char c; double d; }; union u a = { 65 }; union u b = { .d = 2.5 };'), [
      'a: union u = {0=65:char}',
      'b: union u = {0=2.5:double}',
    ]);
  });

  test('bit-fields carry their position and width', () => {
    assert.deepStrictEqual(globals('struct f { unsigned a : 3, b : 5; int c : 10; } f = { 1, 2, -3 };'), [
      'f: struct f = {0:0+3=1:unsigned int 0:3+5=2:unsigned int 0:8+10=-3:int}',
    ]);
  });

  test('addresses of static objects are constant initializers', () => {
    assert.deepStrictEqual(globals('int x; int *p = &x; int arr[4]; int *q = arr + 2; char *s = "lit";'), [
      'x: int = -',
      'p: int * = (& x)',
      'arr: int[4] = -',
      'q: int * = (ptr+int/4 (decay arr) 2:long)',
      's: char * = (decay "lit":char[4])',
    ]);
  });

  test('automatic objects may be initialised by any expression', () => {
    const p = compileOk('int f(void) { return 3; }\nint main(void) { int a[2] = { f(), f() + 1 }; struct { int n; } s = { a[0] }; return s.n; }');
    assert.strictEqual(p.globals.length, 0);
  });

  test('errors: non-constant static initialisers, excess elements, bad designators', () => {
    assert.deepStrictEqual(diagnosticLines('int f(void);\nint x = f();\nint main(void) { return 0; }'),
      ['2:9: error: initializer element is not a compile-time constant']);
    assert.deepStrictEqual(diagnosticLines('int a[2] = { 1, 2, 3 };\nint main(void) { return 0; }'),
      ['1:20: warning: excess elements in array initializer']);
    assert.deepStrictEqual(diagnosticLines('struct p { int x; } v = { .y = 1 };\nint main(void) { return 0; }'),
      ["1:27: error: field designator 'y' does not refer to any field in type 'struct p'"]);
    assert.deepStrictEqual(diagnosticLines('int a[2] = { [5] = 1 };\nint main(void) { return 0; }'),
      ['1:14: error: array designator index (5) exceeds array bounds (2)']);
  });
});
