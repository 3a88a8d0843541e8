// The tier aggregator's counting (scripts/test-all.js): what `npm test` and .ci/run report as
// `N passed, N failed` depends on it reading each tier's totals right and never letting a tier
// that did not run pass silently.

import * as assert from 'assert';
import * as path from 'path';

interface Counts { passed: number; failed: number; skipped: number; seen: boolean }
interface Run { label: string; code: number; text: string; timedOut: boolean; limitMinutes: number }
interface Verdict { passed: number; failed: number; skipped: number; reasons: string[] }
const testAll = require(path.resolve(__dirname, '..', '..', '..', '..', 'scripts', 'test-all.js')) as {
  countsOf(text: string): Counts;
  tierVerdict(runs: Run[]): Verdict;
};

const run = (text: string, code = 0, timedOut = false): Run => ({ label: 'mocha x', code, text, timedOut, limitMinutes: 10 });

suite('scripts/test-all.js: reading tier totals', () => {
  test('reads mocha spec totals, colour codes and all', () => {
    const text = '  ✔ one\n  1) two\n\n\x1b[92m  12 passing\x1b[0m (3s)\n\x1b[36m  2 pending\x1b[0m\n\x1b[31m  1 failing\x1b[0m\n';
    assert.deepStrictEqual(testAll.countsOf(text), { passed: 12, failed: 1, skipped: 2, seen: true });
  });

  test('adds up the totals of several runs in one tier', () => {
    const v = testAll.tierVerdict([run('  5 passing\n'), run('  7 passing\n  1 failing\n', 1)]);
    assert.deepStrictEqual(v, { passed: 12, failed: 1, skipped: 0, reasons: [] });
  });

  test('a run that prints no totals counts as one failure with its reason', () => {
    const v = testAll.tierVerdict([run('Error: No test files found: "out/test/x/**/*.test.js"\n', 1)]);
    assert.strictEqual(v.failed, 1);
    assert.match(v.reasons[0], /could not run \(exit code 1/);
  });

  test('a non-zero exit without a failing test is a failure; a timeout too', () => {
    assert.strictEqual(testAll.tierVerdict([run('  3 passing\n', 7)]).failed, 1);
    const timedOut = testAll.tierVerdict([run('  3 passing\n', 137, true)]);
    assert.strictEqual(timedOut.failed, 1);
    assert.match(timedOut.reasons[0], /timed out after 10 min/);
  });

  test('a tier that ran no test fails rather than passing silently', () => {
    const v = testAll.tierVerdict([run('\n  0 passing (1ms)\n')]);
    assert.deepStrictEqual(v, { passed: 0, failed: 1, skipped: 0, reasons: ['ran no test'] });
  });

  test('lines that merely mention passing are not totals', () => {
    assert.deepStrictEqual(testAll.countsOf('all 3 passing checks\nPID: 4242 passing 2 failing\n'), { passed: 0, failed: 0, skipped: 0, seen: false });
  });
});
