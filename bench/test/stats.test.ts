import * as assert from 'assert';
import { median, medianOfRatios, medianRate } from '../src/stats';

suite('bench stats', () => {
  test('median of an odd count is the middle value, of an even count the mean of the two middles', () => {
    assert.strictEqual(median([5, 1, 3]), 3);
    assert.strictEqual(median([4, 1, 3, 2]), 2.5);
  });

  test('median ignores missing and non-finite values and is undefined when none remain', () => {
    assert.strictEqual(median([undefined, 7, Number.NaN, 9, undefined]), 8);
    assert.strictEqual(median([undefined, Number.POSITIVE_INFINITY]), undefined);
    assert.strictEqual(median([]), undefined);
  });

  test('ratios are taken pair by pair before the median, not as a ratio of medians', () => {
    // Run 2 was slowed on both sides by outside load; its ratio still agrees with the others.
    const mallocscope = [100, 400, 110];
    const valgrind = [50, 200, 100];
    assert.strictEqual(medianOfRatios(mallocscope, valgrind), 2);
    // The ratio of medians would have said 110 / 100.
    assert.notStrictEqual(medianOfRatios(mallocscope, valgrind), median(mallocscope)! / median(valgrind)!);
  });

  test('a pair with a missing or zero side is left out of the ratios', () => {
    assert.strictEqual(medianOfRatios([10, undefined, 30], [5, 5, 10]), 2.5);
    assert.strictEqual(medianOfRatios([10, 20], [0, 10]), 2);
    assert.strictEqual(medianOfRatios([undefined], [1]), undefined);
  });

  test('rates are per second from milliseconds', () => {
    assert.strictEqual(medianRate([1_000_000, 3_000_000], [500, 1000]), 2_500_000);
  });
});
