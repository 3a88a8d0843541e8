// The reports over real engine runs: the seed's trace.c and small leak/history programs.

import * as assert from 'assert';
import { TraceKind } from '../../../src/malloc/api';
import { heapReport } from '../../../src/reports/heap';
import { zoneUsage } from '../../../src/reports/inspect';
import { leaksReport } from '../../../src/reports/leaks';
import { describePointer, historyEntries, mallocHistoryReport } from '../../../src/reports/mallocHistory';
import { runJsonMemory } from '../../../src/reports/runJson';
import { buildSnapshot } from '../../../src/reports/snapshot';
import { vmmapReport } from '../../../src/reports/vmmap';
import { assertGolden } from './golden';
import { runProgram } from './engine';

const MIB = 1024 * 1024;
/** trace.c's `sleep(120);`, where the article attaches vmmap and malloc_history. */
const SLEEP_LINE = 23;

suite('reports on the real engine', function () {
  this.timeout(20_000);

  test('seed trace.c, MallocNanoZone=0, at the sleep: one DefaultMallocZone of 19.0M in 3 regions', () => {
    const { process, stop, stdout } = runProgram('trace.c', { env: { MallocNanoZone: '0' }, line: SLEEP_LINE });
    assert.strictEqual(stop.reason, 'breakpoint');
    assert.match(stdout, /^PID: 4242 {2}big=0x[0-9a-f]+\n$/);
    const zones = zoneUsage(process);
    assert.strictEqual(zones.length, 1);
    assert.match(zones[0].zoneName, /^DefaultMallocZone_0x[0-9a-f]+$/);
    assert.strictEqual(zones[0].virtual, 19 * MIB);
    assert.strictEqual(zones[0].regionCount, 3);
    const text = vmmapReport(process);
    const zoneRow = text.split('\n').find((l) => l.startsWith('DefaultMallocZone_'))!;
    assert.match(zoneRow, /^DefaultMallocZone_0x[0-9a-f]+ +19\.0M .* 3$/);
    assert.ok(text.includes('MALLOC_LARGE'));
    assertGolden('engine-trace-nano0-vmmap', text);
    assertGolden('engine-trace-nano0-heap', heapReport(process));
    assertGolden('engine-trace-nano0-history-bysize', mallocHistoryReport(process, { allBySize: true }));
    assertGolden('engine-trace-nano0-vmmap-summary', vmmapReport(process, { summary: true }));

    // `big` lives in main's frame and the 1000 blocks in its array: nothing has leaked.
    const leaks = leaksReport(process);
    assert.strictEqual(leaks.leakCount, 0, leaks.text);

    const json = runJsonMemory(process);
    const big = json.allocations.find((a) => a.size === 10 * MIB)!;
    assert.deepStrictEqual({ zone: big.zone, blockSize: big.blockSize, site: big.site }, { zone: 'large', blockSize: 10 * MIB, site: { file: 'trace.c', line: 14 } });
    assert.strictEqual(stdout.trim().split('big=')[1], big.address);
    assert.strictEqual(json.allocations.filter((a) => a.size === 64 && a.site.line === 10).length, 1000);
    // stdout's buffer, made inside printf, is sited at the printf call; the runtime's blocks from
    // before main have no site in the program.
    const stdoutBuffer = json.allocations.find((a) => a.size === 4096)!;
    assert.deepStrictEqual([stdoutBuffer.zone, stdoutBuffer.site], ['small', { file: 'trace.c', line: 19 }]);
    assert.ok(json.allocations.some((a) => a.site.file === '' && a.site.line === 0));
  });

  test('seed trace.c with nano on: the nano region is 512.0M in DefaultMallocZone, the rest in MallocHelperZone', () => {
    const { process } = runProgram('trace.c', { line: SLEEP_LINE });
    const text = vmmapReport(process);
    assert.match(text, /\nMALLOC_NANO +600000000000-600020000000 \[512\.0M /);
    const names = zoneUsage(process).map((z) => z.zoneName.split('_')[0]);
    assert.deepStrictEqual(names, ['DefaultMallocZone', 'MallocHelperZone']);
    assertGolden('engine-trace-vmmap', text);
  });

  test('leaks.c: the overwritten block is a ROOT LEAK, the pair a ROOT CYCLE; global, chained and local blocks are kept', () => {
    const { process } = runProgram('leaks.c', { line: 36 });
    const result = leaksReport(process);
    assert.strictEqual(result.leakCount, 3, result.text);
    // Groups come lowest address first: nano's 16-byte slots sit below its 64-byte ones.
    assert.deepStrictEqual(result.leaks.map((l) => [l.root, l.size, l.allocatedBy]), [
      ['ROOT CYCLE', 16, 'malloc in make'],
      [undefined, 16, 'malloc in make'],
      ['ROOT LEAK', 64, 'malloc in main'],
    ]);
    assert.strictEqual(result.leakedBytes, 96);
    assertGolden('engine-leaks', result.text);
  });

  test('history.c: ALLOC in a helper, then realloc (FREE + ALLOC) and FREE, with stacks', () => {
    const { process, stop } = runProgram('history.c');
    assert.strictEqual(stop.reason, 'exited');
    const trace = process.trace;
    let first = -1;
    for (let i = 0; i < trace.eventCount; i++) {
      const e = trace.event(i);
      const inBuffer = trace.stack(e.stackId).some((f) => f.functionName === 'buffer');
      if (e.kind === TraceKind.Alloc && e.size === 24 && inBuffer) { first = e.address; break; }
    }
    assert.ok(first > 0);
    const lines = mallocHistoryReport(process, { address: first }).split('\n').filter((l) => /^(ALLOC|FREE)/.test(l));
    // The address is reused: a temporary of the runtime's before main, then buffer()'s block,
    // then calloc's block once realloc moved buffer()'s away. malloc_history lists them all.
    assert.deepStrictEqual(lines.map((l) => l.replace(/0x[0-9a-f]+-0x[0-9a-f]+ /, '')), [
      'ALLOC [size=24]: thread_1f3ac4c00 | start',
      'FREE  [size=24]: thread_1f3ac4c00 | start',
      'ALLOC [size=24]: thread_1f3ac4c00 | start | main | buffer',
      'FREE  [size=24]: thread_1f3ac4c00 | start | main',
      'ALLOC [size=32]: thread_1f3ac4c00 | start | main',
      'FREE  [size=32]: thread_1f3ac4c00 | start | main',
    ]);
    const entries = historyEntries(process, first);
    assert.deepStrictEqual(entries.map((e) => [e.kind, e.stack.find((f) => f.file !== '')?.line ?? 0]),
      [['ALLOC', 0], ['FREE', 0], ['ALLOC', 5], ['REALLOC', 10], ['ALLOC', 13], ['FREE', 14]]);
    // The hover tells the story of the most recent block there: calloc'd at line 13, freed at 14.
    const hover = describePointer(process, first)!;
    assert.strictEqual(hover.block.live, false);
    assert.deepStrictEqual([hover.allocated?.line, hover.freed?.line], [13, 14]);
    assert.ok(hover.text.endsWith('freed at history.c:14 (step ' + hover.freed?.step + ') in main'), hover.text);
    assertGolden('engine-history-events', mallocHistoryReport(process, { allEvents: true }));
  });

  test('the snapshot of the seed at the sleep holds every region and the 10 MiB block', () => {
    const { process } = runProgram('trace.c', { env: { MallocNanoZone: '0' }, line: SLEEP_LINE });
    const snap = buildSnapshot(process, 'stopped', { file: 'trace.c', line: SLEEP_LINE });
    assert.deepStrictEqual(snap.regions.map((r) => r.type), ['MALLOC_TINY', 'MALLOC_SMALL', 'MALLOC_LARGE']);
    const large = snap.regions[2];
    assert.strictEqual(large.pages, 'd'.repeat(640), '10 MiB memset: 640 dirty 16 KiB pages');
    assert.deepStrictEqual(large.blocks.map((b) => [b.size, b.requested]), [[10 * MIB, 10 * MIB]]);
    assert.strictEqual(snap.liveBlockCount, snap.zones[0].allocationCount);
    assert.ok(snap.footprintSeries.length > 1, 'the series records the run');
    assert.strictEqual(snap.footprintSeries[snap.footprintSeries.length - 1].step, process.steps);
    assert.strictEqual(snap.footprint.physFootprint, process.memory.footprint().physFootprint);
  });
});
