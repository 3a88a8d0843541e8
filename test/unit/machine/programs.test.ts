import * as assert from 'assert';
import { program, runAll } from './run';

suite('machine: C programs end to end', function () {
  this.timeout(20_000);
  test('integer semantics: wrap-around, promotions, signed/unsigned compare, shifts, 64-bit, division by zero', () => {
    const { out, exit } = runAll(program('arith.c'));
    assert.strictEqual(out.stdout, [
      '-2147483648', '4294967295', '0', '44', '-56', '-25536', '-3 -1', '-2147483648', '-4', '134217728',
      '9007199254740993', '9223372036854775807', '-9223372036854775808', '18446744073709551615 ffffffffffffffff',
      '9c093ccf60fc303a', '9000000000000000000', '0', '0', 'C', '0.333333 3.333e-01 0.333333 1e+20', '0.1000000015',
      '-3', '8', '0', '22', '',
    ].join('\n'));
    assert.strictEqual(exit.exitCode, 0);
  });

  test('pointers, structs by value, recursion, function pointers, qsort callbacks, varargs, atexit', () => {
    const { out, exit } = runAll(program('ptr.c'));
    assert.strictEqual(out.stdout, [
      '16 9 4 1 0 ', '1,2,3,5,7,9,', '3628800 42', '3 4', '3 9', 'hello world 11', 'Hello world', '3 2', '6', '6', '60',
      '0003.142|', 'bye', '',
    ].join('\n'));
    assert.strictEqual(exit.exitCode, 0);
  });

  test('bit-fields, unions, statics, struct arguments, global initialisers, enums, switch, VLAs, compound literals, goto', () => {
    const { out } = runAll(program('misc.c'));
    assert.strictEqual(out.stdout, [
      '1 -3 1 4', '4 1', '3f800000', '12', '4000000003', 'two zero 2 0 2', '0 5 6', '100 200 -100 0', '12 20', 'Xbc 4', '9',
      '8', '3', '2.5 0.0', '23 12', '0', '10', '-2 18446744073709551611', '3', '4 3', '',
    ].join('\n'));
  });

  test('div_t by value, getline growing its buffer with realloc, setenv/getenv, strtok_r', () => {
    const { out, process } = runAll(program('lib2.c'), { stdin: 'one\ntwo\n', env: { MallocNanoZone: '0' } });
    assert.strictEqual(out.stdout, '3 2\n-3 -2\n4:one\n4:two\nbar nohome\nx\n');
    const sizes = [...Array(process.trace.eventCount).keys()].map((i) => process.trace.event(i)).filter((e) => e.size === 128);
    assert.ok(sizes.length >= 1, 'getline allocated its 128-byte buffer through libmalloc');
  });

  test('libmalloc warnings printed while the process is created reach the first output listener', () => {
    const { out } = runAll('int main(void) { return 0; }', { env: { MallocNanoZone: 'abc' } });
    assert.match(out.stderr, /MallocNanoZone/);
  });

  test('exit() from a nested call runs atexit handlers in reverse and flushes a fully buffered stdout', () => {
    const src = `#include <stdio.h>
#include <stdlib.h>
void a(void) { printf("a\\n"); }
void b(void) { printf("b\\n"); }
void leave(int code) { printf("leaving"); exit(code); }
int main(void) { atexit(a); atexit(b); leave(5); return 0; }`;
    const { out, exit, process } = runAll(src, { stdoutIsTerminal: false });
    assert.strictEqual(out.stdout, 'leavingb\na\n');
    assert.strictEqual(exit.exitCode, 5);
    assert.strictEqual(process.finished, true);
    assert.deepStrictEqual(process.stackFrames(), []);
  });

  test('compound assignment and ++ on struct members evaluate the object once', () => {
    assert.strictEqual(runAll(program('members.c')).out.stdout, '33 2 3 1 2\n');
  });

  test('switch matches unsigned and 64-bit case values', () => {
    assert.strictEqual(runAll(program('switch64.c')).out.stdout, 'max u n\n');
  });

  test('main\'s return value is the exit status', () => {
    assert.strictEqual(runAll('int main(void) { return 7; }').exit.exitCode, 7);
    assert.strictEqual(runAll('#include <stdlib.h>\nint main(void) { exit(3); }').exit.exitCode, 3);
  });

  test('the seed article\'s trace.c runs unmodified to completion', () => {
    const { out, exit } = runAll(program('trace.c'), { env: { MallocNanoZone: '0' } });
    assert.match(out.stdout, /^PID: 4242 {2}big=0x[0-9a-f]+\n$/);
    assert.strictEqual(exit.exitCode, 0);
  });

  test('printf: flags, width, precision, *, length modifiers and every conversion', () => {
    const src = `#include <stdio.h>
int main(void) {
  int n = 0;
  printf("[%5d][%-5d][%+d][% d][%05d][%.3d][%*d][%-*d]\\n", 42, 42, 42, 42, -42, 7, 4, 1, 3, 2);
  printf("[%x][%X][%#x][%#o][%o][%lu][%lld][%hhd][%hd][%zu][%jd][%td]\\n", 255, 255, 255, 8, 8, 4000000000UL, -5LL, 300, 70000, (size_t)12, (long long)-1, (long)3);
  printf("[%c][%s][%.2s][%8s][%-8s|][%%]\\n", 'q', "abc", "abcdef", "r", "l");
  printf("[%f][%.2f][%10.3f][%-10.1f|][%e][%E][%g][%G][%g][%g][%a]\\n", 3.14159, 2.005, -1.5, 2.25, 12345.678, 0.00012, 0.0001, 1e-5, 100000.0, 1234567.0, 1.0);
  printf("[%p][%p]%n\\n", (void *)0x1234, (void *)0, &n);
  printf("%d\\n", n);
  return 0;
}`;
    const { out } = runAll(src);
    assert.strictEqual(out.stdout, [
      '[   42][42   ][+42][ 42][-0042][007][   1][2  ]',
      '[ff][FF][0xff][010][10][4000000000][-5][44][4464][12][-1][3]',
      '[q][abc][ab][       r][l       |][%]',
      '[3.141590][2.00][    -1.500][2.2       |][1.234568e+04][1.200000E-04][0.0001][1E-05][100000][1.23457e+06][0x1p+0]',
      '[0x1234][0x0]', '13', '',
    ].join('\n'));
  });

  test('stdin: scanf, getchar and fgets read the launch input', () => {
    const src = `#include <stdio.h>
int main(void) {
  int a, b; char word[16]; char line[32];
  int k = scanf("%d %d %15s", &a, &b, word);
  int c = getchar();
  fgets(line, sizeof line, stdin);
  printf("%d %d %d %s %d [%s]\\n", k, a, b, word, c, line);
  printf("%d\\n", scanf("%d", &a));
  return 0;
}`;
    const { out } = runAll(src, { stdin: '12 -7 hello\nrest of line\n' });
    assert.strictEqual(out.stdout, '3 12 -7 hello 10 [rest of line\n]\n-1\n');
  });

  test('string.h, stdlib number parsing, ctype and rand follow macOS', () => {
    const src = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
int main(void) {
  char *end; long v = strtol("  -0x1fZ", &end, 0);
  printf("%ld %s %d %lu\\n", v, end, atoi("123abc"), strtoul("42", NULL, 10));
  printf("%d %d %d\\n", strcmp("abc", "abd") < 0, strncmp("abc", "abd", 2), memcmp("az", "ay", 2) > 0);
  printf("%s %s %zu %zu\\n", strchr("hello", 'l'), strstr("haystack", "st"), strspn("aab", "a"), strcspn("abc", "c"));
  char t[] = "a,b,,c"; for (char *tok = strtok(t, ","); tok; tok = strtok(NULL, ",")) printf("<%s>", tok);
  printf(" %c%c %d\\n", toupper('a'), tolower('Q'), isdigit('5'));
  printf("%d %d\\n", rand(), rand());
  srand(1); printf("%d\\n", rand());
  printf("%g\\n", strtod("2.5e3xyz", NULL));
  return 0;
}`;
    const { out } = runAll(src);
    assert.strictEqual(out.stdout, '-31 Z 123 42\n1 0 1\nllo stack 2 2\n<a><b><c> Aq 1\n16807 282475249\n16807\n2500\n');
  });
});
