// The benchmark programs themselves: each sized program can be resized, and each builds with
// gcc -O0 -w and prints the same thing on every run (the LCGs make them deterministic), so any
// difference from Mallocscope's output is Mallocscope's.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROGRAMS, sizeFor } from '../src/programs';
import { prepare, type SuitePaths } from '../src/suite';

const benchDir = path.resolve(__dirname, '../../../bench');

suite('bench programs', () => {
  let workDir: string;
  let paths: SuitePaths;
  suiteSetup(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mallocscope-bench-test-'));
    paths = { benchDir, cli: '', probe: '', workDir };
  });
  suiteTeardown(() => fs.rmSync(workDir, { recursive: true, force: true }));

  test('sizes: full by default, quick on request, or a scale of the full size', () => {
    const list = PROGRAMS.find((p) => p.name === 'linked_list')!;
    assert.strictEqual(sizeFor(list, false, undefined), list.fullN);
    assert.strictEqual(sizeFor(list, true, undefined), list.quickN);
    assert.strictEqual(sizeFor(list, true, 0.5), list.fullN! / 2);
    assert.strictEqual(sizeFor(PROGRAMS.find((p) => p.name === 'trace')!, true, 0.5), undefined);
  });

  test('the trace program is the seed article\'s samples/trace.c, unmodified', () => {
    const trace = PROGRAMS.find((p) => p.name === 'trace')!;
    const prepared = prepare(trace, sizeFor(trace, true, undefined), paths);
    const text = fs.readFileSync(prepared.source, 'utf8');
    assert.ok(text.startsWith('// trace.c\n#include <stdlib.h>'));
    assert.ok(text.includes('sleep(120);'));
    assert.strictEqual(text, fs.readFileSync(path.join(benchDir, '../samples/trace.c'), 'utf8'));
  });

  for (const program of PROGRAMS) {
    test(`${program.name} builds natively and prints the same output on every run`, function () {
      this.timeout(30_000);
      const prepared = prepare(program, sizeFor(program, true, undefined), paths);
      assert.strictEqual(prepared.buildError, undefined);
      if (program.fullN !== undefined) {
        assert.ok(fs.readFileSync(prepared.source, 'utf8').includes(`#define N ${program.quickN}\n`));
      }
      const first = spawnSync(prepared.binary!, [], { encoding: 'utf8' });
      const second = spawnSync(prepared.binary!, [], { encoding: 'utf8' });
      assert.strictEqual(first.status, 0, first.stderr);
      assert.ok(first.stdout.length > 0);
      if (program.normalise === 'none') assert.strictEqual(second.stdout, first.stdout);
    });
  }
});
