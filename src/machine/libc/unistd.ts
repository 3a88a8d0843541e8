// <unistd.h> and <time.h> on a simulated clock: sleeping advances time and never waits.

import { toNum } from '../int64';
import type { LibTable } from './host';

/** The simulated wall clock starts at 2026-01-01T00:00:00Z. */
const EPOCH_SECONDS = 1767225600;

export const unistdLib: LibTable = {
  getpid: { fn: (h) => h.pid },
  getppid: { fn: () => 1 },
  sleep: { fn: (h, a) => { h.clockNs += (a[0] >>> 0) * 1e9; return 0; } },
  usleep: { fn: (h, a) => { h.clockNs += (a[0] >>> 0) * 1e3; return 0; } },
  nanosleep: {
    fn: (h, a) => {
      if (a[0] !== 0) h.clockNs += toNum(h.mem.readI64(a[0])) * 1e9 + toNum(h.mem.readI64(a[0] + 8));
      return 0;
    },
  },
  write: {
    fn: (h, a) => {
      const n = toNum(a[2]); const fd = a[0] | 0;
      if (fd !== 1 && fd !== 2) return -1;
      h.stdio.emit(fd, h.mem.readBytes(a[1], n));
      return n;
    },
  },
  read: {
    fn: (h, a) => {
      if ((a[0] | 0) !== 0) return -1;
      const n = toNum(a[2]); let i = 0;
      while (i < n) { const c = h.stdio.getc(h.stdio.stdin); if (c < 0) break; h.mem.writeU8(a[1] + i++, c); if (c === 10) break; }
      return i;
    },
  },
  isatty: { fn: (h, a) => ((a[0] | 0) === 1 ? (h.stdio.stdout.mode === 'line' ? 1 : 0) : (a[0] | 0) === 2 ? 1 : 0) },
  getpagesize: { fn: (h) => h.mem.pageSize },
  time: {
    fn: (h, a) => {
      const t = EPOCH_SECONDS + Math.floor(h.clockNs / 1e9);
      if (a[0] !== 0) h.mem.writeU64(a[0], t);
      return t;
    },
  },
  // CLOCKS_PER_SEC is 1000000 on macOS.
  clock: { fn: (h) => Math.floor(h.clockNs / 1e3) },
  gettimeofday: {
    fn: (h, a) => {
      if (a[0] !== 0) { h.mem.writeU64(a[0], EPOCH_SECONDS + Math.floor(h.clockNs / 1e9)); h.mem.writeU32(a[0] + 8, Math.floor((h.clockNs % 1e9) / 1e3)); }
      return 0;
    },
  },
  clock_gettime: {
    fn: (h, a) => {
      const base = (a[0] | 0) === 0 ? EPOCH_SECONDS : 0;
      h.mem.writeU64(a[1], base + Math.floor(h.clockNs / 1e9)); h.mem.writeU64(a[1] + 8, h.clockNs % 1e9);
      return 0;
    },
  },
};
