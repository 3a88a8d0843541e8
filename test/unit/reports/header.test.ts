import * as assert from 'assert';
import { reportHeader } from '../../../src/reports/header';
import { vmmapReport } from '../../../src/reports/vmmap';
import { fakeProcess, K, region } from './fakes';

suite('reports/header', () => {
  test('labels and values sit in the columns of the notes sample', () => {
    const p = fakeProcess({ regions: [], footprint: { physFootprint: 1185 * K, physFootprintPeak: 1185 * K } });
    const lines = reportHeader(p, 'vmmap').split('\n');
    for (const expected of [
      'Process:         shared_library_demo [66814]',
      'Code Type:       ARM64',
      'Report Version:  7',
      'Analysis Tool:   /usr/bin/vmmap',
      'Physical footprint:         1185K',
      'Physical footprint (peak):  1185K',
      'Idle exit:                  untracked',
    ]) assert.ok(lines.includes(expected), `missing: ${expected}`);
    assert.match(lines.find((l) => l.startsWith('OS Version:'))!, /^OS Version: {6}macOS 14\.\d+ \(\w+\)$/);
    assert.strictEqual(lines[lines.length - 1], '----');
  });

  test('the Intel profile reports X86-64 and its page size; the load address is __TEXT\'s', () => {
    const p = fakeProcess({ regions: [region('__TEXT', 0x100000000, 0x100004000, {}, '', 'r-x')], codeType: 'X86-64', pageSize: 4096 });
    const text = vmmapReport(p);
    assert.ok(text.includes('\nCode Type:       X86-64\n'));
    assert.ok(text.includes('\nLoad Address:    0x100000000\n'));
    // As in the sample: the map's title follows the rule directly.
    assert.ok(text.includes('----\nVirtual Memory Map of process 66814 (shared_library_demo)\nOutput report format:  2.4  -- 64-bit process\nVM page size:  4096 bytes\n'));
  });
});
