// Micro-measurements of the allocator layer (not a test; run after `npx tsc -p .` with
// `node out/test/unit/malloc/measure.js`): ns per readI32/writeI32 on the hot path, malloc+free
// pairs per second, bytes per trace event.

import { TraceKind } from '../../../src/malloc/api';
import { TraceLog } from '../../../src/trace/traceLog';
import { magazineHeap, heap, MiB } from './helpers';

function time(label: string, ops: number, fn: () => void, unit: 'ns' | 'per-second'): void {
  fn(); // warm up
  const start = process.hrtime.bigint();
  fn();
  const ns = Number(process.hrtime.bigint() - start);
  const text = unit === 'ns' ? `${(ns / ops).toFixed(2)} ns/op` : `${Math.round(ops / (ns / 1e9)).toLocaleString('en-US')} /s`;
  console.log(`${label.padEnd(44)} ${text}`);
}

const h = magazineHeap();
const base = h.malloc.malloc(1 * MiB);
h.vm.fill(base, 0, 1 * MiB);
const N = 20_000_000;
let sink = 0;
const raw = new DataView(new ArrayBuffer(16384));
time('baseline: raw DataView.getInt32 (same loop)', N, () => {
  let s = 0;
  for (let i = 0; i < N; i++) s += raw.getInt32((i & 1023) << 2, true);
  sink += s;
}, 'ns');
time('readI32, same page (hot loop)', N, () => {
  const vm = h.vm;
  let s = 0;
  for (let i = 0; i < N; i++) s += vm.readI32(base + ((i & 1023) << 2));
  sink += s;
}, 'ns');
time('writeI32, same page (hot loop)', N, () => {
  const vm = h.vm;
  for (let i = 0; i < N; i++) vm.writeU32(base + ((i & 1023) << 2), i);
}, 'ns');
time('readI32, striding over 64 pages (cache misses)', N / 4, () => {
  const vm = h.vm;
  let s = 0;
  for (let i = 0; i < N / 4; i++) s += vm.readI32(base + (i % 64) * 16384 + 8);
  sink += s;
}, 'ns');

for (const [label, env, size] of [
  ['malloc(64)+free pairs, nano off (tiny)', { MallocNanoZone: '0' }, 64],
  ['malloc(64)+free pairs, nano on', {}, 64],
  ['malloc(4096)+free pairs (small)', {}, 4096],
  ['malloc(1 MiB)+free pairs (large, death row)', {}, 1 * MiB],
] as const) {
  const m = heap({ ...env }).malloc;
  const pairs = 500_000;
  time(label, pairs, () => { for (let i = 0; i < pairs; i++) m.free(m.malloc(size)); }, 'per-second');
}
{
  const m = magazineHeap().malloc;
  const n = 100_000;
  const ps = new Array<number>(n);
  time('100k mallocs of mixed sizes then 100k frees', 2 * n, () => {
    for (let i = 0; i < n; i++) ps[i] = m.malloc(16 + ((i * 7919) % 1000));
    for (let i = 0; i < n; i++) m.free(ps[(i * 7) % n]);
  }, 'per-second');
}
{
  const t = new TraceLog();
  const s = t.internStack([{ functionName: 'main', file: 'trace.c', line: 9 }]);
  for (let i = 0; i < 1_000_000; i++) t.record(i % 2 ? TraceKind.Free : TraceKind.Alloc, 0x12a004080 + 16 * (i >> 1), 64, 'tiny', undefined, i, s);
  t.historyOf(0x12a004080);
  console.log(`${'trace bytes per event (1M events, indexed)'.padEnd(44)} ${(t.byteSize / t.eventCount).toFixed(2)} B (capacity ${(t.capacityBytes / t.eventCount).toFixed(2)} B)`);
}
if (sink === 42) console.log('');
