import * as assert from 'assert';
import { heapSize, hex, hexAddress, percent, vmSize } from '../../../src/reports/format';

suite('reports/format', () => {
  test('vmSize prints vmmap sizes: K below 10 MiB, one decimal M below 1 GiB, then G', () => {
    assert.strictEqual(vmSize(0), '0K');
    assert.strictEqual(vmSize(512), '512');
    assert.strictEqual(vmSize(6 * 1024), '6K');
    assert.strictEqual(vmSize(16384), '16K');
    assert.strictEqual(vmSize(1024 * 1024), '1024K');
    assert.strictEqual(vmSize(8 * 1024 * 1024), '8192K');
    assert.strictEqual(vmSize(19 * 1024 * 1024), '19.0M');
    assert.strictEqual(vmSize(17 * 1024 * 1024 + 512 * 1024), '17.5M');
    assert.strictEqual(vmSize(512 * 1024 * 1024), '512.0M');
    assert.strictEqual(vmSize(1.6 * 1024 * 1024 * 1024), '1.6G');
    // The seed's footprint: 10 MiB large block + ~1.2 MiB baseline reads as 11.3M.
    assert.strictEqual(vmSize(11.3 * 1024 * 1024), '11.3M');
  });

  test('heapSize prints the heap histogram sizes', () => {
    assert.strictEqual(heapSize(32), '32');
    assert.strictEqual(heapSize(1008), '1008');
    assert.strictEqual(heapSize(1536), '1.5KB');
    assert.strictEqual(heapSize(48 * 1024), '48KB');
    assert.strictEqual(heapSize(10 * 1024 * 1024), '10MB');
  });

  test('addresses are lower-case hex', () => {
    assert.strictEqual(hex(0x134600000), '134600000');
    assert.strictEqual(hexAddress(0x600000000000), '0x600000000000');
    assert.strictEqual(hexAddress(0xABCDEF0), '0xabcdef0');
  });

  test('percent rounds to whole percent', () => {
    assert.strictEqual(percent(266, 272), '98%');
    assert.strictEqual(percent(85, 96), '89%');
    assert.strictEqual(percent(0, 0), '0%');
  });
});
