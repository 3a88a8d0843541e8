import * as assert from 'assert';
import type { Expr, Stmt } from '../../../src/c/ast';
import { typeToString } from '../../../src/c/types';
import { exprText, initText, stmtText } from './astText';
import { compileOk, fn } from './helpers';

/** The statements of `main`'s body after compiling `decls` and a body. */
function body(decls: string, mainBody: string): readonly Stmt[] {
  return fn(compileOk(`${decls}\nint main(void) {\n${mainBody}\nreturn 0; }`), 'main').body.body;
}

/** The expression of the last expression statement in the body. */
function lastExpr(decls: string, mainBody: string): Expr {
  const stmts = body(decls, mainBody).filter(s => s.kind === 'expr');
  const s = stmts[stmts.length - 1];
  assert.ok(s && s.kind === 'expr');
  return s.expr;
}

suite('c/sema: expressions', () => {
  test('arrays decay, integer indices widen to long, element sizes are explicit', () => {
    const e = lastExpr('', 'int a[10]; int i = 2; a[i] = i;');
    assert.strictEqual(exprText(e), '(= (index/4 (decay a) (icast:long i)) i)');
  });

  test('pointer arithmetic gets its own operators carrying the element size', () => {
    assert.strictEqual(exprText(lastExpr('struct s { long x[3]; };', 'struct s *p, *q; p + 2;')), '(ptr+int/24 p 2:long)');
    assert.strictEqual(exprText(lastExpr('', 'int *p, *q; unsigned u = 1; u + p;')), '(ptr+int/4 p (icast:long u))');
    assert.strictEqual(exprText(lastExpr('', 'int *p, *q; q - p;')), '(ptr-ptr/4 q p)');
    assert.strictEqual(exprText(lastExpr('', 'char *p; p -= 3;')), '(ptr-int=/1:char * p 3:long)');
    assert.strictEqual(exprText(lastExpr('', 'double *p; p++;')), '(post++/8 p)');
    assert.strictEqual(exprText(lastExpr('', 'void *p; p + 1;')), '(ptr+int/1 p 1:long)');
  });

  test('integer promotion and the usual arithmetic conversions are explicit casts', () => {
    assert.strictEqual(exprText(lastExpr('', 'char c = 1; short s = 2; c + s;')), '(+ (icast:int c) (icast:int s))');
    assert.strictEqual(exprText(lastExpr('', 'int i = 1; unsigned u = 2; i < u;')), '(< (icast:unsigned int i) u)');
    assert.strictEqual(exprText(lastExpr('', 'long l = 1; unsigned u = 2; l * u;')), '(* l (icast:long u))');
    assert.strictEqual(exprText(lastExpr('', 'float f = 1; int i = 2; f / i;')), '(/ f (icast:float i))');
    assert.strictEqual(exprText(lastExpr('', 'unsigned char c = 1; c <<= 3;')), '(<<=:int c 3:int)');
    assert.strictEqual(exprText(lastExpr('', 'short s = 1; double d = 2; s += d;')), '(+=:double s d)');
  });

  test('integer constant expressions fold with C semantics', () => {
    const k = (text: string): string => exprText(lastExpr('', text));
    assert.strictEqual(k('1 + 2 * 3;'), '7:int');
    assert.strictEqual(k('-1 / 2;'), '0:int');
    assert.strictEqual(k('-7 % 3;'), '-1:int');
    assert.strictEqual(k('0u - 1;'), '4294967295:unsigned int');
    assert.strictEqual(k('2147483647 + 1;'), '-2147483648:int');
    assert.strictEqual(k('(char)300;'), '44:char');
    assert.strictEqual(k('(unsigned char)-1;'), '255:unsigned char');
    assert.strictEqual(k('1 ? 2 : 3;'), '2:int');
    assert.strictEqual(k('!5 || 3 && 0;'), '0:int');
    assert.strictEqual(k('sizeof(long double) + sizeof(char *);'), '16:unsigned long');
    assert.strictEqual(k("'a' + '\\n';"), '107:int');
    assert.strictEqual(k("'\\xff';"), '-1:int');
  });

  test('integer constants take their type by C\'s selection rule', () => {
    const k = (text: string): string => typeToString(lastExpr('', text).type);
    assert.strictEqual(k('2147483647;'), 'int');
    assert.strictEqual(k('2147483648;'), 'long');
    assert.strictEqual(k('0x80000000;'), 'unsigned int');
    assert.strictEqual(k('0xffffffffffffffff;'), 'unsigned long');
    assert.strictEqual(k('10u;'), 'unsigned int');
    assert.strictEqual(k('10l;'), 'long');
    assert.strictEqual(k('10ull;'), 'unsigned long long');
    assert.strictEqual(k('010;'), 'int');
    assert.strictEqual(exprText(lastExpr('', '010;')), '8:int');
    assert.strictEqual(k('1.5;'), 'double');
    assert.strictEqual(k('1.5f;'), 'float');
    assert.strictEqual(k('0x1p-2;'), 'double');
    assert.strictEqual(exprText(lastExpr('', '0x1p-2;')), '0.25:double');
  });

  test('calls: function designators decay, arguments convert, variadic arguments promote', () => {
    const e = lastExpr('#include <stdio.h>\n#include <stdlib.h>', 'float f = 1; char c = 2; printf("%f %d", f, c); free(&c);');
    assert.strictEqual(exprText(e), '(call (decay free) (icast:void * (& c)))');
    const stmts = body('#include <stdio.h>', 'float f = 1; char c = 2; printf("%f %d", f, c);').filter(s => s.kind === 'expr');
    assert.strictEqual(stmtText(stmts[0]), '(call (decay printf) (decay "%f %d":char[6]) (icast:double f) (icast:int c));');
  });

  test('function pointers: calls through them, and & of a function is the decayed designator', () => {
    assert.strictEqual(exprText(lastExpr('int twice(int x) { return 2 * x; }', 'int (*fp)(int) = &twice; (*fp)(1) + fp(2);')),
      '(+ (call (decay (* fp)) 1:int) (call fp 2:int))');
  });

  test('members: . and -> carry the field, anonymous members chain', () => {
    const decls = 'struct in { int a; }; struct s { int n; struct in i; struct in *p; union { long l; char c; }; };';
    assert.strictEqual(exprText(lastExpr(decls, 'struct s v, *p = &v; p->i.a + v.p->a;')), '(+ (.a (->i p)) (->a (.p v)))');
    assert.strictEqual(exprText(lastExpr(decls, 'struct s v; v.c;')), '(.c (.<anon> v))');
    const e = lastExpr(decls, 'struct s v; v.l;');
    assert.ok(e.kind === 'member' && e.field.offset === 0 && e.object.kind === 'member' && e.object.field.offset === 16);
  });

  test('null pointer constants, conditionals and comparisons of pointers', () => {
    assert.strictEqual(exprText(lastExpr('#include <stddef.h>', 'int *p = 0; p == NULL;')), '(== p (icast:int * (cast:void * 0:int)))');
    assert.strictEqual(exprText(lastExpr('', 'int *p = 0; !p;')), '(! p)');
    assert.strictEqual(exprText(lastExpr('', 'int *p = 0; char *s = 0; int c = 1; c ? p : 0;')), '(? c p (icast:int * 0:int))');
    assert.strictEqual(exprText(lastExpr('', 'int *p = 0; void *v = 0; int c = 1; c ? p : v;')), '(? c (icast:void * p) v)');
  });

  test('sizeof and _Alignof fold to size_t constants; sizeof does not decay arrays', () => {
    assert.strictEqual(exprText(lastExpr('struct s { char c; double d; int i; };', 'struct s a[3]; sizeof a + sizeof(struct s) + _Alignof(struct s);')), '104:unsigned long');
    assert.strictEqual(exprText(lastExpr('#include <stddef.h>\nstruct s { char c; double d; int i; };', 'offsetof(struct s, i);')), '16:unsigned long');
  });

  test('string literals are char arrays with the NUL counted; adjacent ones concatenate', () => {
    const e = lastExpr('', '"ab" "c\\0d\\x41\\101\\n";');
    assert.ok(e.kind === 'string');
    assert.deepStrictEqual([...e.bytes], [97, 98, 99, 0, 100, 65, 65, 10, 0]);
    assert.strictEqual(typeToString(e.type), 'char[9]');
  });

  test('enumeration constants are int constants; the enum type is its own integer type', () => {
    const stmts = body('enum color { RED, GREEN = 5, BLUE };', 'enum color c = BLUE; c = RED;');
    assert.strictEqual(stmtText(stmts[0]), '(declare c:enum color 6:enum color)');
    assert.strictEqual(exprText(lastExpr('enum e { A = -1, B };', 'B;')), '0:int');
  });

  test('va_arg becomes a vaArg node over the va_list; va_start passes its address', () => {
    const f = fn(compileOk('#include <stdarg.h>\nint sum(int n, ...) { va_list ap; va_start(ap, n); int x = va_arg(ap, int); va_end(ap); return x; }\nint main(void) { return sum(1, 2); }'), 'sum');
    assert.strictEqual(stmtText(f.body), '{(declare ap:void * -) (call (decay __builtin_va_start) (& ap)); (declare x:int (va_arg:int ap)) (call (decay __builtin_va_end) (& ap)); (return x)}');
  });

  test('compound literals get storage listed among the function\'s locals', () => {
    const f = fn(compileOk('struct p { int x, y; };\nint main(void) { struct p *q = &(struct p){ .y = 2 }; return q->y; }'), 'main');
    assert.strictEqual(stmtText(f.body.body[0]), '(declare q:struct p * (& (literal:struct p {4=2:int})))');
    assert.deepStrictEqual(f.locals.map(l => l.name), ['(compound literal)', 'q']);
  });

  test('errno and assert follow the macOS conventions', () => {
    assert.strictEqual(exprText(lastExpr('#include <errno.h>', 'errno = 0;')), '(= (* (call (decay __error))) 0:int)');
    const e = lastExpr('#include <assert.h>', 'int n = 1; assert(n > 0);');
    assert.strictEqual(exprText(e), '(? (> n 0:int) (cast:void 0:int) (call (decay __assert_rtn) (decay __func__) (decay "test.c":char[7]) 3:int (decay "n > 0":char[6])))');
  });
});

suite('c/sema: declarations and statements', () => {
  test('block-scope statics and __func__ are static-duration globals; their declare stays in place', () => {
    const p = compileOk('int main(void) { static int calls = 3; calls++; return __func__[0]; }');
    const names = p.globals.map(g => `${g.symbol.name}:${g.symbol.storage}:${initText(g.init)}`);
    assert.deepStrictEqual(names, ['calls:static-local:3:int', '__func__:static-local:{0=str5}']);
    assert.strictEqual(stmtText(fn(p, 'main').body.body[0]), '(declare calls:int -)');
    assert.deepStrictEqual(fn(p, 'main').locals, []);
  });

  test('globals: tentative definitions merge, extern declarations link to the definition', () => {
    const p = compileOk('extern int n; int n; int n = 4; static char tag[] = "x"; int main(void) { return n; }');
    assert.deepStrictEqual(p.globals.map(g => `${g.symbol.name}:${g.symbol.storage}:${typeToString(g.symbol.type)}:${initText(g.init)}`),
      ['n:global:int:4:int', 'tag:static-global:char[2]:{0=str2}']);
  });

  test('every identifier use is the declaration\'s own symbol object', () => {
    const f = fn(compileOk('int main(void) { int x = 1; { int x = 2; x++; } return x; }'), 'main');
    const outer = f.body.body[0], inner = f.body.body[1];
    assert.ok(outer.kind === 'declare' && inner.kind === 'compound');
    const innerDecl = inner.body[0], use = inner.body[1], ret = f.body.body[2];
    assert.ok(innerDecl.kind === 'declare' && use.kind === 'expr' && use.expr.kind === 'incdec' && ret.kind === 'return');
    assert.ok(use.expr.target.kind === 'ident' && use.expr.target.symbol === innerDecl.symbol);
    assert.ok(ret.value?.kind === 'ident' && ret.value.symbol === outer.symbol);
    assert.notStrictEqual(outer.symbol.id, innerDecl.symbol.id);
  });

  test('switch lists its case values converted to the promoted test type', () => {
    const stmts = body('', 'char c = 1; switch (c) { case \'a\': break; case 300: default: c = 0; }');
    assert.strictEqual(stmtText(stmts[1]), '(switch (icast:int c) [97,300,default] {(case 97 break;) (case 300 (default (= c 0:char);))})');
  });

  test('a GNU case range becomes one case label per value', () => {
    const stmts = body('', "char c = '1'; switch (c) { case '0' ... '2': c = 0; }");
    assert.strictEqual(stmtText(stmts[1]), '(switch (icast:int c) [48,49,50] {(case 48 (case 49 (case 50 (= c 0:char);)))})');
  });

  test('loops, goto and labels keep their shape', () => {
    const stmts = body('', 'int i = 0; for (;;) { if (i++ > 3) break; else continue; } do i--; while (i); again: if (i) goto again; while (0);');
    assert.deepStrictEqual(stmts.slice(1, -1).map(stmtText), [
      '(for - - - {(if (> (post++/1 i) 3:int) break; continue;)})',
      '(do (post--/1 i); i)',
      '(label again (if i (goto again)))',
      '(while 0:int ;)',
    ]);
  });

  test('parameters: arrays and functions adjust to pointers; typedefs and struct tags resolve', () => {
    const p = compileOk('typedef struct node { int value; struct node *next; } node_t;\nint f(node_t list[], int cb(int)) { return list[0].next->value + cb(1); }\nint main(void) { return 0; }');
    const f = fn(p, 'f');
    assert.deepStrictEqual(f.params.map(x => typeToString(x.type)), ['struct node *', 'int (*)(int)']);
    assert.strictEqual(typeToString(f.symbol.type), 'int (struct node *, int (*)(int))');
  });

  test('function definitions record their closing brace for step out', () => {
    const f = fn(compileOk('int main(void)\n{\n  return 0;\n}\n'), 'main');
    assert.deepStrictEqual([f.loc.line, f.endLoc.line, f.endLoc.column], [1, 4, 1]);
  });

  test('declarators: pointers to arrays, arrays of function pointers, functions returning pointers', () => {
    const p = compileOk('int (*pa)[4]; void (*handlers[3])(int); char *(*getter(void))(int); int main(void) { return 0; }');
    assert.deepStrictEqual(p.globals.map(g => typeToString(g.symbol.type)), ['int (*)[4]', 'void (*[3])(int)']);
    assert.strictEqual(typeToString(p.functionSymbols.length ? p.functionSymbols[0].type : p.functions[0].symbol.type), 'int (void)');
  });

  test('variable-length arrays keep their length expression; sizeof becomes a run-time node', () => {
    const stmts = body('', 'int n = 4; int v[n]; sizeof v;');
    assert.ok(stmts[1].kind === 'declare' && stmts[1].symbol.type.kind === 'array' && stmts[1].symbol.type.vla !== undefined);
    assert.strictEqual(stmtText(stmts[2]), '(sizeof-vla int[*]);');
  });
});
