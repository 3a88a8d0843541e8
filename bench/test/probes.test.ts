// The probes against the real engine and the real adapter (built by `npx tsc -p .`): what they
// count must be what the program did.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measureRoundTrips, measureStepBack } from '../src/adapterProbe';
import { probe } from '../src/engineProbe';

const repoDir = path.resolve(__dirname, '../../..');

suite('bench probes', () => {
  let workDir: string;
  suiteSetup(() => (workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mallocscope-probe-test-'))));
  suiteTeardown(() => fs.rmSync(workDir, { recursive: true, force: true }));

  test('the engine probe counts the program\'s allocator calls apart from the pre-main baseline', function () {
    this.timeout(60_000);
    const file = path.join(workDir, 'five_calls.c');
    fs.writeFileSync(file, [
      '#include <stdlib.h>',
      'int main(void) {',
      '    char *a = malloc(10);',
      '    char *b = malloc(20);',
      '    free(a);',
      '    b = realloc(b, 4000);',
      '    free(b);',
      '    return 3;',
      '}',
      '',
    ].join('\n'));
    const result = probe(file);
    assert.strictEqual(result.ok, true, result.error);
    assert.strictEqual(result.exitCode, 3);
    assert.strictEqual(result.allocatorOps, 5);
    assert.ok(result.preMainEvents! > 0, 'the process image allocates before main');
    assert.strictEqual(result.eventsByKind!.realloc, 1);
    assert.strictEqual(result.eventCount, Object.values(result.eventsByKind!).reduce((a, b) => a + b, 0));
    assert.strictEqual(result.bytesPerEvent, result.traceBytes! / result.eventCount!);
  });

  test('the engine probe reports a compile error instead of throwing', function () {
    this.timeout(60_000);
    const file = path.join(workDir, 'broken.c');
    fs.writeFileSync(file, 'int main(void) { return }\n');
    const result = probe(file);
    assert.strictEqual(result.ok, false);
    assert.match(result.error ?? '', /broken\.c:1:/);
  });

  test('adapter round trips: one timing per completed next → stopped → stack, scopes, variables', async function () {
    this.timeout(60_000);
    const adapter = [path.join(repoDir, 'dist/debugAdapter.js'), path.join(repoDir, 'out/src/adapter/main.js')].find((f) => fs.existsSync(f));
    assert.ok(adapter, 'an adapter build exists');
    const result = await measureRoundTrips(adapter, path.join(repoDir, 'samples/trace.c'), 3, 'mallocscope');
    assert.strictEqual(result.ok, true, result.error);
    assert.strictEqual(result.roundTripsMs!.length, 3);
    assert.strictEqual(result.endedEarly, false);
    assert.ok(result.roundTripsMs!.every((ms) => ms > 0));
  });

  test('adapter round trips stop counting when the program ends first', async function () {
    this.timeout(60_000);
    const adapter = [path.join(repoDir, 'dist/debugAdapter.js'), path.join(repoDir, 'out/src/adapter/main.js')].find((f) => fs.existsSync(f))!;
    const file = path.join(workDir, 'short.c');
    fs.writeFileSync(file, 'int main(void) {\n    int x = 1;\n    x = x + 1;\n    return x - 2;\n}\n');
    const result = await measureRoundTrips(adapter, file, 20, 'mallocscope');
    assert.strictEqual(result.ok, true, result.error);
    assert.strictEqual(result.endedEarly, true);
    assert.ok(result.roundTripsMs!.length < 20);
  });

  test('step back is timed back to the earlier stop, and only counted when it lands there', async function () {
    this.timeout(60_000);
    const adapter = [path.join(repoDir, 'dist/debugAdapter.js'), path.join(repoDir, 'out/src/adapter/main.js')].find((f) => fs.existsSync(f))!;
    const file = path.join(workDir, 'loop.c');
    fs.writeFileSync(file, [
      '#include <stdio.h>',
      'int main(void) {',
      '    long sum = 0;',
      '    for (int i = 0; i < 2000; i++) sum += i;',
      '    printf("%ld\\n", sum);',
      '    return 0;',
      '}',
      '',
    ].join('\n'));
    const result = await measureStepBack(adapter, file, 5, 2, 'mallocscope', 20_000);
    if (!result.implemented) return assert.deepStrictEqual(result, { implemented: false });
    assert.strictEqual(result.error, undefined);
    assert.strictEqual(result.stepBacksMs!.length, 2);
    // The loop's 2000 iterations ran before the stop stepped back to.
    assert.ok(result.stepsAtStop! > 4000, `stopped at step ${result.stepsAtStop}`);
  });
});
