import * as assert from 'assert';
import * as fmt from '../src/format';
import { atMost } from '../src/targets';
import { parseGnuTime } from '../src/timedRun';

suite('bench report formatting', () => {
  test('counts and rates get k/M/G suffixes with three significant digits', () => {
    assert.strictEqual(fmt.count(950), '950');
    assert.strictEqual(fmt.count(12_345), '12.3k');
    assert.strictEqual(fmt.count(1_000_000), '1.00M');
    assert.strictEqual(fmt.count(2.5e9), '2.50G');
    assert.strictEqual(fmt.count(undefined), '-');
  });

  test('ratios and times keep a readable number of digits', () => {
    assert.strictEqual(fmt.ratio(0.456), '0.46x');
    assert.strictEqual(fmt.ratio(23.44), '23.4x');
    assert.strictEqual(fmt.ratio(1234.5), '1235x');
    assert.strictEqual(fmt.seconds(1234), '1.234');
    assert.strictEqual(fmt.seconds(65_432), '65.4');
    assert.strictEqual(fmt.mebibytes(2048), '2.0');
  });

  test('a table pads every column to its widest cell, the first left-aligned', () => {
    const text = fmt.table(['program', 'time'], [['a', '1.5'], ['longer', '10.25']]);
    assert.strictEqual(text, ['program   time', '-------  -----', 'a          1.5', 'longer   10.25'].join('\n'));
  });

  test('a target is met at or under its limit, and not measured without a figure', () => {
    assert.strictEqual(atMost('t', 5, 5, '5 ms', '').verdict, 'MET');
    assert.strictEqual(atMost('t', 5.01, 5, '5.01 ms', '').verdict, 'NOT MET');
    assert.deepStrictEqual(atMost('t', undefined, 5, '', 'no adapter'), { target: 't', verdict: 'NOT MEASURED', figure: 'no adapter' });
  });

  test('GNU time figures: peak RSS in KiB and user + system as CPU milliseconds', () => {
    assert.deepStrictEqual(parseGnuTime('73524 1.52 0.31\n'), { maxRssKiB: 73524, cpuMs: 1830 });
    assert.deepStrictEqual(parseGnuTime('Command exited with non-zero status 3\n1452 0.00 0.01\n'), { maxRssKiB: 1452, cpuMs: 10 });
    assert.deepStrictEqual(parseGnuTime('Command terminated by signal 9\n'), {});
  });
});
