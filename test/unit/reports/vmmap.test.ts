import * as assert from 'assert';
import { vmmapReport, regionRow } from '../../../src/reports/vmmap';
import { zoneUsage } from '../../../src/reports/inspect';
import { assertGolden } from './golden';
import { fakeProcess, K, mallocRegion, region } from './fakes';

const DEFAULT_ZONE = 'DefaultMallocZone_0x105348000';
const HELPER_ZONE = 'MallocHelperZone_0x10530c000';
const M = K * K;

/**
 * The process behind the notes' vmmap sample (§4): nano 512M with 96K dirty and 176K swapped
 * holding 6K, and a helper zone of one tiny and two small regions (17.0M) holding 11K.
 */
function sampleProcess() {
  return fakeProcess({
    regions: [
      region('MALLOC metadata', 0x105348000, 0x10534c000, { resident: 16 * K, dirty: 16 * K }, `${DEFAULT_ZONE} zone structure`, 'r--'),
      region('MALLOC_TINY', 0x134600000, 0x134700000, { resident: 32 * K, dirty: 32 * K }, HELPER_ZONE),
      region('MALLOC_SMALL', 0x135000000, 0x135800000, { resident: 16 * K, dirty: 16 * K, swapped: 16 * K }, HELPER_ZONE),
      region('MALLOC_SMALL', 0x136000000, 0x136800000, { resident: 16 * K, dirty: 16 * K, swapped: 16 * K }, HELPER_ZONE),
      region('MALLOC_NANO', 0x600000000000, 0x600020000000, { resident: 96 * K, dirty: 96 * K, swapped: 176 * K }, DEFAULT_ZONE),
    ],
    zones: [
      { zoneName: DEFAULT_ZONE, kinds: ['nano'], allocationCount: 173, bytesAllocated: 6 * K, regionCount: 1 },
      { zoneName: HELPER_ZONE, kinds: ['tiny', 'small', 'large'], allocationCount: 10, bytesAllocated: 11 * K, regionCount: 3 },
    ],
    mallocRegions: [
      mallocRegion('nano', DEFAULT_ZONE, 0x600000000000, 0x600020000000),
      mallocRegion('tiny', HELPER_ZONE, 0x134600000, 0x134700000),
      mallocRegion('small', HELPER_ZONE, 0x135000000, 0x135800000),
      mallocRegion('small', HELPER_ZONE, 0x136000000, 0x136800000),
    ],
    liveBlocks: [
      { address: 0x134604080, requestedSize: 64, blockSize: 64, zone: 'tiny', live: true },
      { address: 0x136008200, requestedSize: 4096, blockSize: 4096, zone: 'small', live: true },
      { address: 0x600000004000, requestedSize: 32, blockSize: 32, zone: 'nano', live: true },
    ],
    footprint: { physFootprint: 1185 * K, physFootprintPeak: 1185 * K },
  });
}

// The notes' sample rows; their sharing mode reads SM=SHM, where we print SM=PRV for private
// anonymous memory (the column is the same width).
const SAMPLE_ROWS = [
  'MALLOC_TINY                 134600000-134700000    [ 1024K    32K    32K     0K] rw-/rwx SM=SHM          MallocHelperZone_0x10530c000',
  'MALLOC_SMALL (empty)        135000000-135800000    [ 8192K    16K    16K    16K] rw-/rwx SM=SHM          MallocHelperZone_0x10530c000',
  'MALLOC_NANO              600000000000-600020000000 [512.0M    96K    96K   176K] rw-/rwx SM=SHM          DefaultMallocZone_0x105348000',
  'MALLOC metadata             105348000-10534c000    [   16K    16K    16K     0K] r--/rwx SM=SHM          DefaultMallocZone_0x105348000 zone structure',
].map((row) => row.replace('SM=SHM', 'SM=PRV'));

const SAMPLE_ZONE_ROWS = [
  'DefaultMallocZone_0x105348000     512.0M        96K        96K       176K        173         6K       266K     98%       1',
  'MallocHelperZone_0x10530c000       17.0M        64K        64K        32K         10        11K        85K     89%       3',
];

suite('reports/vmmap', () => {
  test('region rows sit in the columns of the notes sample, "(empty)" marking a malloc region without live blocks', () => {
    const text = vmmapReport(sampleProcess());
    for (const row of SAMPLE_ROWS) assert.ok(text.split('\n').includes(row), `missing row:\n${row}\nin:\n${text}`);
  });

  test('regionRow keeps the dash in column 37 for short and long addresses', () => {
    const short = regionRow(region('MALLOC_TINY', 0x134600000, 0x134700000), 'MALLOC_TINY');
    const long = regionRow(region('MALLOC_NANO', 0x600000000000, 0x600020000000), 'MALLOC_NANO');
    assert.strictEqual(short.indexOf('-'), 37);
    assert.strictEqual(long.indexOf('-'), 37);
    assert.strictEqual(short.indexOf('['), 51);
    assert.strictEqual(long.indexOf('['), 51);
  });

  test('MALLOC ZONE rows reproduce the frag arithmetic: 96K + 176K − 6K = 266K, 98%', () => {
    const lines = vmmapReport(sampleProcess()).split('\n');
    for (const row of SAMPLE_ZONE_ROWS) assert.ok(lines.includes(row), `missing zone row:\n${row}`);
    const total = lines.find((l) => l.startsWith('TOTAL') && l.includes('%'));
    assert.strictEqual(total, 'TOTAL                             529.0M       160K       160K       208K        183        17K       351K     95%       4');
    const zones = zoneUsage(sampleProcess());
    assert.strictEqual(zones[0].fragmentation, 266 * K);
    assert.strictEqual(Math.round(zones[0].fragmentationPercent), 98);
    assert.strictEqual(zones[1].virtual, 17 * M);
  });

  test('-summary prints the header and the summary tables only', () => {
    const text = vmmapReport(sampleProcess(), { summary: true });
    assert.ok(!text.includes('==== Writable regions'));
    assert.ok(text.includes('==== Summary for process 66814'));
    assert.ok(text.includes('MALLOC_SMALL (empty)              8192K      16K      16K      16K       0K       0K       0K        1         see MALLOC ZONE table below'));
    assertGolden('vmmap-sample-summary', text);
  });

  test('the full report of the sample process', () => {
    assertGolden('vmmap-sample', vmmapReport(sampleProcess()));
  });
});
