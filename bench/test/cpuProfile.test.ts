import * as assert from 'assert';
import { selfTimeByFile, topSelfTime, type CpuProfile } from '../src/cpuProfile';

suite('bench cpu profile', () => {
  const frame = (functionName: string, line: number) => ({ functionName, url: 'file:///work/out/src/machine/interp.js', lineNumber: line });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
      { id: 2, callFrame: frame('step', 9) },
      { id: 3, callFrame: frame('', 41) },
      // The same function reached through another caller: one entry in the ranking.
      { id: 4, callFrame: frame('step', 9) },
    ],
    startTime: 1000,
    // Samples at 1000, 1100, 1400, 1500, 1550 µs; each lasts until the next, the last until endTime.
    samples: [2, 3, 4, 2, 1],
    timeDeltas: [0, 100, 300, 100, 50],
    endTime: 1650,
  };

  test('self time is summed per function, a sample lasting until the next one', () => {
    const top = topSelfTime(profile, 10);
    assert.deepStrictEqual(top.map((t) => t.function), ['(anonymous) interp.js:42', 'step interp.js:10', '(root)']);
    assert.deepStrictEqual(top.map((t) => t.selfMs), [0.3, 0.25, 0.1]);
    assert.strictEqual(Math.round(top[0].percent * 100) / 100, 46.15);
  });

  test('only the requested number of functions is returned', () => {
    assert.strictEqual(topSelfTime(profile, 1).length, 1);
  });

  test('by file, project files are named from out/ and Node internals are one line', () => {
    const mixed: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: 'claim', url: 'file:///work/main/out/src/malloc/rack.js', lineNumber: 3 } },
        { id: 2, callFrame: { functionName: 'free', url: 'file:///work/main/out/src/malloc/rack.js', lineNumber: 90 } },
        { id: 3, callFrame: { functionName: 'resolve', url: 'node:path', lineNumber: 1 } },
        { id: 4, callFrame: { functionName: 'readFileSync', url: 'node:fs', lineNumber: 1 } },
        { id: 5, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
      ],
      startTime: 0,
      samples: [1, 2, 3, 4, 5],
      timeDeltas: [0, 100, 100, 100, 100],
      endTime: 450,
    };
    assert.deepStrictEqual(selfTimeByFile(mixed, 10).map((t) => [t.function, t.selfMs]), [
      ['src/malloc/rack.js', 0.2],
      ['(node internals)', 0.2],
      ['(garbage collector)', 0.05],
    ]);
  });
});
