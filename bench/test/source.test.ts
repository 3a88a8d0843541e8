import * as assert from 'assert';
import { compareOutputs, normaliseOutput, withDefine } from '../src/source';

const PROGRAM = '#include <stdio.h>\n#ifndef N\n#define N 1000000\n#endif\n#define SLOTS 1000\nint main(void) { return N % SLOTS; }\n';

suite('bench source preparation', () => {
  test('withDefine replaces the value of the named #define only', () => {
    const sized = withDefine(PROGRAM, 'N', 500);
    assert.ok(sized.includes('#define N 500\n'));
    assert.ok(sized.includes('#ifndef N\n'));
    assert.ok(sized.includes('#define SLOTS 1000\n'));
    assert.strictEqual(sized.replace('#define N 500', '#define N 1000000'), PROGRAM);
  });

  test('withDefine does not mistake a longer name for the one asked', () => {
    const text = '#define NODES 10\n#define N 3\n';
    assert.strictEqual(withDefine(text, 'N', 7), '#define NODES 10\n#define N 7\n');
  });

  test('withDefine throws when there is nothing to substitute', () => {
    assert.throws(() => withDefine('#define NODES 10\n', 'N', 7), /no "#define N" line/);
  });

  test('pid and pointers are masked only when the program asks for it', () => {
    const line = 'PID: 22022  big=0x12b000000\n';
    assert.strictEqual(normaliseOutput(line, 'pid-and-pointers'), 'PID: <pid>  big=<pointer>\n');
    assert.strictEqual(normaliseOutput(line, 'none'), line);
  });

  test('a mismatch names the first differing line with both texts', () => {
    const result = compareOutputs('a\nb\nc\n', 'a\nB\nc\n', 'none');
    assert.strictEqual(result.same, false);
    assert.deepStrictEqual(result.firstDifference, { line: 2, native: 'b', mallocscope: 'B' });
  });

  test('missing output on one side is reported as the end of output', () => {
    const result = compareOutputs('a\nb\n', 'a\n', 'none');
    assert.deepStrictEqual(result.firstDifference, { line: 2, native: 'b', mallocscope: '<end of output>' });
  });

  test('a difference in the final newline alone is still a difference', () => {
    const result = compareOutputs('a\n', 'a', 'none');
    assert.deepStrictEqual(result.firstDifference, { line: 1, native: '<newline at end>', mallocscope: '<no newline at end>' });
  });

  test('trace.c outputs that differ only in pid and address compare equal', () => {
    assert.strictEqual(compareOutputs('PID: 9840  big=0x7fd7d602e010\n', 'PID: 4242  big=0x138000000\n', 'pid-and-pointers').same, true);
    assert.strictEqual(compareOutputs('PID: 9840  big=0x7fd7d602e010\n', 'PID: 4242  big=(nil)\n', 'pid-and-pointers').same, false);
  });
});
